// libFuzzer harness: normalization with its offset map, and the match keys built on it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/normalize.h"
#include "core/utf8.h"
#include "fuzz/check.h"

using namespace diplograph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view original(reinterpret_cast<const char*>(data), size);
  // Normalize takes valid UTF-8 only: every reader checks it first.
  if (utf8::FindInvalid(original) != std::string_view::npos) return 0;
  const size_t code_points = utf8::Length(original);

  const NormalizedText norm = Normalize(original);
  FUZZ_CHECK(utf8::FindInvalid(norm.text) == std::string::npos);
  // One original offset per byte and one past the end, never decreasing,
  // never past the original: evidence offsets are read from this map.
  FUZZ_CHECK(norm.to_original.size() == norm.text.size() + 1);
  FUZZ_CHECK(norm.to_original.back() == code_points);
  for (size_t i = 0; i + 1 < norm.to_original.size(); ++i) {
    FUZZ_CHECK(norm.to_original[i] <= norm.to_original[i + 1]);
    FUZZ_CHECK(norm.to_original[i] < code_points);
  }
  // The bytes of one character come from one original character.
  for (size_t pos = 0; pos < norm.text.size();) {
    const size_t start = pos;
    utf8::Next(norm.text, &pos);
    for (size_t b = start; b < pos; ++b) FUZZ_CHECK(norm.to_original[b] == norm.to_original[start]);
  }

  // Reusing a buffer that held other text gives the same result.
  NormalizedText reused = Normalize("\xD9\x83\xD9\x8A \xC3\xA9 stale text in the buffer");
  NormalizeInto(original, &reused);
  FUZZ_CHECK(reused.text == norm.text && reused.to_original == norm.to_original);

  // A key is text with no spaces or line breaks: the lexicon joins tokens' keys without them.
  const std::string key = MatchKey(original);
  FUZZ_CHECK(utf8::FindInvalid(key) == std::string::npos);
  FUZZ_CHECK(key.find(' ') == std::string::npos && key.find('\n') == std::string::npos);
  return 0;
}
