// Document: one article and everything the pipeline's components learn about it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/entity.h"
#include "core/normalize.h"
#include "core/statement.h"
#include "extractors/article.h"
#include "extractors/lex_entry.h"

namespace diplograph {

enum class Lang { kUnknown, kFa, kEn };

const char* LangCode(Lang lang);

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0;  // byte range in Document::norm.text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter is upper case (English names)
  // FoldForKey of each character: the matching form. The keys of a
  // document's tokens lie back to back in Document::keys (see JoinedKey).
  std::string_view key;
  uint64_t hash = 0;            // HashKey(key): lexicon and rule lookups hash nothing again
  const LexKey* lex = nullptr;  // the lexicon's record of key, set by MatchLexicon

  // Its FunctionWord bits; 0 for other words and before MatchLexicon.
  uint8_t Function() const { return lex ? lex->function : 0; }
};

// The keys of tokens [first, end) joined without a separator, which is how
// the lexicon keys multiword forms: one view, since the keys are contiguous.
inline std::string_view JoinedKey(const std::vector<Token>& tokens, uint32_t first, uint32_t end) {
  const char* begin = tokens[first].key.data();
  const std::string_view last = tokens[end - 1].key;
  return std::string_view(begin, static_cast<size_t>(last.data() + last.size() - begin));
}

struct Sentence {
  uint32_t begin = 0;  // byte range in Document::norm.text
  uint32_t end = 0;
  uint32_t first_token = 0;  // token range [first_token, end_token)
  uint32_t end_token = 0;
  std::optional<Date> date;                      // the first date the sentence names
  std::vector<std::pair<uint32_t, Date>> dates;  // every date named, by first token
  bool elsewhen = false;  // speaks of another time: "earlier", «سال گذشته», "had"
  bool dated = false;     // the fields above are resolved
};

// What a span of tokens was recognized as.
enum class MentionKind {
  kEntity,       // a named person, country, organization, place or event
  kRole,         // an office title with no name: "the Serbian president"
  kPronoun,      // وی، او، he, she
  kThisCountry,  // این کشور, the country: the last country named
  kAttribution,  // به گزارش ..., according to ...: never an actor
  kBoth,         // دو طرف, the two leaders: the two parties of the last event (role
                 // says "states" or "people")
};

struct Mention {
  uint32_t first_token = 0;  // [first_token, end_token)
  uint32_t end_token = 0;
  MentionKind kind = MentionKind::kEntity;
  Entity entity;           // for kEntity, and for others once resolved
  bool resolved = false;   // entity is set
  bool metonym = false;    // a capital or seat of government acting for its state
  bool adjective = false;  // "Iranian officials": the state, as the object of some rules only
  std::string place;       // for a metonym, the place it also names ("place:moscow")
  std::string role;        // office held, from an apposition or a role mention
  std::string role_of;     // entity id of the country or organization of the role
  uint32_t span_end = 0;   // end token including its apposition
  std::vector<Entity> alternatives;  // a pronoun's next likeliest antecedents
  int sentence = 0;
};

// The headline, the dateline and the lead: the sentences that date the
// article's main event.
constexpr size_t kLeadSentences = 3;

struct EventRule;

// One match of an event construction: indexes into Document::mentions.
struct EventMatch {
  const EventRule* rule = nullptr;
  int subject = -1;
  int object = -1;
  int sentence = 0;
  uint32_t first_token = 0;  // [first_token, end_token) of the construction
  uint32_t end_token = 0;
  Modality modality = Modality::kAsserted;
  bool subject_from_context = false;  // the clause had no subject of its own
  bool subject_as_state = false;      // "the two countries": a person stands for their state
  bool object_as_state = false;
};

// Tokens point into the document's own buffers: it moves, but is never copied.
struct Document {
  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  Article article;
  Lang lang = Lang::kUnknown;
  std::optional<Date> published;
  std::optional<Date> lead_date;  // the date the headline or lead gives the main event
  NormalizedText norm;
  std::vector<uint32_t> original_byte_of_cp;  // original code point offset -> byte offset
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<char> keys;          // every token's key, one after another
  std::vector<LexSpan> lex_spans;  // ordered, non-overlapping
  std::vector<int32_t> lex_at;     // token -> index into lex_spans covering it, or -1
  std::vector<Mention> mentions;   // ordered by first_token
  std::vector<EventMatch> events;
  std::vector<Statement> statements;

  std::string_view TokenText(uint32_t i) const {
    return std::string_view(norm.text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // Original text of the token range [first, end), for names and evidence.
  std::string OriginalText(uint32_t first_token, uint32_t end_token) const;
  // Original text and code point offsets of a sentence.
  std::string SentenceText(const Sentence& s) const;
};

}  // namespace diplograph
