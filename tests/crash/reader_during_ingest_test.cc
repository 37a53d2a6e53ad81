// Readers during ingest: `stats` and `check` opened while an ingest writes must each see one
// consistent state (whole articles only), and successive readers never see the store shrink.
//
// Environment: DIPLOGRAPH_READER_ROUNDS, how often the ingest into a store that already holds
// articles is repeated (default 10; each round is a fresh chance to open a reader at the moment
// the writer opens the store).
#include <atomic>
#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/crash/process.h"

using namespace diplograph::crash;
using nlohmann::json;

namespace {

// Bigger than the kill test's corpus: the ingest must outlast many reader
// processes (each pays for opening the store).
constexpr double kCorpusMb = 3;
constexpr uint64_t kCorpusSeed = 2;
constexpr int kCorpusFiles = 8;
// Readers running side by side: two on a two-core machine already double the
// chance that one opens the store at a delicate moment of the writer.
constexpr int kReaders = 2;

// Problems with one `stats` answer on its own; empty when it is consistent.
std::string Invariants(const json& s, size_t total_articles) {
  for (const char* k : {"articles", "statements", "entities", "provenance"})
    if (!s.contains(k) || !s[k].is_number_unsigned()) return std::string("no count \"") + k + "\"";
  if (!s.contains("predicates") || !s["predicates"].is_object()) return "no \"predicates\" object";
  const uint64_t articles = s["articles"], statements = s["statements"], entities = s["entities"],
                 provenance = s["provenance"];
  uint64_t by_predicate = 0;
  for (const auto& [p, n] : s["predicates"].items()) by_predicate += n.get<uint64_t>();
  std::ostringstream e;
  if (provenance < statements)
    e << "provenance " << provenance << " < statements " << statements << "; ";
  if (by_predicate != statements)
    e << "per-predicate counts sum to " << by_predicate << ", statements " << statements << "; ";
  if (statements > 0 && (entities == 0 || articles == 0))
    e << statements << " statements but " << entities << " entities, " << articles << " articles; ";
  if (articles > total_articles)
    e << articles << " articles, more than the corpus holds (" << total_articles << "); ";
  return e.str();
}

// Where `now` is smaller than `before` in any count: a later reader saw less.
std::string Shrunk(const json& before, const json& now) {
  std::ostringstream e;
  for (const char* k : {"articles", "statements", "entities", "provenance"})
    if (now[k].get<uint64_t>() < before[k].get<uint64_t>())
      e << k << " went from " << before[k] << " to " << now[k] << "; ";
  for (const auto& [p, n] : before["predicates"].items())
    if (now["predicates"].value(p, uint64_t{0}) < n.get<uint64_t>())
      e << "predicates." << p << " went from " << n << " to " << now["predicates"].value(p, 0)
        << "; ";
  return e.str();
}

// What the readers saw while one ingest ran.
struct Watch {
  Outcome writer;
  double writer_seconds = 0;
  size_t answers = 0, mid_ingest = 0, checks = 0, refusals = 0;
  std::vector<std::string> problems;
  std::vector<std::string> log;  // one line per good `stats` answer
};

// Runs `ingest corpus` into `db` while kReaders threads run `stats` (and
// every fourth time `check`) back to back until it ends. `floor` is what the
// store held before (null for a new store): no answer may show less, and
// each reader's answers may only grow. Refusals are accepted only while the
// store does not exist yet.
Watch WatchIngest(const fs::path& db, const fs::path& corpus, size_t total, const json& floor,
                  const fs::path& scratch) {
  Watch w;
  std::mutex mu;
  std::atomic<bool> done{false};
  const Clock::time_point t0 = Clock::now();
  const Child writer =
      Spawn(DIPLOGRAPH_BINARY, {"ingest", "--quiet", "--db", db.string(), corpus.string()},
            (scratch / "writer.out").string(), (scratch / "writer.err").string());
  const auto reader = [&](int id) {
    json last = floor;
    for (size_t round = 0; !done; ++round) {
      // A full `check` reads every record and index, so a reader that saw
      // half a batch would show up there.
      const bool check = round % 4 == 3 && !last.is_null();
      const double at = SecondsSince(t0);
      const std::string tag = "reader" + std::to_string(id);
      const Outcome r =
          check ? Diplograph({"check", "--db", db.string()}, scratch, tag)
                : Diplograph({"stats", "--db", db.string(), "--format", "json"}, scratch, tag);
      const bool writer_done = done;
      std::ostringstream where;
      where << "reader " << id << " " << (check ? "check" : "stats") << " #" << round << " at "
            << static_cast<int>(at * 1000) << " ms";
      std::string problem;
      json s;
      if (r.exit_code != 0) {
        // Before the store exists a reader is refused; a half-made store
        // ("not a diplograph store") is a state it must not see.
        if (last.is_null() && r.err.find("no diplograph store here") != std::string::npos) {
          std::lock_guard<std::mutex> lock(mu);
          ++w.refusals;
          continue;
        }
        problem = "failed: " + r.Describe() + (r.out.empty() ? "" : "\n" + r.out);
      } else if (check) {
        if (r.out.find("consistent") == std::string::npos) problem = "says " + r.out;
      } else {
        s = json::parse(r.out, nullptr, false);
        if (s.is_discarded()) problem = "not JSON: " + r.out;
        if (problem.empty()) problem = Invariants(s, total);
        if (problem.empty() && !last.is_null()) {
          problem = Shrunk(last, s);
          if (!problem.empty()) problem += "\n  before: " + last.dump() + "\n  now:    " + s.dump();
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      if (!problem.empty()) {
        w.problems.push_back(where.str() + ": " + problem);
      } else if (check) {
        ++w.checks;
      } else {
        ++w.answers;
        const uint64_t n = s["articles"];
        const uint64_t from = floor.is_null() ? 0 : floor["articles"].get<uint64_t>();
        if (n > from && n < total) ++w.mid_ingest;
        w.log.push_back(where.str() + ": " + std::to_string(n) + "/" + std::to_string(total) +
                        " articles, " + s["statements"].dump() + " statements" +
                        (writer_done ? " (writer had finished)" : ""));
        last = s;
      }
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < kReaders; ++i) readers.emplace_back(reader, i);
  w.writer = Wait(writer);
  w.writer_seconds = SecondsSince(t0);
  done = true;
  for (auto& t : readers) t.join();
  return w;
}

json Stats(const fs::path& db, const fs::path& scratch) {
  const Outcome r =
      Diplograph({"stats", "--db", db.string(), "--format", "json"}, scratch, "stats");
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("readers opened while an ingest writes see consistent and growing states",
          "[crash][reader]") {
  TempDir root;
  const fs::path corpus = root.path() / "corpus";
  const size_t total = MakeCorpus(corpus, kCorpusMb, kCorpusSeed, kCorpusFiles);
  const fs::path db = root.path() / "graph.db";

  const Watch w = WatchIngest(db, corpus, total, json(), root.path());
  for (const std::string& line : w.log) std::cout << line << '\n';
  std::cout << "reader-during-ingest: writer ran " << static_cast<int>(w.writer_seconds * 1000)
            << " ms; " << w.answers << " stats answers (" << w.mid_ingest << " mid-ingest), "
            << w.checks << " checks, " << w.refusals << " refusals before the store existed; "
            << w.problems.size() << " problems" << std::endl;
  for (const std::string& p : w.problems) FAIL_CHECK(p);
  REQUIRE(w.writer.exit_code == 0);

  // The finished store holds every article and agrees with its indexes.
  const json s = Stats(db, root.path());
  CHECK(Invariants(s, total).empty());
  CHECK(s["articles"].get<size_t>() == total);
  CHECK(Diplograph({"check", "--db", db.string()}, root.path(), "final-check").exit_code == 0);

  // Without readers that landed between the first and the last article the
  // test proved nothing about concurrent reading.
  CHECK(w.mid_ingest >= 2);
}

TEST_CASE(
    "readers opened while an ingest reopens a store that holds articles never see fewer of them "
    "(DIPLOGRAPH_READER_ROUNDS rounds: 10 by default)",
    "[crash][reader]") {
  // Opening a store for writing recovers what the previous writer left in
  // its log, which rewrites the store's files: the moment a reader opened
  // alongside could miss what is already stored. The window lasts a few
  // milliseconds, so the ingest is repeated, each round on a copy of the
  // same half-filled store.
  TempDir root;
  const fs::path corpus = root.path() / "corpus";
  const size_t total = MakeCorpus(corpus, 1, kCorpusSeed + 1, 6);
  const fs::path base = root.path() / "base.db";
  const Outcome prefill =
      Diplograph({"ingest", "--quiet", "--db", base.string(), (corpus / "part-00.jsonl").string(),
                  (corpus / "part-01.jsonl").string(), (corpus / "part-02.jsonl").string()},
                 root.path(), "prefill");
  REQUIRE(prefill.exit_code == 0);
  const json floor = Stats(base, root.path());
  REQUIRE(floor["articles"].get<size_t>() > 0);

  const size_t rounds = [] {
    const char* v = std::getenv("DIPLOGRAPH_READER_ROUNDS");
    return v && *v ? std::stoul(v) : size_t{10};
  }();
  size_t answers = 0, checks = 0, failed_rounds = 0;
  for (size_t i = 0; i < rounds; ++i) {
    const fs::path dir = root.path() / ("round-" + std::to_string(i));
    fs::create_directories(dir);
    const fs::path db = dir / "graph.db";
    fs::copy(base, db, fs::copy_options::recursive);
    const Watch w = WatchIngest(db, corpus, total, floor, dir);
    answers += w.answers;
    checks += w.checks;
    std::cout << "round " << i << ": writer ran " << static_cast<int>(w.writer_seconds * 1000)
              << " ms; " << w.answers << " stats answers, " << w.checks << " checks, "
              << w.problems.size() << " problems" << std::endl;
    if (!w.problems.empty()) ++failed_rounds;
    for (const std::string& p : w.problems) FAIL_CHECK("round " << i << ": " << p);
    CHECK(w.writer.exit_code == 0);
    CHECK(Stats(db, dir)["articles"].get<size_t>() == total);
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::cout << "reader-during-reopen: " << rounds << " rounds from a store of " << floor["articles"]
            << "/" << total << " articles; " << answers << " stats answers, " << checks
            << " checks; rounds with problems " << failed_rounds << "/" << rounds << std::endl;
  CHECK(answers >= rounds);
}
