#include <string>
#include <vector>

#include "bench/corpus_parts.h"

namespace diplograph {

namespace {

// clang-format off
constexpr const char* kMonths[] = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                                   "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"};
constexpr const char* kWeekdays[] = {"یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه",
                                     "جمعه", "شنبه"};  // from Sunday
// clang-format on

class FaWriter {
 public:
  FaWriter(const CorpusData& d, const Scene& s, Rng& r)
      : d_(d), s_(s), r_(r), ascii_digits_(r.Chance(0.1)) {}

  Article Write() {
    std::vector<std::string> body = ArticleBody(
        s_, r_, [&](int i) { return Event(i); }, [&](int i) { return Filler(i); });
    body.insert(body.begin(), Lead());
    Article article;
    article.meta.title = Headline();
    article.text = JoinParagraphs(article.meta.title, body, r_);
    Orthography(&article.text);
    return article;
  }

 private:
  std::string Num(long v) const {
    std::string s = std::to_string(v);
    if (ascii_digits_) return s;
    std::string out;
    for (char c : s) {
      if (c < '0' || c > '9') {
        out += c;
        continue;
      }
      out += "\xDB";
      out += static_cast<char>(0xB0 + (c - '0'));  // U+06F0..U+06F9
    }
    return out;
  }

  std::string Talk() {
    return r_.Chance(0.7) ? "گفت‌وگو" : r_.Pick({"گفتگو", "گفت و گو", "رایزنی"});
  }

  std::string Role(const CorpusPerson& p) {
    const auto& forms = d_.fa_roles.at(p.role);
    return r_.Chance(0.75) ? forms.front() : r_.Pick(forms);
  }

  std::string Of(const CorpusPerson& p) {
    if (p.country != d_.iran) return d_.countries[p.country].fa;
    return r_.Chance(0.5) ? "کشورمان" : r_.Chance(0.8) ? "ایران" : "جمهوری اسلامی ایران";
  }

  // The Solar Hijri date of a day since 1970-01-01 (years in CorpusData::persian_new_year).
  void PersianOfDay(long day, int* y, int* m, int* dd) const {
    size_t i = 0;
    while (i + 1 < d_.persian_new_year.size() && d_.persian_new_year[i + 1] <= day) ++i;
    *y = d_.first_persian_year + static_cast<int>(i);
    const long offset = day - d_.persian_new_year[i];
    *m = offset < 186 ? static_cast<int>(offset / 31) + 1
                      : static_cast<int>((offset - 186) / 30) + 7;
    if (*m > 12) *m = 12;
    *dd = static_cast<int>(offset - (*m <= 7 ? (*m - 1) * 31 : 186 + (*m - 7) * 30)) + 1;
  }

  // clang-format off
  // (clang-format 14 measures Persian text inconsistently and splits these
  // literals further on every run, so the templates below are laid out by hand.)

  std::string Name(const CorpusPerson& p) {
    std::string n = p.fa_full;
    if (p.country == d_.iran && r_.Chance(0.1)) n = "دکتر " + n;
    return r_.Chance(0.25) ? "«" + n + "»" : n;
  }

  std::string Title(const CorpusPerson& p) { return Cat({Role(p), " ", Of(p)}); }

  std::string Full(const CorpusPerson& p) {
    switch (r_.Below(3)) {
      case 0:
        return Cat({Name(p), " ", Title(p)});
      case 1:
        return Cat({Name(p), "، ", Title(p), "،"});
      default:
        return Cat({Title(p), " ", Name(p)});
    }
  }

  std::string Short(const CorpusPerson& p) { return r_.Chance(0.85) ? p.fa_short : Title(p); }

  // The counterpart as «X همتای صربستانی خود» when both hold the same office.
  std::string Counterpart(const CorpusPerson& self, const CorpusPerson& other) {
    if (self.role == other.role && r_.Chance(0.7))
      return Cat({Name(other), " همتای ", d_.countries[other.country].fa_adj, " خود"});
    return Full(other);
  }

  std::string Capital(const CorpusCountry& c) {
    return c.places.empty() ? c.fa : d_.places[c.places.front()].fa;
  }

  std::string Formal(const CorpusCountry& c) {
    return &c == &d_.countries[d_.iran] && r_.Chance(0.6) ? "جمهوری اسلامی ایران" : c.fa;
  }

