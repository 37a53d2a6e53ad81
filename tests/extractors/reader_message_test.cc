// What article readers quote of a bad value in their messages: short, one line, inert.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "extractors/article_reader.h"

using namespace diplograph;

TEST_CASE("a bad published date is quoted short and without control characters", "[reader]") {
  const std::string line = "{\"title\":\"t\",\"text\":\"x\",\"published\":\"\\u001b[31m" +
                           std::string(100000, '7') + "\"}\n";
  try {
    ParseArticles(line, "feed.jsonl", ArticleFormat::kJsonLines, [](Article&&) {});
    FAIL("accepted a bad date");
  } catch (const Error& e) {
    const std::string message = e.what();
    CHECK(message.rfind("feed.jsonl:1: \"published\" is not an ISO date: \xEF\xBF\xBD[31m777", 0) ==
          0);
    CHECK(message.size() < 200);
    CHECK(message.find('\x1b') == std::string::npos);
  }
}
