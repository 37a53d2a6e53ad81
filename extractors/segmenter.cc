#include "extractors/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"
#include "extractors/key_table.h"

namespace diplograph {

namespace {

constexpr size_t kKeptUtf16Units = size_t{1} << 21;

// Sentences of news run to a few dozen words. Text with no sentence breaks
// (a table, a crawl's junk, a 30 MB line) is cut into pieces of this many
// tokens: the work per sentence and the evidence every statement carries
// stay bounded, however long the line.
constexpr uint32_t kMaxSentenceTokens = 1000;

// Creating a sentence iterator loads rules: one prototype, cloned once per
// thread (iterators are not thread-safe) and reused for every document.
icu::BreakIterator& SentenceIterator() {
  static std::once_flag once;
  static icu::BreakIterator* prototype = nullptr;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    // Abbreviations ("U.S.") are joined afterwards from the lexicon's list:
    // ICU's own suppressions (@ss=standard) miss some and cost a third more.
    prototype = icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status);
    if (U_FAILURE(status)) prototype = nullptr;
  });
  if (!prototype) throw Error("ICU: cannot create a sentence break iterator");
  thread_local std::unique_ptr<icu::BreakIterator> local(prototype->clone());
  return *local;
}

bool IsWordCharSlow(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) ||
         (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

// What the tokenizer asks of a character, as bits of a BMP table: ICU's
// property lookups are the cost of tokenizing otherwise.
enum CharClass : uint8_t { kWordChar = 1, kSpace = 2, kUpper = 4 };

uint8_t ClassOfSlow(char32_t c) {
  uint8_t bits = 0;
  if (IsWordCharSlow(c)) bits |= kWordChar;
  if (u_isspace(static_cast<UChar32>(c))) bits |= kSpace;
  if (u_isupper(static_cast<UChar32>(c))) bits |= kUpper;
  return bits;
}

const uint8_t* CharClassTable() {
  static const std::vector<uint8_t> table = [] {
    std::vector<uint8_t> t(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) t[c] = ClassOfSlow(c);
    return t;
  }();
  return table.data();
}

inline uint8_t ClassOf(const uint8_t* table, char32_t c) {
  return c < 0x10000 ? table[c] : ClassOfSlow(c);
}

// Appends the tokens of [begin, end) to doc.tokens and their keys to
// doc.keys. The key views may dangle as doc.keys grows; PointKeys mends them.
void Tokenize(Document& doc, uint32_t begin, uint32_t end) {
  const std::string& text = doc.norm.text;
  std::vector<char>& keys = doc.keys;
  static const char32_t* fold_table = FoldTableBmp();
  static const uint8_t* classes = CharClassTable();
  auto is_word_char = [](char32_t c) { return (ClassOf(classes, c) & kWordChar) != 0; };
  auto append = [&keys](const std::string& from, size_t at, size_t n) {
    keys.insert(keys.end(), from.data() + at, from.data() + at + n);
  };
  auto append_cp = [&keys](char32_t c) {
    char buf[4];
    const size_t n = utf8::Encode(c, buf);
    keys.insert(keys.end(), buf, buf + n);
  };
  size_t pos = begin;
  while (pos < end) {
    const size_t start = pos;
    const char32_t c = utf8::Next(text, &pos);
    const uint8_t cls = ClassOf(classes, c);
    if (cls & kSpace) continue;
    Token tok;
    tok.begin = static_cast<uint32_t>(start);
    const size_t key_start = keys.size();
    if (cls & kWordChar) {
      bool all_digits = c < 0x80 && c >= '0' && c <= '9';
      tok.capitalized = (cls & kUpper) != 0;
      // The key is the text itself except where folding changes a
      // character: copy unchanged runs of bytes whole.
      size_t run = start;
      auto fold = [&](char32_t ch, size_t at, size_t after) {
        const char32_t f = ch < 0x10000 ? fold_table[ch] : FoldForKey(ch);
        if (f == ch) return;
        append(text, run, at - run);
        if (f) append_cp(f);
        run = after;
      };
      fold(c, start, pos);
      while (pos < end) {
        size_t next = pos;
        const char32_t d = utf8::Next(text, &next);
        if (is_word_char(d)) {
          all_digits = all_digits && d >= '0' && d <= '9';
        } else if (d == '-' || d == 0x2010) {
          // A hyphen joins words ("al-Sudani", "Secretary-General").
          size_t after = next;
          if (after >= end || !is_word_char(utf8::Next(text, &after))) break;
          all_digits = false;
        } else {
          break;
        }
        fold(d, pos, next);
        pos = next;
      }
      append(text, run, pos - run);
      tok.kind = all_digits ? TokenKind::kNumber : TokenKind::kWord;
    } else if ((c == '\'' || c == 0x2019) && pos < end && (text[pos] == 's' || text[pos] == 'S')) {
      // English possessive "Iran's": its own token, so "Iran" stays a name.
      const size_t after = pos + 1;
      size_t probe = after;
      if (after < end && is_word_char(utf8::Next(text, &probe))) {
        tok.kind = TokenKind::kPunct;
        keys.push_back('\'');
      } else {
        pos = after;
        tok.kind = TokenKind::kWord;
        keys.push_back('\'');
        keys.push_back('s');
      }
    } else {
      tok.kind = TokenKind::kPunct;
      append_cp(c);
    }
    tok.end = static_cast<uint32_t>(pos);
    const size_t key_size = keys.size() - key_start;
    tok.hash = HashKey(std::string_view(keys.data() + key_start, key_size));
    tok.key = std::string_view(keys.data() + key_start, key_size);
    doc.tokens.push_back(tok);
  }
}

// Points every token's key into doc.keys, where the keys lie one after
// another; only their sizes are read from the views Tokenize left.
void PointKeys(Document& doc) {
  size_t offset = 0;
  for (Token& tok : doc.tokens) {
    tok.key = std::string_view(doc.keys.data() + offset, tok.key.size());
    offset += tok.key.size();
  }
}

}  // namespace

