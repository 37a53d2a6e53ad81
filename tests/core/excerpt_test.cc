// utf8::Excerpt, and the messages that quote input through it: short, one line, nothing that
// drives a terminal.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/json_io.h"
#include "core/utf8.h"

using namespace diplograph;

TEST_CASE("Excerpt keeps short text as it is", "[utf8]") {
  CHECK(utf8::Excerpt("2025-13-01") == "2025-13-01");
  CHECK(utf8::Excerpt("عراقچی Vučić") == "عراقچی Vučić");
  CHECK(utf8::Excerpt("") == "");
}

TEST_CASE("Excerpt cuts long text at a character", "[utf8]") {
  const std::string persian = "سلام";  // 4 characters, 8 bytes
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += persian;
  const std::string cut = utf8::Excerpt(long_text, 10);
  CHECK(cut == "سلامسلامسل…");
  CHECK(utf8::FindInvalid(cut) == std::string::npos);
}

TEST_CASE("Excerpt shows control and bidi-override characters as U+FFFD", "[utf8]") {
  CHECK(utf8::Excerpt("a\x1b[2Jb\nc\td") ==
        "a\xEF\xBF\xBD[2Jb\xEF\xBF\xBD"
        "c\xEF\xBF\xBD"
        "d");
  CHECK(utf8::Excerpt("\xC2\x9B"
                      "31m") ==
        "\xEF\xBF\xBD"
        "31m");  // C1 CSI
  CHECK(utf8::Excerpt("x\xE2\x80\xAEy\xE2\x81\xA6z") == "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
  CHECK(utf8::Excerpt("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("a statement line with a hostile value is refused with a short message", "[json]") {
  nlohmann::json line = {
      {"subject", {{"id", "country:IR"}, {"type", "country"}, {"name", "Iran"}}},
      {"predicate", "met"},
      {"object", {{"id", "country:RS"}, {"type", "country"}, {"name", "Serbia"}}},
      {"article", "sha256:x"},
      {"date", "\x1b]0;title\x07" + std::string(10000, '9')}};
  try {
    StatementFromExtractJson(line);
    FAIL("accepted a bad date");
  } catch (const Error& e) {
    const std::string message = e.what();
    CHECK(message.rfind("field \"date\" is not an ISO 8601 date: \xEF\xBF\xBD]0;title", 0) == 0);
    CHECK(message.size() < 200);
    CHECK(message.find('\x1b') == std::string::npos);
  }
}