  // «۸ آذر ۱۴۰۴», «۸ آذر ماه», «۸ آذر».
  std::string SolarDate(long day) {
    int y, m, dd;
    PersianOfDay(day, &y, &m, &dd);
    std::string out = Cat({Num(dd), " ", kMonths[m - 1], r_.Chance(0.15) ? " ماه" : ""});
    return r_.Chance(0.7) ? Cat({out, " ", Num(y)}) : out;
  }

  std::string Weekday(long day) { return kWeekdays[WeekdayOfDay(day)]; }

  std::string When() {
    const long e = s_.event_day;
    const std::string wd = Weekday(e);
    if (s_.published_day == e) {
      switch (r_.Below(4)) {
        case 0:
          return Cat({"امروز (", wd, ")"});
        case 1:
          return Cat({"امروز (", wd, " ", SolarDate(e), ")"});
        case 2:
          return "روز " + wd;
        default:
          return Cat({"روز ", wd, " ", SolarDate(e)});
      }
    }
    switch (r_.Below(4)) {
      case 0:
        return "دیروز";
      case 1:
        return "عصر " + wd;
      case 2:
        return "روز " + wd;
      default:
        return Cat({"روز ", wd, " ", SolarDate(e)});
    }
  }

  std::string Fields() {
    return r_.Pick({"اقتصادی و تجاری", "انرژی و کشاورزی", "فرهنگی و گردشگری",
                    "حمل‌ونقل و ترانزیت", "علمی و دانشگاهی", "بانکی و مالی",
                    "دارویی و پزشکی"});
  }

  std::string Field() {
    return r_.Pick({"گردشگری", "کشاورزی", "انرژی‌های تجدیدپذیر", "حمل‌ونقل ریلی",
                    "آموزش عالی", "امور گمرکی", "بهداشت و درمان"});
  }

  std::string Issue() {
    return r_.Pick({"تحولات غزه", "برنامه هسته‌ای صلح‌آمیز ایران", "امنیت منطقه",
                    "مبارزه با تروریسم", "تحولات قفقاز جنوبی", "اوضاع افغانستان"});
  }

  std::string Lead() {
    std::string attr;
    if (r_.Chance(0.75))
      attr = Cat({r_.Chance(0.8) ? "به گزارش " : "به نقل از ", s_.source_fa, "، "});
    const CorpusPerson &a = *s_.a, &b = *s_.b, &g = *s_.guest, &h = *s_.host;
    const std::string& city = s_.city->fa;
    if (s_.phone) {
      if (r_.Chance(0.5))
        return Cat({attr, Full(a), " ", When(), " در تماس تلفنی با ", Full(b),
                    " درباره ", Issue(), " ", Talk(), " کرد."});
      return Cat({attr, Full(a), " ", When(), " با ", Counterpart(a, b), " تلفنی ",
                  Talk(), " کرد."});
    }
    switch (r_.Below(4)) {
      case 0:
        return Cat({attr, Full(a), " ", When(), " در ", city, " با ", Counterpart(a, b),
                    " دیدار و ", Talk(), " کرد."});
      case 1:
        return Cat({attr, Full(g), " که روز ", Weekday(s_.event_day - 1),
                    " برای سفری رسمی وارد ", city, " شده بود، ", When(), " با ", Full(h),
                    " دیدار کرد."});
      case 2:
        return Cat({attr, Full(h), " ", When(), " در ", city, " میزبان ", Full(g), " بود."});
      default:
        return Cat({attr, Full(a), " و ", Full(b), " ", When(), " در ", city, " دیدار و ",
                    Talk(), " کردند."});
    }
  }

  std::string Headline() {
    const CorpusPerson &a = *s_.a, &b = *s_.b;
    if (s_.phone)
      return r_.Chance(0.6) ? Cat({"گفت‌وگوی تلفنی ", a.fa_short, " و ", b.fa_short})
                            : Cat({"تماس تلفنی ", Title(a), " با ", Title(b)});
    switch (r_.Below(4)) {
      case 0:
        return Cat({"دیدار ", a.fa_short, " و ", b.fa_short, " در ", s_.city->fa});
      case 1:
        return Cat({"دیدار ", a.fa_short, " با ", Title(b)});
      case 2:
        return Cat({"سفر ", s_.guest->fa_short, " به ", s_.city->fa});
      default:
        return Cat({a.fa_short, ": ", s_.ca->fa, " آماده گسترش همکاری با ", s_.cb->fa,
                    " است"});
    }
  }

