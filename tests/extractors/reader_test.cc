#include <catch2/catch.hpp>

#include "core/error.h"
#include "extractors/article_reader.h"

using namespace diplograph;

namespace {
std::vector<Article> Parse(std::string_view content, ArticleFormat format = ArticleFormat::kAuto) {
  std::vector<Article> out;
  ParseArticles(content, "input.txt", format, [&](Article&& a) { out.push_back(std::move(a)); });
  return out;
}
}  // namespace

TEST_CASE("a plain-text article has its headline on the first line", "[reader]") {
  const auto a = Parse("\nدیدار وزیران خارجه\nمتن خبر.\n");
  REQUIRE(a.size() == 1);
  CHECK(a[0].meta.title == "دیدار وزیران خارجه");
  CHECK(a[0].text == "\nدیدار وزیران خارجه\nمتن خبر.\n");  // offsets count from the file start
  CHECK(a[0].meta.id.rfind("sha256:", 0) == 0);
  CHECK(a[0].meta.id.size() == 7 + 64);
}

TEST_CASE("the same text always gets the same article id", "[reader]") {
  CHECK(Parse("A\nB")[0].meta.id == Parse("A\nB")[0].meta.id);
  CHECK(Parse("A\nB")[0].meta.id != Parse("A\nC")[0].meta.id);
}

TEST_CASE("JSON Lines articles carry their metadata", "[reader]") {
  const auto a = Parse(
      R"({"id":"x1","url":"https://example.org/1","title":"Talks","text":"Body.","published":"2025-01-30T08:00:00Z","lang":"en","source":"Agency"})"
      "\n\n"
      R"({"title":"Second","text":"More."})"
      "\n");
  REQUIRE(a.size() == 2);
  CHECK(a[0].meta.url == "https://example.org/1");
  CHECK(a[0].meta.published == "2025-01-30");
  CHECK(a[0].meta.source == "Agency");
  CHECK(a[0].text == "Talks\nBody.");
  CHECK(a[1].meta.title == "Second");
}

TEST_CASE("unreadable input fails with one line naming the input and the problem", "[reader]") {
  CHECK_THROWS_WITH(Parse(""), Catch::StartsWith("input.txt: empty"));
  CHECK_THROWS_WITH(Parse("  \n\t\n"), Catch::StartsWith("input.txt: empty"));
  CHECK_THROWS_WITH(Parse(std::string("ok\n\xFF\xFE", 5)),
                    Catch::Contains("invalid UTF-8 at byte 3"));
  CHECK_THROWS_WITH(Parse(std::string("a\0b", 3)), Catch::Contains("NUL"));
  CHECK_THROWS_WITH(
      Parse("{\"title\":\"a\",\"text\":\"b\"}\n{\"title\": \"trunc", ArticleFormat::kJsonLines),
      Catch::StartsWith("input.txt:2: not a valid JSON object"));
  CHECK_THROWS_WITH(Parse("[1,2]", ArticleFormat::kJsonLines),
                    Catch::Contains("expected a JSON object"));
  CHECK_THROWS_WITH(Parse("{\"title\":\"\",\"text\":\" \"}"), Catch::Contains("no text"));
  CHECK_THROWS_WITH(Parse("{\"text\":\"x\",\"published\":\"soon\"}"), Catch::Contains("published"));
}

TEST_CASE("files that are missing or folders are named in the error", "[reader]") {
  auto sink = [](Article&&) {};
  CHECK_THROWS_WITH(ReadArticles("/nonexistent/article.txt", sink),
                    "/nonexistent/article.txt: no such file");
  CHECK_THROWS_WITH(ReadArticles("/tmp", sink), Catch::Contains("is a directory"));
}
