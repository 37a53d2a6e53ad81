// bench_extract_corpus: extraction throughput (MB of text per CPU-second) and peak memory over a
// generated Persian and English corpus, streamed: each article is generated, extracted and dropped.
//   bench_extract_corpus [--mb N] [--seed S] [--threads T] [--dump]
// --dump writes the corpus as JSON Lines instead (for `diplograph extract` or reading).
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include "bench/corpus_generator.h"

#include "core/error.h"
#include "extractors/pipeline.h"

namespace {

using namespace diplograph;

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double ProcessCpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const auto sec = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return sec(ru.ru_utime) + sec(ru.ru_stime);
}

// Peak resident set size so far, MiB (Linux reports ru_maxrss in KiB).
double PeakRssMib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// Current resident set size, MiB; 0 when /proc is not there.
double CurrentRssMib() {
  long pages = 0, resident = 0;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  const int n = std::fscanf(f, "%ld %ld", &pages, &resident);
  std::fclose(f);
  return n == 2 ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
                      (1024.0 * 1024.0)
                : 0;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Options {
  double mb = 5;
  uint64_t seed = 1;
  int threads = 1;
  bool dump = false;
};

// What one thread measured. Index 0 is Persian, 1 English.
struct Tally {
  double bytes[2] = {0, 0};
  double cpu[2] = {0, 0};
  double wall = 0;
  double generate_cpu = 0;
  size_t articles = 0;
  size_t statements = 0;
};

// Shared by the threads: the bytes handed out so far, and the current RSS at each quarter.
struct Progress {
  size_t target = 0;
  std::atomic<size_t> claimed{0};
  std::mutex mu;
  int next_quarter = 1;
  std::vector<double> rss_by_quarter;

  void Sample(size_t done) {
    std::lock_guard<std::mutex> lock(mu);
    while (next_quarter <= 4 && done * 4 >= target * static_cast<size_t>(next_quarter)) {
      rss_by_quarter.push_back(CurrentRssMib());
      ++next_quarter;
    }
  }
};

// The measured call, kept out of line so that a profiler can be told to count only inside it
// (valgrind --tool=callgrind --toggle-collect='*ExtractMeasured*').
[[gnu::noinline]] size_t ExtractMeasured(const Extractor& extractor, const Article& article,
                                         const ExtractOptions& options) {
  return extractor.Extract(article, options).size();
}

void Run(const Extractor& extractor, const std::string& lexicon_dir, uint64_t seed,
         Progress* progress, Tally* tally) {
  CorpusGenerator gen(lexicon_dir, seed);
  const ExtractOptions options;
  for (;;) {
    const double g0 = ThreadCpuSeconds();
    const Article article = gen.Next();
    tally->generate_cpu += ThreadCpuSeconds() - g0;
    const size_t size = article.text.size();
    const size_t before = progress->claimed.fetch_add(size);
    if (before >= progress->target) break;
    const int lang = article.meta.lang == "fa" ? 0 : 1;
    const double w0 = Now();
    const double c0 = ThreadCpuSeconds();
    tally->statements += ExtractMeasured(extractor, article, options);
    tally->cpu[lang] += ThreadCpuSeconds() - c0;
    tally->wall += Now() - w0;
    tally->bytes[lang] += static_cast<double>(size);
    ++tally->articles;
    progress->Sample(before + size);
  }
}

// The corpus as JSON Lines, in the reader's format (title, text, published, lang, ...).
void Dump(const std::string& lexicon_dir, const Options& o) {
  CorpusGenerator gen(lexicon_dir, o.seed);
  const size_t target = static_cast<size_t>(o.mb * 1e6);
  for (size_t bytes = 0; bytes < target;) {
    Article a = gen.Next();
    bytes += a.text.size();
    const size_t nl = a.text.find_first_not_of('\n', a.text.find('\n'));
    const nlohmann::json line = {{"id", a.meta.url.substr(a.meta.url.find(".org/") + 5)},
                                 {"url", a.meta.url},
                                 {"title", a.meta.title},
                                 {"text", a.text.substr(nl == std::string::npos ? 0 : nl)},
                                 {"published", a.meta.published},
                                 {"lang", a.meta.lang},
                                 {"source", a.meta.source}};
    std::printf("%s\n", line.dump().c_str());
  }
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    char* end = nullptr;
    if (std::strcmp(argv[i], "--dump") == 0) {
      o->dump = true;
      continue;
    }
    if (std::strcmp(argv[i], "--mb") == 0 && has_value) {
      o->mb = std::strtod(argv[++i], &end);
    } else if (std::strcmp(argv[i], "--seed") == 0 && has_value) {
      o->seed = std::strtoull(argv[++i], &end, 10);
    } else if (std::strcmp(argv[i], "--threads") == 0 && has_value) {
      o->threads = static_cast<int>(std::strtol(argv[++i], &end, 10));
    } else {
      return false;
    }
    if (!end || *end != '\0') return false;
  }
  return o->mb > 0 && o->threads >= 1 && o->threads <= 256;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!ParseArgs(argc, argv, &opt)) {
    std::fprintf(stderr,
                 "usage: bench_extract_corpus [--mb N] [--seed S] [--threads T] [--dump]\n");
    return 2;
  }
  try {
    const std::string dir = Lexicon::DefaultDir();
    if (opt.dump) {
      Dump(dir, opt);
      return 0;
    }
    const double load0 = Now();
    const auto extractor = Extractor::Create(dir);
    const double load_s = Now() - load0;
    // One article of each language first, unmeasured: state the extractor builds on first
    // use (ICU transliterators, break iterators) is set-up, like the lexicon.
    const double warm0 = ThreadCpuSeconds();
    {
      CorpusGenerator warm(dir, ~opt.seed);
      bool seen[2] = {false, false};
      for (int i = 0; i < 64 && !(seen[0] && seen[1]); ++i) {
        const Article a = warm.Next();
        extractor->Extract(a, ExtractOptions());
        seen[a.meta.lang == "fa" ? 0 : 1] = true;
      }
    }
    const double warmup_s = ThreadCpuSeconds() - warm0;
    const double baseline_rss = CurrentRssMib();

    Progress progress;
    progress.target = static_cast<size_t>(opt.mb * 1e6);
    std::vector<Tally> tallies(static_cast<size_t>(opt.threads));
    std::vector<std::exception_ptr> errors(tallies.size());
    const double cpu0 = ProcessCpuSeconds();
    const double wall0 = Now();
    std::vector<std::thread> threads;
    for (size_t t = 0; t < tallies.size(); ++t)
      threads.emplace_back([&, t] {
        try {
          // Thread 0 uses the seed itself, so one thread reproduces the corpus exactly.
          Run(*extractor, dir, opt.seed ^ (t * 0x9E3779B97F4A7C15ULL), &progress, &tallies[t]);
        } catch (...) {
          errors[t] = std::current_exception();
          progress.claimed = progress.target;  // stop the others
        }
      });
    for (auto& th : threads) th.join();
    const double total_wall = Now() - wall0;
    const double process_cpu = ProcessCpuSeconds() - cpu0;
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);

    Tally sum;
    for (const Tally& t : tallies) {
      for (int l = 0; l < 2; ++l) {
        sum.bytes[l] += t.bytes[l];
        sum.cpu[l] += t.cpu[l];
      }
      sum.wall = std::max(sum.wall, t.wall);
      sum.generate_cpu += t.generate_cpu;
      sum.articles += t.articles;
      sum.statements += t.statements;
    }
    const double mb = (sum.bytes[0] + sum.bytes[1]) / 1e6;
    const double cpu = sum.cpu[0] + sum.cpu[1];
    const auto rate = [](double bytes, double s) { return s > 0 ? bytes / 1e6 / s : 0.0; };
    std::string quarters;
    for (double q : progress.rss_by_quarter) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%s%.1f", quarters.empty() ? "" : ", ", q);
      quarters += buf;
    }
    std::printf(
        "{\"mb\": %.3f, \"articles\": %zu, \"statements\": %zu, \"cpu_seconds\": %.3f, "
        "\"wall_seconds\": %.3f, \"mb_per_cpu_second\": %.3f, \"peak_rss_mb\": %.1f, "
        "\"fa_mb_per_cpu_second\": %.3f, \"en_mb_per_cpu_second\": %.3f, \"fa_mb\": %.3f, "
        "\"en_mb\": %.3f, \"threads\": %d, \"seed\": %llu, \"lexicon_load_seconds\": %.3f, "
        "\"warmup_cpu_seconds\": %.3f, "
        "\"generate_cpu_seconds\": %.3f, \"process_cpu_seconds\": %.3f, "
        "\"total_wall_seconds\": %.3f, \"baseline_rss_mb\": %.1f, \"rss_mb_by_quarter\": [%s]}\n",
        mb, sum.articles, sum.statements, cpu, sum.wall, rate(mb * 1e6, cpu), PeakRssMib(),
        rate(sum.bytes[0], sum.cpu[0]), rate(sum.bytes[1], sum.cpu[1]), sum.bytes[0] / 1e6,
        sum.bytes[1] / 1e6, opt.threads, static_cast<unsigned long long>(opt.seed), load_s,
        warmup_s, sum.generate_cpu, process_cpu, total_wall, baseline_rss, quarters.c_str());
    if (sum.statements == 0) {
      std::fprintf(stderr, "bench_extract_corpus: no statements extracted from %zu articles\n",
                   sum.articles);
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_extract_corpus: %s\n", e.what());
    return 1;
  }
  return 0;
}
