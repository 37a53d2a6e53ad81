// bench_extract: extraction throughput (articles/s, MB/s) over given articles.
//   bench_extract [--rounds N] FILE...
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "extractors/article_reader.h"
#include "extractors/pipeline.h"

int main(int argc, char** argv) {
  using namespace diplograph;
  int rounds = 20;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
      rounds = std::atoi(argv[++i]);
    else
      files.push_back(argv[i]);
  }
  if (files.empty() || rounds < 1) {
    std::fprintf(stderr, "usage: bench_extract [--rounds N] FILE...\n");
    return 2;
  }
  try {
    const auto start_load = std::chrono::steady_clock::now();
    auto extractor = Extractor::Create(Lexicon::DefaultDir());
    const double load_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_load).count();
    std::vector<Article> articles;
    size_t bytes = 0;
    for (const auto& f : files)
      ReadArticles(f, [&](Article&& a) {
        bytes += a.text.size();
        articles.push_back(std::move(a));
      });
    size_t statements = 0;
    const ExtractOptions options;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; ++r)
      for (const auto& a : articles) statements += extractor->Extract(a, options).size();
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double n = static_cast<double>(articles.size()) * rounds;
    std::printf(
        "{\"lexicon_load_s\": %.3f, \"articles\": %.0f, \"seconds\": %.3f, \"articles_per_s\": "
        "%.1f, "
        "\"mb_per_s\": %.2f, \"statements\": %zu}\n",
        load_s, n, s, n / s, static_cast<double>(bytes) * rounds / s / 1e6, statements);
  } catch (const Error& e) {
    std::fprintf(stderr, "bench_extract: %s\n", e.what());
    return 1;
  }
  return 0;
}
