// UTF-8 decoding, validation and encoding without allocation per character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace diplograph::utf8 {

constexpr char32_t kInvalid = 0xFFFD;

// Next for what the inline fast path leaves: three- and four-byte and
// malformed sequences.
char32_t NextSlow(std::string_view s, size_t* pos);

// Decodes the code point at s[*pos] and advances *pos past it. Malformed
// sequences yield kInvalid and advance one byte. Inline for ASCII and the
// two-byte sequences of Arabic-script and accented Latin text: it runs once
// per character of every article.
inline char32_t Next(std::string_view s, size_t* pos) {
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && *pos + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[*pos + 1]);
    if ((b1 & 0xC0) == 0x80) {
      *pos += 2;
      return (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
    }
  }
  return NextSlow(s, pos);
}

// Byte offset of the first malformed sequence, or npos when s is valid UTF-8
// (no overlongs, surrogates or code points above U+10FFFF).
size_t FindInvalid(std::string_view s);

// Writes the UTF-8 sequence of `cp` to buf (room for 4) and returns its length.
inline size_t Encode(char32_t cp, char* buf) {
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  buf[0] = static_cast<char>(0xF0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}
void Append(std::string* out, char32_t cp);

// Number of code points.
size_t Length(std::string_view s);

// Input text quoted in a one-line message: at most `max` code points (cut
// with "…"), each control, bidi-override or malformed character shown as
// U+FFFD, so that a hostile value can neither flood the terminal nor drive it.
std::string Excerpt(std::string_view s, size_t max = 60);

}  // namespace diplograph::utf8
