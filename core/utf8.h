// UTF-8 decoding, validation and encoding without allocation per character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace diplograph::utf8 {

constexpr char32_t kInvalid = 0xFFFD;

// Decodes the code point at s[*pos] and advances *pos past it. Malformed
// sequences yield kInvalid and advance one byte.
char32_t Next(std::string_view s, size_t* pos);

// Byte offset of the first malformed sequence, or npos when s is valid UTF-8
// (no overlongs, surrogates or code points above U+10FFFF).
size_t FindInvalid(std::string_view s);

void Append(std::string* out, char32_t cp);

// Number of code points.
size_t Length(std::string_view s);

}  // namespace diplograph::utf8
