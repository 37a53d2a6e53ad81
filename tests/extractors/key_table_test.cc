#include <catch2/catch.hpp>
#include <string>

#include "extractors/document.h"
#include "extractors/key_table.h"
#include "extractors/segmenter.h"

using namespace diplograph;

TEST_CASE("KeyTable finds every key it holds and nothing else", "[key_table]") {
  KeyTable<int> table;
  // Enough keys to grow the table many times, Persian and Latin alike.
  for (int i = 0; i < 20000; ++i) table["کلید" + std::to_string(i)] = i;
  table["iran"] = -1;
  REQUIRE(table.size() == 20001);
  for (int i = 0; i < 20000; i += 97) {
    const std::string key = "کلید" + std::to_string(i);
    const int* found = table.Find(key, HashKey(key));
    REQUIRE(found);
    CHECK(*found == i);
  }
  CHECK(*table.Find("iran") == -1);
  CHECK(table.Find("ira") == nullptr);
  CHECK(table.Find("کلید") == nullptr);
  CHECK(table.Find("") == nullptr);
  // Adding an existing key returns its value rather than a second entry.
  table["iran"] = 7;
  CHECK(table.size() == 20001);
  CHECK(*table.Find("iran") == 7);
}

TEST_CASE("A run of tokens' joined key is the concatenation of their keys", "[key_table]") {
  Document doc;
  // The ZWNJ, the space and the hyphen all split or join tokens differently.
  doc.article.text = "وزیر امور‌خارجه Secretary-General of the U.N. met «لاوروف».";
  Segment(doc);
  REQUIRE(doc.tokens.size() > 4);
  for (uint32_t first = 0; first < doc.tokens.size(); ++first) {
    std::string joined;
    for (uint32_t end = first + 1; end <= doc.tokens.size(); ++end) {
      joined += doc.tokens[end - 1].key;
      CHECK(JoinedKey(doc.tokens, first, end) == joined);
      CHECK(doc.tokens[end - 1].hash == HashKey(doc.tokens[end - 1].key));
    }
  }
}
