// Crash safety of ingest: SIGKILL at random moments, then the same ingest again, must leave
// exactly the store a clean run leaves (same `stats --format json`) and pass `check`.
//
// Environment:
//   DIPLOGRAPH_KILL_TRIALS  number of trials (default 10, for CI; 100 is the long run)
//   DIPLOGRAPH_KILL_SEED    seed of the kill delays (default: random; printed either way)
// Long run:
//   DIPLOGRAPH_KILL_TRIALS=100 ctest --test-dir build -R crash -V
#include <catch2/catch.hpp>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "tests/crash/process.h"

using namespace diplograph::crash;
using nlohmann::json;

namespace {

// About 1500 articles. Extraction is fast (20 MB per CPU-second) and creating
// the store costs fsyncs, so a smaller corpus leaves too short a window in
// which articles are being written, the phase the kills must hit most.
constexpr double kCorpusMb = 2;
constexpr uint64_t kCorpusSeed = 1;
constexpr int kCorpusFiles = 6;

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(v, &end, 10);
  if (*end != '\0') throw std::runtime_error(std::string(name) + ": not a number: " + v);
  return n;
}

std::vector<std::string> IngestArgs(const fs::path& db, const fs::path& corpus, bool bulk = false) {
  std::vector<std::string> args = {"ingest", "--quiet", "--db", db.string(), corpus.string()};
  if (bulk) args.push_back("--bulk");
  return args;
}

// The clean run every trial is compared with, and its timing, which places the kills.
struct Reference {
  TempDir root;
  fs::path corpus;
  size_t articles = 0;
  json stats;
  double clean_seconds = 0;  // the whole clean ingest, from spawn to exit
  double files_seconds = 0;  // from spawn until the first store file appeared
  double data_seconds = 0;   // from spawn until articles were being written (WAL past 4 KB)
};

// Entries next to `db` named after it (the store, and whatever the store
// builds beside it, e.g. a temporary directory it renames into place).
std::vector<std::string> StoreEntries(const fs::path& db) {
  std::vector<std::string> found;
  std::error_code ec;
  const std::string stem = db.filename().string();
  for (const auto& e : fs::directory_iterator(db.parent_path(), ec))
    if (e.path().filename().string().rfind(stem, 0) == 0)
      found.push_back(e.path().filename().string());
  return found;
}

// Bytes in the store's write-ahead logs: grows as articles are committed,
// while creating the store writes only a few hundred bytes there.
uintmax_t WalBytes(const fs::path& db) {
  uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(db, ec))
    if (e.path().extension() == ".log") total += e.file_size(ec);
  return total;
}

const Reference& GetReference() {
  // Built once per process and destroyed at exit, which removes its folder.
  static const std::unique_ptr<Reference> ref = [] {
    auto r = std::make_unique<Reference>();
    r->corpus = r->root.path() / "corpus";
    r->articles = MakeCorpus(r->corpus, kCorpusMb, kCorpusSeed, kCorpusFiles);
    const fs::path dir = r->root.path() / "reference";
    fs::create_directories(dir);
    const fs::path db = dir / "graph.db";
    // Watched while it runs, to learn when the store is being created and
    // when articles are being written: the kills aim at both.
    const Clock::time_point t0 = Clock::now();
    const Child child = Spawn(DIPLOGRAPH_BINARY, IngestArgs(db, r->corpus),
                              (r->root.path() / "reference.out").string(),
                              (r->root.path() / "reference.err").string());
    Outcome done;
    while (!Finished(child, &done)) {
      if (r->files_seconds == 0 && !StoreEntries(db).empty()) r->files_seconds = SecondsSince(t0);
      if (r->files_seconds > 0 && r->data_seconds == 0 && WalBytes(db) > 4096)
        r->data_seconds = SecondsSince(t0);
      std::this_thread::sleep_for(std::chrono::microseconds(250));
    }
    r->clean_seconds = SecondsSince(t0);
    if (done.exit_code != 0) throw std::runtime_error("clean ingest failed: " + done.Describe());
    // When a phase was too short to be seen, the kills that aim at it land
    // where it must have been.
    if (r->data_seconds == 0) r->data_seconds = r->files_seconds;
    const Outcome stats =
        Diplograph({"stats", "--db", db.string(), "--format", "json"}, r->root.path(), "ref-stats");
    if (stats.exit_code != 0) throw std::runtime_error("stats failed: " + stats.Describe());
    r->stats = json::parse(stats.out);
    const Outcome check = Diplograph({"check", "--db", db.string()}, r->root.path(), "ref-check");
    if (check.exit_code != 0) throw std::runtime_error("check failed: " + check.Describe());
    return r;
  }();
  return *ref;
}

