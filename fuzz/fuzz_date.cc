// libFuzzer harness: dates — ISO dates as options and feeds give them, Solar Hijri conversion,
// and the dates the resolver reads in text, anchored on a fuzzed publication date.
//
// Input: the first line is the publication date (YYYY-MM-DD, as "published" or --date give it;
// anything else leaves the article undated), the rest the article text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/extraction_check.h"

using namespace diplograph;

namespace {

// Every date the resolver found must be a real Gregorian date that prints as
// ISO and reads back the same (statements carry it to the store and back).
void CheckResolved(const Date& d) {
  if (d.precision == DatePrecision::kDay) FUZZ_CHECK(IsValidGregorian(d.year, d.month, d.day));
  fuzz::CheckDate(d);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::SharedExtractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string_view first = input.substr(0, newline);

  // ISO dates read back as written.
  if (const auto iso = Date::ParseIso(first)) {
    FUZZ_CHECK(iso->ToIso() == first);
    FUZZ_CHECK(iso->precision != DatePrecision::kDay ||
               IsValidGregorian(iso->year, iso->month, iso->day));
  }

  // Solar Hijri dates as the resolver builds them: a year of up to four
  // digits, a month from the lexicon, a day number.
  if (size >= 4) {
    const int year = (data[0] << 8 | data[1]) % 10000;
    const int month = data[2] % 14, day = data[3] % 33;
    if (const auto g = FromPersian(year, month, day)) {
      CheckResolved(*g);
      FUZZ_CHECK(PersianYearOf(*g) == year);
    }
  }

  if (newline == std::string_view::npos) return 0;
  const std::string_view text = input.substr(newline + 1);
  if (utf8::FindInvalid(text) != std::string_view::npos || text.find('\0') != text.npos) return 0;
  Article article;
  article.text = std::string(text);
  article.meta.published = std::string(first);
  if (!Date::ParseIso(first) || first.size() != 10) article.meta.published.clear();
  AssignContentId(&article);
  const ExtractOptions options;
  Document doc;
  try {
    doc = fuzz::SharedExtractor().Analyze(article, options);
  } catch (const Error&) {
    return 0;
  }
  for (const Sentence& s : doc.sentences)
    for (const auto& [token, date] : s.dates) {
      FUZZ_CHECK(token >= s.first_token && token < s.end_token);
      CheckResolved(date);
    }
  if (doc.lead_date) CheckResolved(*doc.lead_date);
  fuzz::CheckStatements(article, doc.statements);
  return 0;
}
