#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "queries/export/escape.h"

using namespace diplograph;

namespace {

template <typename Fn>
std::string Escaped(Fn fn, std::string_view text) {
  std::string out;
  fn(&out, text);
  return out;
}

std::string Xml(std::string_view t) { return Escaped(escape::Xml, t); }
std::string Dot(std::string_view t) { return Escaped(escape::Dot, t); }
std::string Rdf(std::string_view t) { return Escaped(escape::RdfString, t); }
std::string Html(std::string_view t) { return Escaped(escape::Html, t); }
std::string Iri(std::string_view t) { return Escaped(escape::IriPart, t); }
std::string Token(std::string_view t) { return Escaped(escape::XmlToken, t); }
std::string Csv(std::string_view t, bool text_cell = true) {
  std::string out;
  escape::Csv(&out, t, text_cell);
  return out;
}

const std::string kPersian = "عبدالرضا رحمانی\u200cفضلی";  // with a ZWNJ
const std::string kRlo = "\u202E", kPdf = "\u202C", kRli = "\u2067", kPdi = "\u2069";

}  // namespace

TEST_CASE("Persian text passes every escape byte for byte", "[export][escape]") {
  for (const std::string& out : {Xml(kPersian), Dot(kPersian), Rdf(kPersian), Html(kPersian),
                                 Csv(kPersian), escape::Json(kPersian)}) {
    CHECK(out.find(kPersian) != std::string::npos);
  }
  CHECK(Xml(kPersian) == kPersian);
  CHECK(Csv(kPersian) == kPersian);
  CHECK(escape::Json(kPersian) == "\"" + kPersian + "\"");
}

