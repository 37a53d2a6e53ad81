#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "core/error.h"
#include "extractors/article_reader.h"
#include "extractors/html_reader.h"

using namespace diplograph;

namespace {

// A news page with the usual furniture around the story.
const char kNewsPage[] = R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Envoys meet in Geneva | Example Wire</title>
  <meta property="og:title" content="Envoys meet in Geneva">
  <meta property="og:site_name" content="Example Wire">
  <meta property="og:url" content="https://wire.example/og/42">
  <meta property="article:published_time" content="2025-03-04T09:15:00+03:30">
  <link rel="stylesheet" href="/site.css">
  <link rel="canonical" href="https://wire.example/news/42">
  <script>var tracking = "do not read this";</script>
  <style>p { color: red; }</style>
</head>
<body>
  <header><a href="/">Example Wire</a><h1>Site banner heading</h1></header>
  <nav><ul><li>Home</li><li>World</li><li>Sport</li></ul></nav>
  <main>
    <article>
      <header><h1>Envoys meet   in Geneva</h1><time datetime="2025-02-01">1 Feb</time></header>
      <p>The two delegations sat down on Tuesday &amp; talked for three hours.</p>
      <p>One envoy called the mood &laquo;constructive&raquo;.<script>ads()</script></p>
      <div class="share" hidden>Share this story</div>
      <p aria-hidden="true">Screen-reader noise</p>
      <p>The first line<br>and the second line stay apart.</p>
      <blockquote>We will meet again,
         said a spokesperson.</blockquote>
      <ul><li>First point.</li><li>Second point.</li></ul>
      <div>Loose text in a div. <span>With a span.</span></div>
      <aside>Related: other stories</aside>
    </article>
  </main>
  <footer>Copyright Example Wire</footer>
</body>
</html>
)";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (true) {
    const size_t nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos) return lines;
    pos = nl + 1;
  }
}

std::vector<Article> ParseAuto(std::string_view content) {
  std::vector<Article> out;
  ParseArticles(content, "-", ArticleFormat::kAuto,
                [&](Article&& a) { out.push_back(std::move(a)); });
  return out;
}

}  // namespace

TEST_CASE("an HTML news page gives its metadata", "[reader][html]") {
  const Article a = ParseHtmlArticle(kNewsPage, "page.html");
  CHECK(a.meta.title == "Envoys meet in Geneva");
  CHECK(a.meta.published == "2025-03-04");
  CHECK(a.meta.url == "https://wire.example/news/42");
  CHECK(a.meta.source == "Example Wire");
  CHECK(a.meta.lang == "en");
  CHECK(a.meta.path == "page.html");
  CHECK(a.meta.id.rfind("sha256:", 0) == 0);
  CHECK(a.meta.id.size() == 7 + 64);
}

TEST_CASE("an HTML page's text is the headline then its paragraphs, without noise",
          "[reader][html]") {
  const Article a = ParseHtmlArticle(kNewsPage, "page.html");
  const std::vector<std::string> expected = {
      "Envoys meet in Geneva",
      "The two delegations sat down on Tuesday & talked for three hours.",
      "One envoy called the mood «constructive».",
      "The first line and the second line stay apart.",
      "We will meet again, said a spokesperson.",
      "First point.",
      "Second point.",
      "Loose text in a div. With a span.",
  };
  CHECK(Lines(a.text) == expected);
  for (const char* noise : {"tracking", "color", "Home", "banner", "Share", "Screen-reader",
                            "Related", "Copyright", "ads", "1 Feb"})
    CHECK(a.text.find(noise) == std::string::npos);
}

TEST_CASE("a Persian HTML page keeps its text byte for byte", "[reader][html]") {
  // Zero-width non-joiners (U+200C) inside words must survive untouched.
  const std::string para1 =
      "وزیر امور خارجه روز سه‌شنبه با همتای خود در ژنو "
      "دیدار "
      "کرد.";
  const std::string para2 =
      "دو طرف درباره‌ی همکاری‌های منطقه‌ای گفت‌وگو "
      "کردند.";
  const std::string page =
      "<html lang=\"fa\" dir=\"rtl\"><head><title>دیدار در ژنو</title>"
      "<meta name=\"date\" content=\"2025-01-30\"></head><body>"
      "<nav>صفحه‌ی اصلی</nav><article><h1>دیدار در ژنو</h1><p>" +
      para1 + "</p><p>" + para2 +
      "</p></article><footer>همه‌ی حقوق محفوظ است</footer></body></html>";
  const Article a = ParseHtmlArticle(page, "fa.html");
  CHECK(a.meta.title == "دیدار در ژنو");
  CHECK(a.meta.lang == "fa");
  CHECK(a.meta.published == "2025-01-30");
  CHECK(a.text == "دیدار در ژنو\n" + para1 + "\n" + para2);
}

