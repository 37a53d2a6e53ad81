#include <catch2/catch.hpp>

#include "pipeline_fixture.h"

using namespace diplograph;
using namespace diplograph::test;

namespace {
// The date of the first sentence after the headline.
std::string DateOf(const std::string& sentence, const std::string& published = "") {
  const Document doc = Analyze("Headline\n" + sentence, published);
  for (size_t i = 1; i < doc.sentences.size(); ++i)
    if (doc.sentences[i].date) return doc.sentences[i].date->ToIso();
  return "none";
}
}  // namespace

TEST_CASE("Solar Hijri dates in Persian or ASCII digits", "[dates]") {
  CHECK(DateOf("این دیدار در ۸ آذر ۱۴۰۵ انجام شد.") == "2026-11-29");
  CHECK(DateOf("این دیدار در 8 آذر 1405 انجام شد.") == "2026-11-29");
  CHECK(DateOf("این دیدار در اول فروردین ماه ۱۴۰۴ انجام شد.") == "2025-03-21");
  // Without a year, the year of publication.
  CHECK(DateOf("این دیدار ۲۹ خرداد انجام شد.", "2025-07-01") == "2025-06-19");
  CHECK(DateOf("این دیدار ۲۹ خرداد انجام شد.") == "none");
}

TEST_CASE("Gregorian dates in English and Persian", "[dates]") {
  CHECK(DateOf("They met on 8 May 2024 in Belgrade.") == "2024-05-08");
  CHECK(DateOf("They met on May 8, 2024 in Belgrade.") == "2024-05-08");
  CHECK(DateOf("They met on May 8 in Belgrade.", "2024-05-10") == "2024-05-08");
  CHECK(DateOf("The deal was signed in March 2023.") == "2023-03");
  CHECK(DateOf("این نشست ۸ مه ۲۰۲۴ برگزار شد.") == "2024-05-08");
}

TEST_CASE("weekdays and relative days need the publication date", "[dates]") {
  // 2025-02-01 is a Saturday: the Thursday before is 30 January.
  CHECK(DateOf("وزیر روز پنجشنبه با سفیر دیدار کرد.", "2025-02-01") == "2025-01-30");
  CHECK(DateOf("The minister arrived on Thursday.", "2025-02-01") == "2025-01-30");
  CHECK(DateOf("The minister arrived on Saturday.", "2025-02-01") == "2025-02-01");
  CHECK(DateOf("وزیر دیروز وارد شد.", "2025-02-01") == "2025-01-31");
  CHECK(DateOf("وزیر روز سه شنبه وارد شد.", "2025-02-01") == "2025-01-28");
  CHECK(DateOf("The minister arrived on Thursday.") == "none");
}

TEST_CASE("a sentence with two dates dates each event by the nearer one", "[dates]") {
  // Published on Tuesday 25 Nov 2025: arrived on Friday, met today.
  const auto st = Extract(
      "خبر\n«مارکو جوریچ» وزیر امور خارجه صربستان که روز جمعه وارد تهران شد، امروز "
      "(سه‌شنبه) "
      "با "
      "«رضا کریمی» وزیر امور خارجه ایران دیدار کرد.",
      "2025-11-25");
  const Statement* met = nullptr;
  const Statement* visited = nullptr;
  for (const Statement& s : st) {
    if (s.predicate == "met") met = &s;
    if (s.predicate == "visited") visited = &s;
  }
  REQUIRE(met);
  REQUIRE(visited);
  CHECK(met->date.ToIso() == "2025-11-25");      // today, a Tuesday (not «شنبه», Saturday)
  CHECK(visited->date.ToIso() == "2025-11-21");  // the Friday before
}

TEST_CASE("a sentence without a date continues the lead's event, unless it looks back", "[dates]") {
  const auto st = Extract(
      "Talks in Moscow\n"
      "MOSCOW, March 3 - Abbas Araghchi held talks with Sergey Lavrov in Moscow.\n"
      "Araghchi also invited Lavrov to visit Tehran.\n"
      "Earlier, Araghchi had criticized Germany.",
      "2025-03-04");
  const Statement* invited = Find(st, "person:abbas-araghchi", "invited", "person:sergey-lavrov");
  REQUIRE(invited);
  CHECK(invited->date.ToIso() == "2025-03-03");
  const Statement* criticized = Find(st, "person:abbas-araghchi", "criticized", "country:DE");
  REQUIRE(criticized);
  CHECK_FALSE(criticized->date.known());
}

TEST_CASE("weekdays point ahead in sentences about what will happen", "[dates]") {
  // 2025-02-01 is a Saturday.
  CHECK(DateOf("The minister will visit Ankara on Monday.", "2025-02-01") == "2025-02-03");
  CHECK(DateOf("The minister visited Ankara on Monday.", "2025-02-01") == "2025-01-27");
  CHECK(DateOf("وزیر روز دوشنبه به آنکارا سفر خواهد کرد.", "2025-02-01") == "2025-02-03");
}

TEST_CASE("later sentences take the date of the lead's main clause", "[dates]") {
  // Published Tuesday 2025-02-18: arrived yesterday, met today.
  const auto st = Extract(
      "سفر عراقچی به دوحه\n"
      "عراقچی که روز گذشته وارد دوحه شد، امروز با «خالد الحمدان» وزیر امور خارجه عمان دیدار کرد.\n"
      "عراقچی از همتای عمانی خود برای سفر به تهران دعوت کرد.",
      "2025-02-18");
  size_t visits = 0;
  for (const Statement& s : st) {
    if (s.predicate == "visited") {
      ++visits;
      CHECK(s.date.ToIso() == "2025-02-17");
    }
    if (s.predicate == "invited") CHECK(s.date.ToIso() == "2025-02-18");
  }
  CHECK(visits == 1);
}
