// Malformed input: invalid UTF-8, NUL bytes, binary junk, truncated and deeply nested JSON, deep
// HTML. Each gives one line on stderr naming the file, a skip of that file alone, and never a
// crash or a hang; a store it was to go into is left as it was.
//
// Environment: DIPLOGRAPH_HOSTILE_MB, the size of the binary junk (default 30).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>

#include "tests/hostile/child.h"

namespace diplograph::hostile {
namespace {

using nlohmann::json;

const std::string kArticle =
    "Talks in Moscow\nIranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey "
    "Lavrov in Moscow on Monday.\n";

std::string RandomBytes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string s(n, '\0');
  for (size_t i = 0; i < n; i += 8) {
    const uint64_t r = rng();
    std::memcpy(s.data() + i, &r, std::min<size_t>(8, n - i));
  }
  return s;
}

// A run that refused its input: exit 1 and nothing but `lines` lines on
// stderr, each naming a file, in time.
void RequireRefused(const Outcome& o, size_t lines = 1) {
  INFO(o.Describe());
  CHECK_FALSE(o.crashed());
  CHECK_FALSE(o.timed_out);
  CHECK(o.exit_code == 1);
  CHECK(o.ErrLines().size() == lines);
}

json Stats(const fs::path& db, const fs::path& scratch) {
  const Outcome o = Run({"stats", "--format", "json", "--db", db.string()}, scratch, "stats");
  INFO(o.Describe());
  REQUIRE(o.exit_code == 0);
  return json::parse(o.out);
}

void RequireConsistent(const fs::path& db, const fs::path& scratch) {
  const Outcome o = Run({"check", "--db", db.string()}, scratch, "check");
  INFO(o.Describe() << "\n" << o.out);
  CHECK(o.exit_code == 0);
  CHECK(o.out.find(": consistent (") != std::string::npos);
}

TEST_CASE("invalid UTF-8, NUL bytes and binary junk are refused with one line naming the file",
          "[hostile]") {
  Scratch dir("malformed");
  const size_t mb = EnvSize("DIPLOGRAPH_HOSTILE_MB", 30);
  struct Case {
    std::string name, content, reason;
  };
  const std::vector<Case> cases = {
      {"bad-utf8.txt", kArticle.substr(0, 20) + "\xC3\x28" + kArticle.substr(20),
       ": invalid UTF-8 at byte 20"},
      {"overlong.txt", "Head\n\xC0\xAF and a surrogate \xED\xA0\x80\n",
       ": invalid UTF-8 at byte 5"},
      {"nul.txt", kArticle.substr(0, 30) + std::string(1, '\0') + kArticle.substr(30),
       ": contains NUL bytes; not a text article"},
      {"nul.jsonl", "{\"title\":\"t\",\"text\":\"a\"}\n" + std::string(3, '\0') + "\n",
       ": contains NUL bytes; not a text article"},
      {"junk.txt", RandomBytes(mb << 20, 1), ": invalid UTF-8 at byte "},
      {"junk.jsonl", RandomBytes(mb << 20, 2), ": invalid UTF-8 at byte "},
      {"junk.html", "<html><body>" + RandomBytes(mb << 20, 3), ": invalid UTF-8 at byte "},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      const fs::path file = dir / c.name;
      WriteFile(file, c.content);
      const fs::path db = dir / "graph.db";
      for (const std::string command : {"extract", "ingest"}) {
        INFO(command << " " << c.name);
        std::vector<std::string> args = {command, file.string()};
        if (command == "ingest") args = {command, "--db", db.string(), file.string()};
        const Outcome o = Run(args, dir.path(), command);
        // ingest also sums up what it stored: nothing.
        RequireRefused(o, command == "ingest" ? 2 : 1);
        CHECK(o.err.rfind("diplograph: " + file.string() + c.reason, 0) == 0);
        if (command == "ingest") CHECK(o.ErrLines()[1].rfind("ingested 0 articles: ", 0) == 0);
        CHECK(o.out.empty());
        // Nothing could be read: the store is not even created.
        CHECK_FALSE(fs::exists(db));
      }
    }
  }
}

