#include "core/utf8.h"

namespace diplograph::utf8 {

namespace {
// Length of the well-formed sequence starting at s[pos] (Unicode Table 3-7),
// 0 if malformed; *cp receives the code point.
size_t Decode(std::string_view s, size_t pos, char32_t* cp) {
  const auto at = [&](size_t i) { return static_cast<unsigned char>(s[pos + i]); };
  const size_t left = s.size() - pos;
  const unsigned char b0 = at(0);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (left < len) return 0;
  if (at(1) < lo || at(1) > hi) return 0;
  for (size_t i = 2; i < len; ++i)
    if (at(i) < 0x80 || at(i) > 0xBF) return 0;
  char32_t v = b0 & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) v = (v << 6) | (at(i) & 0x3F);
  *cp = v;
  return len;
}
}  // namespace

char32_t NextSlow(std::string_view s, size_t* pos) {
  char32_t cp;
  const size_t len = Decode(s, *pos, &cp);
  if (len == 0) {
    ++*pos;
    return kInvalid;
  }
  *pos += len;
  return cp;
}

size_t FindInvalid(std::string_view s) {
  size_t pos = 0;
  char32_t cp;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t len = Decode(s, pos, &cp);
    if (len == 0) return pos;
    pos += len;
  }
  return std::string_view::npos;
}

void Append(std::string* out, char32_t cp) {
  // One append of the whole sequence: pushing byte by byte checks capacity each time.
  char buf[4];
  out->append(buf, Encode(cp, buf));
}

size_t Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string Excerpt(std::string_view s, size_t max) {
  std::string out;
  size_t pos = 0;
  for (size_t n = 0; pos < s.size(); ++n) {
    if (n == max) return out + "…";
    const char32_t c = Next(s, &pos);
    const bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);
    const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    Append(&out, control || bidi ? kInvalid : c);
  }
  return out;
}

}  // namespace diplograph::utf8
