#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

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

namespace {
// Writes `content` to a fresh file, streams it and parses it whole: both
// readings must give the same articles, or the same error.
void ExpectStreamedAsParsed(const std::string& content) {
  const std::string path = std::filesystem::temp_directory_path() / "diplograph-stream.jsonl";
  std::ofstream(path, std::ios::binary) << content;
  std::vector<Article> streamed, parsed;
  std::string stream_error, parse_error;
  try {
    StreamJsonLines(path, [&](Article&& a) { streamed.push_back(std::move(a)); });
  } catch (const Error& e) {
    stream_error = e.what();
  }
  try {
    ParseArticles(content, path, ArticleFormat::kJsonLines,
                  [&](Article&& a) { parsed.push_back(std::move(a)); });
  } catch (const Error& e) {
    parse_error = e.what();
  }
  std::filesystem::remove(path);
  CHECK(stream_error == parse_error);
  // Articles before a bad line have been streamed; ingest holds them until the end.
  if (!parse_error.empty()) return;
  REQUIRE(streamed.size() == parsed.size());
  for (size_t i = 0; i < parsed.size(); ++i) {
    CHECK(streamed[i].meta.id == parsed[i].meta.id);
    CHECK(streamed[i].text == parsed[i].text);
  }
}
}  // namespace

TEST_CASE("a JSON Lines file read a line at a time gives what reading it whole gives", "[reader]") {
  const std::string good = "{\"title\":\"دیدار\",\"text\":\"متن\"}\n\n{\"text\":\"Second.\"}\n";
  ExpectStreamedAsParsed(good);
  ExpectStreamedAsParsed("\xEF\xBB\xBF" + good);  // a byte-order mark
  ExpectStreamedAsParsed(good + "{\"title\": \"trunc");
  ExpectStreamedAsParsed(good + "{\"text\":\"bad \xFF byte\"}\n");
  ExpectStreamedAsParsed(good + std::string("{\"text\":\"nul\0\"}\n", 17));
  ExpectStreamedAsParsed("\n  \n");
  // A long line costs that line, not the file.
  ExpectStreamedAsParsed("{\"text\":\"" + std::string(3 << 20, 'x') + "\"}\n" + good);
}
