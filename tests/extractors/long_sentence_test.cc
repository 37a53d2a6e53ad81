// Sentences without end: cut into pieces of at most 1000 tokens, and crowded sentences keep each
// event's own date and place (found without scanning the sentence once per event).
#include <catch2/catch.hpp>

#include "extractors/segmenter.h"
#include "pipeline_fixture.h"

using namespace diplograph;

namespace {

Document Segmented(const std::string& text) {
  Document doc;
  doc.article.text = text;
  Segment(doc, &test::SharedExtractor().lexicon().Abbreviations());
  return doc;
}

std::string Repeat(const std::string& piece, size_t times) {
  std::string s;
  for (size_t i = 0; i < times; ++i) s += piece;
  return s;
}

// Sentences cover the tokens in order, without gaps or overlaps.
void RequireTiled(const Document& doc) {
  uint32_t next = 0;
  for (const Sentence& s : doc.sentences) {
    CHECK(s.first_token == next);
    CHECK(s.end_token > s.first_token);
    CHECK(s.end_token - s.first_token <= 1000);
    next = s.end_token;
  }
  CHECK(next == doc.tokens.size());
}

}  // namespace

TEST_CASE("a sentence of more than 1000 tokens is cut into pieces of 1000", "[segmenter]") {
  const Document doc = Segmented(Repeat("word ", 2500));
  REQUIRE(doc.sentences.size() == 3);
  RequireTiled(doc);
  CHECK(doc.sentences[0].end_token - doc.sentences[0].first_token == 1000);
  CHECK(doc.sentences[2].end_token - doc.sentences[2].first_token == 500);
  // The pieces' text runs on from one to the next.
  CHECK(doc.sentences[0].end == doc.sentences[1].begin);
  CHECK(doc.SentenceText(doc.sentences[1]).rfind("word word", 0) == 0);
}

TEST_CASE("abbreviations do not join sentences past 1000 tokens", "[segmenter]") {
  // Each "U.S." would join the next sentence to this one.
  const Document doc = Segmented(Repeat("Talks with the U.S. ", 3000));
  RequireTiled(doc);
  CHECK(doc.sentences.size() > 10);
}

TEST_CASE("an endless line gives statements with bounded evidence", "[pipeline]") {
  const std::string clause = "Abbas Araghchi met Sergey Lavrov in Moscow on Monday and ";
  const std::vector<Statement> statements =
      test::Extract("Talks\n" + Repeat(clause, 3000) + "they left.\n", "2025-01-15");
  REQUIRE(test::FindEitherWay(statements, "person:abbas-araghchi", "met", "person:sergey-lavrov"));
  for (const Statement& s : statements)
    for (const Provenance& p : s.provenance) {
      CHECK(p.end - p.start < 10'000);
      CHECK(p.text.size() < 20'000);
    }
}

TEST_CASE("each of many meetings in one sentence takes the date nearest it", "[pipeline]") {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Abbas Araghchi", "Sergey Lavrov"},
      {"Vladimir Putin", "Recep Tayyip Erdogan"},
      {"Wang Yi", "Badr Albusaidi"},
      {"Masoud Pezeshkian", "Aleksandar Vucic"}};
  const std::vector<std::pair<std::string, std::string>> ids = {
      {"person:abbas-araghchi", "person:sergey-lavrov"},
      {"person:vladimir-putin", "person:recep-tayyip-erdogan"},
      {"person:wang-yi", "person:badr-albusaidi"},
      {"person:masoud-pezeshkian", "person:aleksandar-vucic"}};
  // 80 clauses, one sentence of under 1000 tokens: every date is a candidate for every event.
  std::string text = "Meetings\n";
  for (int i = 0; i < 80; ++i) {
    if (i) text += ", ";
    text += pairs[i % 4].first + " met " + pairs[i % 4].second + " on " +
            std::to_string(i % 28 + 1) + " May " + std::to_string(2000 + i / 4);
  }
  const Document doc = test::Analyze(text + ".\n");
  REQUIRE(doc.sentences.size() == 2);
  for (int i = 0; i < 80; ++i) {
    INFO("clause " << i);
    const Date want = Date::Day(2000 + i / 4, 5, i % 28 + 1);
    const auto& [a, b] = ids[i % 4];
    const bool found = std::any_of(doc.statements.begin(), doc.statements.end(), [&](auto& s) {
      return s.predicate == "met" && s.date == want &&
             ((s.subject.id == a && s.object.id == b) || (s.subject.id == b && s.object.id == a));
    });
    CHECK(found);
  }
}

TEST_CASE("a meeting's place is the first place named that is not one of its parties",
          "[pipeline]") {
  const std::vector<Statement> statements = test::Extract(
      "Talks\nIn Doha, Iranian Foreign Minister Abbas Araghchi met Sergey Lavrov on Monday, and "
      "Wang Yi met Badr Albusaidi in Muscat on Tuesday.\n",
      "2025-01-15");
  const Statement* first =
      test::Find(statements, "person:abbas-araghchi", "met", "person:sergey-lavrov");
  REQUIRE(first);
  REQUIRE(first->place);
  CHECK(first->place->id == "place:doha");
}
