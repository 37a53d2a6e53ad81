#include <catch2/catch.hpp>

#include "store/keys.h"

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
