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
}  // namespace

TEST_CASE("Persian sentences split at . ؟ and line ends", "[segmenter]") {
  const Document doc = Segmented("عنوان خبر\nوزیر با سفیر دیدار کرد. آیا توافق شد؟ بله.");
  REQUIRE(doc.sentences.size() == 4);
  CHECK(doc.lang == Lang::kFa);
  CHECK(doc.SentenceText(doc.sentences[0]) == "عنوان خبر");
  CHECK(doc.SentenceText(doc.sentences[1]) == "وزیر با سفیر دیدار کرد.");
}

TEST_CASE("tokens split words, numbers and punctuation", "[segmenter]") {
  const Document doc = Segmented("Iran's minister met al-Sudani in 2024.");
  std::vector<std::string> keys;
  for (const auto& t : doc.tokens) keys.emplace_back(t.key);
  CHECK(keys ==
        std::vector<std::string>{"iran", "'s", "minister", "met", "alsudani", "in", "2024", "."});
  CHECK(doc.tokens[0].capitalized);
  CHECK(doc.tokens[6].kind == TokenKind::kNumber);
  CHECK(doc.lang == Lang::kEn);
}

TEST_CASE("ZWNJ, tatweel and Arabic letters do not change token boundaries' meaning",
          "[segmenter]") {
  const Document a = Segmented("گفت‌وگو كرد");
  const Document b = Segmented("گفت وگو کرد");
  REQUIRE(a.tokens.size() == b.tokens.size());
  for (size_t i = 0; i < a.tokens.size(); ++i) CHECK(a.tokens[i].key == b.tokens[i].key);
}

TEST_CASE("original text is recovered from tokens despite normalization", "[segmenter]") {
  const std::string text = "سفير «علي» وارد شد";
  const Document doc = Segmented(text);
  // The name between guillemets keeps its Arabic yeh in the original text.
  CHECK(doc.OriginalText(2, 3) == "علي");
  CHECK(doc.OriginalText(0, static_cast<uint32_t>(doc.tokens.size())) == text);
}

TEST_CASE("abbreviations such as U.S. do not end a sentence", "[segmenter]") {
  const Document doc =
      Segmented("Title\nThe U.S. envoy spoke with Mr. Wang in Beijing. They talked.");
  REQUIRE(doc.sentences.size() == 3);
  CHECK(doc.SentenceText(doc.sentences[1]).rfind("The U.S. envoy", 0) == 0);
}
