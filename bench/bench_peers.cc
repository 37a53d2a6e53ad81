// bench_peers: diplograph under ../shared/bench-peers' PROJECT_BENCH interface.
//
//   PROJECT_BENCH=build/bench/bench_peers ../shared/bench-peers/run.sh 1000000 project sqlite kuzu
//   build/bench/bench_peers DATADIR WORKDIR [--queries-only]
//
// --queries-only runs the queries on the store an earlier run left in WORKDIR.
//
// Reads DATADIR/events.tsv (event_id subject predicate object date source),
// loads the events into a new store under WORKDIR through the BulkLoader (the
// path of `ingest --bulk`), opens it again read-only as a query command does,
// runs the seven query operations with DATADIR/params.json's parameters, and
// prints one JSON line per operation.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "queries/graph_projection.h"
#include "queries/path.h"
#include "queries/reach.h"
#include "store/bulk_loader.h"
#include "store/keys.h"
#include "store/store.h"

namespace diplograph {
namespace {

namespace fs = std::filesystem;

// The generator's twenty predicates onto the vocabulary, one to one, so that
// every count survives; where the vocabulary has the same name it is kept.
const std::map<std::string, std::string>& PredicateMap() {
  static const std::map<std::string, std::string> map = {
      {"met", "met"},
      {"visited", "visited"},
      {"hosted", "hosted"},
      {"consulted", "sent_message"},
      {"praised", "praised"},
      {"supports", "supports"},
      {"criticized", "criticized"},
      {"expressed_intent_to_cooperate", "intends_to_cooperate"},
      {"negotiated_with", "invited"},
      {"cooperated_with", "cooperates_with"},
      {"signed_agreement", "signed_agreement"},
      {"accused", "accused"},
      {"demanded", "requested"},
      {"rejected", "rejected"},
      {"appealed_to", "participates_in"},
      {"threatened", "threatened"},
      {"condemned", "member_of"},
      {"provided_aid_to", "located_in"},
      {"sanctioned", "sanctioned"},
      {"apologized_to", "hosts"},
  };
  return map;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

uint64_t DirectoryBytes(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
    fields.push_back(line.substr(start, tab - start));
  fields.push_back(line.substr(start));
  return fields;
}

Entity Actor(std::string_view id) {
  Entity e;
  e.id = "org:" + std::string(id);
  e.type = EntityType::kOrganization;
  e.name = std::string(id);
  return e;
}

// Events arrive as a feed delivers them: each batch of kBatch consecutive
// events is one article, so the load streams and memory does not hold the
// events themselves. Each event keeps its source and id in its provenance.
constexpr size_t kBatch = 1000;

// Parses events.tsv into batches on a thread of its own, so that parsing
// overlaps loading; at most a few batches wait.
class BatchReader {
 public:
  explicit BatchReader(const std::string& data_dir)
      : path_(data_dir + "/events.tsv"), thread_([this] { Read(); }) {}
  ~BatchReader() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  // The next batch; empty at the end. Rethrows a parse error.
  std::vector<Statement> Next() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (queue_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return {};
    }
    std::vector<Statement> batch = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return batch;
  }

 private:
  void Read() {
    try {
      std::ifstream in(path_);
      if (!in) throw Error(path_ + ": cannot open");
      std::string line;
      std::getline(in, line);  // header
      size_t row = 1;
      std::vector<Statement> batch;
      while (std::getline(in, line)) {
        ++row;
        if (line.empty()) continue;
        batch.push_back(Parse(line, row));
        if (batch.size() < kBatch) continue;
        if (!Push(std::move(batch))) return;
        batch.clear();
      }
      if (!batch.empty()) Push(std::move(batch));
    } catch (...) {
      std::lock_guard lock(mu_);
      error_ = std::current_exception();
    }
    std::lock_guard lock(mu_);
    done_ = true;
    cv_.notify_all();
  }

  Statement Parse(const std::string& line, size_t row) const {
    const auto f = Fields(line);
    const std::string where = path_ + ":" + std::to_string(row);
    if (f.size() != 6) throw Error(where + ": expected 6 fields");
    auto predicate = PredicateMap().find(std::string(f[2]));
    if (predicate == PredicateMap().end()) throw Error(where + ": unknown predicate");
    const auto date = Date::ParseIso(f[4]);
    if (!date) throw Error(where + ": bad date");
    Statement s;
    s.subject = Actor(f[1]);
    s.predicate = predicate->second;
    s.object = Actor(f[3]);
    s.date = *date;
    s.confidence = 1.0;
    Provenance p;
    p.source = std::string(f[5]);
    p.rule = std::string(f[0]);  // the event id
    p.confidence = 1.0;
    s.provenance.push_back(std::move(p));
    return s;
  }

  bool Push(std::vector<Statement>&& batch) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return queue_.size() < 4 || stop_; });
    if (stop_) return false;
    queue_.push_back(std::move(batch));
    cv_.notify_all();
    return true;
  }

  const std::string path_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::vector<Statement>> queue_;
  bool done_ = false, stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once the members above exist
};

