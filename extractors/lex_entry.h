// LexEntry: one form of the lexicon and what it names.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace diplograph {

enum class LexKind {
  kEntity,       // country, organization, place, person, event (by id prefix)
  kRole,         // office title; id is the English role key
  kHonorific,    // سید، آقای، Mr, Sheikh
  kAttribution,  // به گزارش, according to
  kReference,    // this-country, own-country, pronoun (id says which)
  kStopword,     // never part of a name
  kSpeech,       // گفت، تأکید کرد، said: what follows is reported speech
};

struct LexEntry {
  LexKind kind = LexKind::kEntity;
  std::string id;          // entity id, role key, or reference kind
  std::string lang;        // "fa", "en", "ar", or "" for any
  std::string form;        // as written in the data file
  bool adjective = false;  // Iranian, ایرانی: qualifies a title, is no actor
  bool metonym = false;    // Tehran for Iran
  bool ambiguous = false;  // a surname shared by several people
};

// What a function word does to the word after it: bits of Token::function,
// from fa/function_words.tsv and en/function_words.tsv.
enum FunctionWord : uint8_t {
  kGoverns = 1,      // a preposition: the actor after it is no subject
  kLocative = 2,     // "in", «در»: a place after it is where things happen
  kOpensName = 4,    // a Persian name may begin after it
  kNegates = 8,      // "not", "never": a construction after it is negated
  kIntends = 16,     // "will", «قرار»: a construction after it is intended
  kDeterminer = 32,  // "the", "his": skipped before an actor
};

// A calendar word from fa/dates.tsv or en/dates.tsv.
struct DateWord {
  std::string kind;  // persian-month, gregorian-month, weekday, relative-day, ordinal
  int value = 0;
};

// What the lexicon knows of one match key: the forms spelled exactly by it,
// and whether longer forms begin with it. A match extends token by token
// while the joined keys spell a prefix, with one lookup each.
struct LexKey {
  std::vector<const LexEntry*> entries;  // forms with exactly this key
  bool prefix = false;                   // some longer form key begins with it
  bool is_date = false;                  // `date` is a calendar word with this key
  bool date_prefix = false;              // some longer calendar word begins with it
  uint8_t function = 0;                  // FunctionWord bits of a single word
  DateWord date;
};

// Tokens [first, end) that matched lexicon forms, longest match first.
struct LexSpan {
  uint32_t first = 0;
  uint32_t end = 0;
  std::span<const LexEntry* const> entries;  // owned by the lexicon

  const LexEntry* Find(LexKind kind) const {
    for (const LexEntry* e : entries)
      if (e->kind == kind) return e;
    return nullptr;
  }
};

}  // namespace diplograph
