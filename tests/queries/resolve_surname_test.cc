#include <catch2/catch.hpp>

#include "core/normalize.h"
#include "store/records.h"

using namespace diplograph;

TEST_CASE("a person is also found by surname alone, in either script", "[resolve]") {
  const Entity e{"person:abbas-araghchi",
                 EntityType::kPerson,
                 "Abbas Araghchi",
                 {"سید عباس عراقچی", "عراقچی", "رهبر معظم‌انقلاب"},
                 {}};
  const auto keys = AliasMatchKeys(e);
  auto has = [&](const std::string& form) {
    return std::find(keys.begin(), keys.end(), MatchKey(form)) != keys.end();
  };
  CHECK(has("Araghchi"));
  CHECK(has("عراقچی"));
  CHECK(has("Abbas Araghchi"));
  // A ZWNJ joins the parts of one word: its tail is no surname.
  CHECK_FALSE(has("انقلاب"));
  const Entity country{"country:RS", EntityType::kCountry, "Serbia", {"جمهوری صربستان"}, {}};
  const auto ckeys = AliasMatchKeys(country);
  CHECK(std::find(ckeys.begin(), ckeys.end(), MatchKey("صربستان")) == ckeys.end());
}
