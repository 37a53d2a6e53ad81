// Outsized and adversarial input: a 30 MB single line, 30 MB of junk that is valid UTF-8,
// 10,000 entity mentions in one sentence, bidi controls in names. Each is read without a crash
// or a hang, and time and memory grow linearly: the full size against a tenth of it must cost
// well under the hundredfold a quadratic step would.
//
// Environment: DIPLOGRAPH_HOSTILE_MB, the size of the large inputs (default 30; the sanitizer run
// uses less).
#include <catch2/catch.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "core/utf8.h"
#include "tests/hostile/child.h"

namespace diplograph::hostile {
namespace {

using nlohmann::json;

// English words and names, with no sentence break: one line, one sentence.
std::string WordLine(size_t bytes, uint64_t seed) {
  static const char* const kWords[] = {
      "the",    "minister",  "met",       "Iran",     "talks",  "said",    "Serbia", "on", "Monday",
      "and",    "with",      "president", "Araghchi", "Lavrov", "visited", "Moscow", "in", "Tehran",
      "signed", "agreement", "invited",   "Putin",    "8",      "May",     "2024",   ","};
  std::mt19937_64 rng(seed);
  std::string s;
  s.reserve(bytes + 16);
  while (s.size() < bytes) {
    s += kWords[rng() % std::size(kWords)];
    s += ' ';
  }
  return s;
}

// Random code points from every plane, valid UTF-8, no NUL.
std::string Utf8Junk(size_t bytes, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string s;
  s.reserve(bytes + 4);
  while (s.size() < bytes) {
    const uint64_t r = rng();
    const unsigned kind = r % 20;
    char32_t c = kind < 10   ? 1 + (r >> 8) % 0x7F
                 : kind < 16 ? 0x80 + (r >> 8) % (0x800 - 0x80)
                 : kind < 19 ? 0x800 + (r >> 8) % (0x10000 - 0x800)
                             : 0x10000 + (r >> 8) % (0x110000 - 0x10000);
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    utf8::Append(&s, c);
  }
  return s;
}

void RequireSuccess(const Outcome& o) {
  INFO(o.Describe());
  CHECK_FALSE(o.crashed());
  CHECK_FALSE(o.timed_out);
  CHECK(o.exit_code == 0);
}

// `big` read ten times the input of `small`: linear costs about ten times as
// much, a quadratic step a hundred. Fixed allowances absorb start-up costs.
void RequireLinear(const std::string& what, const Outcome& small, const Outcome& big) {
  std::cout << "hostile: " << what << ": a tenth in " << small.seconds << " s, peak "
            << small.max_rss_kb / 1024 << " MB; all in " << big.seconds << " s, peak "
            << big.max_rss_kb / 1024 << " MB" << std::endl;
  INFO("tenth: " << small.Describe());
  INFO("full: " << big.Describe());
  CHECK(big.seconds <= 40 * small.seconds + 5);
  CHECK(big.max_rss_kb <= 25 * small.max_rss_kb);
}

void RequireConsistent(const fs::path& db, const fs::path& scratch) {
  const Outcome o = Run({"check", "--db", db.string()}, scratch, "check");
  INFO(o.Describe() << "\n" << o.out);
  CHECK(o.exit_code == 0);
}

TEST_CASE("a 30 MB single line is read in linear time and memory", "[hostile]") {
  Scratch dir("line");
  const size_t bytes = EnvSize("DIPLOGRAPH_HOSTILE_MB", 30) << 20;
  const std::string line = WordLine(bytes, 7);
  WriteFile(dir / "tenth.txt", "A long line\n" + line.substr(0, bytes / 10) + "\n");
  WriteFile(dir / "line.txt", "A long line\n" + line + "\n");

  SECTION("extract, as plain text") {
    const std::vector<std::string> date = {"extract", "--date", "2025-01-15"};
    auto args = date;
    args.push_back((dir / "tenth.txt").string());
    const Outcome small = Run(args, dir.path(), "tenth");
    args.back() = (dir / "line.txt").string();
    const Outcome big = Run(args, dir.path(), "line");
    RequireSuccess(small);
    RequireSuccess(big);
    RequireLinear("extract of a " + std::to_string(bytes >> 20) + " MB line", small, big);
    // Statements come out, each with bounded evidence: a sentence with no
    // end is cut into pieces, so that no statement carries the whole line.
    CHECK(big.out.find("\"predicate\":\"met\"") != std::string::npos);
    size_t longest = 0;
    std::istringstream in(big.out);
    for (std::string l; std::getline(in, l);) longest = std::max(longest, l.size());
    CHECK(longest < 64 * 1024);
  }

  SECTION("ingest, as one JSON Lines article") {
    WriteFile(dir / "line.jsonl", json{{"title", "A long line"}, {"text", line}}.dump() + "\n");
    const fs::path db = dir / "graph.db";
    const Outcome o = Run({"ingest", "--quiet", "--date", "2025-01-15", "--db", db.string(),
                           (dir / "line.jsonl").string()},
                          dir.path(), "ingest");
    RequireSuccess(o);
    RequireConsistent(db, dir.path());
  }
}

TEST_CASE("30 MB of junk that is valid UTF-8 is read in linear time and memory", "[hostile]") {
  Scratch dir("junk");
  const size_t bytes = EnvSize("DIPLOGRAPH_HOSTILE_MB", 30) << 20;
  const std::string junk = Utf8Junk(bytes, 11);
  // Cut at a character boundary.
  size_t tenth = bytes / 10;
  while ((static_cast<unsigned char>(junk[tenth]) & 0xC0) == 0x80) ++tenth;
  WriteFile(dir / "tenth.txt", junk.substr(0, tenth));
  WriteFile(dir / "junk.txt", junk);
  const fs::path db = dir / "graph.db";
  const Outcome small =
      Run({"ingest", "--quiet", "--db", (dir / "tenth.db").string(), (dir / "tenth.txt").string()},
          dir.path(), "tenth");
  const Outcome big = Run({"ingest", "--quiet", "--db", db.string(), (dir / "junk.txt").string()},
                          dir.path(), "junk");
  RequireSuccess(small);
  RequireSuccess(big);
  RequireLinear("ingest of " + std::to_string(bytes >> 20) + " MB of UTF-8 junk", small, big);
  RequireConsistent(db, dir.path());
  // `extract` prints a note for an article with no statements, quoting its
  // headline short and without control characters.
  const Outcome e = Run({"extract", (dir / "tenth.txt").string()}, dir.path(), "extract");
  RequireSuccess(e);
  for (const std::string& l : e.ErrLines()) {
    CHECK(l.size() < 400);
    CHECK(l.find('\x1b') == std::string::npos);
  }
}

// "Araghchi met A, B, C, ... in Moscow on Monday." with `mentions` names.
std::string ManyMentions(size_t mentions, bool persian) {
  static const char* const kEnglish[] = {"Iran",   "Serbia", "Russia",   "China", "Qatar",
                                         "Oman",   "Lavrov", "Putin",    "Vucic", "Erdogan",
                                         "Moscow", "Tehran", "Belgrade", "Doha"};
  static const char* const kPersian[] = {"ایران",  "صربستان", "روسیه", "چین",   "قطر",
                                         "لاوروف", "پوتین",   "مسکو",  "تهران", "دوحه"};
  std::string s = persian ? "دیدار\nعراقچی روز دوشنبه در مسکو با " : "Leaders meet\nAraghchi met ";
  for (size_t i = 0; i < mentions; ++i) {
    if (i) s += persian ? " و " : ", ";
    s += persian ? kPersian[i % std::size(kPersian)] : kEnglish[i % std::size(kEnglish)];
    // Every tenth name a meeting of its own, so that events crowd the sentence too.
    if (i % 10 == 9) s += persian ? " دیدار کرد و " : " met Lavrov and";
  }
  s += persian ? " دیدار کرد.\n" : " in Moscow on Monday.\n";
  return s;
}

TEST_CASE("10,000 entity mentions in one sentence are read in linear time", "[hostile]") {
  Scratch dir("mentions");
  for (const bool persian : {false, true}) {
    INFO((persian ? "Persian" : "English"));
    WriteFile(dir / "thousand.txt", ManyMentions(1'000, persian));
    WriteFile(dir / "many.txt", ManyMentions(10'000, persian));
    const Outcome small = Run({"extract", "--date", "2025-01-15", (dir / "thousand.txt").string()},
                              dir.path(), "thousand");
    const Outcome big =
        Run({"extract", "--date", "2025-01-15", (dir / "many.txt").string()}, dir.path(), "many");
    RequireSuccess(small);
    RequireSuccess(big);
    RequireLinear(std::string("extract of 10,000 mentions in one sentence, ") +
                      (persian ? "Persian" : "English"),
                  small, big);
    CHECK(big.out.find("\"predicate\":\"met\"") != std::string::npos);
  }
}

TEST_CASE("bidi controls in names never reach the terminal", "[hostile]") {
  Scratch dir("bidi");
  // Overrides and isolates around and inside names, as a hostile page could carry them.
  WriteFile(dir / "bidi.txt",
            "Bidi \xE2\x80\xAEnames\n"
            "Iranian Foreign Minister \xE2\x80\xAE"
            "Araghchi\xE2\x80\xAC met \xE2\x81\xA7Lavrov\xE2\x81\xA9 in Moscow on Monday. "
            "Ara\xE2\x80\xAEghchi invited Lav\xE2\x80\xADrov to visit Tehran.\n");
  const fs::path db = dir / "graph.db";
  RequireSuccess(Run({"ingest", "--quiet", "--date", "2025-01-15", "--db", db.string(),
                      (dir / "bidi.txt").string()},
                     dir.path(), "ingest"));
  RequireConsistent(db, dir.path());
  const auto overrides = [](const std::string& text) {
    // U+202A..U+202E and U+2066, U+2067: the table wraps cells in U+2068 ... U+2069 itself.
    for (const char* c : {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD",
                          "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA7"})
      if (text.find(c) != std::string::npos) return true;
    return false;
  };
  // The names resolve whatever controls were inside them.
  for (const std::vector<std::string>& command : {std::vector<std::string>{"timeline", "Araghchi"},
                                                  {"relations", "Araghchi", "Lavrov"},
                                                  {"entities", "--search", "ghchi"},
                                                  {"query", "?a met ?b"}}) {
    std::vector<std::string> args = command;
    args.insert(args.end(), {"--db", db.string()});
    const Outcome o = Run(args, dir.path(), "table");
    INFO(command[0] << ": " << o.Describe() << "\n" << o.out);
    CHECK(o.exit_code == 0);
    CHECK(o.out.find("Araghchi") != std::string::npos);
    CHECK_FALSE(overrides(o.out));
    // JSON keeps the text as written, for programs.
    args.insert(args.end(), {"--format", "json"});
    const Outcome j = Run(args, dir.path(), "json");
    CHECK(j.exit_code == 0);
    CHECK_FALSE(json::parse(j.out, nullptr, false).is_discarded());
  }
}

}  // namespace
}  // namespace diplograph::hostile
