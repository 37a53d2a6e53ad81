#include <cctype>
#include <string>
#include <vector>

#include "bench/corpus_parts.h"

namespace diplograph {

namespace {

constexpr const char* kMonths[] = {"Jan",  "Feb", "March", "April", "May", "June",
                                   "July", "Aug", "Sept",  "Oct",   "Nov", "Dec"};
constexpr const char* kWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                     "Thursday", "Friday", "Saturday"};

std::string Capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// "foreign minister" -> "Foreign Minister"; short words stay lower case.
std::string TitleCase(const std::string& s) {
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    const std::string word = s.substr(start, end - start);
    if (!out.empty()) out += ' ';
    out +=
        word == "of" || word == "and" || word == "the" || word == "for" ? word : Capitalized(word);
    start = end + 1;
  }
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Ordinal(int n) {
  const int tens = n % 100, ones = n % 10;
  const char* suffix = tens >= 11 && tens <= 13 ? "th"
                       : ones == 1              ? "st"
                       : ones == 2              ? "nd"
                       : ones == 3              ? "rd"
                                                : "th";
  return std::to_string(n) + suffix;
}

class EnWriter {
 public:
  EnWriter(const CorpusData& d, const Scene& s, Rng& r) : d_(d), s_(s), r_(r) {}

  Article Write() {
    std::vector<std::string> body = ArticleBody(
        s_, r_, [&](int i) { return Capitalized(Event(i)); },
        [&](int i) { return Capitalized(Filler(i)); });
    body.insert(body.begin(), Cat({Dateline(), Lead()}));
    Article article;
    article.meta.title = Capitalized(Headline());
    article.text = JoinParagraphs(article.meta.title, body, r_);
    return article;
  }

 private:
  const CorpusCountry& CountryOf(const CorpusPerson& p) const { return d_.countries[p.country]; }

  // "the United States", "the Netherlands", "Iran".
  static std::string TheName(const CorpusCountry& c) {
    const bool the = c.en.rfind("United ", 0) == 0 || c.en == "Netherlands" ||
                     c.en == "Philippines" || c.en == "Maldives" || c.en == "Bahamas";
    return the ? "the " + c.en : c.en;
  }
  static std::string Poss(const CorpusCountry& c) {
    const std::string name = TheName(c);
    return name + (name.back() == 's' ? "'" : "'s");
  }

  std::string Role(const CorpusPerson& p) { return r_.Chance(0.5) ? p.role : TitleCase(p.role); }

  // `subject`: may end in an apposition ("X, Iran's foreign minister,").
  std::string Full(const CorpusPerson& p, bool subject) {
    const CorpusCountry& c = CountryOf(p);
    switch (r_.Below(subject ? 3 : 2)) {
      case 0:
        return Cat({Poss(c), " ", p.role, " ", p.en_full});
      case 1:
        return Cat({c.en_adj, " ", TitleCase(p.role), " ", p.en_full});
      default:
        return Cat({p.en_full, ", ", Poss(c), " ", p.role, ","});
    }
  }

  std::string Title(const CorpusPerson& p) {
    return Cat({"the ", CountryOf(p).en_adj, " ", Role(p)});
  }

  std::string Short(const CorpusPerson& p) { return r_.Chance(0.85) ? p.en_short : Title(p); }

  std::string Counterpart(const CorpusPerson& self, const CorpusPerson& other) {
    if (self.role == other.role && r_.Chance(0.7))
      return Cat({"his ", CountryOf(other).en_adj, " counterpart ", other.en_full});
    return Full(other, false);
  }

  std::string Capital(const CorpusCountry& c) {
    return c.places.empty() ? TheName(c) : d_.places[c.places.front()].en;
  }

  std::string Weekday(long day) { return kWeekdays[WeekdayOfDay(day)]; }

  std::string MonthDay(long day) {
    int y, m, dd;
    CivilOfDay(day, &y, &m, &dd);
    return Cat({kMonths[m - 1], " ", std::to_string(dd)});
  }

  std::string When() {
    const long e = s_.event_day;
    if (s_.published_day != e && r_.Chance(0.3)) return "yesterday";
    return r_.Chance(0.75) ? "on " + Weekday(e) : "on " + MonthDay(e);
  }

  std::string Dateline() {
    const std::string& city = s_.phone ? Capital(*s_.ca) : s_.city->en;
    return Cat({Upper(city), ", ", MonthDay(s_.published_day), " - "});
  }

