#include "extractors/lexicon.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/error.h"
#include "core/normalize.h"
#include "core/utf8.h"

namespace diplograph {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxFormLength = 256;

// Token count of a form once normalized (ZWNJ counts as a break).
uint32_t CountTokens(std::string_view form) {
  const NormalizedText norm = Normalize(form);
  uint32_t n = 0;
  bool in_word = false;
  for (char c : norm.text) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// Reads a data file line by line; calls fn(fields, "path:line").
template <typename Fn>
void ForEachRow(const std::string& path, bool required, Fn fn) {
  std::ifstream in(path);
  if (!in) {
    if (required) throw Error(path + ": cannot open lexicon file");
    return;
  }
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    auto fields = SplitTsvLine(line);
    if (fields.empty()) continue;
    fn(fields, path + ":" + std::to_string(n));
  }
}

}  // namespace

std::vector<std::string> SplitTsvLine(std::string_view line) {
  std::vector<std::string> fields;
  const std::string trimmed = Trim(line);
  if (trimmed.empty() || trimmed[0] == '#') return fields;
  size_t pos = 0;
  std::string_view rest(trimmed);
  while (true) {
    const size_t tab = rest.find('\t', pos);
    fields.push_back(Trim(rest.substr(pos, tab == std::string_view::npos ? tab : tab - pos)));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return fields;
}

std::string Lexicon::DefaultDir() {
  if (const char* env = std::getenv("DIPLOGRAPH_LEXICON"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share/diplograph/lexicon";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return DIPLOGRAPH_LEXICON_DIR;
}

std::shared_ptr<Lexicon> Lexicon::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error(dir + ": lexicon directory not found");
  auto lex = std::make_shared<Lexicon>();
  lex->LoadCountriesFromIcu();
  const std::string common = dir + "/common/";
  lex->LoadEntityTsv(common + "countries.tsv", true);
  lex->LoadEntityTsv(common + "organizations.tsv", true);
  lex->LoadEntityTsv(common + "places.tsv", true);
  lex->LoadEntityTsv(common + "people.tsv", true);
  lex->LoadEntityTsv(common + "events.tsv", false);
  lex->LoadOffices(common + "offices.tsv");
  for (const std::string lang : {"fa", "en"}) {
    const std::string d = dir + "/" + lang + "/";
    lex->LoadRoles(d + "roles.tsv", lang);
    lex->LoadWordList(d + "honorifics.txt", LexKind::kHonorific, lang);
    lex->LoadWordList(d + "attribution.txt", LexKind::kAttribution, lang);
    lex->LoadWordList(d + "stopwords.txt", LexKind::kStopword, lang);
    lex->LoadWordList(d + "speech_verbs.txt", LexKind::kSpeech, lang);
    lex->LoadFunctionWords(d + "function_words.tsv");
    lex->LoadReferences(d + "references.tsv", lang);
    lex->LoadDates(d + "dates.tsv");
  }
  lex->LoadLightVerbs(dir + "/fa/light_verbs.tsv");
  ForEachRow(dir + "/en/abbreviations.txt", true,
             [&](const std::vector<std::string>& f, const std::string&) {
               lex->abbreviations_.insert(f[0]);
             });
  return lex;
}

void Lexicon::Add(LexEntry entry) {
  const std::string key = MatchKey(entry.form);
  if (key.empty()) return;
  max_tokens_ = std::max(max_tokens_, CountTokens(entry.form));
  for (size_t i = 1; i < key.size(); ++i)
    if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80)
      by_key_[key.substr(0, i)].prefix = true;
  auto& bucket = by_key_[key].entries;
  for (const LexEntry* e : bucket)
    if (e->kind == entry.kind && e->id == entry.id && e->adjective == entry.adjective &&
        e->metonym == entry.metonym)
      return;
  entries_.push_back(std::make_unique<LexEntry>(std::move(entry)));
  bucket.push_back(entries_.back().get());
}

void Lexicon::AddEntityRow(const std::string& id, const std::string& lang, const std::string& form,
                           std::string_view attrs, const std::string& where) {
  const auto type = EntityTypeOfId(id);
  if (!type) throw Error(where + ": id \"" + utf8::Excerpt(id) + "\" has no known type prefix");
  if (form.empty()) throw Error(where + ": empty form");
  // Every prefix of a form's key is indexed: a name is short, and a junk row
  // of a megabyte would cost the square of that in memory.
  if (utf8::Length(form) > kMaxFormLength)
    throw Error(where + ": form longer than " + std::to_string(kMaxFormLength) + " characters");
  LexEntry e;
  e.kind = LexKind::kEntity;
  e.id = id;
  e.lang = lang;
  e.form = form;
  Entity& ent = entities_[id];
  if (ent.id.empty()) {
    ent.id = id;
    ent.type = *type;
  }
  // attributes: key=value;key=value
  size_t pos = 0;
  while (pos < attrs.size()) {
    size_t semi = attrs.find(';', pos);
    if (semi == std::string_view::npos) semi = attrs.size();
    const std::string_view kv = attrs.substr(pos, semi - pos);
    pos = semi + 1;
    const size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string k = Trim(kv.substr(0, eq)), v = Trim(kv.substr(eq + 1));
    if (k == "kind") {
      e.adjective = v == "adjective";
      e.metonym = v == "metonym";
    } else if (k == "ambiguous") {
      e.ambiguous = v == "yes";
    } else if (k == "country") {
      ent.attrs["country"] = v.find(':') == std::string::npos ? "country:" + v : v;
    } else {
      ent.attrs[k] = v;
    }
  }
  if (lang == "en" && ent.name.empty() && !e.adjective && !e.metonym) ent.name = form;
  Add(std::move(e));
}

void Lexicon::LoadCountriesFromIcu() {
  const icu::Locale fa("fa"), en("en"), ar("ar");
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    const icu::Locale region("", *code);
    const std::string id = std::string("country:") + *code;
    for (const auto& [lang, loc] :
         {std::pair{"en", &en}, std::pair{"fa", &fa}, std::pair{"ar", &ar}}) {
      icu::UnicodeString name;
      region.getDisplayCountry(*loc, name);
      std::string utf8;
      name.toUTF8String(utf8);
      if (utf8.empty() || utf8 == *code) continue;
      AddEntityRow(id, lang, utf8, "", "ICU");
    }
    entities_[id].attrs["iso"] = *code;
  }
}

