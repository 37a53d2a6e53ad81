#include "extractors/lexicon_matcher.h"

namespace diplograph {

void MatchLexicon(const Lexicon& lexicon, Document& doc) {
  doc.lex_spans.clear();
  doc.lex_at.assign(doc.tokens.size(), -1);
  std::span<const LexEntry* const> entries;
  for (const Sentence& s : doc.sentences) {
    uint32_t i = s.first_token;
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      doc.tokens[t].lex = lexicon.Lookup(doc.tokens[t]);
    while (i < s.end_token) {
      const uint32_t n = lexicon.LongestMatch(doc.tokens, i, s.end_token, &entries);
      if (n == 0) {
        ++i;
        continue;
      }
      const auto index = static_cast<int32_t>(doc.lex_spans.size());
      doc.lex_spans.push_back(LexSpan{i, i + n, entries});
      for (uint32_t t = i; t < i + n; ++t) doc.lex_at[t] = index;
      i += n;
    }
  }
}

}  // namespace diplograph
