// bench_serve: latency of the workspace API's neighbourhood requests over HTTP, against `serve`.
//
//   bench_serve DB [--binary PATH] [--requests N]
//
// Starts `diplograph serve` on the store, asks /api/neighbors (depth 1, the
// page the web app asks) for N entities drawn at random, once each after a
// warm-up pass, over one keep-alive connection, and prints the latency
// percentiles; then the same for the most connected entity.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Child {
  pid_t pid = -1;
  int port = 0;
};

Child StartServer(const std::string& binary, const std::string& db) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  Child child;
  child.pid = fork();
  if (child.pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execl(binary.c_str(), binary.c_str(), "serve", "--db", db.c_str(), "--port", "0", nullptr);
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
  close(out[0]);
  const size_t colon = line.rfind(':');
  if (!line.starts_with("listening on") || colon == std::string::npos)
    throw std::runtime_error("serve did not start: " + line);
  child.port = std::stoi(line.substr(colon + 1));
  return child;
}

std::string Encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_serve DB [--binary PATH] [--requests N]\n";
    return 2;
  }
  const std::string db = argv[1];
  std::string binary = DIPLOGRAPH_BINARY;
  size_t requests = 1000;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--binary") binary = argv[i + 1];
    if (flag == "--requests") requests = std::stoul(argv[i + 1]);
  }

  // Entities by reservoir sampling, and the hub, read before the server opens the store.
  std::vector<std::string> sample;
  std::string hub;
  uint64_t hub_degree = 0, entities = 0, statements = 0;
  {
    const auto store = diplograph::Store::Open(db, diplograph::OpenMode::kReadOnly);
    statements = store->Stats().statements;
    std::mt19937_64 rng(42);
    store->ForEachEntity([&](uint64_t term, const diplograph::Entity& e) {
      ++entities;
      if (sample.size() < requests) {
        sample.push_back(e.id);
      } else {
        const uint64_t j = std::uniform_int_distribution<uint64_t>(0, entities - 1)(rng);
        if (j < requests) sample[j] = e.id;
      }
      const uint64_t degree = store->Degree(term);
      if (degree > hub_degree) hub_degree = degree, hub = e.id;
      return true;
    });
  }

  const Child server = StartServer(binary, db);
  httplib::Client client("127.0.0.1", server.port);
  client.set_keep_alive(true);
  auto time = [&](const std::string& id, size_t* bytes) {
    const auto start = Clock::now();
    const auto r = client.Get("/api/neighbors?entity=" + Encode(id));
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!r || r->status != 200)
      throw std::runtime_error("request for " + id + " failed: " + (r ? r->body : "no answer"));
    *bytes += r->body.size();
    return ms;
  };

  size_t bytes = 0;
  for (const std::string& id : sample) time(id, &bytes);  // warm-up: the block cache
  bytes = 0;
  std::vector<double> ms;
  for (const std::string& id : sample) ms.push_back(time(id, &bytes));
  std::vector<double> hub_ms;
  size_t hub_bytes = 0;
  for (int i = 0; i < 20; ++i) hub_ms.push_back(time(hub, &hub_bytes));
  kill(server.pid, SIGTERM);
  waitpid(server.pid, nullptr, 0);

  std::printf("store: %llu statements, %llu entities\n",
              static_cast<unsigned long long>(statements),
              static_cast<unsigned long long>(entities));
  std::printf(
      "neighbors, %zu random entities: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, %.1f KB avg\n",
      ms.size(), Percentile(ms, 0.5), Percentile(ms, 0.9), Percentile(ms, 0.99),
      static_cast<double>(bytes) / 1024.0 / static_cast<double>(ms.size()));
  std::printf("neighbors, hub %s (%llu statements): p50 %.2f ms, %.1f KB\n", hub.c_str(),
              static_cast<unsigned long long>(hub_degree), Percentile(hub_ms, 0.5),
              static_cast<double>(hub_bytes) / 1024.0 / static_cast<double>(hub_ms.size()));
  return 0;
}