TEST_CASE("truncated and deeply nested JSON skips its file, and the rest of the folder is stored",
          "[hostile]") {
  Scratch dir("json");
  const fs::path in = dir / "in";
  WriteFile(
      in / "a-good.jsonl",
      R"({"title":"Talks","text":"Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov in Moscow on Monday.","published":"2025-03-03"}
{"title":"Visit","text":"Omani Foreign Minister Badr Albusaidi visited Tehran on Saturday.","published":"2025-02-22"}
)");
  // A good line first: a file is stored whole or not at all.
  WriteFile(in / "b-truncated.jsonl",
            "{\"title\":\"Fine\",\"text\":\"Iran and Oman signed an agreement on Monday.\"}\n"
            "{\"title\":\"Cut\",\"text\":\"Iran and Qatar");
  constexpr size_t kDepth = 1'000'000;
  WriteFile(in / "c-deep-text.jsonl", "{\"title\":\"Deep\",\"text\":" + std::string(kDepth, '[') +
                                          std::string(kDepth, ']') + "}\n");
  WriteFile(in / "d-deep-unclosed.jsonl",
            "{\"title\":\"Deep\",\"text\":\"x\",\"extra\":" + std::string(kDepth, '[') + "\n");
  std::string deep_object;
  for (size_t i = 0; i < kDepth; ++i) deep_object += "{\"a\":";
  deep_object += "1" + std::string(kDepth, '}');
  // Fields the reader does not know are ignored however deep: this one is stored.
  WriteFile(in / "e-deep-extra.jsonl",
            "{\"title\":\"Extra\",\"text\":\"Serbia invited Iran to Expo 2027.\",\"extra\":" +
                deep_object + "}\n");
  WriteFile(in / "f-not-object.jsonl", "[\"an\", \"array\"]\n");
  WriteFile(in / "g-bad-published.jsonl",
            "{\"title\":\"t\",\"text\":\"x\",\"published\":\"\\u001b[2J" + std::string(5000, 'y') +
                "\"}\n");
  const fs::path db = dir / "graph.db";

  const Outcome o = Run({"ingest", "--db", db.string(), in.string()}, dir.path(), "ingest");
  INFO(o.Describe());
  CHECK_FALSE(o.crashed());
  CHECK_FALSE(o.timed_out);
  CHECK(o.exit_code == 1);
  const std::vector<std::string> lines = o.ErrLines();
  // One line per bad file, naming it and the line, then the summary.
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] ==
        "diplograph: " + (in / "b-truncated.jsonl").string() + ":2: not a valid JSON object");
  CHECK(lines[1] == "diplograph: " + (in / "c-deep-text.jsonl").string() +
                        ":1: field \"text\" is not a string");
  CHECK(lines[2] ==
        "diplograph: " + (in / "d-deep-unclosed.jsonl").string() + ":1: not a valid JSON object");
  CHECK(lines[3] == "diplograph: " + (in / "f-not-object.jsonl").string() +
                        ":1: expected a JSON object per line");
  // The bad value is quoted short and without the escape sequence.
  CHECK(lines[4].rfind("diplograph: " + (in / "g-bad-published.jsonl").string() +
                           ":1: \"published\" is not an ISO date: \xEF\xBF\xBD[2Jyyy",
                       0) == 0);
  CHECK(lines[4].size() < 300);
  CHECK(lines[4].find('\x1b') == std::string::npos);
  CHECK(lines[5].rfind("ingested 3 articles", 0) == 0);
  CHECK(Stats(db, dir.path())["articles"] == 3);
  RequireConsistent(db, dir.path());

  // extract reads the same way (a file at a time) and fails the same way.
  const Outcome e = Run({"extract", (in / "c-deep-text.jsonl").string()}, dir.path(), "extract");
  RequireRefused(e);
}

TEST_CASE("deeply nested and unclosed HTML is read without a crash", "[hostile]") {
  Scratch dir("html");
  constexpr size_t kDepth = 1'000'000;
  const std::string sentence =
      "<p>Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey Lavrov in "
      "Moscow on Monday.</p>";
  std::string nested = "<html><body>";
  for (size_t i = 0; i < kDepth; ++i) nested += "<div>";
  nested += sentence;
  for (size_t i = 0; i < kDepth; ++i) nested += "</div>";
  WriteFile(dir / "nested.html", nested + "</body></html>");
  std::string unclosed = "<html><body>";
  for (size_t i = 0; i < kDepth; ++i) unclosed += "<b><i>";
  WriteFile(dir / "unclosed.html", unclosed + sentence);
  WriteFile(dir / "only-tags.html", unclosed);
  for (const std::string name : {"nested.html", "unclosed.html"}) {
    INFO(name);
    const Outcome o =
        Run({"extract", "--date", "2025-03-04", (dir / name).string()}, dir.path(), "extract");
    INFO(o.Describe());
    CHECK(o.exit_code == 0);
    CHECK(o.out.find("\"predicate\":\"met\"") != std::string::npos);
  }
  const Outcome empty = Run({"extract", (dir / "only-tags.html").string()}, dir.path(), "empty");
  RequireRefused(empty);
  CHECK(empty.err ==
        "diplograph: " + (dir / "only-tags.html").string() + ": no article text found in HTML");
}

TEST_CASE("a --lexicon file with a megabyte-long name is refused with its line", "[hostile]") {
  Scratch dir("lexicon");
  WriteFile(dir / "names.tsv",
            "person:ok\ten\tA Name\nperson:junk\ten\t" + std::string(1 << 20, 'a') + "\n");
  WriteFile(dir / "a.txt", kArticle);
  const Outcome o =
      Run({"extract", "--lexicon", (dir / "names.tsv").string(), (dir / "a.txt").string()},
          dir.path(), "extract", {.timeout_seconds = 60});
  RequireRefused(o);
  CHECK(o.err ==
        "diplograph: " + (dir / "names.tsv").string() + ":2: form longer than 256 characters");
}

}  // namespace
}  // namespace diplograph::hostile