TEST_CASE("XML escapes markup, keeps line breaks as references and replaces what XML cannot hold",
          "[export][escape]") {
  CHECK(Xml("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
  CHECK(Xml("Tom & \"Jerry\"") == "Tom &amp; &quot;Jerry&quot;");
  CHECK(Xml("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
  // C0 controls and U+FFFF have no XML 1.0 form at all, not even a reference.
  CHECK(Xml(std::string("bell\x07") + "\x01") == "bell\uFFFD\uFFFD");
  CHECK(Xml("\uFFFF") == "\uFFFD");
  CHECK(Xml("bad \xC3( utf8") == "bad \uFFFD( utf8");
}

TEST_CASE("XML ids are NMTOKENs that two entity ids never share", "[export][escape]") {
  CHECK(Token("person:aleksandar-vucic") == "person:aleksandar-vucic");
  CHECK(Token("org:a b/c") == "org:a_20b_2Fc");
  // '_' is escaped too, so "a_20b" cannot meet "a b".
  CHECK(Token("a_20b") == "a_5F20b");
  CHECK(Token("a b") != Token("a_20b"));
  CHECK(Token("") == "_");
}

TEST_CASE("DOT escapes quotes, backslashes and entities inside a quoted string",
          "[export][escape]") {
  CHECK(Dot("say \"hi\"") == "say \\\"hi\\\"");
  CHECK(Dot("back\\slash\\") == "back\\\\slash\\\\");
  // \N would otherwise print the node's name; &amp; would print as &.
  CHECK(Dot("\\N &amp;") == "\\\\N &amp;amp;");
  CHECK(Dot("two\nlines\r") == "two\\nlines");
  CHECK(Dot(std::string("a\x01") + "b") == "a\uFFFDb");
}

TEST_CASE("CSV quotes as RFC 4180 says and neutralizes formulas in text cells",
          "[export][escape]") {
  CHECK(Csv("plain") == "plain");
  CHECK(Csv("a,b") == "\"a,b\"");
  CHECK(Csv("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(Csv("two\nlines") == "\"two\nlines\"");
  CHECK(Csv("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
  CHECK(Csv("+1") == "'+1");
  CHECK(Csv("-2+3") == "'-2+3");
  CHECK(Csv("@SUM(A1)") == "'@SUM(A1)");
  CHECK(Csv("=1,2") == "\"'=1,2\"");
  CHECK(Csv("\tx") == "'\tx");
  // Numbers are not text: a negative one stays a number.
  CHECK(Csv("-0.5", false) == "-0.5");
  CHECK(Csv("") == "");
}

TEST_CASE("N-Triples strings use ECHAR and UCHAR escapes", "[export][escape]") {
  CHECK(Rdf("say \"hi\" \\o/") == "say \\\"hi\\\" \\\\o/");
  CHECK(Rdf("a\tb\nc\rd") == "a\\tb\\nc\\rd");
  CHECK(Rdf(std::string("bell\x07") + "\x7F") == "bell\\u0007\\u007F");
  CHECK(Rdf("x\u2028y") == "x\\u2028y");
  CHECK(Rdf("Evil" + kRlo + "gnp.exe") == "Evil\\u202Egnp.exe\\u202C");
}

TEST_CASE("IRI parts are percent-encoded byte by byte", "[export][escape]") {
  CHECK(Iri("person:aleksandar-vucic") == "person:aleksandar-vucic");
  CHECK(Iri("a b<c>") == "a%20b%3Cc%3E");
  CHECK(Iri("ایران") == "%D8%A7%DB%8C%D8%B1%D8%A7%D9%86");
}

TEST_CASE("HTML escapes markup and both quotes", "[export][escape]") {
  CHECK(Html("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
  CHECK(Html("\"'&") == "&quot;&#39;&amp;");
}

TEST_CASE("bidi controls are closed within their value and written escaped", "[export][escape]") {
  // An override the name leaves open is closed at its end.
  CHECK(Xml("Evil" + kRlo + "gnp.exe") == "Evil&#x202E;gnp.exe&#x202C;");
  CHECK(Dot("Evil" + kRlo + "gnp.exe") == "Evil&#x202E;gnp.exe&#x202C;");
  CHECK(Html(kRlo + "x") == "&#x202E;x&#x202C;");
  // CSV has no escapes: the controls stay, balanced.
  CHECK(Csv("Evil" + kRlo + "gnp.exe") == "Evil" + kRlo + "gnp.exe" + kPdf);
  // A closer with nothing of the value's own to close is dropped: it would
  // close an embedding of the field before.
  CHECK(Csv("a" + kPdf + "b" + kPdi) == "ab");
  // Isolates too, and a PDI closes what was opened inside its isolate.
  CHECK(Csv(kRli + "x" + kRlo + "y" + kPdi + "z") == kRli + "x" + kRlo + "y" + kPdi + "z");
  CHECK(Csv(kRli + kRlo + "x") == kRli + kRlo + "x" + kPdf + kPdi);
  // A PDF does not close an embedding from outside the isolate it is in.
  CHECK(Csv(kRlo + kRli + kPdf + "x") == kRlo + kRli + "x" + kPdi + kPdf);
  // Balanced text is left as it is.
  const std::string balanced = "a" + kRlo + "b" + kPdf + "c";
  CHECK(Csv(balanced) == balanced);
}

TEST_CASE("JSON escapes bidi controls and line separators in every string", "[export][escape]") {
  const nlohmann::json value = {{"name", "Evil" + kRlo + "gnp.exe"},
                                {"list", {kPdf + "x", "a\u2028b", "q\"" + kRlo}},
                                {"ok", kPersian}};
  const std::string out = escape::Json(value);
  CHECK(out.find(kRlo) == std::string::npos);
  CHECK(out.find("\u2028") == std::string::npos);
  CHECK(out.find("\"Evil\\u202Egnp.exe\\u202C\"") != std::string::npos);
  CHECK(out.find("\"x\"") != std::string::npos);
  CHECK(out.find("a\\u2028b") != std::string::npos);
  CHECK(out.find(kPersian) != std::string::npos);
  const auto back = nlohmann::json::parse(out);
  CHECK(back["name"] == "Evil" + kRlo + "gnp.exe" + kPdf);
  CHECK(back["list"][2] == "q\"" + kRlo + kPdf);
  CHECK(back["ok"] == kPersian);
}

TEST_CASE("JSON strings written by hand read back as the text, bidi balanced", "[export][escape]") {
  const std::string text = "q\"\\ \n\t\x01 " + kPersian + " " + kRlo + "x";
  std::string out;
  escape::JsonString(&out, text);
  CHECK(out == "\"q\\\"\\\\ \\n\\u0009\\u0001 " + kPersian + " \\u202Ex\\u202C\"");
  CHECK(nlohmann::json::parse(out) == text + kPdf);
}
