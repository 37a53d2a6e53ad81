#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <set>

#include "bench/corpus_parts.h"
#include "core/date.h"
#include "core/error.h"
#include "extractors/article_reader.h"
#include "extractors/lexicon.h"

namespace diplograph {

namespace {

// Rows of a TSV data file (comments and blank lines skipped).
std::vector<std::vector<std::string>> ReadRows(const std::string& path) {
  const std::string content = ReadInput(path);
  std::vector<std::vector<std::string>> rows;
  size_t start = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    auto fields = SplitTsvLine(std::string_view(content).substr(start, end - start));
    if (!fields.empty()) rows.push_back(std::move(fields));
    start = end + 1;
  }
  return rows;
}

bool HasAttr(const std::vector<std::string>& row, const std::string& attr) {
  return row.size() > 3 && row[3].find(attr) != std::string::npos;
}

std::string AttrValue(const std::vector<std::string>& row, const std::string& key) {
  if (row.size() < 4) return "";
  const size_t at = row[3].find(key + "=");
  if (at == std::string::npos) return "";
  const size_t from = at + key.size() + 1;
  return row[3].substr(from, row[3].find(';', from) - from);
}

std::string CldrName(const std::string& code, const char* lang) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(lang), name);
  std::string out;
  name.toUTF8String(out);
  return out;
}

// CLDR names that read badly in running text ("Congo - Kinshasa", "Bosnia & Herzegovina").
bool UsableName(const std::string& name, const std::string& code) {
  return !name.empty() && name != code && name.find_first_of("()&-") == std::string::npos;
}

std::string LastWord(const std::string& s) {
  const size_t sp = s.rfind(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}

// The one-word form to call a person by: the last word of the full name when
// listed (Baghaei, not the variant Baqaei), else the first one-word form.
std::string Surname(const std::string& full, const std::string& so_far, const std::string& form) {
  if (form.find(' ') != std::string::npos) return so_far;
  if (form == LastWord(full)) return form;
  return so_far.empty() ? form : so_far;
}

void LoadCountries(const std::string& dir, CorpusData* d, std::map<std::string, size_t>* index) {
  std::map<std::string, CorpusCountry> by_code;
  std::vector<std::string> order;
  for (const auto& row : ReadRows(dir + "/common/countries.tsv")) {
    if (row.size() < 3 || row[0].rfind("country:", 0) != 0 || !HasAttr(row, "kind=adjective"))
      continue;
    const std::string code = row[0].substr(8);
    auto [it, added] = by_code.try_emplace(code);
    if (added) order.push_back(code);
    if (row[1] == "en" && it->second.en_adj.empty()) it->second.en_adj = row[2];
    if (row[1] == "fa" && it->second.fa_adj.empty()) it->second.fa_adj = row[2];
  }
  for (const std::string& code : order) {
    CorpusCountry c = by_code[code];
    c.code = code;
    c.en = CldrName(code, "en");
    c.fa = CldrName(code, "fa");
    if (c.en_adj.empty() || c.fa_adj.empty() || !UsableName(c.en, code) || !UsableName(c.fa, code))
      continue;
    (*index)[code] = d->countries.size();
    d->countries.push_back(std::move(c));
  }
  if (!index->count("IR")) throw Error(dir + "/common/countries.tsv: no adjective for Iran");
  d->iran = index->at("IR");
}

void LoadPlaces(const std::string& dir, CorpusData* d, const std::map<std::string, size_t>& index) {
  struct Row {
    std::string en, fa, country;
    bool capital = false;
  };
  std::map<std::string, Row> by_id;
  std::vector<std::string> order;
  for (const auto& row : ReadRows(dir + "/common/places.tsv")) {
    if (row.size() < 3 || HasAttr(row, "ambiguous=yes")) continue;
    auto [it, added] = by_id.try_emplace(row[0]);
    if (added) order.push_back(row[0]);
    Row& p = it->second;
    if (row[1] == "en" && p.en.empty()) p.en = row[2];
    if (row[1] == "fa" && p.fa.empty()) p.fa = row[2];
    p.country = AttrValue(row, "country");
    p.capital = p.capital || HasAttr(row, "capital=yes");
  }
  for (const std::string& id : order) {
    const Row& p = by_id[id];
    const auto c = index.find(p.country);
    if (p.en.empty() || p.fa.empty() || c == index.end()) continue;
    auto& list = d->countries[c->second].places;
    list.insert(p.capital ? list.begin() : list.end(), d->places.size());
    d->places.push_back({p.en, p.fa, c->second});
  }
}

void LoadRoles(const std::string& dir, CorpusData* d, std::set<std::string>* en_roles) {
  for (const auto& row : ReadRows(dir + "/fa/roles.tsv"))
    if (row.size() >= 2) d->fa_roles[row[0]].push_back(row[1]);
  for (const auto& row : ReadRows(dir + "/en/roles.tsv"))
    if (!row.empty()) en_roles->insert(row[0]);
  for (const char* role :
       {"foreign minister", "deputy foreign minister", "ambassador", "minister of economy",
        "minister of trade", "minister of energy", "minister of oil", "minister of agriculture",
        "speaker of parliament", "vice president", "special envoy", "minister of culture",
        "minister of health", "minister of roads and urban development"})
    if (d->fa_roles.count(role) && en_roles->count(role)) d->invented_roles.push_back(role);
  if (d->invented_roles.empty() || !d->fa_roles.count("president"))
    throw Error(dir + "/fa/roles.tsv: the common office titles are missing");
}

void LoadPeople(const std::string& dir, CorpusData* d, const std::map<std::string, size_t>& index,
                const std::set<std::string>& en_roles) {
  // The office each person holds now (a term with no end), from offices.tsv.
  std::map<std::string, std::pair<std::string, std::string>> office;
  for (const auto& row : ReadRows(dir + "/common/offices.tsv"))
    if (row.size() >= 4 && (row.size() < 5 || row[4].empty())) office[row[0]] = {row[1], row[2]};
  std::map<std::string, CorpusPerson> by_id;
  std::vector<std::string> order;
  for (const auto& row : ReadRows(dir + "/common/people.tsv")) {
    if (row.size() < 3) continue;
    auto [it, added] = by_id.try_emplace(row[0]);
    if (added) order.push_back(row[0]);
    CorpusPerson& p = it->second;
    if (row[1] == "en") {
      if (p.en_full.empty()) p.en_full = row[2];
      p.en_short = Surname(p.en_full, p.en_short, row[2]);
    } else if (row[1] == "fa") {
      if (p.fa_full.empty()) p.fa_full = row[2];
      p.fa_short = Surname(p.fa_full, p.fa_short, row[2]);
    }
  }
  for (const std::string& id : order) {
    CorpusPerson p = by_id[id];
    const auto o = office.find(id);
    if (p.en_full.empty() || p.fa_full.empty() || o == office.end()) continue;
    const auto& [role, of] = o->second;
    const auto c = of.rfind("country:", 0) == 0 ? index.find(of.substr(8)) : index.end();
    if (c == index.end() || !d->fa_roles.count(role) || !en_roles.count(role)) continue;
    p.role = role;
    p.country = c->second;
    if (p.en_short.empty()) p.en_short = LastWord(p.en_full);
    if (p.fa_short.empty()) p.fa_short = LastWord(p.fa_full);
    (p.country == d->iran ? d->iranians : d->foreigners).push_back(d->people.size());
    d->people.push_back(std::move(p));
  }
  if (d->iranians.empty() || d->foreigners.empty())
    throw Error(dir + "/common/people.tsv: too few people with a current office");
}

}  // namespace