Lang DetectLanguage(std::string_view text) {
  // Counted on bytes: U+0600..U+06FF are the two-byte sequences led by
  // 0xD8..0xDB, so no decoding is needed.
  size_t arabic = 0, latin = 0;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      ++latin;
    else if (c >= 0xD8 && c <= 0xDB)
      ++arabic;
  }
  if (arabic == 0 && latin == 0) return Lang::kUnknown;
  return arabic >= latin ? Lang::kFa : Lang::kEn;
}

namespace {

// Whether the text of [begin, end) ends with an abbreviation on the same line.
bool EndsWithAbbreviation(const std::string& text, uint32_t begin, uint32_t end,
                          const std::unordered_set<std::string>& abbreviations) {
  while (end > begin && text[end - 1] == ' ') --end;
  if (end == begin || text[end - 1] != '.') return false;
  uint32_t word = end;
  while (word > begin && text[word - 1] != ' ' && text[word - 1] != '\n') --word;
  return abbreviations.count(text.substr(word, end - word)) > 0;
}

}  // namespace

void Segment(Document& doc, const std::unordered_set<std::string>* abbreviations) {
  const std::string& original = doc.article.text;
  doc.original_byte_of_cp.clear();
  doc.original_byte_of_cp.reserve(original.size() + 1);
  for (size_t i = 0; i < original.size(); ++i)
    if ((static_cast<unsigned char>(original[i]) & 0xC0) != 0x80)
      doc.original_byte_of_cp.push_back(static_cast<uint32_t>(i));
  doc.original_byte_of_cp.push_back(static_cast<uint32_t>(original.size()));

  NormalizeInto(original, &doc.norm);
  doc.sentences.clear();
  doc.tokens.clear();
  doc.keys.clear();
  if (doc.lang == Lang::kUnknown) doc.lang = DetectLanguage(doc.norm.text);

  const std::string& text = doc.norm.text;
  doc.tokens.reserve(text.size() / 5);
  doc.keys.reserve(text.size());
  // ICU walks UTF-16 several times faster than UTF-8: the text is converted
  // once, and each boundary found is carried back to its UTF-8 offset.
  thread_local std::vector<UChar> utf16;
  utf16.resize(text.size() + 1);
  UErrorCode status = U_ZERO_ERROR;
  int32_t utf16_length = 0;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &utf16_length, text.data(),
                static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) throw Error("ICU: cannot convert text for segmentation");
  UText* ut = utext_openUChars(nullptr, utf16.data(), utf16_length, &status);
  if (U_FAILURE(status)) throw Error("ICU: cannot open text for segmentation");
  icu::BreakIterator* it = &SentenceIterator();
  it->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    throw Error("ICU: cannot segment text");
  }
  // The UTF-8 offset of each UTF-16 boundary, walking forward only.
  int32_t at16 = 0;
  uint32_t at8 = 0;
  auto byte_offset = [&](int32_t index16) {
    while (at16 < index16 && at8 < text.size()) {
      const auto lead = static_cast<unsigned char>(text[at8]);
      const uint32_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      at8 += bytes;
      at16 += bytes == 4 ? 2 : 1;
    }
    return at8;
  };
  int32_t start = it->first();
  uint32_t begin = byte_offset(start);
  bool join = false;  // the previous sentence ended on an abbreviation
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    const uint32_t stop = byte_offset(end);
    const auto first_token = static_cast<uint32_t>(doc.tokens.size());
    Tokenize(doc, begin, stop);
    const auto end_token = static_cast<uint32_t>(doc.tokens.size());
    if (join && !doc.sentences.empty() &&
        end_token - doc.sentences.back().first_token <= kMaxSentenceTokens) {
      doc.sentences.back().end = stop;
      doc.sentences.back().end_token = end_token;
    } else {
      for (uint32_t t = first_token; t < end_token; t += kMaxSentenceTokens) {
        Sentence s;
        s.first_token = t;
        s.end_token = std::min(end_token, t + kMaxSentenceTokens);
        s.begin = t == first_token ? begin : doc.tokens[t].begin;
        s.end = s.end_token == end_token ? stop : doc.tokens[s.end_token].begin;
        doc.sentences.push_back(s);
      }
    }
    join = abbreviations && EndsWithAbbreviation(text, begin, stop, *abbreviations);
    begin = stop;
  }
  utext_close(ut);
  // An outsized article does not keep its buffer for the ones after it.
  if (utf16.capacity() > kKeptUtf16Units) utf16 = std::vector<UChar>();
  PointKeys(doc);
}

}  // namespace diplograph
