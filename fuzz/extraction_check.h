// The extraction pipeline as the reader harnesses run it, with the invariants its output must keep.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/date.h"
#include "core/error.h"
#include "core/json_io.h"
#include "core/predicate.h"
#include "core/utf8.h"
#include "extractors/pipeline.h"
#include "fuzz/check.h"

namespace diplograph::fuzz {

// Loaded once per process: loading the lexicon takes far longer than one input.
inline const Extractor& SharedExtractor() {
  static const std::unique_ptr<Extractor> extractor = Extractor::Create(Lexicon::DefaultDir());
  return *extractor;
}

inline bool ValidUtf8(const std::string& s) { return utf8::FindInvalid(s) == std::string::npos; }

inline void CheckEntity(const Entity& e) {
  FUZZ_CHECK(!e.id.empty());
  FUZZ_CHECK(ValidUtf8(e.id) && ValidUtf8(e.name));
  for (const std::string& n : e.names) FUZZ_CHECK(ValidUtf8(n));
}

inline void CheckDate(const Date& d) {
  if (!d.known()) return;
  // What a statement's date prints as must read back as the same date.
  const auto again = Date::ParseIso(d.ToIso());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->year == d.year && again->month == d.month && again->day == d.day);
  FUZZ_CHECK(again->precision == d.precision);
}

// Checks what `extract` would print of an article's statements: each well
// formed, its evidence inside the article, and its JSON line readable back
// (`ingest --statements` reads it) into the same statement.
inline void CheckStatements(const Article& article, const std::vector<Statement>& statements) {
  const size_t code_points = utf8::Length(article.text);
  for (const Statement& s : statements) {
    FUZZ_CHECK(FindPredicate(s.predicate) != nullptr);
    CheckEntity(s.subject);
    CheckEntity(s.object);
    if (s.place) CheckEntity(*s.place);
    CheckDate(s.date);
    FUZZ_CHECK(s.confidence >= 0 && s.confidence <= 1);
    FUZZ_CHECK(ValidUtf8(s.role));
    FUZZ_CHECK(!s.provenance.empty());
    for (const Provenance& p : s.provenance) {
      FUZZ_CHECK(p.start <= p.end && p.end <= code_points);
      FUZZ_CHECK(ValidUtf8(p.text));
      FUZZ_CHECK(p.article == article.meta.id);
    }
    const nlohmann::json line = StatementToExtractJson(s);
    const nlohmann::json parsed = nlohmann::json::parse(line.dump());
    FUZZ_CHECK(StatementToExtractJson(StatementFromExtractJson(parsed)) == line);
  }
}

// Extracts `article` as `extract` does and checks the statements.
inline void CheckExtraction(const Article& article, const ExtractOptions& options) {
  std::vector<Statement> statements;
  try {
    statements = SharedExtractor().Extract(article, options);
  } catch (const Error&) {
    return;  // a clear failure for this article: allowed
  }
  CheckStatements(article, statements);
}

}  // namespace diplograph::fuzz
