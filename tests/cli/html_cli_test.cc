#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run.h"

using namespace diplograph::test;
using nlohmann::json;

TEST_CASE("extract reads an HTML article file", "[cli][extract][html]") {
  TempDir dir;
  const std::string sentence =
      "Iran's foreign minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov in "
      "Moscow.";
  std::ofstream(dir / "talks.html", std::ios::binary)
      << "<!DOCTYPE html><html lang=\"en\"><head><title>Talks in Moscow</title>"
         "<meta property=\"article:published_time\" content=\"2025-04-18T10:00:00Z\">"
         "<script>var x = 'Lavrov met Araghchi';</script></head><body>"
         "<nav><a href=\"/\">Home</a></nav><article><h1>Talks in Moscow</h1><p>"
      << sentence << "</p></article><footer>Example Wire</footer></body></html>";

  const RunResult r = Run("extract " + Quote(dir / "talks.html"));
  REQUIRE(r.exit_code == 0);
  INFO(r.out << r.err);
  int met = 0;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const json s = json::parse(line);
    if (s["predicate"] != "met") continue;
    const std::string a = s["subject"]["id"], b = s["object"]["id"];
    if (!((a == "person:abbas-araghchi" && b == "person:sergey-lavrov") ||
          (a == "person:sergey-lavrov" && b == "person:abbas-araghchi")))
      continue;
    ++met;
    CHECK(s["evidence"]["text"] == sentence);
  }
  CHECK(met >= 1);
}
