#include "core/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace diplograph {

namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return nfc;
}

const icu::Normalizer2* Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  return nfd;
}

// Maps one NFC code point to its matching form; 0 drops it.
char32_t MapChar(char32_t c) {
  switch (c) {
    case 0x064A:  // ARABIC LETTER YEH
    case 0x0649:  // ALEF MAKSURA
    case 0x0626:  // YEH WITH HAMZA ABOVE: رئیس = رییس
    case 0x06D2:  // YEH BARREE
      return 0x06CC;
    case 0x0643:  // ARABIC LETTER KAF
      return 0x06A9;
    case 0x0629:  // TEH MARBUTA
    case 0x06C0:  // HEH WITH YEH ABOVE (ۀ)
    case 0x06D5:  // AE
      return 0x0647;
    case 0x0623:  // ALEF WITH HAMZA ABOVE
    case 0x0625:  // ALEF WITH HAMZA BELOW
    case 0x0671:  // ALEF WASLA
      return 0x0627;
    case 0x0624:  // WAW WITH HAMZA ABOVE
      return 0x0648;
    case 0x0640:  // TATWEEL
    case 0x0670:  // SUPERSCRIPT ALEF
    case 0x200D:  // ZWJ
    case 0x200E:  // LRM
    case 0x200F:  // RLM
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:
    case 0xFEFF:  // BOM / ZWNBSP
    case 0x00AD:  // soft hyphen
      return 0;
    case 0x200C:  // ZWNJ: the same word arrives with it, a space, or nothing
    case 0x00A0:
    case 0x2007:
    case 0x202F:
    case 0x2009:
    case 0x200A:
    case 0x2002:
    case 0x2003:
    case '\t':
      return ' ';
    case 0x2028:
    case 0x2029:
    case '\r':
      return '\n';
    default:
      break;
  }
  if (c >= 0x064B && c <= 0x065F) return 0;  // harakat, shadda, sukun, hamza marks
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  return c;
}

// Writes normalized text and its offset map into buffers sized ahead, so
// that each character costs a store, not a checked append. Mapping rarely
// lengthens text; the buffers double when it does.
class NormalizedWriter {
 public:
  NormalizedWriter(NormalizedText* out, size_t expected) : out_(*out) {
    out_.text.resize(expected + 4);
    out_.to_original.resize(expected + 4);
  }
  // Emits `m`, a mapped character, attributing every output byte to
  // original code point `orig`; 0 emits nothing.
  void Emit(char32_t m, uint32_t orig) {
    if (m == 0) return;
    if (size_ + 4 > out_.text.size()) {
      out_.text.resize(2 * out_.text.size());
      out_.to_original.resize(out_.text.size());
    }
    if (m < 0x80) {
      out_.text[size_] = static_cast<char>(m);
      out_.to_original[size_++] = orig;
      return;
    }
    const size_t n = utf8::Encode(m, out_.text.data() + size_);
    uint32_t* map = out_.to_original.data() + size_;
    for (size_t i = 0; i < n; ++i) map[i] = orig;
    size_ += n;
  }
  // Trims the buffers to what was written and closes the offset map.
  void Finish(uint32_t end) {
    out_.text.resize(size_);
    out_.to_original.resize(size_);
    out_.to_original.push_back(end);
  }

 private:
  NormalizedText& out_;
  size_t size_ = 0;
};

// What Normalize and FoldForKey need to know of each BMP code point,
// computed once: ICU's answers are exact but too slow to ask per character.
struct BmpTables {
  static constexpr uint8_t kBoundaryBefore = 1;  // NFC never composes it with what precedes
  static constexpr uint8_t kStableAlone = 2;     // NFC leaves it as it is when alone
  std::vector<uint8_t> nfc;
  std::vector<char32_t> mapped;  // MapChar
  std::vector<char32_t> folded;  // the slow FoldForKey

  BmpTables() : nfc(0x10000), mapped(0x10000), folded(0x10000) {
    const icu::Normalizer2* norm = Nfc();
    for (UChar32 c = 0; c < 0x10000; ++c) {
      uint8_t f = 0;
      if (norm->hasBoundaryBefore(c)) f |= kBoundaryBefore;
      UErrorCode status = U_ZERO_ERROR;
      if (!U_IS_SURROGATE(c) && norm->isNormalized(icu::UnicodeString(c), status) &&
          U_SUCCESS(status))
        f |= kStableAlone;
      nfc[c] = f;
      mapped[c] = MapChar(static_cast<char32_t>(c));
      folded[c] = FoldSlow(static_cast<char32_t>(c));
    }
  }
  static char32_t FoldSlow(char32_t cp);
};