// Prints one operation's JSON line.
void Emit(nlohmann::json out) {
  out["system"] = "diplograph-" DIPLOGRAPH_VERSION;
  out["rss_mb"] = PeakRssMb();
  std::cout << out.dump() << std::endl;
}

// Runs a query as the harness runs the other systems' (benchlib's
// run_query): once, then again while the total stays under three seconds,
// at most `max_reps` times; reports the median and the first run.
void RunQuery(const std::string& op, int max_reps, const std::function<uint64_t()>& query) {
  using Clock = std::chrono::steady_clock;
  std::vector<double> times;
  uint64_t count = 0;
  const auto start = Clock::now();
  do {
    const auto t0 = Clock::now();
    count = query();
    times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  } while (static_cast<int>(times.size()) < max_reps &&
           std::chrono::duration<double>(Clock::now() - start).count() <= 3.0);
  const double first = times.front();
  std::sort(times.begin(), times.end());
  const size_t n = times.size();
  const double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  Emit({{"op", op}, {"seconds", median}, {"count", count}, {"reps", n}, {"first_s", first}});
}

struct EventRow {
  uint64_t predicate = 0, other = 0;
  uint32_t when = 0;
  std::string source;
};

// The events touching an entity with date sort keys in [first, last], by
// date: a statement per time index entry, which names its predicate, other
// party and sources, and a row per source (an event the generator repeated
// is one statement with two sources). Only the entity's own range is read,
// and each distinct source's name once.
std::vector<EventRow> EventRows(const Store& store, uint64_t entity, uint32_t first,
                                uint32_t last) {
  std::unordered_map<uint64_t, std::string> names;
  const auto name = [&](uint64_t source) -> const std::string& {
    auto [it, added] = names.try_emplace(source);
    if (added && source) it->second = store.Term(source).substr(kSourcePrefix.size());
    return it->second;
  };
  std::vector<EventRow> rows;
  store.ScanTimeline(entity, first, last, [&](const keys::TimeKey& k, const TimeValue& v) {
    for (const uint64_t source : v.Sources())
      rows.push_back({v.predicate, v.other, k.when, name(source)});
    return true;
  });
  return rows;
}

// ?x met ?y . ?y supports ?z: the two patterns share ?y, so a hash join
// over their pos scans (met by object, supports by subject) counts the
// bindings without reading a record.
uint64_t CountMetSupports(const Store& store) {
  const auto met = store.TermId("met"), supports = store.TermId("supports");
  if (!met || !supports) return 0;
  std::unordered_map<uint64_t, uint64_t> met_into;
  store.ScanTriples({0, *met, 0}, [&](const Triple& t) {
    ++met_into[t.object];
    return true;
  });
  uint64_t bindings = 0;
  store.ScanTriples({0, *supports, 0}, [&](const Triple& t) {
    if (auto it = met_into.find(t.subject); it != met_into.end()) bindings += it->second;
    return true;
  });
  return bindings;
}

uint64_t Term(const Store& store, const std::string& id) {
  const auto term = store.TermId("org:" + id);
  if (!term) throw Error(store.path() + ": no entity " + id);
  return *term;
}