  std::string Field() {
    return r_.Pick({"energy", "agriculture", "tourism", "transport", "health", "higher education",
                    "customs", "banking"});
  }
  std::string Issue() {
    return r_.Pick({"the war in Gaza", "Iran's nuclear programme", "regional security",
                    "the fight against terrorism", "the South Caucasus", "Afghanistan"});
  }

  std::string Lead() {
    const CorpusPerson &a = *s_.a, &b = *s_.b, &g = *s_.guest, &h = *s_.host;
    const std::string& city = s_.city->en;
    if (s_.phone) {
      if (r_.Chance(0.5))
        return Cat({Full(a, true), " spoke by phone with ", Full(b, false), " ", When(),
                    " to discuss ", Issue(), ", ", s_.source_en, " reported."});
      return Cat({Full(a, true), " discussed ", Issue(), " in a phone call with ",
                  Counterpart(a, b), " ", When(), "."});
    }
    switch (r_.Below(4)) {
      case 0:
        return Cat({Full(a, true), " held talks with ", Full(b, false), " in ", city, " ", When(),
                    ", as the two countries seek to expand trade ties."});
      case 1:
        return Cat({Full(a, true), " met ", Counterpart(a, b), " in ", city, " ", When(),
                    ", the first meeting of the two officials in more than a year."});
      case 2:
        return Cat({Full(h, true), " received ", Full(g, false), " in ", city, " ", When(), "."});
      default:
        return Cat({Full(g, true), " arrived in ", city, " ", When(), " for a ",
                    r_.Pick({"two", "three"}), "-day official visit, ", s_.source_en,
                    " reported."});
    }
  }

  std::string Headline() {
    const CorpusPerson &a = *s_.a, &b = *s_.b, &g = *s_.guest, &h = *s_.host;
    if (s_.phone)
      return r_.Chance(0.6) ? Cat({a.en_short, ", ", b.en_short, " discuss ", Issue(), " by phone"})
                            : Cat({CountryOf(a).en_adj, " and ", CountryOf(b).en_adj,
                                   " officials hold phone talks"});
    switch (r_.Below(4)) {
      case 0:
        return Cat({a.en_short, " meets ", CountryOf(b).en_adj, " ", b.role, " in ", s_.city->en});
      case 1:
        return Cat({TheName(*s_.ca), " and ", TheName(*s_.cb), " sign ", Field(), " deal as ",
                    g.en_short, " visits ", s_.city->en});
      case 2:
        return Cat({g.en_short, " arrives in ", s_.city->en, " for talks with ", h.en_short});
      default:
        return Cat({CountryOf(a).en_adj, " ", a.role, " holds talks with ", CountryOf(b).en_adj,
                    " ", b.role});
    }
  }

  std::string Event(int i) {
    const CorpusPerson &a = *s_.a, &b = *s_.b, &g = *s_.guest, &h = *s_.host;
    const CorpusCountry &ca = *s_.ca, &cb = *s_.cb;
    switch (i) {
      case 0:
        return Cat({Short(g), " arrived in ", s_.city->en, " on ", Weekday(s_.event_day - 1),
                    " at the head of a delegation of ministers and business leaders."});
      case 1:
        return Cat({Short(h), " received ", Short(g), " at the ",
                    r_.Pick({"foreign ministry", "presidential palace", "government building"}),
                    " later on ", Weekday(s_.event_day), "."});
      case 2:
        return Cat({s_.phone ? "During the call, the" : "The",
                    " two sides discussed bilateral relations, ", Issue(),
                    " and the latest regional developments."});
      case 3:
        return Cat({Short(a), " said ", Capital(ca), " was ready to expand ",
                    r_.Pick({"economic", "trade", "energy", "cultural"}), " cooperation with ",
                    Capital(cb), "."});
      case 4:
        return Cat({Short(b), " said his country was willing to work with ", TheName(ca), " on ",
                    Field(), " projects."});
      case 5:
        return Cat({Short(a), " expressed support for ", Poss(cb),
                    " sovereignty and territorial integrity."});
      case 6:
        return Cat({Short(b), " thanked ", TheName(ca), " for its position on ", Issue(), "."});
      case 7:
        return Cat({Short(a), " also condemned ",
                    r_.Pick({"Israel's attacks on Gaza", "unilateral U.S. sanctions on Iran",
                             "the recent terrorist attack in the region",
                             "the assassination of nuclear scientists"}),
                    "."});
      case 8:
        return Cat(
            {Short(a), " dismissed ", Poss(*s_.third), " claims about ", Issue(), " as baseless."});
      case 9:
        return Cat({Short(a), " invited ", Short(b), " to visit ", Capital(ca), "."});
      case 10:
        return Cat({TheName(ca), " and ", TheName(cb),
                    " signed a memorandum of understanding on cooperation in ", Field(),
                    " after the talks, according to ", s_.source_en, "."});
      case 11:
        return Cat(
            {Short(a), " urged ", TheName(*s_.third), " to ",
             r_.Pick({"stop interfering in the region's affairs", "release Iran's frozen assets",
                      "return to the negotiating table", "lift its sanctions"}),
             "."});
      case 12:
        return Cat({Short(g), " delivered a written message from ", Poss(CountryOf(g)),
                    " president to ", Short(h), "."});
      case 13:
        return Cat({Short(g), " is due to meet ", Full(*s_.c, false), " before leaving ",
                    s_.city->en, "."});
      case 14:
        return Cat({"\"",
                    r_.Pick({"The region needs dialogue and confidence-building more than ever",
                             "Our relations are rooted in a shared history and culture",
                             "We have great potential to increase the volume of trade"}),
                    ",\" ", Short(a), " told reporters after the ", s_.phone ? "call" : "meeting",
                    "."});
      case 15:
        return Cat({TheName(*s_.third), " imposed sanctions on ", std::to_string(r_.Between(3, 20)),
                    " ", ca.en_adj, " companies and individuals last week."});
      default:
        return Cat(
            {Short(a), " and ", Short(b), " agreed to continue consultations at expert level."});
    }
  }

