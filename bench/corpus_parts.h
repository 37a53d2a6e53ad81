// Internals of CorpusGenerator: the names it draws from, a scene, and the per-language writers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/article.h"

namespace diplograph {

struct CorpusCountry {
  std::string code;            // ISO 3166-1 alpha-2
  std::string en, fa;          // names (CLDR through ICU)
  std::string en_adj, fa_adj;  // adjectives from countries.tsv
  std::vector<size_t> places;  // indexes into CorpusData::places, capital first
};

struct CorpusPlace {
  std::string en, fa;
  size_t country = 0;
};

struct CorpusPerson {
  std::string en_full, en_short, fa_full, fa_short;
  std::string role;  // a role key of en/roles.tsv and fa/roles.tsv
  size_t country = 0;
};

// Everything read from the lexicon once and shared, read-only, by generators.
struct CorpusData {
  std::vector<CorpusCountry> countries;
  std::vector<CorpusPlace> places;
  std::vector<CorpusPerson> people;  // holders of a current office, from the lexicon
  std::vector<size_t> iranians;      // indexes into people
  std::vector<size_t> foreigners;    // indexes into people
  std::unordered_map<std::string, std::vector<std::string>> fa_roles;  // key -> forms
  std::vector<std::string> invented_roles;  // role keys invented officials take
  size_t iran = 0;                          // index into countries
  int first_persian_year = 0;               // Solar Hijri year of persian_new_year[0]
  std::vector<long> persian_new_year;       // days since 1970-01-01 of 1 Farvardin

  static std::shared_ptr<const CorpusData> Load(const std::string& lexicon_dir);
};

// Uniform choices over a 64-bit Mersenne Twister; the same on every platform
// (std::uniform_int_distribution is not).
class Rng {
 public:
  explicit Rng(std::mt19937_64& engine) : e_(engine) {}
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(e_() % n); }
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<size_t>(hi - lo + 1)));
  }
  bool Chance(double p) { return static_cast<double>(e_() >> 11) * 0x1.0p-53 < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }
  const char* Pick(std::initializer_list<const char*> v) { return v.begin()[Below(v.size())]; }
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(i)]);
  }

 private:
  std::mt19937_64& e_;
};

// Who does what where and when in one article.
struct Scene {
  CorpusPerson invented[3];         // storage for officials that are not in the lexicon
  const CorpusPerson* a = nullptr;  // main actor
  const CorpusPerson* b = nullptr;  // counterpart
  const CorpusPerson* c = nullptr;  // a third official of the host country
  const CorpusPerson* guest = nullptr;
  const CorpusPerson* host = nullptr;
  const CorpusCountry* ca = nullptr;
  const CorpusCountry* cb = nullptr;
  const CorpusCountry* third = nullptr;  // named in condemnations, accusations, sanctions
  const CorpusPlace* city = nullptr;     // where the main event takes place
  const CorpusPlace* other_city = nullptr;
  bool phone = false;                                        // a phone call: nobody travels
  long event_day = 0;                                        // days since 1970-01-01
  long published_day = 0;                                    // the event day or the day after
  int persian_year = 0, persian_month = 0, persian_day = 0;  // of the event day
  const char* source_fa = "";
  const char* source_en = "";
};

// Writers: headline, blank line, then paragraphs of one or two sentences.
Article WriteFaArticle(const CorpusData& d, const Scene& s, Rng& r);
Article WriteEnArticle(const CorpusData& d, const Scene& s, Rng& r);

// Helpers shared by the writers.
// Concatenates in order. The parts of a braced list are evaluated left to
// right, unlike the operands of a chain of operator+, so the random choices
// inside them are drawn in the same order whatever the compiler.
std::string Cat(std::initializer_list<std::string_view> parts);
int WeekdayOfDay(long day);  // 0 = Sunday
void CivilOfDay(long day, int* y, int* m, int* d);
// Both writers number the same 17 events of a scene and 16 filler topics.
constexpr int kSceneEvents = 17;
constexpr int kFillerTopics = 16;

// The body of an article about `scene`, shuffled, before its lead: 4 to 14
// sentences, a third to three fifths of them events that fit the scene
// (`event(i)` writes event i), the rest filler (`filler(i)` writes topic i).
std::vector<std::string> ArticleBody(const Scene& scene, Rng& r,
                                     const std::function<std::string(int)>& event,
                                     const std::function<std::string(int)>& filler);

std::string JoinParagraphs(const std::string& headline, const std::vector<std::string>& sentences,
                           Rng& r);

}  // namespace diplograph
