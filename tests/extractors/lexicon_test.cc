#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "core/error.h"
#include "extractors/lexicon.h"
#include "extractors/lexicon_matcher.h"
#include "extractors/segmenter.h"
#include "pipeline_fixture.h"

using namespace diplograph;
using namespace diplograph::test;

namespace {
// The lexicon entries matched at the start of `text`, and their token count.
std::vector<std::string> IdsAt(const std::string& text, uint32_t* length = nullptr) {
  Document doc;
  doc.article.text = text;
  Segment(doc);
  MatchLexicon(SharedExtractor().lexicon(), doc);
  std::span<const LexEntry* const> entries;
  const uint32_t n = SharedExtractor().lexicon().LongestMatch(
      doc.tokens, 0, static_cast<uint32_t>(doc.tokens.size()), &entries);
  if (length) *length = n;
  std::vector<std::string> ids;
  for (const LexEntry* e : entries) ids.push_back(e->id);
  return ids;
}

bool Has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

TEST_CASE("every country is known by its CLDR names in Persian, English and Arabic", "[lexicon]") {
  CHECK(Has(IdsAt("صربستان"), "country:RS"));
  CHECK(Has(IdsAt("Serbia"), "country:RS"));
  CHECK(Has(IdsAt("صربيا"), "country:RS"));  // Arabic
  CHECK(Has(IdsAt("Kyrgyzstan"), "country:KG"));
  CHECK(Has(IdsAt("قرقیزستان"), "country:KG"));
  const Entity* rs = SharedExtractor().lexicon().FindEntity("country:RS");
  REQUIRE(rs);
  CHECK(rs->name == "Serbia");
  CHECK(rs->type == EntityType::kCountry);
}

TEST_CASE("multi-word forms match whatever the ZWNJ, spacing or letter variants", "[lexicon]") {
  uint32_t n = 0;
  for (const std::string form :
       {"رئیس‌جمهور", "رییس جمهور", "رئيس جمهور", "رئیسجمهور"}) {
    INFO(form);
    CHECK(Has(IdsAt(form + " ایران", &n), "president"));
  }
  CHECK(Has(IdsAt("جمهوری اسلامی ایران", &n), "country:IR"));
  CHECK(n == 3);
  CHECK(Has(IdsAt("Foreign Minister"), "foreign minister"));
}

TEST_CASE("a user lexicon file adds entities, a bad row is reported with its line", "[lexicon]") {
  auto lex = Lexicon::Load(std::string(DIPLOGRAPH_SOURCE_DIR) + "/extractors/lexicon");
  const std::string path = "/tmp/diplograph-user-lexicon.tsv";
  {
    std::ofstream out(path);
    out << "# my additions\norg:example-forum\ten\tExample Forum\norg:example-forum\tfa\tمجمع "
           "نمونه\n";
  }
  lex->LoadEntityFile(path);
  REQUIRE(lex->FindEntity("org:example-forum"));
  CHECK(lex->FindEntity("org:example-forum")->name == "Example Forum");
  {
    std::ofstream out(path);
    out << "org:ok\ten\tOk\nnot-an-id\ten\tBroken\n";
  }
  CHECK_THROWS_WITH(lex->LoadEntityFile(path), Catch::StartsWith(path + ":2:"));
  std::remove(path.c_str());
  CHECK_THROWS_WITH(lex->LoadEntityFile("/nonexistent.tsv"), Catch::Contains("/nonexistent.tsv"));
}

TEST_CASE("event rules reject malformed patterns with file and line", "[lexicon][events]") {
  const Lexicon& lex = SharedExtractor().lexicon();
  CHECK_THROWS_WITH(CompileEventRule("befriended", "با {O} دیدار", "r", "", Lang::kFa, lex, "f:1"),
                    Catch::StartsWith("f:1: unknown predicate"));
  CHECK_THROWS_WITH(CompileEventRule("met", "با دیدار", "r", "", Lang::kFa, lex, "f:2"),
                    Catch::Contains("no {O}"));
  CHECK_THROWS_WITH(CompileEventRule("met", "با {O} {LV:پریدن}", "r", "", Lang::kFa, lex, "f:3"),
                    Catch::Contains("light verb"));
  CHECK_NOTHROW(
      CompileEventRule("met", "با {O} ... دیدار {LV:کردن}", "r", "", Lang::kFa, lex, "f:4"));
}
