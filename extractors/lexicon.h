// Lexicon: names, titles and markers read from data files, matched over tokens.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "core/entity.h"
#include "extractors/document.h"
#include "extractors/key_table.h"
#include "extractors/lex_entry.h"

namespace diplograph {

// One term of office, from common/offices.tsv.
struct Office {
  std::string person;  // entity id
  std::string role;    // role key
  std::string of;      // country or organization id
  Date from, to;       // to unknown = still in office
};

class Lexicon {
 public:
  Lexicon();
  // Loads the data files under `dir` (common/, fa/, en/) and every country's
  // CLDR names from ICU. Throws Error naming the file and line of a bad row.
  static std::shared_ptr<Lexicon> Load(const std::string& dir);
  // The built-in lexicon directory: $DIPLOGRAPH_LEXICON, else the one next
  // to the executable's install prefix, else the source tree's.
  static std::string DefaultDir();

  // Adds the rows of a user file in the entity format (id, lang, form, attributes).
  void LoadEntityFile(const std::string& path);

  // What the lexicon knows of a token's key; nullptr for other words.
  const LexKey* Lookup(const Token& token) const { return by_key_.Find(token.key, token.hash); }

  // Longest entries whose form matches tokens starting at `first` (not
  // crossing `end` or punctuation). Returns the token count, 0 if none.
  // Reads Token::lex, which MatchLexicon sets.
  uint32_t LongestMatch(const std::vector<Token>& tokens, uint32_t first, uint32_t end,
                        std::span<const LexEntry* const>* entries) const;

  // Display record of a lexicon entity (English name, type); nullptr if unknown.
  const Entity* FindEntity(std::string_view id) const;
  // The office `person` held on `date` (or, without a date, most recently),
  // optionally only of that role; nullptr when the lexicon knows none.
  const Office* OfficeOf(std::string_view person, const std::optional<Date>& date,
                         std::string_view role = {}) const;
  // Whoever held `role` of `of` on `date`; empty when unknown or not unique.
  std::string OfficeHolder(std::string_view role, std::string_view of, const Date& date) const;
  // Longest calendar word (month, weekday, relative day, ordinal) at `first`;
  // returns its token count, 0 if none. Reads Token::lex.
  uint32_t MatchDateWord(const std::vector<Token>& tokens, uint32_t first, uint32_t end,
                         const DateWord** word) const;
  // Persian light verbs: lemma -> {past stem, present stem}.
  const std::unordered_map<std::string, std::pair<std::string, std::string>>& LightVerbs() const {
    return light_verbs_;
  }
  // Abbreviations a sentence does not end after ("U.S.", "Gen.").
  const std::unordered_set<std::string>& Abbreviations() const { return abbreviations_; }

 private:
  void Add(LexEntry entry);
  void AddEntityRow(const std::string& id, const std::string& lang, const std::string& form,
                    std::string_view attrs, const std::string& where);
  void LoadCountriesFromIcu();
  void LoadEntityTsv(const std::string& path, bool required);
  void LoadRoles(const std::string& path, const std::string& lang);
  void LoadWordList(const std::string& path, LexKind kind, const std::string& lang);
  void LoadReferences(const std::string& path, const std::string& lang);
  void LoadOffices(const std::string& path);
  void LoadDates(const std::string& path);
  void LoadLightVerbs(const std::string& path);
  void LoadFunctionWords(const std::string& path);

  std::vector<std::unique_ptr<LexEntry>> entries_;
  // Match keys of forms and calendar words, and every proper prefix of one.
  KeyTable<LexKey> by_key_;
  // Looked up by string_view without building a string (C++20 heterogeneous lookup).
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Entity, ViewHash, std::equal_to<>> entities_;
  std::vector<Office> offices_;
  // Positions in offices_ by person, and by role and office-of joined with \x1f.
  std::unordered_map<std::string, std::vector<uint32_t>, KeyHash, std::equal_to<>>
      offices_by_person_, offices_by_post_;
  uint32_t max_date_tokens_ = 1;
  std::unordered_map<std::string, std::pair<std::string, std::string>> light_verbs_;
  uint32_t max_tokens_ = 1;
  std::unordered_set<std::string> abbreviations_;
};

// Splits a TSV data line; comments (#) and blank lines give no fields.
std::vector<std::string> SplitTsvLine(std::string_view line);

}  // namespace diplograph
