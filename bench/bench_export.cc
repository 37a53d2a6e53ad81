// bench_export: export speed and memory of each format over a store.
//
//   build/bench/bench_export STORE [--out DIR] [FORMAT...]
//
// Exports the whole store in each format (all of them by default), each in
// a child process of its own so that its peak RSS is its own, and prints one
// JSON line per format: statements and entities written, bytes, seconds,
// statements/s and the child's peak RSS. Output is counted and dropped, so
// that the figure is the exporter's, not the disk's; --out DIR writes the
// files there instead (neo4j: DIR/neo4j/).
//
// A store of a million statements: bench_peers loads the bench-peers events
// into WORKDIR/diplograph.db (see docs/BENCHMARKS.md).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <streambuf>
#include <string>
#include <vector>

#include "core/error.h"
#include "queries/export/export.h"
#include "queries/export/neo4j_writer.h"

namespace diplograph {
namespace {

namespace fs = std::filesystem;

// Counts what is written to it and keeps none of it.
class CountingBuffer : public std::streambuf {
 public:
  uint64_t bytes() const { return bytes_; }

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) ++bytes_;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes_ += static_cast<uint64_t>(n);
    return n;
  }

 private:
  uint64_t bytes_ = 0;
};

struct Result {
  ExportCounts counts;
  uint64_t bytes = 0;
  double seconds = 0;
};

Result ExportOnce(const std::string& db, const ExportFormatName& format, const std::string& out) {
  const auto start = std::chrono::steady_clock::now();
  const auto store = Store::Open(db, OpenMode::kReadOnly);
  const Selection selection(*store, {});
  Result result;
  CountingBuffer counted[2];
  std::ostream dropped(&counted[0]), dropped_edges(&counted[1]);
  if (format.format == ExportFormat::kNeo4j) {
    std::ofstream nodes, edges;
    if (!out.empty()) {
      fs::create_directories(out + "/neo4j");
      nodes.open(out + "/neo4j/nodes.csv", std::ios::binary);
      edges.open(out + "/neo4j/edges.csv", std::ios::binary);
    }
    Neo4jWriter writer(out.empty() ? dropped : nodes, out.empty() ? dropped_edges : edges);
    result.counts = Export(selection, &writer);
  } else {
    std::ofstream file;
    if (!out.empty()) file.open(out + "/export." + std::string(format.name), std::ios::binary);
    const auto writer = MakeWriter(format.format, out.empty() ? dropped : file);
    result.counts = Export(selection, writer.get());
  }
  result.bytes = counted[0].bytes() + counted[1].bytes();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

// Runs one format's export in a child; its JSON line, or an error.
nlohmann::json Measure(const std::string& db, const ExportFormatName& format,
                       const std::string& out) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw Error("pipe failed");
  const pid_t child = fork();
  if (child < 0) throw Error("fork failed");
  if (child == 0) {
    close(pipe_fds[0]);
    int status = 0;
    std::string line;
    try {
      const Result r = ExportOnce(db, format, out);
      line = nlohmann::json({{"statements", r.counts.edges + r.counts.skipped},
                             {"written", r.counts.edges},
                             {"entities", r.counts.nodes},
                             {"bytes", r.bytes},
                             {"seconds", r.seconds}})
                 .dump();
    } catch (const std::exception& e) {
      line = nlohmann::json({{"error", e.what()}}).dump();
      status = 1;
    }
    if (write(pipe_fds[1], line.data(), line.size()) < 0) status = 1;
    close(pipe_fds[1]);
    _exit(status);
  }
  close(pipe_fds[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof buf)) > 0;) text.append(buf, n);
  close(pipe_fds[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  nlohmann::json result =
      text.empty() ? nlohmann::json({{"error", "child died"}}) : nlohmann::json::parse(text);
  result["format"] = format.name;
  result["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
  if (result.contains("seconds") && result["seconds"].get<double>() > 0) {
    const double seconds = result["seconds"];
    result["statements_per_second"] = result["statements"].get<double>() / seconds;
    result["mb_per_second"] = result["bytes"].get<double>() / 1e6 / seconds;
  }
  return result;
}

int Run(int argc, char** argv) {
  std::string db, out;
  std::vector<std::string> wanted;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--out" && i + 1 < argc)
      out = argv[++i];
    else if (db.empty())
      db = arg;
    else
      wanted.push_back(arg);
  }
  if (db.empty()) {
    std::fprintf(stderr, "usage: bench_export STORE [--out DIR] [FORMAT...]\n");
    return 2;
  }
  for (const std::string& name : wanted)
    if (std::none_of(ExportFormats().begin(), ExportFormats().end(),
                     [&](const ExportFormatName& f) { return f.name == name; })) {
      std::fprintf(stderr, "bench_export: unknown format %s\n", name.c_str());
      return 2;
    }
  bool failed = false;
  for (const ExportFormatName& format : ExportFormats()) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), format.name) == wanted.end())
      continue;
    const nlohmann::json line = Measure(db, format, out);
    failed = failed || line.contains("error");
    std::cout << line.dump() << std::endl;
  }
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace diplograph

int main(int argc, char** argv) {
  try {
    return diplograph::Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_export: %s\n", e.what());
    return 1;
  }
}