void Lexicon::LoadEntityTsv(const std::string& path, bool required) {
  ForEachRow(path, required, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 3) throw Error(where + ": expected id, lang, form [, attributes]");
    AddEntityRow(f[0], f[1], f[2], f.size() > 3 ? std::string_view(f[3]) : "", where);
  });
}

void Lexicon::LoadEntityFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(path + ": no such lexicon file");
  if (fs::is_directory(path, ec)) throw Error(path + ": is a directory, expected a lexicon file");
  LoadEntityTsv(path, true);
}

void Lexicon::LoadRoles(const std::string& path, const std::string& lang) {
  ForEachRow(path, true, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 2) throw Error(where + ": expected role, form");
    Add(LexEntry{LexKind::kRole, f[0], lang, f[1]});
  });
}

void Lexicon::LoadWordList(const std::string& path, LexKind kind, const std::string& lang) {
  ForEachRow(path, true, [&](const std::vector<std::string>& f, const std::string&) {
    Add(LexEntry{kind, f[0], lang, f[0]});
  });
}

void Lexicon::LoadReferences(const std::string& path, const std::string& lang) {
  ForEachRow(path, true, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 2) throw Error(where + ": expected kind, form");
    if (f[0] != "pronoun" && f[0] != "this-country" && f[0] != "own-country" && f[0] != "both" &&
        f[0] != "both-people")
      throw Error(where + ": unknown reference kind \"" + f[0] + "\"");
    Add(LexEntry{LexKind::kReference, f[0], lang, f[1]});
  });
}

void Lexicon::LoadOffices(const std::string& path) {
  ForEachRow(path, true, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 4) throw Error(where + ": expected person, role, of, from [, to]");
    Office o;
    o.person = f[0];
    o.role = f[1];
    o.of = f[2];
    auto from = Date::ParseIso(f[3]);
    if (!from) throw Error(where + ": \"from\" is not an ISO date: " + f[3]);
    o.from = *from;
    if (f.size() > 4 && !f[4].empty()) {
      auto to = Date::ParseIso(f[4]);
      if (!to) throw Error(where + ": \"to\" is not an ISO date: " + f[4]);
      o.to = *to;
    }
    const auto index = static_cast<uint32_t>(offices_.size());
    offices_by_person_[o.person].push_back(index);
    offices_by_post_[o.role + '\x1f' + o.of].push_back(index);
    offices_.push_back(std::move(o));
  });
}

void Lexicon::LoadDates(const std::string& path) {
  ForEachRow(path, true, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 3) throw Error(where + ": expected kind, value, form");
    DateWord w;
    w.kind = f[0];
    try {
      w.value = std::stoi(f[1]);
    } catch (const std::exception&) {
      throw Error(where + ": value is not a number: " + f[1]);
    }
    const std::string key = MatchKey(f[2]);
    for (size_t i = 1; i < key.size(); ++i)
      if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80)
        by_key_[key.substr(0, i)].date_prefix = true;
    LexKey& node = by_key_[key];
    if (!node.is_date) {
      node.is_date = true;
      node.date = w;
    }
    max_date_tokens_ = std::max(max_date_tokens_, CountTokens(f[2]));
  });
}