  std::string Event(int i) {
    const CorpusPerson &a = *s_.a, &b = *s_.b, &g = *s_.guest, &h = *s_.host;
    const CorpusCountry &ca = *s_.ca, &cb = *s_.cb;
    const char* meeting = s_.phone ? "تماس" : "دیدار";
    switch (i) {
      case 0:
        return Cat({Short(g), " روز ", Weekday(s_.event_day - 1), " برای سفری ",
                    r_.Pick({"دو", "سه"}), " روزه وارد ", s_.city->fa, " شد."});
      case 1:
        return Cat({Short(h), " پیش از این دیدار در محل ",
                    r_.Pick({"وزارت امور خارجه", "کاخ ریاست جمهوری", "ساختمان دولت"}),
                    " به طور رسمی از ", Short(g), " استقبال کرد."});
      case 2:
        return Cat({"دو طرف در این ", meeting, " درباره روابط دوجانبه، ", Issue(),
                    " و آخرین تحولات منطقه ", Talk(), " کردند."});
      case 3:
        return Cat({Short(a), " با اشاره به روابط دوستانه و تاریخی ", Capital(ca), " و ",
                    Capital(cb), " گفت ", Formal(ca), " آماده است همکاری‌های ", Fields(),
                    " با ", cb.fa, " را گسترش دهد."});
      case 4:
        return Cat({Short(b), " نیز بر گسترش همکاری‌های ", Fields(), " با ", ca.fa,
                    " تأکید کرد."});
      case 5:
        return Cat({Short(a), " افزود ", ca.fa, " همواره از حاکمیت و تمامیت ارضی ", cb.fa,
                    " حمایت کرده است."});
      case 6:
        return Cat({Short(b), " نیز از مواضع اصولی ", Formal(ca), " در قبال ", Issue(),
                    " قدردانی کرد."});
      case 7:
        return Cat({Short(a), " همچنین ",
                    r_.Pick({"جنایات رژیم صهیونیستی در غزه",
                             "تحریم‌های یکجانبه و غیرقانونی آمریکا علیه ملت ایران",
                             "حمله تروریستی اخیر در منطقه",
                             "ترور دانشمندان هسته‌ای"}),
                    " را به شدت محکوم کرد."});
      case 8:
        return Cat({Short(a), " ادعاهای بی‌اساس مقام‌های ", s_.third->fa, " درباره ",
                    Issue(), " را رد کرد."});
      case 9:
        return Cat({Short(a), " در پایان این ", meeting, " از ", Short(b), " برای سفر به ",
                    Capital(ca), " دعوت کرد."});
      case 10:
        return Cat({"در پایان این دیدار، یادداشت تفاهم همکاری در زمینه ", Field(), " میان ",
                    ca.fa, " و ", cb.fa, " به امضا رسید."});
      case 11:
        return Cat({Short(a), " خواستار ",
                    r_.Pick({"توقف فوری حملات به غزه و ارسال کمک‌های بشردوستانه",
                             "لغو تحریم‌های ظالمانه علیه ملت ایران",
                             "برگزاری نشست اضطراری شورای امنیت",
                             "آزادسازی دارایی‌های مسدودشده ایران"}),
                    " شد."});
      case 12:
        return Cat({Short(g), " در این دیدار پیام کتبی رئیس‌جمهور ", Of(g), " را به ",
                    Short(h), " تسلیم کرد."});
      case 13:
        return Cat({"قرار است ", Short(g), " در ادامه این سفر با ", Full(*s_.c),
                    " نیز دیدار کند."});
      case 14:
        return Cat({Short(a), " گفت: «",
                    r_.Pick({"منطقه امروز بیش از هر زمان دیگری به گفت‌وگو و اعتمادسازی نیاز دارد.",
                             "روابط دو کشور ریشه در تاریخ و فرهنگ مشترک دارد.",
                             "ما ظرفیت‌های فراوانی برای افزایش حجم تجارت داریم."}),
                    "»"});
      case 15:
        return Cat({s_.third->fa, " هفته گذشته چند شرکت و فرد ", ca.fa_adj,
                    " را تحریم کرد."});
      default:
        return Cat({Short(a), " و ", Short(b),
                    " همچنین بر ادامه رایزنی‌ها در سطح کارشناسی تأکید کردند."});
    }
  }