// What a killed run left, for the log: it shows where the kills landed.
std::string DescribeStore(const fs::path& db, const fs::path& scratch, size_t total,
                          std::string* phase) {
  std::error_code ec;
  std::string others;
  for (const std::string& e : StoreEntries(db))
    if (e != db.filename().string()) others += " " + e;
  const std::string beside = others.empty() ? "" : " (beside it:" + others + ")";
  if (!fs::exists(db, ec)) {
    *phase = others.empty() ? "no store yet" : "store being created";
    return "no store" + beside;
  }
  if (fs::is_empty(db, ec)) {
    *phase = "store being created";
    return "empty store dir" + beside;
  }
  if (!fs::exists(db / "CURRENT", ec)) {
    std::string files;
    for (const auto& e : fs::directory_iterator(db, ec))
      files += (files.empty() ? "" : " ") + e.path().filename().string();
    *phase = "store being created";
    return "store dir without CURRENT (" + files + ")" + beside;
  }
  const Outcome s = Diplograph({"stats", "--db", db.string(), "--format", "json"}, scratch, "peek");
  if (s.exit_code != 0) {
    *phase = "store being created";
    return "unreadable: " + s.err + beside;
  }
  const size_t n = json::parse(s.out).value("articles", size_t{0});
  *phase = n == 0 ? "store created, no article" : n < total ? "mid-ingest" : "all articles stored";
  return std::to_string(n) + "/" + std::to_string(total) + " articles stored" + beside;
}

// Fields of `got` that differ from `want`, one per line.
std::string StatsDiff(const json& want, const json& got) {
  std::ostringstream d;
  for (const char* k : {"articles", "statements", "entities", "provenance"})
    if (want.value(k, json()) != got.value(k, json()))
      d << "  " << k << ": clean " << want.value(k, json()) << ", after crash "
        << got.value(k, json()) << '\n';
  std::map<std::string, std::pair<json, json>> preds;
  // Named copies: iterating items() of a temporary would dangle.
  const json want_preds = want.value("predicates", json::object());
  const json got_preds = got.value("predicates", json::object());
  for (const auto& [p, n] : want_preds.items()) preds[p].first = n;
  for (const auto& [p, n] : got_preds.items()) preds[p].second = n;
  for (const auto& [p, v] : preds)
    if (v.first != v.second)
      d << "  predicates." << p << ": clean " << v.first << ", after crash " << v.second << '\n';
  return d.str();
}

struct Plan {
  std::string kind;
  double delay = 0;          // seconds from spawn to SIGKILL
  double second_delay = -1;  // >= 0: the first rerun is killed too, after this long
  bool bulk = false;         // every run of the trial is `ingest --bulk`
};

std::vector<Plan> MakePlans(size_t trials, uint64_t seed, const Reference& ref) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const auto between = [&](double from, double to) {
    return std::max(0.0, from + unit(rng) * std::max(0.0, to - from));
  };
  std::vector<Plan> plans;
  for (size_t i = 0; i < trials; ++i) {
    Plan p;
    // The first four trials cover what matters most even in the short CI
    // run: a kill at once, one while the store is being created, and two
    // while articles are written (the first also killing the rerun). The
    // rest are drawn.
    const double u = i == 0 ? -1 : i == 1 ? 0.2 : i == 2 || i == 3 ? 0.9 : unit(rng);
    if (u < 0) {
      p = {"at spawn", 0};
    } else if (u < 0.1) {
      p = {"before store", between(0, ref.files_seconds)};
    } else if (u < 0.35) {
      p = {"store creation", between(ref.files_seconds - 0.002, ref.data_seconds + 0.002)};
    } else {
      // Up to the end of the clean run: runs vary, so a few kills come after
      // the ingest ended, and must change nothing either.
      p = {"writing", between(ref.data_seconds, ref.clean_seconds)};
    }
    if (i == 2 || (i > 3 && unit(rng) < 0.3)) p.second_delay = between(0, ref.clean_seconds);
    // A bulk load is all or nothing, and run again on a store it completed
    // it stores the normal way: every fourth trial checks both.
    p.bulk = i % 4 == 3;
    plans.push_back(p);
  }
  return plans;
}

// Runs the ingest and SIGKILLs it `delay` seconds after spawning it.
Outcome IngestAndKill(const fs::path& db, const fs::path& corpus, const fs::path& scratch,
                      const std::string& tag, double delay, bool bulk) {
  const Clock::time_point t0 = Clock::now();
  const Child child =
      Spawn(DIPLOGRAPH_BINARY, IngestArgs(db, corpus, bulk), (scratch / (tag + ".out")).string(),
            (scratch / (tag + ".err")).string());
  std::this_thread::sleep_until(
      t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay)));
  return Kill(child);
}

std::string Ms(double seconds) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << seconds * 1000 << " ms";
  return s.str();
}

}  // namespace