const BmpTables& Tables() {
  static const BmpTables tables;
  return tables;
}

}  // namespace

NormalizedText Normalize(std::string_view original) {
  NormalizedText out;
  NormalizeInto(original, &out);
  return out;
}

void NormalizeInto(std::string_view original, NormalizedText* result) {
  NormalizedWriter out(result, original.size());
  const icu::Normalizer2* nfc = Nfc();

  // NFC works chunk by chunk between normalization boundaries, so each output
  // character is attributed to the first original code point of its chunk.
  icu::UnicodeString chunk;
  uint32_t chunk_start = 0;
  uint32_t cp_index = 0;
  auto flush = [&] {
    if (chunk.isEmpty()) return;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString composed;
    if (nfc->isNormalized(chunk, status) && U_SUCCESS(status)) {
      composed.fastCopyFrom(chunk);
    } else {
      status = U_ZERO_ERROR;
      nfc->normalize(chunk, composed, status);
      if (U_FAILURE(status)) composed.fastCopyFrom(chunk);
    }
    for (int32_t i = 0; i < composed.length();) {
      const UChar32 c = composed.char32At(i);
      out.Emit(MapChar(static_cast<char32_t>(c)), chunk_start);
      i += U16_LENGTH(c);
    }
    chunk.remove();
  };

  const BmpTables& tables = Tables();
  size_t pos = 0;
  // Each character is decoded once: `next` is the one after `c`.
  char32_t next = original.empty() ? 0 : utf8::Next(original, &pos);
  size_t remaining = original.empty() ? 0 : 1;
  while (remaining) {
    const char32_t c = next;
    if (pos < original.size()) {
      next = utf8::Next(original, &pos);
    } else {
      remaining = 0;
    }
    // Fast path: a character NFC leaves alone, followed by one that starts a
    // new composition, needs no ICU call.
    if (chunk.isEmpty() && c < 0x10000 && (tables.nfc[c] & BmpTables::kStableAlone)) {
      const bool next_boundary =
          !remaining || (next < 0x10000 && (tables.nfc[next] & BmpTables::kBoundaryBefore));
      if (next_boundary) {
        out.Emit(tables.mapped[c], cp_index);
        ++cp_index;
        continue;
      }
    }
    {
      if (nfc->hasBoundaryBefore(static_cast<UChar32>(c))) {
        flush();
        chunk_start = cp_index;
      }
      if (chunk.isEmpty()) chunk_start = cp_index;
      chunk.append(static_cast<UChar32>(c));
    }
    ++cp_index;
  }
  flush();
  out.Finish(cp_index);
}

const char32_t* FoldTableBmp() { return Tables().folded.data(); }

char32_t FoldForKey(char32_t cp) {
  return cp < 0x10000 ? Tables().folded[cp] : BmpTables::FoldSlow(cp);
}

char32_t BmpTables::FoldSlow(char32_t cp) {
  if (cp == ' ' || cp == '\n' || cp == 0x200C) return 0;
  const int8_t cat = static_cast<int8_t>(u_charType(static_cast<UChar32>(cp)));
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_COMBINING_SPACING_MARK)
    return 0;
  if (u_ispunct(static_cast<UChar32>(cp)) || u_isspace(static_cast<UChar32>(cp))) return 0;
  if (cp >= 0x00C0 && cp < 0x0250) {
    // Latin with diacritics: keep the base letter (č -> c, ć -> c).
    icu::UnicodeString decomposed;
    if (Nfd()->getDecomposition(static_cast<UChar32>(cp), decomposed) && decomposed.length() > 0)
      cp = static_cast<char32_t>(decomposed.char32At(0));
    else if (cp == 0x0111 || cp == 0x0110)
      cp = 'd';  // đ has no decomposition
  }
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

std::string MatchKey(std::string_view text) {
  const NormalizedText norm = Normalize(text);
  std::string key;
  key.reserve(norm.text.size());
  size_t pos = 0;
  while (pos < norm.text.size()) {
    const char32_t f = FoldForKey(utf8::Next(norm.text, &pos));
    if (f != 0) utf8::Append(&key, f);
  }
  return key;
}

}  // namespace diplograph
