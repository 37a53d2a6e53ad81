// EventRules: the event constructions of fa/events.tsv and en/events.tsv, compiled.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractors/document.h"

namespace diplograph {

enum class PatternItemKind { kLiteral, kSubject, kObject, kLightVerb, kGap };

struct PatternItem {
  PatternItemKind kind = PatternItemKind::kLiteral;
  std::vector<std::string> keys;  // literal alternatives, as match keys
  bool optional = false;
  std::string past_stem, present_stem;  // for kLightVerb
};

struct EventRule {
  std::string predicate;
  std::string name;  // "fa.met.light-verb"
  Lang lang = Lang::kUnknown;
  std::vector<PatternItem> items;
  bool has_subject = false;
  bool intended = false;  // declares intent: modality intended
  bool swap = false;      // the matched subject is the statement's object
  bool place = false;     // the object is a place: a capital is the city, not its state
};

class Lexicon;

// Loads and compiles `dir`/fa/events.tsv and `dir`/en/events.tsv. Throws
// Error naming the file and line of a malformed pattern or unknown predicate.
std::vector<EventRule> LoadEventRules(const std::string& dir, const Lexicon& lexicon);

// Compiles one pattern; exposed for tests.
EventRule CompileEventRule(const std::string& predicate, const std::string& pattern,
                           const std::string& name, const std::string& flags, Lang lang,
                           const Lexicon& lexicon, const std::string& where);

}  // namespace diplograph
