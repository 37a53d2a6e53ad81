// Tests of the bulk load's tables: strings numbered once, identities found again, a filter
// without false negatives.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "store/load_tables.h"

namespace diplograph::load {
namespace {

TEST_CASE("a string table numbers each string once, in the order first seen", "[load]") {
  StringTable table;
  CHECK(table.Find("country:IR") == StringTable::kNone);
  CHECK(table.Get("country:IR") == 0);
  CHECK(table.Get("کشور:ایران") == 1);
  for (int i = 0; i < 5000; ++i) table.Get("org:E" + std::to_string(i));  // grows past 1024
  CHECK(table.Get("country:IR") == 0);
  CHECK(table.Find("کشور:ایران") == 1);
  CHECK(table.Find("org:E4999") == 5001);
  CHECK(table.text(5001) == "org:E4999");
  CHECK(table.size() == 5002);
}

TEST_CASE("an identity index finds what was inserted, through its records", "[load]") {
  std::vector<Identity> records;
  IdentityIndex index;
  const auto identity_of = [&](uint32_t ref) { return records[ref]; };
  for (uint32_t i = 0; i < 20000; ++i) {
    records.push_back({i % 700 + 1, i % 20 + 1, i / 700 + 1, 20250101 + i % 3, 3, 0});
    index.Insert(records.back(), i, identity_of);
  }
  for (uint32_t i = 0; i < 20000; i += 7) CHECK(index.Find(records[i], identity_of) == i);
  Identity other = records[5];
  other.modality = 1;
  CHECK(index.Find(other, identity_of) == IdentityIndex::kNone);
  index.clear();
  CHECK(index.Find(records[5], identity_of) == IdentityIndex::kNone);
}

TEST_CASE("a Bloom filter has no false negatives and few false positives", "[load]") {
  std::mt19937_64 random(42);
  BloomFilter filter(100000);
  std::vector<uint64_t> keys(100000);
  for (auto& k : keys) filter.Add(k = random());
  for (uint64_t k : keys) REQUIRE(filter.MayContain(k));
  int positives = 0;
  for (int i = 0; i < 100000; ++i) positives += filter.MayContain(random());
  CHECK(positives < 500);  // under 0.5%
}

}  // namespace
}  // namespace diplograph::load
