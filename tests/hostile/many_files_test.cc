// A folder of 100,000 tiny files: ingested in bounded time and memory (memory does not grow with
// the number of files), a second run stores nothing new, and broken files among them are each
// reported on one line and skipped. About a minute on two cores, most of it the first ingest.
//
// Environment: DIPLOGRAPH_HOSTILE_FILES, the number of files (default 100000; the sanitizer run
// uses fewer).
#include <catch2/catch.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "tests/hostile/child.h"

namespace diplograph::hostile {
namespace {

using nlohmann::json;

// `count` small articles in folders of 1000; every tenth reports a meeting.
// Each differs, so that none is a repeat of another.
void MakeFolder(const fs::path& root, size_t count) {
  static const char* const kNames[] = {"Sergey Lavrov", "Badr Albusaidi", "Marko Djuric",
                                       "Wang Yi"};
  for (size_t i = 0; i < count; ++i) {
    const fs::path file = root / std::to_string(i / 1000) / ("note-" + std::to_string(i) + ".txt");
    std::string text = "Bulletin " + std::to_string(i) + "\n";
    if (i % 10 == 0)
      text += "Iranian Foreign Minister Abbas Araghchi met " + std::string(kNames[i / 10 % 4]) +
              " in Tehran on Monday, bulletin " + std::to_string(i) + " says.\n";
    else
      text += "Item " + std::to_string(i) + " had nothing to report.\n";
    WriteFile(file, text);
  }
}

json Stats(const fs::path& db, const fs::path& scratch) {
  const Outcome o = Run({"stats", "--format", "json", "--db", db.string()}, scratch, "stats");
  INFO(o.Describe());
  REQUIRE(o.exit_code == 0);
  return json::parse(o.out);
}

TEST_CASE("a folder of 100,000 tiny files is ingested in bounded time and memory",
          "[hostile][many-files]") {
  Scratch dir("many");
  const size_t count = EnvSize("DIPLOGRAPH_HOSTILE_FILES", 100'000);
  const size_t tenth = std::max<size_t>(1, count / 10);
  const auto start = std::chrono::steady_clock::now();
  MakeFolder(dir / "tenth", tenth);
  MakeFolder(dir / "all", count);
  const double written =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const fs::path db = dir / "graph.db";

  const Outcome small =
      Run({"ingest", "--db", (dir / "tenth.db").string(), (dir / "tenth").string()}, dir.path(),
          "tenth");
  const Outcome all = Run({"ingest", "--db", db.string(), (dir / "all").string()}, dir.path(),
                          "all", {.timeout_seconds = 900});
  INFO("tenth: " << small.Describe());
  INFO("all: " << all.Describe());
  REQUIRE(small.exit_code == 0);
  REQUIRE(all.exit_code == 0);
  CHECK(all.err.rfind("ingested " + std::to_string(count) + " articles", 0) == 0);
  // Memory is that of the articles in flight and the store's bounded
  // buffers and cache, not of the folder. AddressSanitizer holds freed memory
  // in quarantine (256 MB) and grows its caches with the number of
  // allocations, so there the bound is looser.
#if defined(__SANITIZE_ADDRESS__)
  CHECK(all.max_rss_kb <= small.max_rss_kb + 512 * 1024);
#else
  CHECK(all.max_rss_kb <= 2 * small.max_rss_kb + 64 * 1024);
#endif
  CHECK(all.seconds <= 20 * small.seconds + 10);
  const json stored = Stats(db, dir.path());
  CHECK(stored["articles"] == count);
  CHECK(stored["statements"].get<uint64_t>() > 0);

  // Again: every file is recognized as stored, and nothing changes.
  const Outcome again = Run({"ingest", "--db", db.string(), (dir / "all").string()}, dir.path(),
                            "again", {.timeout_seconds = 900});
  INFO("again: " << again.Describe());
  CHECK(again.exit_code == 0);
  CHECK(again.err.rfind("ingested 0 articles (" + std::to_string(count) + " already stored)", 0) ==
        0);
  CHECK(Stats(db, dir.path()) == stored);
  std::cout << "many-files: " << count + tenth << " files written in " << written << " s; " << count
            << " ingested in " << all.seconds << " s, peak " << all.max_rss_kb / 1024 << " MB ("
            << tenth << " in " << small.seconds << " s, peak " << small.max_rss_kb / 1024
            << " MB); again in " << again.seconds << " s" << std::endl;
  const Outcome check = Run({"check", "--db", db.string()}, dir.path(), "check");
  CHECK(check.exit_code == 0);
}

TEST_CASE("broken files among many are each reported on one line and skipped",
          "[hostile][many-files]") {
  Scratch dir("broken");
  const size_t count = std::max<size_t>(100, EnvSize("DIPLOGRAPH_HOSTILE_FILES", 100'000) / 20);
  MakeFolder(dir / "in", count);
  // One in fifty broken: empty, invalid UTF-8, NUL bytes, a truncated JSON line.
  std::vector<fs::path> broken;
  for (size_t i = 0; i < count; i += 50) {
    const fs::path base = dir / "in" / std::to_string(i / 1000) / ("broken-" + std::to_string(i));
    switch (i / 50 % 4) {
      case 0:
        broken.push_back(base.string() + ".txt");
        WriteFile(broken.back(), "");
        break;
      case 1:
        broken.push_back(base.string() + ".txt");
        WriteFile(broken.back(), "Head\n\xFF\xFE\n");
        break;
      case 2:
        broken.push_back(base.string() + ".txt");
        WriteFile(broken.back(), std::string("Head\nA\0B\n", 9));
        break;
      default:
        broken.push_back(base.string() + ".jsonl");
        WriteFile(broken.back(), "{\"title\":\"cut\",\"text\":\"abc");
    }
  }
  const fs::path db = dir / "graph.db";
  const Outcome o = Run({"ingest", "--db", db.string(), (dir / "in").string()}, dir.path(), "in");
  INFO(o.Describe().substr(0, 2000));
  CHECK_FALSE(o.crashed());
  CHECK(o.exit_code == 1);
  const std::vector<std::string> lines = o.ErrLines();
  REQUIRE(lines.size() == broken.size() + 1);
  std::sort(broken.begin(), broken.end());
  std::vector<std::string> reported(lines.begin(), lines.end() - 1);
  std::sort(reported.begin(), reported.end());
  for (size_t i = 0; i < broken.size(); ++i)
    CHECK(reported[i].rfind("diplograph: " + broken[i].string() + ":", 0) == 0);
  CHECK(lines.back().rfind("ingested " + std::to_string(count) + " articles", 0) == 0);
  CHECK(Stats(db, dir.path())["articles"] == count);
}

}  // namespace
}  // namespace diplograph::hostile
