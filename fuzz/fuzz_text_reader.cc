// libFuzzer harness: a plain-text article (headline first) read and extracted as `extract` does.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/article_reader.h"
#include "fuzz/extraction_check.h"

using namespace diplograph;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::SharedExtractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  // A fixed publication date, so that weekdays and day-month dates resolve.
  ExtractOptions options;
  options.date = Date::Day(2025, 1, 15);
  size_t articles = 0;
  try {
    ParseArticles(content, "fuzz.txt", ArticleFormat::kText, [&](Article&& a) {
      ++articles;
      FUZZ_CHECK(a.text.size() <= content.size());
      FUZZ_CHECK(a.meta.title.find('\n') == std::string::npos);
      fuzz::CheckExtraction(a, options);
    });
  } catch (const Error&) {
    return 0;  // refused with a message: what bad input should get
  }
  FUZZ_CHECK(articles == 1);
  return 0;
}