  std::string Filler(int i) {
    const CorpusCountry &ca = *s_.ca, &cb = *s_.cb;
    switch (i) {
      case 0:
        return Cat({"حجم مبادلات تجاری ", ca.fa, " و ", cb.fa, " در ", Num(r_.Between(3, 9)),
                    " ماه نخست سال جاری به حدود ", Num(r_.Between(40, 2400)),
                    " میلیون دلار رسید. این رقم نسبت به مدت مشابه سال قبل ",
                    Num(r_.Between(3, 40)), " درصد افزایش نشان می‌دهد."});
      case 1:
        return "بانک مرکزی اعلام کرد ذخایر ارزی کشور در پایان سال گذشته افزایش یافته است.";
      case 2:
        return Cat({"بر اساس آخرین گزارش مرکز آمار، نرخ تورم سالانه در ",
                    kMonths[r_.Below(12)], " ماه به ", Num(r_.Between(25, 48)),
                    " درصد رسید."});
      case 3:
        return Cat({"سازمان هواشناسی برای روزهای آینده در ", s_.other_city->fa,
                    " بارش پراکنده باران و کاهش ", Num(r_.Between(4, 12)),
                    " درجه‌ای دما را پیش‌بینی کرده است."});
      case 4:
        return Cat({"قیمت هر بشکه نفت خام برنت در معاملات روز ",
                    Weekday(s_.published_day - 1), " به ", Num(r_.Between(58, 92)),
                    " دلار رسید."});
      case 5:
        return "نرخ دلار در بازار آزاد تهران امروز اندکی کاهش یافت و معامله‌گران منتظر "
               "تصمیم‌های تازه بانک مرکزی هستند.";
      case 6:
        return Cat({"نمایشگاه بین‌المللی کتاب تهران امسال با حضور ",
                    Num(r_.Between(900, 2800)), " ناشر داخلی و خارجی برگزار می‌شود."});
      case 7:
        return Cat({"روابط دیپلماتیک دو کشور در سال ", Num(r_.Between(1950, 1995)),
                    " میلادی برقرار شد."});
      case 8:
        return Cat({s_.city->fa, " با جمعیتی بیش از ", Num(r_.Between(1, 12)),
                    " میلیون نفر، یکی از مهم‌ترین مراکز اقتصادی منطقه به شمار می‌رود."});
      case 9:
        return Cat({"پروژه راه‌آهن ", s_.other_city->fa, " با پیشرفت فیزیکی ",
                    Num(r_.Between(30, 95)),
                    " درصدی تا پایان سال آینده به بهره‌برداری می‌رسد."});
      case 10:
        return Cat({"تولید گندم در سال زراعی جاری به بیش از ", Num(r_.Between(8, 14)),
                    " میلیون تن رسیده است."});
      case 11:
        return Cat({"شمار گردشگران خارجی ورودی به کشور در شش ماه نخست امسال ",
                    Num(r_.Between(5, 30)), " درصد رشد داشته است."});
      case 12:
        return Cat({"تیم ملی والیبال ", cb.fa, " در رده ", Num(r_.Between(2, 30)),
                    " جدول رده‌بندی جهانی قرار دارد."});
      case 13:
        return Cat({"مصرف گاز خانگی با سرد شدن هوا در هفته گذشته به ",
                    Num(r_.Between(300, 650)), " میلیون مترمکعب در روز رسید."});
      case 14:
        return Cat({"شاخص کل بورس تهران در معاملات امروز با ", Num(r_.Between(5, 60)),
                    " هزار واحد افزایش به ", Num(r_.Between(2, 4)), " میلیون واحد رسید."});
      default:
        return "کارشناسان می‌گویند کاهش بارندگی در سال‌های اخیر منابع آب زیرزمینی را در "
               "بسیاری از استان‌ها با تهدید جدی روبه‌رو کرده است.";
    }
  }
  // clang-format on

  // Some feeds send Arabic ي and ك, or drop the ZWNJ.
  void Orthography(std::string* text) {
    if (r_.Chance(0.05)) {
      Replace(text, "\xDB\x8C", "\xD9\x8A");  // ی -> ي
      Replace(text, "\xDA\xA9", "\xD9\x83");  // ک -> ك
    }
    if (r_.Chance(0.05)) Replace(text, "\xE2\x80\x8C", r_.Chance(0.5) ? " " : "");
  }

  static void Replace(std::string* text, const std::string& from, const std::string& to) {
    std::string out;
    out.reserve(text->size());
    size_t start = 0, at;
    while ((at = text->find(from, start)) != std::string::npos) {
      out.append(*text, start, at - start);
      out += to;
      start = at + from.size();
    }
    out.append(*text, start);
    *text = std::move(out);
  }

  const CorpusData& d_;
  const Scene& s_;
  Rng& r_;
  bool ascii_digits_;
};

}  // namespace

Article WriteFaArticle(const CorpusData& d, const Scene& s, Rng& r) {
  return FaWriter(d, s, r).Write();
}

}  // namespace diplograph
