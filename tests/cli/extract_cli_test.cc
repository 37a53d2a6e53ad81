#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run.h"

using namespace diplograph::test;
using nlohmann::json;

namespace {
std::vector<json> Lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(json::parse(line));
  return lines;
}

void Write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}
}  // namespace

TEST_CASE("extract prints one valid statement per line for every example", "[cli][extract]") {
  for (const auto& entry : std::filesystem::directory_iterator(Examples())) {
    if (entry.path().extension() != ".txt" && entry.path().extension() != ".jsonl") continue;
    INFO(entry.path());
    const RunResult r = Run("extract " + Quote(entry.path().string()));
    REQUIRE(r.exit_code == 0);
    const auto lines = Lines(r.out);
    CHECK_FALSE(lines.empty());
    for (const json& s : lines) {
      for (const char* key :
           {"article", "subject", "predicate", "object", "date", "date_precision", "place",
            "modality", "role", "cameo", "plover", "confidence", "evidence", "rule"})
        CHECK(s.contains(key));
      CHECK(s["subject"]["id"].get<std::string>().find(':') != std::string::npos);
      CHECK(s["evidence"]["end"].get<int>() > s["evidence"]["start"].get<int>());
    }
  }
}

TEST_CASE("extract reads articles from stdin", "[cli][extract]") {
  TempDir dir;
  Write(dir / "a.txt",
        "Talks in Muscat\nIran's foreign minister Abbas Araghchi met Omani Foreign Minister Badr "
        "Albusaidi in Muscat.\n");
  const RunResult r = Run("extract -", dir / "a.txt");
  REQUIRE(r.exit_code == 0);
  bool met = false;
  for (const json& s : Lines(r.out))
    met = met || (s["predicate"] == "met" && s["subject"]["id"] == "person:abbas-araghchi");
  CHECK(met);
}

TEST_CASE("extract reports bad input in one line naming the file", "[cli][extract]") {
  TempDir dir;
  Write(dir / "empty.txt", "");
  Write(dir / "binary.txt", std::string("\xFF\xFE\x00\x01garbage", 11));
  Write(dir / "broken.jsonl", "{\"title\": \"a\", \"text\": ");
  for (const std::string& bad : {dir / "missing.txt", dir.path().string(), dir / "empty.txt",
                                 dir / "binary.txt", dir / "broken.jsonl"}) {
    INFO(bad);
    const RunResult r = Run("extract " + Quote(bad));
    CHECK(r.exit_code != 0);
    CHECK(r.out.empty());
    CHECK(r.err.find(bad) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("extract rejects a malformed --date", "[cli][extract]") {
  const RunResult r = Run("extract --date 2025-13-01 " + Quote(Examples()));
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("--date") != std::string::npos);
}

TEST_CASE("every command answers --help", "[cli]") {
  for (const char* cmd :
       {"extract", "ingest", "stats", "relations", "neighbors", "timeline", "entities", "check"}) {
    INFO(cmd);
    const RunResult r = Run(std::string(cmd) + " --help");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage") != std::string::npos);
  }
}

TEST_CASE("an article with no statements is a note, not an error", "[cli][extract]") {
  TempDir dir;
  Write(dir / "weather.txt", "Weather\nIt rained in the capital all day.\n");
  const RunResult r = Run("extract " + Quote(dir / "weather.txt"));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("note:") != std::string::npos);
  CHECK(r.err.find("no statements") != std::string::npos);
}
