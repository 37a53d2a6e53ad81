#include "extractors/document.h"

#include <algorithm>

namespace diplograph {

const char* LangCode(Lang lang) {
  switch (lang) {
    case Lang::kFa:
      return "fa";
    case Lang::kEn:
      return "en";
    case Lang::kUnknown:
      break;
  }
  return "und";
}

std::string Document::OriginalText(uint32_t first_token, uint32_t end_token) const {
  if (first_token >= end_token || end_token > tokens.size()) return {};
  const uint32_t cp_begin = norm.OriginalOffset(tokens[first_token].begin);
  // The end of the last token maps through its last byte; the next original
  // code point starts right after it.
  const uint32_t last_byte = tokens[end_token - 1].end - 1;
  const uint32_t cp_end = norm.OriginalOffset(last_byte) + 1;
  const uint32_t b = original_byte_of_cp[cp_begin];
  const uint32_t e = original_byte_of_cp[std::min<size_t>(cp_end, original_byte_of_cp.size() - 1)];
  return article.text.substr(b, e - b);
}

std::string Document::SentenceText(const Sentence& s) const {
  const uint32_t cp_begin = norm.OriginalOffset(s.begin);
  const uint32_t cp_end = norm.OriginalOffset(s.end);
  const uint32_t b = original_byte_of_cp[cp_begin];
  const uint32_t e = original_byte_of_cp[cp_end];
  std::string text = article.text.substr(b, e - b);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  return text;
}

}  // namespace diplograph
