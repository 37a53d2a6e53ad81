// Shared by extractor tests: one Extractor over the project's lexicon.
#pragma once

#include <string>
#include <vector>

#include "extractors/article_reader.h"
#include "extractors/pipeline.h"

namespace diplograph::test {

inline const Extractor& SharedExtractor() {
  static const auto extractor =
      Extractor::Create(std::string(DIPLOGRAPH_SOURCE_DIR) + "/extractors/lexicon");
  return *extractor;
}

inline Article TextArticle(const std::string& text) {
  Article a;
  ParseArticles(text, "fixture", ArticleFormat::kText, [&](Article&& parsed) { a = parsed; });
  return a;
}

inline Document Analyze(const std::string& text, const std::string& date = "") {
  ExtractOptions options;
  if (!date.empty()) options.date = Date::ParseIso(date);
  return SharedExtractor().Analyze(TextArticle(text), options);
}

inline std::vector<Statement> Extract(const std::string& text, const std::string& date = "") {
  return Analyze(text, date).statements;
}

// The statement subject -predicate-> object, if extracted.
inline const Statement* Find(const std::vector<Statement>& statements, const std::string& subject,
                             const std::string& predicate, const std::string& object) {
  for (const Statement& s : statements)
    if (s.subject.id == subject && s.predicate == predicate && s.object.id == object) return &s;
  return nullptr;
}

// A statement of a symmetric predicate (met, signed_agreement), either way round.
inline bool FindEitherWay(const std::vector<Statement>& statements, const std::string& a,
                          const std::string& predicate, const std::string& b) {
  return Find(statements, a, predicate, b) || Find(statements, b, predicate, a);
}

}  // namespace diplograph::test
