#include <catch2/catch.hpp>

#include "core/error.h"
#include "store/keys.h"
#include "store/records.h"

namespace diplograph::keys {

TEST_CASE("big-endian keys sort in numeric order", "[keys]") {
  const uint64_t values[] = {0, 1, 255, 256, 65535, 1ull << 32, (1ull << 63) + 5, ~0ull};
  for (size_t i = 0; i + 1 < std::size(values); ++i) {
    CHECK(U64(values[i]) < U64(values[i + 1]));
    CHECK(ParseU64(U64(values[i])) == values[i]);
  }
  CHECK_FALSE(ParseU64("short"));
}

TEST_CASE("index, time and alias keys round-trip", "[keys]") {
  const std::string index = EncodeIndexKey({1, 2, 300, 4});
  CHECK(index.size() == kIndexKeySize);
  const auto parsed = ParseIndexKey(index);
  REQUIRE(parsed);
  CHECK((parsed->a == 1 && parsed->b == 2 && parsed->c == 300 && parsed->stmt == 4));

  const auto time = ParseTimeKey(EncodeTimeKey({7, 20250130, 9}));
  REQUIRE(time);
  CHECK((time->entity == 7 && time->when == 20250130 && time->stmt == 9));

  const std::string alias_key = EncodeAliasKey("vucic", 42);  // the parse views into it
  const auto alias = ParseAliasKey(alias_key);
  REQUIRE(alias);
  CHECK(alias->match_key == "vucic");
  CHECK(alias->entity == 42);
  CHECK_FALSE(ParseAliasKey("vucic"));
}

TEST_CASE("undated statements sort after every date of an entity", "[keys]") {
  Date year;
  year.year = 2025;
  year.precision = DatePrecision::kYear;
  const std::string undated = EncodeTimeKey({5, TimeSortKey(Date()), 1});
  const std::string in_year = EncodeTimeKey({5, TimeSortKey(year), 2});
  const std::string on_day = EncodeTimeKey({5, TimeSortKey(Date::Day(2025, 1, 30)), 3});
  const std::string far_future = EncodeTimeKey({5, TimeSortKey(Date::Day(9999, 12, 31)), 4});
  CHECK(in_year < on_day);
  CHECK(on_day < far_future);
  CHECK(far_future < undated);
  CHECK(undated < EncodeTimeKey({6, 0, 0}));
}

TEST_CASE("PrefixEnd bounds exactly the keys with the prefix", "[keys]") {
  CHECK(PrefixEnd("abc") == "abd");
  CHECK(PrefixEnd(std::string("a\xff", 2)) == "b");
  CHECK(PrefixEnd(std::string("\xff\xff", 2)).empty());
  const std::string prefix = U64(5);
  CHECK(EncodeTimeKey({5, kUndated, ~0ull}) < PrefixEnd(prefix));
  CHECK(EncodeTimeKey({6, 0, 0}) >= PrefixEnd(prefix));
}

}  // namespace diplograph::keys

namespace diplograph {

TEST_CASE("statement and provenance records read back exactly what was written", "[records]") {
  // Confidences a few decimals long take the short form; computed ones the
  // exact one; both must read back bit for bit.
  for (double confidence : {0.0, 0.85, 1.0, 0.7 - 0.15, CombineConfidence(0.85, 0.6), 1e-9}) {
    StatementRecord r;
    r.subject = 7;
    r.predicate = 300;
    r.object = 1u << 30;
    r.place = 12;
    r.date = Date::Day(2025, 11, 29, Calendar::kPersian);
    r.modality = Modality::kNegated;
    r.role = "foreign minister";
    r.confidence = confidence;
    r.sources = 3;
    r.live_sources = 2;
    const StatementRecord back = DecodeStatementRecord(EncodeStatementRecord(r));
    CHECK(back.subject == r.subject);
    CHECK(back.object == r.object);
    CHECK(back.place == r.place);
    CHECK(back.date == r.date);
    CHECK(back.modality == r.modality);
    CHECK(back.role == r.role);
    CHECK(back.confidence == r.confidence);
    CHECK(back.live_sources == r.live_sources);

    Provenance p;
    p.article = "sha256:ab";
    p.source = "ایرنا";
    p.sentence = 4;
    p.start = 10;
    p.end = 90;
    p.text = "عراقچی با لاوروف دیدار کرد.";
    p.rule = "fa.met.light-verb";
    p.confidence = confidence;
    CHECK(DecodeProvenance(EncodeProvenance(p)) == p);
  }
  // A damaged record is an error, not a read past its end.
  const std::string good = EncodeStatementRecord(StatementRecord{});
  CHECK_THROWS_AS(DecodeStatementRecord(good.substr(0, good.size() - 2)), Error);
  CHECK_THROWS_AS(DecodeProvenance("\xff\xff"), Error);
}

}  // namespace diplograph
