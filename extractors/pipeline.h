// Extractor: the extraction pipeline over one article, from text to statements.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/statement.h"
#include "extractors/article.h"
#include "extractors/document.h"
#include "extractors/event_rules.h"
#include "extractors/lexicon.h"

namespace diplograph {

struct ExtractOptions {
  // Anchors relative dates in articles that carry no "published" date.
  std::optional<Date> date;
  Lang lang = Lang::kUnknown;  // kUnknown: detect from the script
  // «کشورمان» (our country) in Persian press.
  std::string home_country = "country:IR";
};

// normalize -> segment -> match lexicon -> recognize entities -> resolve
// dates -> resolve coreference -> match events -> build statements. Holds no
// per-article state: one Extractor serves every thread.
class Extractor {
 public:
  // Loads the lexicon and event rules from `lexicon_dir`, then each extra
  // entity file. Throws Error naming the bad file.
  static std::unique_ptr<Extractor> Create(const std::string& lexicon_dir,
                                           const std::vector<std::string>& extra_lexicons = {});

  // Runs every component and returns the document with all it learned.
  Document Analyze(const Article& article, const ExtractOptions& options) const;
  // Runs every component into `doc`, reusing the buffers it already holds.
  void AnalyzeInto(const Article& article, const ExtractOptions& options, Document* doc) const;
  // The statements alone, from a per-thread document whose buffers are reused.
  std::vector<Statement> Extract(const Article& article, const ExtractOptions& options) const;

  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  std::shared_ptr<Lexicon> lexicon_;
  std::vector<EventRule> rules_;
  std::unique_ptr<EventRuleIndex> index_;  // points into rules_
};

}  // namespace diplograph
