// libFuzzer harness: JSON Lines articles, read whole (stdin) and streamed (files), then extracted.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/article_reader.h"
#include "fuzz/extraction_check.h"

using namespace diplograph;

namespace {

// What a reading gave: its articles, or the message it failed with.
struct Reading {
  std::vector<Article> articles;
  std::string error;
};

template <typename Read>
Reading Collect(Read read) {
  Reading r;
  try {
    read([&](Article&& a) { r.articles.push_back(std::move(a)); });
  } catch (const Error& e) {
    r.error = e.what();
    r.articles.clear();
  }
  return r;
}

// The input goes through a file, as `ingest` reads a .jsonl file a line at a time.
const std::string& ScratchPath() {
  static const std::string path = "/tmp/diplograph-fuzz-" + std::to_string(getpid()) + ".jsonl";
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::SharedExtractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  const std::string& path = ScratchPath();
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    FUZZ_CHECK(f != nullptr);
    FUZZ_CHECK(std::fwrite(data, 1, size, f) == size);
    std::fclose(f);
  }
  const Reading whole = Collect(
      [&](const auto& sink) { ParseArticles(content, path, ArticleFormat::kJsonLines, sink); });
  const Reading streamed = Collect([&](const auto& sink) { StreamJsonLines(path, sink); });
  std::remove(path.c_str());

  // `extract -` and `ingest FILE.jsonl` must agree on every input: both
  // refuse it, naming the file (reading whole checks all of its text before
  // the first line, so the first problem each names may differ), or both
  // give the same articles.
  FUZZ_CHECK(whole.error.empty() == streamed.error.empty());
  FUZZ_CHECK(whole.error.empty() || whole.error.rfind(path + ":", 0) == 0);
  FUZZ_CHECK(streamed.error.empty() || streamed.error.rfind(path + ":", 0) == 0);
  FUZZ_CHECK(whole.articles.size() == streamed.articles.size());
  for (size_t i = 0; i < whole.articles.size(); ++i) {
    const Article& a = whole.articles[i];
    const Article& b = streamed.articles[i];
    FUZZ_CHECK(a.text == b.text && a.meta.id == b.meta.id && a.meta.published == b.meta.published);
    FUZZ_CHECK(a.meta.published.empty() || Date::ParseIso(a.meta.published));
    FUZZ_CHECK(fuzz::ValidUtf8(a.text) && fuzz::ValidUtf8(a.meta.title));
    fuzz::CheckExtraction(a, ExtractOptions());
  }
  return 0;
}