  std::string Filler(int i) {
    const CorpusCountry &ca = *s_.ca, &cb = *s_.cb;
    const auto num = [this](int lo, int hi) { return std::to_string(r_.Between(lo, hi)); };
    switch (i) {
      case 0:
        return Cat({"Trade between ", TheName(ca), " and ", TheName(cb), " reached about $",
                    num(40, 2400), " million in the first ", num(3, 9),
                    " months of the year, official data show. That is up ", num(3, 40),
                    " percent from the same period last year."});
      case 1:
        return "The central bank said foreign currency reserves rose at the end of last year.";
      case 2:
        return Cat({"Annual inflation in Iran eased to ", num(25, 48), " percent last month, ",
                    "the statistics centre said."});
      case 3:
        return Cat({"Forecasters expect rain and temperatures of around ", num(2, 30),
                    " degrees Celsius in ", s_.other_city->en, " later this week."});
      case 4:
        return Cat({"Brent crude futures settled at $", num(58, 92), " a barrel on ",
                    Weekday(s_.published_day - 1), "."});
      case 5:
        return "The rial firmed slightly against the dollar on Tehran's open market, traders said.";
      case 6:
        return Cat({"The Tehran International Book Fair will host more than ", num(900, 2800),
                    " domestic and foreign publishers this year."});
      case 7:
        return Cat(
            {"The two countries established diplomatic relations in ", num(1950, 1995), "."});
      case 8:
        return Cat({s_.city->en, ", home to more than ", num(1, 12),
                    " million people, is one of the region's main business centres."});
      case 9:
        return Cat({"A rail line to ", s_.other_city->en, " is about ", num(30, 95),
                    " percent complete and is due to open by the end of next year."});
      case 10:
        return Cat({"Wheat output this season is expected to top ", num(8, 14),
                    " million tonnes, the agriculture ministry said."});
      case 11:
        return Cat({"Foreign tourist arrivals rose ", num(5, 30),
                    " percent in the first half of the year."});
      case 12:
        return Cat({Poss(cb), " national volleyball team is ranked ", Ordinal(r_.Between(2, 30)),
                    " in the world."});
      case 13:
        return Cat({"Household gas consumption climbed to ", num(300, 650),
                    " million cubic metres a day as temperatures fell last week."});
      case 14:
        return Cat({"Tehran's main stock index rose ", num(1, 4), ".", num(0, 9),
                    " percent in early trading."});
      default:
        return "Experts say years of low rainfall have put groundwater reserves in many "
               "provinces under severe strain.";
    }
  }

  const CorpusData& d_;
  const Scene& s_;
  Rng& r_;
};

}  // namespace

Article WriteEnArticle(const CorpusData& d, const Scene& s, Rng& r) {
  return EnWriter(d, s, r).Write();
}

}  // namespace diplograph
