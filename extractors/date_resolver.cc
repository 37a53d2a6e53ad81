#include "extractors/date_resolver.h"

#include <charconv>

namespace diplograph {

namespace {

int NumberAt(const Document& doc, uint32_t t, uint32_t end) {
  if (t >= end || doc.tokens[t].kind != TokenKind::kNumber) return -1;
  const std::string_view k = doc.tokens[t].key;
  int v = -1;
  if (k.size() > 4) return -1;
  std::from_chars(k.data(), k.data() + k.size(), v);
  return v;
}

// Dates outside years 1 to 9999 have no ISO form that reads back (a feed
// may claim "published": "0001-01-01"): the resolver finds none there.
std::optional<Date> AddDays(const Date& d, int days) {
  int y, m, dd;
  CivilFromDays(DaysFromCivil(d.year, d.month, d.day) + days, &y, &m, &dd);
  if (y < 1 || y > 9999) return std::nullopt;
  return Date::Day(y, m, dd);
}

class SentenceDates {
 public:
  // `words` is scratch with room for a slot per token of the document.
  SentenceDates(const Lexicon& lex, const Document& doc, const Sentence& s,
                std::vector<std::pair<uint32_t, const DateWord*>>& words)
      : lex_(lex), doc_(doc), end_(s.end_token), s_(s), words_(words) {
    // One lexicon lookup per token; every pattern below reads these.
    words_.assign(s.end_token - s.first_token, {0, nullptr});
    for (uint32_t t = s.first_token; t < end_; ++t) {
      auto& [len, word] = words_[t - s.first_token];
      len = lex_.MatchDateWord(doc_.tokens, t, end_, &word);
      if (len && word->kind == "future") future_ = true;
    }
  }

  // Speaks of another time than the article's event ("earlier", «پیش‌تر»).
  bool Elsewhen() const {
    for (const auto& [len, word] : words_)
      if (len && word->kind == "elsewhen") return true;
    return false;
  }

  std::vector<std::pair<uint32_t, Date>> FindAll() const {
    std::vector<std::pair<uint32_t, Date>> found;
    for (uint32_t t = s_.first_token; t < end_; ++t) {
      auto d = At(t);
      if (!d) continue;
      found.emplace_back(t, *d);
      // «سه شنبه» is Tuesday; its «شنبه» is no Saturday of its own.
      const DateWord* w = nullptr;
      if (const uint32_t n = WordAt(t, &w); n > 1) t += n - 1;
    }
    return found;
  }

 private:
  uint32_t WordAt(uint32_t t, const DateWord** w) const {
    if (t >= end_) return 0;
    const auto& [len, word] = words_[t - s_.first_token];
    *w = word;
    return len;
  }

  // A day number written as digits or as an ordinal word; returns tokens used.
  uint32_t DayAt(uint32_t t, int* day) const {
    const int n = NumberAt(doc_, t, end_);
    if (n >= 1 && n <= 31) {
      *day = n;
      return 1;
    }
    const DateWord* w = nullptr;
    const uint32_t len = WordAt(t, &w);
    if (len && w->kind == "ordinal") {
      *day = w->value;
      return len;
    }
    return 0;
  }

  uint32_t MonthAt(uint32_t t, const DateWord** w) const {
    const uint32_t len = WordAt(t, w);
    if (len && ((*w)->kind == "persian-month" || (*w)->kind == "gregorian-month")) return len;
    return 0;
  }

  int YearAt(uint32_t t) const {
    const int n = NumberAt(doc_, t, end_);
    return (n >= 1000 && n <= 2100) ? n : -1;
  }

  // Builds the date; a missing year comes from the publication date, taking
  // the previous year when the result would lie well after publication.
  std::optional<Date> Make(const DateWord& month, int day, int year) const {
    const bool persian = month.kind == "persian-month";
    const auto build = [&](int y) -> std::optional<Date> {
      if (persian) return FromPersian(y, month.value, day);
      if (y < 1 || !IsValidGregorian(y, month.value, day)) return std::nullopt;
      return Date::Day(y, month.value, day);
    };
    if (year > 0) return build(year);
    if (!doc_.published) return std::nullopt;
    const Date& pub = *doc_.published;
    const int y = persian ? PersianYearOf(pub) : pub.year;
    auto d = build(y);
    if (d &&
        DaysFromCivil(d->year, d->month, d->day) > DaysFromCivil(pub.year, pub.month, pub.day) + 31)
      d = build(y - 1);
    return d;
  }

  std::optional<Date> At(uint32_t t) const {
    int day = 0;
    const DateWord* month = nullptr;
    // day month [ماه] [year]
    if (const uint32_t dl = DayAt(t, &day)) {
      uint32_t u = t + dl;
      if (const uint32_t ml = MonthAt(u, &month)) {
        u += ml;
        if (u < end_ && doc_.tokens[u].key == "ماه") ++u;
        const int year = YearAt(u);
        return Make(*month, day, year);
      }
    }
    const DateWord* w = nullptr;
    const uint32_t len = WordAt(t, &w);
    if (!len) return std::nullopt;
    if (w->kind == "gregorian-month" && doc_.lang == Lang::kEn) {
      // "May 8", "May 8, 2024", "May 2024"
      const int n = NumberAt(doc_, t + len, end_);
      if (n >= 1 && n <= 31) {
        uint32_t u = t + len + 1;
        if (u < end_ && doc_.tokens[u].key == ",") ++u;
        return Make(*w, n, YearAt(u));
      }
      const int year = YearAt(t + len);
      if (year > 0) {
        Date d;
        d.year = year;
        d.month = w->value;
        d.precision = DatePrecision::kMonth;
        return d;
      }
      return std::nullopt;
    }
    if (!doc_.published) return std::nullopt;
    const Date& pub = *doc_.published;
    if (w->kind == "weekday") {
      // The nearest such day in the sentence's direction: past for reports,
      // ahead for what will happen ("will visit on Monday").
      const int today = Weekday(pub.year, pub.month, pub.day);
      if (future_) return AddDays(pub, (w->value - today + 7) % 7);
      return AddDays(pub, -((today - w->value + 7) % 7));
    }
    if (w->kind == "relative-day") return AddDays(pub, w->value);
    return std::nullopt;
  }

  const Lexicon& lex_;
  const Document& doc_;
  uint32_t end_;
  const Sentence& s_;
  std::vector<std::pair<uint32_t, const DateWord*>>& words_;  // per token: length, word
  bool future_ = false;  // the sentence speaks of what will happen
};

}  // namespace

void ResolveDates(const Lexicon& lexicon, Document& doc) {
  // Dates qualify statements and offices: a sentence that names no actor
  // needs none, except in the lead, which dates the article's event. Called
  // again once coreference has found more actors, it dates only their
  // sentences.
  std::vector<bool> has_mention(doc.sentences.size(), false);
  std::vector<std::pair<uint32_t, const DateWord*>> words;
  for (const Mention& m : doc.mentions) has_mention[m.sentence] = true;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    Sentence& s = doc.sentences[i];
    if (s.dated || (i >= kLeadSentences && !has_mention[i])) continue;
    s.dated = true;
    const SentenceDates dates(lexicon, doc, s, words);
    s.dates = dates.FindAll();
    s.date.reset();
    if (!s.dates.empty()) s.date = s.dates.front().second;
    s.elsewhen = dates.Elsewhen();
    // The headline and the lead (dateline included) date the main event.
    if (i < kLeadSentences && !doc.lead_date && s.date) doc.lead_date = s.date;
  }
}

}  // namespace diplograph
