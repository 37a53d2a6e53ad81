// EventRules: the event constructions of fa/events.tsv and en/events.tsv, compiled.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractors/document.h"
#include "extractors/key_table.h"

namespace diplograph {

enum class PatternItemKind { kLiteral, kSubject, kObject, kLightVerb, kGap };

struct PatternItem {
  PatternItemKind kind = PatternItemKind::kLiteral;
  std::vector<std::string> keys;  // literal alternatives, as match keys
  std::vector<uint64_t> hashes;   // HashKey of each key
  bool optional = false;
  std::string past_stem, present_stem;  // for kLightVerb
  uint32_t max_gap = 8;                 // for kGap: "..." is 8 tokens, "..N" N
};

struct EventRule {
  std::string predicate;
  std::string name;  // "fa.met.light-verb"
  Lang lang = Lang::kUnknown;
  std::vector<PatternItem> items;
  bool has_subject = false;
  bool intended = false;   // declares intent: modality intended
  bool swap = false;       // the matched subject is the statement's object
  bool place = false;      // the object is a place: a capital is the city, not its state
  bool pair = false;       // {S} is "the two sides": the statement joins the pair
  bool adjective = false;  // {O} may be a country adjective: "Iranian officials" is Iran
};

class Lexicon;

// The rules indexed by how a match can begin, so that a token is tried only
// against the rules it can start: the rules whose first literal it spells
// (alone or joined with the next tokens), and the rules that open with an
// actor slot where an actor starts. The rules must outlive the index.
class EventRuleIndex {
 public:
  explicit EventRuleIndex(const std::vector<EventRule>& rules);

  // What a word, or joined token keys, lead to.
  struct LiteralNode {
    std::vector<const EventRule*> rules;  // rules whose first literal is exactly this
    bool prefix = false;                  // some longer first literal begins with it
    // Rules opening with a slot whose anchor is, or begins with, this word:
    // positions in the language's list of such rules.
    std::vector<uint32_t> anchored;
  };
  // nullptr when no first literal or anchor of `lang` begins with `key`.
  const LiteralNode* FirstLiteral(Lang lang, std::string_view key) const {
    return For(lang).by_literal.Find(key);
  }
  // The same for a token's own key, with its hash.
  const LiteralNode* FirstLiteral(Lang lang, const Token& token) const {
    return For(lang).by_literal.Find(token.key, token.hash);
  }
  // Rules of `lang` that may begin anywhere an actor begins and can match in
  // a sentence whose tokens' FirstLiteral nodes are `nodes`: each such rule
  // needs some word (its anchor) and is left out where no token could begin
  // it. In rule order.
  void OpeningWithSlot(Lang lang, const std::vector<const LiteralNode*>& nodes,
                       std::vector<const EventRule*>* rules) const;
  // How many tokens a first literal can span at most.
  static constexpr uint32_t kMaxLiteralTokens = 4;

 private:
  struct PerLang {
    KeyTable<LiteralNode> by_literal;  // first literals and anchors, and their prefixes
    std::vector<const EventRule*> with_slot;
    std::vector<uint32_t> unanchored;  // positions in with_slot of rules always tried
  };
  const PerLang& For(Lang lang) const { return lang == Lang::kFa ? fa_ : en_; }
  PerLang fa_, en_;
};

// Loads and compiles `dir`/fa/events.tsv and `dir`/en/events.tsv. Throws
// Error naming the file and line of a malformed pattern or unknown predicate.
std::vector<EventRule> LoadEventRules(const std::string& dir, const Lexicon& lexicon);

// Compiles one pattern; exposed for tests.
EventRule CompileEventRule(const std::string& predicate, const std::string& pattern,
                           const std::string& name, const std::string& flags, Lang lang,
                           const Lexicon& lexicon, const std::string& where);

}  // namespace diplograph
