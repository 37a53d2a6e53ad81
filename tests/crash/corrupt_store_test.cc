// A damaged store: bytes flipped in its table (SST) files, a table file cut short or gone, a
// garbled CURRENT. `check` exits non-zero naming the damage, wherever it lies in a table file
// (save the unused padding of its footer); every other command either works or stops with one
// line saying the store is corrupt; none crashes or hangs.
#include <catch2/catch.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "tests/crash/process.h"
#include "tests/hostile/child.h"

namespace diplograph::crash {
namespace {

// The footer that ends a table file: 53 bytes, most of them padding no reader looks at.
constexpr uintmax_t kFooter = 53;

std::vector<fs::path> TableFiles(const fs::path& db) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(db))
    if (e.path().extension() == ".sst") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

void FlipByte(const fs::path& file, uintmax_t offset) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  const char c = static_cast<char>(f.get() ^ 0x5A);
  f.seekp(static_cast<std::streamoff>(offset));
  f.put(c);
  REQUIRE(f.good());
}

// A fresh copy of the pristine store to damage.
fs::path Copy(const fs::path& pristine, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(pristine, to, fs::copy_options::recursive);
  return to;
}

// Runs a command on the damaged store: it works (an entity it names may be
// unknown, exit 3), or fails with one line naming the store as corrupt;
// never a signal or a hang.
hostile::Outcome RunDamaged(std::vector<std::string> args, const fs::path& db,
                            const fs::path& scratch) {
  args.insert(args.end(), {"--db", db.string()});
  const hostile::Outcome o = hostile::Run(args, scratch, "damaged", {.timeout_seconds = 120});
  INFO(args[0] << ": " << o.Describe());
  CHECK_FALSE(o.crashed());
  CHECK_FALSE(o.timed_out);
  if (o.exit_code != 0 && o.exit_code != 3) {
    CHECK(o.exit_code == 1);
    CHECK(o.err.rfind("diplograph: " + db.string() + ": store is corrupt (", 0) == 0);
    CHECK(o.ErrLines().size() == 1);
  }
  return o;
}

// `check` on the damaged store: exit 1, the damage named.
void RequireReported(const fs::path& db, const fs::path& scratch, const std::string& what) {
  const hostile::Outcome o =
      hostile::Run({"check", "--db", db.string()}, scratch, "check", {.timeout_seconds = 120});
  INFO(what << ": " << o.Describe() << "\n" << o.out);
  CHECK_FALSE(o.crashed());
  CHECK(o.exit_code == 1);
  CHECK(o.out.find("consistent") == std::string::npos);
  // Either a problem line on stdout and the count on stderr, or the store
  // could not be opened at all: both name it corrupt.
  CHECK((o.out + o.err).find("store is corrupt (") != std::string::npos);
}

struct Damaged {
  TempDir root;
  fs::path corpus, pristine, more;
  std::string article;  // the id of a stored article, to forget
  Damaged() {
    corpus = root.path() / "corpus";
    more = root.path() / "more";
    MakeCorpus(corpus, 0.3, 51, 2);
    MakeCorpus(more, 0.05, 52, 1);
    pristine = root.path() / "pristine.db";
    const Outcome o = Diplograph({"ingest", "--quiet", "--db", pristine.string(), corpus.string()},
                                 root.path(), "ingest");
    if (o.exit_code != 0) throw std::runtime_error("ingest failed: " + o.Describe());
    const Outcome e =
        Diplograph({"extract", (corpus / "part-00.jsonl").string()}, root.path(), "extract");
    const std::string first_line = e.out.substr(0, e.out.find('\n'));
    article = nlohmann::json::parse(first_line).at("article").get<std::string>();
  }
};

TEST_CASE("check reports a flipped byte anywhere in a table file", "[corrupt]") {
  Damaged d;
  const std::vector<fs::path> tables = TableFiles(d.pristine);
  REQUIRE(tables.size() >= 5);
  size_t flips = 0;
  for (const fs::path& table : tables) {
    const uintmax_t size = fs::file_size(table);
    REQUIRE(size > kFooter);
    // Seven places spread over the blocks, and the footer's last bytes
    // (format version and magic number).
    std::vector<uintmax_t> offsets;
    for (int i = 0; i < 7; ++i) offsets.push_back((size - kFooter) * i / 7);
    offsets.insert(offsets.end(), {size - 12, size - 1});
    for (const uintmax_t offset : offsets) {
      const fs::path db = Copy(d.pristine, d.root.path() / "damaged.db");
      FlipByte(db / table.filename(), offset);
      RequireReported(db, d.root.path(),
                      table.filename().string() + " at byte " + std::to_string(offset));
      ++flips;
    }
  }
  std::cout << "corrupt: check reported all " << flips << " flipped bytes in " << tables.size()
            << " table files" << std::endl;
}

TEST_CASE("a damaged store fails reads and writes with one line, and check keeps reporting it",
          "[corrupt]") {
  Damaged d;
  const std::vector<fs::path> tables = TableFiles(d.pristine);
  const fs::path largest = *std::max_element(
      tables.begin(), tables.end(),
      [](const fs::path& a, const fs::path& b) { return fs::file_size(a) < fs::file_size(b); });
  const auto damage = [&](const std::string& kind, const fs::path& db) {
    const fs::path table = db / largest.filename();
    if (kind == "flipped bytes") {
      const uintmax_t middle = fs::file_size(table) / 2;
      for (uintmax_t i = 0; i < 16; ++i) FlipByte(table, middle + i);
    } else if (kind == "cut short") {
      fs::resize_file(table, fs::file_size(table) / 2);
    } else if (kind == "missing table") {
      fs::remove(table);
    } else {
      hostile::WriteFile(db / "CURRENT", "garbage\n");
    }
  };
  for (const std::string kind : {"flipped bytes", "cut short", "missing table", "bad CURRENT"}) {
    SECTION(kind) {
      const fs::path db = Copy(d.pristine, d.root.path() / "damaged.db");
      damage(kind, db);
      RequireReported(db, d.root.path(), kind);
      for (const std::vector<std::string>& command : {std::vector<std::string>{"stats"},
                                                      {"query", "?a met ?b"},
                                                      {"timeline", "Iran"},
                                                      {"relations", "Iran", "Russia"},
                                                      {"entities", "--search", "a"},
                                                      {"top", "--by", "degree"},
                                                      {"path", "Iran", "Serbia"},
                                                      {"forget", d.article},
                                                      {"ingest", "--quiet", d.more.string()},
                                                      {"ingest", "--quiet", d.corpus.string()}})
        RunDamaged(command, db, d.root.path());
      // Whatever the writes did, the damage is still reported, not hidden.
      RequireReported(db, d.root.path(), kind + ", after writes");
    }
  }
}

}  // namespace
}  // namespace diplograph::crash