void RunQueries(const std::string& data_dir, const fs::path& db) {
  std::ifstream in(data_dir + "/params.json");
  if (!in) throw Error(data_dir + "/params.json: cannot open");
  const nlohmann::json params = nlohmann::json::parse(in);
  const auto store = Store::Open(db.string(), OpenMode::kReadOnly);
  const uint64_t hub = Term(*store, params["hub"]["id"]);
  const uint64_t mid = Term(*store, params["mid"]["id"]);
  const auto day = [&](const std::string& iso) {
    const auto date = Date::ParseIso(iso);
    if (!date) throw Error(data_dir + "/params.json: bad date " + iso);
    return keys::TimeSortKey(*date);
  };
  RunQuery("q1_events_1hop_hub", 5,
           [&] { return EventRows(*store, hub, 0, keys::kUndated).size(); });
  RunQuery("q1_events_1hop_mid", 5,
           [&] { return EventRows(*store, mid, 0, keys::kUndated).size(); });
  RunQuery("q2_pattern_met_supports", 3, [&] { return CountMetSupports(*store); });
  // Whole-graph queries run on the projection, built at the first and
  // reused while the store is unchanged: its build is in first_s.
  std::optional<GraphProjection> projection;
  const auto graph = [&]() -> const GraphProjection& {
    if (!projection || projection->Stale(*store)) projection.emplace(*store);
    return *projection;
  };
  RunQuery("q3_2hop_hub", 3, [&]() -> uint64_t {
    const auto v = graph().VertexOf(hub);
    return v ? CountWithinHops(graph(), *v, 2) : 0;
  });
  RunQuery("q4_shortest_path", 5, [&]() -> uint64_t {
    const Path path =
        ShortestPath(*store, graph(), "org:" + params["path"]["from"].get<std::string>(),
                     "org:" + params["path"]["to"].get<std::string>(), {});
    return path.edges.size();
  });
  // [from, to): the day before `to` is the last one in.
  const auto to = Date::ParseIso(params["window"]["to"].get<std::string>());
  if (!to) throw Error(data_dir + "/params.json: bad window");
  int y = 0, m = 0, d = 0;
  CivilFromDays(DaysFromCivil(to->year, to->month, to->day) - 1, &y, &m, &d);
  const uint32_t last = keys::TimeSortKey(Date::Day(y, m, d));
  RunQuery("q5_timeline_hub", 5,
           [&] { return EventRows(*store, hub, day(params["window"]["from"]), last).size(); });
}

int Run(const std::string& data_dir, const std::string& work_dir, bool queries_only) {
  const auto start = std::chrono::steady_clock::now();
  if (!fs::exists(data_dir + "/events.tsv")) throw Error(data_dir + "/events.tsv: cannot open");
  const fs::path db = fs::path(work_dir) / "diplograph.db";
  if (queries_only) {
    RunQueries(data_dir, db);
    return 0;
  }
  fs::remove_all(db);
  size_t events = 0;
  {
    auto store = Store::Open(db.string(), OpenMode::kReadWrite);
    BulkLoader loader(store.get());
    BatchReader reader(data_dir);
    for (std::vector<Statement> batch; !(batch = reader.Next()).empty();) {
      ArticleMeta meta;
      meta.id = "events:" + std::to_string(events);
      for (Statement& s : batch) s.provenance.front().article = meta.id;
      events += batch.size();
      loader.Add(meta, std::move(batch));
    }
    loader.Finish();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Emit({{"op", "load"},
        {"seconds", seconds},
        {"n", events},
        {"unit", "events"},
        {"rate", static_cast<double>(events) / seconds},
        {"disk_mb", static_cast<double>(DirectoryBytes(db)) / 1e6}});
  RunQueries(data_dir, db);
  return 0;
}

}  // namespace
}  // namespace diplograph

int main(int argc, char** argv) {
  const bool queries_only = argc == 4 && std::string(argv[3]) == "--queries-only";
  if (argc != 3 && !queries_only) {
    std::fprintf(stderr, "usage: bench_peers DATADIR WORKDIR [--queries-only]\n");
    return 2;
  }
  try {
    return diplograph::Run(argv[1], argv[2], queries_only);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_peers: %s\n", e.what());
    return 1;
  }
}
