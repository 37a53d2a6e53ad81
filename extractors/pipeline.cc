#include "extractors/pipeline.h"

#include "extractors/coreference.h"
#include "extractors/date_resolver.h"
#include "extractors/entity_recognizer.h"
#include "extractors/event_matcher.h"
#include "extractors/lexicon_matcher.h"
#include "extractors/segmenter.h"
#include "extractors/statement_builder.h"

namespace diplograph {

namespace {
constexpr size_t kKeptScratchBytes = size_t{1} << 22;
}  // namespace

std::unique_ptr<Extractor> Extractor::Create(const std::string& lexicon_dir,
                                             const std::vector<std::string>& extra_lexicons) {
  auto ex = std::unique_ptr<Extractor>(new Extractor());
  ex->lexicon_ = Lexicon::Load(lexicon_dir);
  for (const std::string& path : extra_lexicons) ex->lexicon_->LoadEntityFile(path);
  ex->rules_ = LoadEventRules(lexicon_dir, *ex->lexicon_);
  ex->index_ = std::make_unique<EventRuleIndex>(ex->rules_);
  return ex;
}

Document Extractor::Analyze(const Article& article, const ExtractOptions& options) const {
  Document doc;
  AnalyzeInto(article, options, &doc);
  return doc;
}

std::vector<Statement> Extractor::Extract(const Article& article,
                                          const ExtractOptions& options) const {
  // Articles come by the thousand: the document's large buffers (text, offset
  // maps, tokens) are kept from one to the next instead of reallocated.
  thread_local Document scratch;
  AnalyzeInto(article, options, &scratch);
  std::vector<Statement> statements = std::move(scratch.statements);
  // An outsized article does not keep its buffers for the ones after it.
  if (scratch.article.text.capacity() > kKeptScratchBytes) scratch = Document();
  return statements;
}

void Extractor::AnalyzeInto(const Article& article, const ExtractOptions& options,
                            Document* out) const {
  Document& doc = *out;
  doc.article = article;
  doc.published.reset();
  doc.lead_date.reset();
  doc.lang = options.lang;
  if (doc.lang == Lang::kUnknown) {
    if (article.meta.lang == "fa") doc.lang = Lang::kFa;
    if (article.meta.lang == "en") doc.lang = Lang::kEn;
  }
  // An article's own publication date wins over the one given for all.
  if (!article.meta.published.empty()) doc.published = Date::ParseIso(article.meta.published);
  if (!doc.published) doc.published = options.date;
  if (doc.published && doc.published->precision != DatePrecision::kDay) doc.published.reset();

  Segment(doc, &lexicon_->Abbreviations());
  MatchLexicon(*lexicon_, doc);
  RecognizeEntities(*lexicon_, doc);
  ResolveDates(*lexicon_, doc);
  ResolveCoreference(*lexicon_, options.home_country, doc);
  ResolveDates(*lexicon_, doc);  // the sentences coreference gave actors to
  MatchEvents(*index_, doc);
  BuildStatements(*lexicon_, doc);
}

}  // namespace diplograph