TEST_CASE("a stale meta charset does not re-decode UTF-8 HTML", "[reader][html]") {
  const Article a = ParseHtmlArticle(
      "<html><head><meta charset=\"windows-1256\"></head><body><p>سلام «دنیا»</p></body></html>",
      "x.html");
  CHECK(a.text == "سلام «دنیا»");
}

TEST_CASE("an HTML page falls back to <title>, <main> and <body>", "[reader][html]") {
  SECTION("title element and body paragraphs") {
    const Article a = ParseHtmlArticle(
        "<html><head><title> Plain  page </title></head>"
        "<body><p>Only paragraph.</p><td>cell</td></body></html>",
        "plain.htm");
    CHECK(a.meta.title == "Plain page");
    CHECK(a.text == "Plain page\nOnly paragraph.\ncell");
    CHECK(a.meta.published.empty());
    CHECK(a.meta.url.empty());
    CHECK(a.meta.lang.empty());
  }
  SECTION("main with its heading, og:url, itemprop date") {
    const Article a = ParseHtmlArticle(
        "<html lang=\"x\"><head><title>Site</title><meta property=\"og:url\" "
        "content=\"https://e.example/a\"></head><body><p>Outside main.</p><main><h1>Heading "
        "<em>here</em></h1><span itemprop=\"datePublished\">2024-12-31 18:00</span>"
        "<p>Inside main.</p></main></body></html>",
        "main.html");
    CHECK(a.meta.title == "Heading here");
    CHECK(a.meta.url == "https://e.example/a");
    CHECK(a.meta.published == "2024-12-31");
    CHECK(a.meta.lang.empty());
    CHECK(a.text == "Heading here\n2024-12-31 18:00\nInside main.");
  }
  SECTION("invalid dates are left empty, a later valid one is used") {
    const Article a = ParseHtmlArticle(
        "<html><head><meta property=\"article:published_time\" content=\"yesterday\">"
        "</head><body><article><time datetime=\"2025-02-30\">x</time><p>Text.</p>"
        "<time datetime=\"2025-02-28\">y</time></article></body></html>",
        "d.html");
    CHECK(a.meta.published.empty());  // the article's first <time> is not a real day
    const Article b = ParseHtmlArticle(
        "<html><head><meta name=\"date\" content=\"2025-02-28\"></head>"
        "<body><p>Text.</p></body></html>",
        "d.html");
    CHECK(b.meta.published == "2025-02-28");
  }
}

TEST_CASE("an HTML page without article text fails naming the input", "[reader][html]") {
  CHECK_THROWS_WITH(ParseHtmlArticle("<html><head><title>Only a title</title></head>"
                                     "<body><nav>Menu</nav><script>x()</script></body></html>",
                                     "empty.html"),
                    "empty.html: no article text found in HTML");
  CHECK_THROWS_WITH(ParseHtmlArticle("<!-- nothing -->", "c.html"),
                    "c.html: no article text found in HTML");
  CHECK_THROWS_WITH(ParseAuto("  <div hidden>secret</div>"), "-: no article text found in HTML");
}

TEST_CASE("deeply nested HTML neither crashes nor slows down", "[reader][html]") {
  const int depth = 100000;
  std::string page = "<html><body><p>Before.</p>";
  page.reserve(depth * 11 + 100);
  for (int i = 0; i < depth; ++i) page += "<div>";
  page += "<p>Deep text.</p>";
  for (int i = 0; i < depth; ++i) page += "</div>";
  page += "<p>After.</p></body></html>";
  const auto start = std::chrono::steady_clock::now();
  const Article a = ParseHtmlArticle(page, "deep.html");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(a.text == "Before.\nDeep text.\nAfter.");
  CHECK(elapsed < std::chrono::seconds(5));
}

TEST_CASE("HTML is recognised on stdin and by file extension", "[reader][html]") {
  const auto a = ParseAuto("\n  <!DOCTYPE html><html><body><p>Hello &amp; welcome.</p></body>");
  REQUIRE(a.size() == 1);
  CHECK(a[0].text == "Hello & welcome.");
  CHECK(a[0].meta.path == "-");

  const auto b = ParseAuto("<p>Fragment without html element.</p>");
  REQUIRE(b.size() == 1);
  CHECK(b[0].text == "Fragment without html element.");

  // Plain text and JSON Lines are unchanged.
  CHECK(ParseAuto("Headline\n<b>not html</b>")[0].text == "Headline\n<b>not html</b>");
  CHECK(ParseAuto("{\"title\":\"T\",\"text\":\"B\"}")[0].text == "T\nB");

  std::vector<Article> forced;
  ParseArticles("Plain words", "x.html", ArticleFormat::kHtml,
                [&](Article&& art) { forced.push_back(std::move(art)); });
  REQUIRE(forced.size() == 1);
  CHECK(forced[0].text == "Plain words");
}
