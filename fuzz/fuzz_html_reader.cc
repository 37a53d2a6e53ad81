// libFuzzer harness: an HTML news page read (libxml2 and the main-content walk) and extracted.
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
  ExtractOptions options;
  options.date = Date::Day(2025, 1, 15);
  try {
    ParseArticles(content, "fuzz.html", ArticleFormat::kHtml, [&](Article&& a) {
      // libxml2 decodes entities and may meet encodings it repairs: what
      // comes out must still be text the rest of the tool can take.
      FUZZ_CHECK(fuzz::ValidUtf8(a.text));
      for (const std::string* field :
           {&a.meta.title, &a.meta.url, &a.meta.source, &a.meta.lang, &a.meta.published})
        FUZZ_CHECK(fuzz::ValidUtf8(*field));
      FUZZ_CHECK(a.meta.published.empty() || Date::ParseIso(a.meta.published));
      FUZZ_CHECK(a.text.find('\0') == std::string::npos);
      fuzz::CheckExtraction(a, options);
    });
  } catch (const Error&) {
    return 0;
  }
  return 0;
}
