// Text normalization for matching, with a map back to the original offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

// Normalized text and, for each of its bytes (and one past the end), the
// code point offset in the original text it came from.
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> to_original;

  uint32_t OriginalOffset(size_t byte) const { return to_original[byte]; }
};

// NFC; Arabic letter variants to Persian (ي ى ئ -> ی, ك -> ک, ة ۀ -> ه,
// أ إ ٱ -> ا, ؤ -> و); Persian and Arabic-Indic digits to ASCII; harakat,
// superscript alef and tatweel removed; ZWNJ and other spaces to ' ';
// Arabic punctuation kept. Linear in the input. Input must be valid UTF-8.
NormalizedText Normalize(std::string_view original);
// The same into `out`, reusing its buffers.
void NormalizeInto(std::string_view original, NormalizedText* out);

// A lookup key for names and lexicon entries: Normalize, then case folded,
// Latin accents removed, and spaces, ZWNJ and punctuation dropped, so that
// "Vučić" = "vucic" and "رئیس‌جمهور" = "رییس جمهور" = "رییسجمهور".
std::string MatchKey(std::string_view text);

// Case fold and strip Latin accents of one code point (for keys built token
// by token); returns 0 for characters that a key drops.
char32_t FoldForKey(char32_t cp);
// FoldForKey of every BMP code point, for loops that fold character by
// character (index by code point < 0x10000).
const char32_t* FoldTableBmp();

}  // namespace diplograph