void Lexicon::LoadFunctionWords(const std::string& path) {
  ForEachRow(path, true, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 2) throw Error(where + ": expected kind, word");
    uint8_t bit = 0;
    if (f[0] == "governs") bit = kGoverns;
    if (f[0] == "locative") bit = kLocative;
    if (f[0] == "opens") bit = kOpensName;
    if (f[0] == "negates") bit = kNegates;
    if (f[0] == "intends") bit = kIntends;
    if (f[0] == "determiner") bit = kDeterminer;
    if (!bit) throw Error(where + ": unknown function word kind \"" + f[0] + "\"");
    // The possessive is keyed as the tokenizer keys it: "'s", as written.
    const std::string key = f[1].front() == '\'' ? f[1] : MatchKey(f[1]);
    by_key_[key].function |= bit;
  });
}

void Lexicon::LoadLightVerbs(const std::string& path) {
  ForEachRow(path, true, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 3) throw Error(where + ": expected lemma, past stem, present stem");
    light_verbs_[MatchKey(f[0])] = {MatchKey(f[1]), MatchKey(f[2])};
  });
}

Lexicon::Lexicon() = default;

uint32_t Lexicon::LongestMatch(const std::vector<Token>& tokens, uint32_t first, uint32_t end,
                               std::span<const LexEntry* const>* entries) const {
  *entries = {};
  uint32_t best = 0;
  const std::vector<const LexEntry*>* found = nullptr;
  // A form may span more tokens in text than in the file ("گفت و گو" against
  // "گفتوگو"), so allow a little slack over the longest form.
  const uint32_t limit = std::min<uint32_t>(end, first + max_tokens_ + 2);
  for (uint32_t i = first; i < limit; ++i) {
    if (tokens[i].kind == TokenKind::kPunct) break;
    // The first step reads the token's own lookup.
    const LexKey* node = i == first ? tokens[i].lex : by_key_.Find(JoinedKey(tokens, first, i + 1));
    if (!node) break;
    if (!node->entries.empty()) {
      best = i - first + 1;
      found = &node->entries;
    }
    if (!node->prefix) break;
  }
  if (found) *entries = std::span<const LexEntry* const>(*found);
  return best;
}

const Entity* Lexicon::FindEntity(std::string_view id) const {
  auto it = entities_.find(id);
  return it == entities_.end() ? nullptr : &it->second;
}

const Office* Lexicon::OfficeOf(std::string_view person, const std::optional<Date>& date,
                                std::string_view role) const {
  const Office* best = nullptr;
  const auto held = offices_by_person_.find(person);
  if (held == offices_by_person_.end()) return nullptr;
  for (uint32_t i : held->second) {
    const Office& o = offices_[i];
    if (!role.empty() && o.role != role) continue;
    if (date && date->known()) {
      const unsigned when = date->SortKey();
      if (o.from.SortKey() > when || (o.to.known() && o.to.SortKey() < when)) continue;
    }
    if (!best || o.from.SortKey() > best->from.SortKey()) best = &o;
  }
  return best;
}

std::string Lexicon::OfficeHolder(std::string_view role, std::string_view of,
                                  const Date& date) const {
  if (!date.known()) return {};
  const unsigned when = date.SortKey();
  std::string post(role);
  post += '\x1f';
  post += of;
  const auto terms = offices_by_post_.find(post);
  if (terms == offices_by_post_.end()) return {};
  std::string holder;
  for (uint32_t i : terms->second) {
    const Office& o = offices_[i];
    if (o.from.SortKey() > when) continue;
    if (o.to.known() && o.to.SortKey() < when) continue;
    if (!holder.empty() && holder != o.person) return {};
    holder = o.person;
  }
  return holder;
}

uint32_t Lexicon::MatchDateWord(const std::vector<Token>& tokens, uint32_t first, uint32_t end,
                                const DateWord** word) const {
  uint32_t best = 0;
  const uint32_t limit = std::min<uint32_t>(end, first + max_date_tokens_ + 1);
  for (uint32_t i = first; i < limit; ++i) {
    if (tokens[i].kind != TokenKind::kWord) break;
    const LexKey* node = i == first ? tokens[i].lex : by_key_.Find(JoinedKey(tokens, first, i + 1));
    if (!node) break;
    if (node->is_date) {
      best = i - first + 1;
      *word = &node->date;
    }
    if (!node->date_prefix) break;
  }
  return best;
}

}  // namespace diplograph