std::shared_ptr<const CorpusData> CorpusData::Load(const std::string& lexicon_dir) {
  auto d = std::make_shared<CorpusData>();
  std::map<std::string, size_t> index;
  std::set<std::string> en_roles;
  LoadCountries(lexicon_dir, d.get(), &index);
  LoadPlaces(lexicon_dir, d.get(), index);
  LoadRoles(lexicon_dir, d.get(), &en_roles);
  LoadPeople(lexicon_dir, d.get(), index, en_roles);
  if (d->countries[d->iran].places.empty())
    throw Error(lexicon_dir + "/common/places.tsv: no place in Iran");
  d->first_persian_year = 1402;
  for (int y = d->first_persian_year; y <= 1405; ++y) {
    const auto day = FromPersian(y, 1, 1);
    if (!day) throw Error("corpus generator: ICU has no Persian calendar");
    d->persian_new_year.push_back(DaysFromCivil(day->year, day->month, day->day));
  }
  return d;
}

std::string Cat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : parts) out += p;
  return out;
}

int WeekdayOfDay(long day) { return static_cast<int>(((day % 7) + 11) % 7); }

void CivilOfDay(long day, int* y, int* m, int* d) { CivilFromDays(day, y, m, d); }

namespace {

// Phone calls have no arrival, welcome or signing; a president carries no president's message.
bool Fits(const Scene& s, int event) {
  if (event == 12 && s.guest->role == "president") return false;
  return !s.phone || (event != 0 && event != 1 && event != 10 && event != 12 && event != 13);
}

}  // namespace

std::vector<std::string> ArticleBody(const Scene& scene, Rng& r,
                                     const std::function<std::string(int)>& event,
                                     const std::function<std::string(int)>& filler) {
  const int n = r.Between(5, 15);
  const int events = (n - 1) * r.Between(35, 60) / 100;
  std::vector<std::string> body;
  std::vector<int> pool;
  for (int i = 0; i < kSceneEvents; ++i)
    if (Fits(scene, i)) pool.push_back(i);
  r.Shuffle(pool);
  for (int i = 0; i < events && i < static_cast<int>(pool.size()); ++i)
    body.push_back(event(pool[i]));
  std::vector<int> fillers;
  while (static_cast<int>(body.size()) < n - 1) {
    if (fillers.empty()) {
      for (int i = 0; i < kFillerTopics; ++i) fillers.push_back(i);
      r.Shuffle(fillers);
    }
    body.push_back(filler(fillers.back()));
    fillers.pop_back();
  }
  r.Shuffle(body);
  return body;
}

std::string JoinParagraphs(const std::string& headline, const std::vector<std::string>& sentences,
                           Rng& r) {
  std::string text = headline;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const bool new_paragraph = i == 0 || i == 1 || r.Chance(0.6);
    text += new_paragraph ? "\n\n" : " ";
    text += sentences[i];
  }
  text += '\n';
  return text;
}

}  // namespace diplograph
