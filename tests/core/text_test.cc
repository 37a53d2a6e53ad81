#include <catch2/catch.hpp>

#include "core/normalize.h"
#include "core/sha256.h"
#include "core/utf8.h"

using namespace diplograph;

TEST_CASE("invalid UTF-8 is found at its byte offset", "[utf8]") {
  CHECK(utf8::FindInvalid("plain ascii") == std::string_view::npos);
  CHECK(utf8::FindInvalid("ایران") == std::string_view::npos);
  CHECK(utf8::FindInvalid(std::string("ab\xC3", 3)) == 2);             // truncated sequence
  CHECK(utf8::FindInvalid(std::string("a\xC0\xAF", 3)) == 1);          // overlong '/'
  CHECK(utf8::FindInvalid(std::string("\xED\xA0\x80", 3)) == 0);       // surrogate
  CHECK(utf8::FindInvalid(std::string("x\xF4\x90\x80\x80", 5)) == 1);  // above U+10FFFF
  CHECK(utf8::Length("ایران") == 5);
}

TEST_CASE("normalization unifies Arabic and Persian letters, digits and ZWNJ", "[normalize]") {
  CHECK(Normalize("علي").text == "علی");
  CHECK(Normalize("كشور").text == "کشور");
  CHECK(Normalize("۱۴۰۵ و ١٤٠٥").text == "1405 و 1405");
  CHECK(Normalize("رئیس‌جمهور").text == "رییس جمهور");
  CHECK(Normalize("مـــذاکره").text == "مذاکره");  // tatweel
  CHECK(Normalize("مُحَمَّد").text == "محمد");         // harakat
}

TEST_CASE("normalized text maps back to original code point offsets", "[normalize]") {
  // Tatweel and harakat vanish; the letters after them keep their own offsets.
  const std::string original = "بـا «ووچیچ» دیدار";
  const NormalizedText n = Normalize(original);
  REQUIRE(n.to_original.size() == n.text.size() + 1);
  const size_t quote = n.text.find("«");
  REQUIRE(quote != std::string::npos);
  CHECK(n.OriginalOffset(quote) == 4);  // ب ـ ا space «
  CHECK(n.to_original.back() == utf8::Length(original));
  // Combining sequences compose under NFC and keep the offset of their base.
  const NormalizedText e = Normalize("Vuc\xCC\x8Cic");
  CHECK(e.text == "Vučic");
  CHECK(e.OriginalOffset(e.text.find("i")) == 4);  // V u c ̌ i
}

TEST_CASE("match keys ignore case, accents, ZWNJ, spaces and letter variants", "[normalize]") {
  CHECK(MatchKey("Vučić") == MatchKey("vucic"));
  CHECK(MatchKey("Aleksandar Vučić") == MatchKey("ALEKSANDAR VUCIC"));
  CHECK(MatchKey("رئیس‌جمهور") == MatchKey("رییس جمهور"));
  CHECK(MatchKey("رییسجمهور") == MatchKey("رئيس جمهور"));
  CHECK(MatchKey("گفت‌وگو") == MatchKey("گفتوگو"));
  CHECK(MatchKey("Secretary-General") == MatchKey("secretary general"));
  CHECK(MatchKey("Iran") != MatchKey("Iraq"));
}

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[sha256]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
