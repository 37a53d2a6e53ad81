// bench_peers: diplograph under ../shared/bench-peers' PROJECT_BENCH interface (the load
// operation).
//
//   PROJECT_BENCH=build/bench/bench_peers ../shared/bench-peers/run.sh 1000000 project sqlite kuzu
//   build/bench/bench_peers DATADIR WORKDIR
//
// Reads DATADIR/events.tsv (event_id subject predicate object date source),
// loads the events into a new store under WORKDIR through the BulkLoader (the
// path of `ingest --bulk`), and
// prints one JSON line for the `load` operation. The query operations belong
// to the queries issue.
#include <sys/resource.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"
#include "store/bulk_loader.h"
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

int Run(const std::string& data_dir, const std::string& work_dir) {
  const auto start = std::chrono::steady_clock::now();
  if (!fs::exists(data_dir + "/events.tsv")) throw Error(data_dir + "/events.tsv: cannot open");
  const fs::path db = fs::path(work_dir) / "diplograph.db";
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
  const nlohmann::json out = {{"system", "diplograph-" DIPLOGRAPH_VERSION},
                              {"op", "load"},
                              {"seconds", seconds},
                              {"rss_mb", PeakRssMb()},
                              {"n", events},
                              {"unit", "events"},
                              {"rate", static_cast<double>(events) / seconds},
                              {"disk_mb", static_cast<double>(DirectoryBytes(db)) / 1e6}};
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace
}  // namespace diplograph

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_peers DATADIR WORKDIR\n");
    return 2;
  }
  try {
    return diplograph::Run(argv[1], argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_peers: %s\n", e.what());
    return 1;
  }
}