TEST_CASE(
    "ingest killed with SIGKILL at random moments then rerun equals a clean run "
    "(DIPLOGRAPH_KILL_TRIALS trials: 10 by default and 100 for the long run)",
    "[crash][ingest]") {
  const Reference& ref = GetReference();
  const size_t trials = EnvNumber("DIPLOGRAPH_KILL_TRIALS", 10);
  const uint64_t seed = EnvNumber("DIPLOGRAPH_KILL_SEED", std::random_device()());
  REQUIRE(trials > 0);
  std::cout << "kill-ingest: " << trials << " trials, DIPLOGRAPH_KILL_SEED=" << seed << "; corpus "
            << ref.articles << " articles in " << kCorpusFiles << " files; clean ingest "
            << Ms(ref.clean_seconds) << ", store files appear at " << Ms(ref.files_seconds)
            << ", articles written from " << Ms(ref.data_seconds) << "; clean stats "
            << ref.stats.dump() << std::endl;

  std::map<std::string, size_t> phases;  // where the first kill landed, for the summary
  std::vector<std::string> failures;
  const std::vector<Plan> plans = MakePlans(trials, seed, ref);
  for (size_t i = 0; i < plans.size(); ++i) {
    const Plan& plan = plans[i];
    const fs::path dir = ref.root.path() / ("trial-" + std::to_string(i));
    fs::create_directories(dir);
    const fs::path db = dir / "graph.db";
    std::ostringstream log;
    log << "trial " << i << " [" << plan.kind << (plan.bulk ? ", bulk" : "") << "]: kill at "
        << Ms(plan.delay);
    std::string failure;

    const Outcome first = IngestAndKill(db, ref.corpus, dir, "first", plan.delay, plan.bulk);
    std::string phase;
    if (!first.killed) {
      log << " (ran to the end first)";
      if (first.exit_code != 0)
        failure = "the interrupted ingest failed on its own: " + first.Describe();
    }
    log << " -> " << DescribeStore(db, dir, ref.articles, &phase);
    ++phases[first.killed ? phase : "finished before the kill"];
    // Kept for a post-mortem when the trial fails.
    std::error_code ec;
    fs::create_directories(dir / "after-kill", ec);
    for (const std::string& e : StoreEntries(db))
      fs::copy(dir / e, dir / "after-kill" / e, fs::copy_options::recursive, ec);

    if (failure.empty() && plan.second_delay >= 0) {
      const Outcome second =
          IngestAndKill(db, ref.corpus, dir, "second", plan.second_delay, plan.bulk);
      std::string second_phase;
      log << "; rerun killed at " << Ms(plan.second_delay)
          << (second.killed ? "" : " (ran to the end first)") << " -> "
          << DescribeStore(db, dir, ref.articles, &second_phase);
      if (!second.killed && second.exit_code != 0)
        failure = "the rerun after the first kill failed: " + second.Describe();
    }

    if (failure.empty()) {
      const Outcome rerun = Diplograph(IngestArgs(db, ref.corpus, plan.bulk), dir, "rerun");
      if (rerun.exit_code != 0)
        failure = "the ingest run after the kill failed: " + rerun.Describe();
    }
    if (failure.empty()) {
      const Outcome stats =
          Diplograph({"stats", "--db", db.string(), "--format", "json"}, dir, "stats");
      if (stats.exit_code != 0) {
        failure = "stats after recovery failed: " + stats.Describe();
      } else {
        const json got = json::parse(stats.out, nullptr, false);
        if (got.is_discarded())
          failure = "stats after recovery is not JSON: " + stats.out;
        else if (got != ref.stats)
          failure = "stats after recovery differ from the clean run:\n" + StatsDiff(ref.stats, got);
      }
    }
    if (failure.empty()) {
      const Outcome check = Diplograph({"check", "--db", db.string()}, dir, "check");
      if (check.exit_code != 0 || check.out.find("consistent") == std::string::npos)
        failure = "check after recovery failed: " + check.Describe() + "\n" + check.out;
    }

    log << (failure.empty() ? "; recovered: stats identical, check ok" : "; FAILED");
    std::cout << log.str() << std::endl;
    if (!failure.empty()) {
      // The trial's folder (after-kill/: the store as the first kill left it;
      // graph.db: as recovery left it; each run's stdout and stderr) goes
      // where the test's temporary folder will not delete it.
      const fs::path kept =
          fs::temp_directory_path() /
          ("diplograph-crash-failed-" + std::to_string(seed) + "-" + std::to_string(i));
      fs::remove_all(kept, ec);
      fs::copy(dir, kept, fs::copy_options::recursive, ec);
      failures.push_back(log.str() + "\n  " + failure + "\n  stores kept in " + kept.string() +
                         "\n  same kill delays: DIPLOGRAPH_KILL_SEED=" + std::to_string(seed) +
                         " DIPLOGRAPH_KILL_TRIALS=" + std::to_string(trials));
    }
    fs::remove_all(dir, ec);
  }

  std::cout << "kill-ingest: first kill landed:";
  for (const auto& [phase, n] : phases) std::cout << " " << phase << " " << n << ";";
  std::cout << " failures " << failures.size() << "/" << trials << std::endl;
  for (const std::string& f : failures) FAIL_CHECK(f);
}
