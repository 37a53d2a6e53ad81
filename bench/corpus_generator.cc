#include "bench/corpus_generator.h"

#include <cstdio>

#include "bench/corpus_parts.h"

namespace diplograph {

namespace {

struct NamePart {
  const char* en;
  const char* fa;
};

// Invented officials: names in both scripts, so that a person reads the same in either language.
constexpr NamePart kIranianFirst[] = {
    {"Kamran", "کامران"}, {"Farhad", "فرهاد"}, {"Mehdi", "مهدی"},     {"Hamid", "حمید"},
    {"Majid", "مجید"},    {"Saeed", "سعید"},   {"Alireza", "علیرضا"}, {"Mohsen", "محسن"},
    {"Maryam", "مریم"},   {"Zahra", "زهرا"},   {"Behrouz", "بهروز"},  {"Siamak", "سیامک"},
    {"Davoud", "داوود"},  {"Kazem", "کاظم"},   {"Nasser", "ناصر"},    {"Rasoul", "رسول"}};
constexpr NamePart kIranianLast[] = {
    {"Farahani", "فراهانی"},  {"Tavakoli", "توکلی"}, {"Moradi", "مرادی"},
    {"Karimi", "کریمی"},      {"Sadeghi", "صادقی"},  {"Rahmani", "رحمانی"},
    {"Ebrahimi", "ابراهیمی"}, {"Jafari", "جعفری"},   {"Ghasemi", "قاسمی"},
    {"Heydari", "حیدری"},     {"Soltani", "سلطانی"}, {"Kiani", "کیانی"},
    {"Navabi", "نوابی"},      {"Zarei", "زارعی"},    {"Nikpour", "نیک‌پور"},
    {"Mirzaei", "میرزایی"}};
constexpr NamePart kForeignFirst[] = {
    {"Tomas", "توماس"},  {"Elena", "النا"},  {"Marco", "مارکو"},    {"Anna", "آنا"},
    {"Pavel", "پاول"},   {"Yusuf", "یوسف"},  {"Ivan", "ایوان"},     {"Sofia", "سوفیا"},
    {"Daniel", "دانیل"}, {"Omar", "عمر"},    {"Nikolai", "نیکلای"}, {"Laura", "لورا"},
    {"Rashid", "رشید"},  {"Hakan", "هاکان"}, {"Aziz", "عزیز"},      {"Bogdan", "بوگدان"}};
constexpr NamePart kForeignLast[] = {
    {"Novak", "نواک"},       {"Keller", "کلر"},        {"Petrov", "پتروف"},
    {"Horvat", "هوروات"},    {"Demir", "دمیر"},        {"Costa", "کاستا"},
    {"Jensen", "یانسن"},     {"Morel", "مورل"},        {"Kovacs", "کواچ"},
    {"Haddad", "حداد"},      {"Ferreira", "فریرا"},    {"Yilmaz", "ییلماز"},
    {"Okafor", "اوکافور"},   {"Sandoval", "ساندووال"}, {"Brandt", "برانت"},
    {"Markovic", "مارکوویچ"}};

template <size_t N>
const NamePart& PickPart(Rng& r, const NamePart (&parts)[N]) {
  return parts[r.Below(N)];
}

void Invent(Rng& r, bool iranian, size_t country, const std::string& role, CorpusPerson* p) {
  const NamePart& first = iranian ? PickPart(r, kIranianFirst) : PickPart(r, kForeignFirst);
  const NamePart& last = iranian ? PickPart(r, kIranianLast) : PickPart(r, kForeignLast);
  p->en_full = std::string(first.en) + " " + last.en;
  p->fa_full = std::string(first.fa) + " " + last.fa;
  p->en_short = last.en;
  p->fa_short = last.fa;
  p->role = role;
  p->country = country;
}

// A foreign country that has at least one place, other than `not_a` and `not_b`;
// with `partner`, one whose officials might plausibly sit down with the other side.
size_t ForeignCountry(const CorpusData& d, Rng& r, size_t not_a, size_t not_b, bool partner) {
  for (int tries = 0; tries < 64; ++tries) {
    const size_t c = r.Below(d.countries.size());
    if (c != d.iran && c != not_a && c != not_b && !d.countries[c].places.empty() &&
        !(partner && d.countries[c].code == "IL"))
      return c;
  }
  return d.countries[not_a].places.empty() || not_a == d.iran ? not_b : not_a;
}

const CorpusPerson* PickForeigner(const CorpusData& d, Rng& r, const CorpusPerson& a,
                                  CorpusPerson* slot) {
  if (r.Chance(0.6)) {
    // Counterparts of the same office read most naturally; try those first.
    const bool same_role = r.Chance(0.6);
    for (int tries = 0; tries < 48; ++tries) {
      const CorpusPerson& p = d.people[r.Pick(d.foreigners)];
      if (p.country != a.country && d.countries[p.country].code != "IL" &&
          (!same_role || p.role == a.role))
        return &p;
    }
  }
  const size_t c = ForeignCountry(d, r, a.country, a.country, true);
  Invent(r, false, c, r.Chance(0.5) ? a.role : r.Pick(d.invented_roles), slot);
  return slot;
}

const CorpusPerson* PickOfficial(const CorpusData& d, Rng& r, size_t country, CorpusPerson* slot) {
  if (r.Chance(0.5)) {
    const auto& pool = country == d.iran ? d.iranians : d.foreigners;
    for (int tries = 0; tries < 32; ++tries) {
      const CorpusPerson& p = d.people[r.Pick(pool)];
      if (p.country == country) return &p;
    }
  }
  Invent(r, country == d.iran, country, r.Pick(d.invented_roles), slot);
  return slot;
}

const CorpusPlace* PlaceIn(const CorpusData& d, Rng& r, const CorpusCountry& c) {
  if (c.places.empty()) return &d.places[d.countries[d.iran].places.front()];
  // Mostly the capital, sometimes another city.
  return &d.places[r.Chance(0.7) ? c.places.front() : r.Pick(c.places)];
}

void SetDates(const CorpusData& d, Rng& r, Scene* s) {
  s->persian_year = r.Between(1403, 1404);
  s->persian_month = r.Between(1, 12);
  s->persian_day = r.Between(1, 29);
  const int m = s->persian_month;
  const long offset = m <= 7 ? (m - 1) * 31 : 186 + (m - 7) * 30;
  s->event_day =
      d.persian_new_year[s->persian_year - d.first_persian_year] + offset + s->persian_day - 1;
  s->published_day = s->event_day + (r.Chance(0.35) ? 1 : 0);
}

void BuildScene(const CorpusData& d, Rng& r, Scene* s) {
  if (r.Chance(0.75)) {
    s->a = r.Chance(0.6) ? &d.people[r.Pick(d.iranians)] : nullptr;
    if (!s->a) {
      Invent(r, true, d.iran, r.Pick(d.invented_roles), &s->invented[0]);
      s->a = &s->invented[0];
    }
  } else {
    s->a = &d.people[r.Pick(d.foreigners)];
  }
  s->b = PickForeigner(d, r, *s->a, &s->invented[1]);
  s->ca = &d.countries[s->a->country];
  s->cb = &d.countries[s->b->country];
  s->third = &d.countries[ForeignCountry(d, r, s->a->country, s->b->country, false)];
  s->phone = r.Chance(0.2);
  const bool a_travels = !s->cb->places.empty() && (s->ca->places.empty() || r.Chance(0.55));
  s->guest = a_travels ? s->a : s->b;
  s->host = a_travels ? s->b : s->a;
  s->city = PlaceIn(d, r, d.countries[s->host->country]);
  s->c = PickOfficial(d, r, s->host->country, &s->invented[2]);
  if (s->c->en_full == s->host->en_full)
    s->c = PickOfficial(d, r, s->host->country, &s->invented[2]);
  s->other_city = PlaceIn(d, r, r.Chance(0.5) ? *s->ca : d.countries[d.iran]);
  SetDates(d, r, s);
  s->source_fa = r.Pick({"ایرنا", "خبرگزاری ایسنا", "خبرگزاری تسنیم", "خبرگزاری مهر",
                         "خبرگزاری فارس", "پایگاه اطلاع‌رسانی دولت"});
  s->source_en = r.Pick({"IRNA", "Tasnim News Agency", "Mehr News Agency", "ISNA", "Press TV",
                         "the official news agency"});
}

}  // namespace

CorpusGenerator::CorpusGenerator(const std::string& lexicon_dir, uint64_t seed)
    : data_(CorpusData::Load(lexicon_dir)), rng_(seed) {}
CorpusGenerator::~CorpusGenerator() = default;
CorpusGenerator::CorpusGenerator(CorpusGenerator&&) noexcept = default;
CorpusGenerator& CorpusGenerator::operator=(CorpusGenerator&&) noexcept = default;

Article CorpusGenerator::Next() {
  Rng r(rng_);
  Scene s;
  const bool fa = r.Chance(0.5);
  BuildScene(*data_, r, &s);
  Article article = fa ? WriteFaArticle(*data_, s, r) : WriteEnArticle(*data_, s, r);
  int y, m, d;
  CivilOfDay(s.published_day, &y, &m, &d);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
  article.meta.published = date;
  article.meta.lang = fa ? "fa" : "en";
  article.meta.source = fa ? s.source_fa : s.source_en;
  article.meta.url = "https://example.org/" + article.meta.lang + "/" + std::to_string(count_);
  AssignContentId(&article);
  ++count_;
  return article;
}

std::vector<Article> GenerateCorpus(const std::string& lexicon_dir, size_t target_bytes,
                                    uint64_t seed) {
  CorpusGenerator gen(lexicon_dir, seed);
  std::vector<Article> out;
  size_t bytes = 0;
  while (bytes < target_bytes) {
    out.push_back(gen.Next());
    bytes += out.back().text.size();
  }
  return out;
}

}  // namespace diplograph
