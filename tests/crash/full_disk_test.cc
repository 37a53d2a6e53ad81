// Full disk: an ingest whose writes fail stops with one clear line; what it committed before
// stays, `check` passes, and the same ingest once space is back completes the store.
//
// The disk fills as RLIMIT_FSIZE makes it: past the limit a write fails (EFBIG, as ENOSPC
// on a full disk) and, SIGXFSZ being ignored, the program sees the error rather than dying.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/crash/process.h"

namespace diplograph::crash {
namespace {

using json = nlohmann::json;

json Stats(const fs::path& db, const fs::path& scratch, const std::string& tag) {
  const Outcome out = Diplograph({"stats", "--db", db.string(), "--format", "json"}, scratch, tag);
  REQUIRE(out.exit_code == 0);
  return json::parse(out.out);
}

// `diplograph ingest` with files limited to `limit` bytes.
Outcome IngestOnFullDisk(const fs::path& db, const fs::path& corpus, bool bulk, size_t limit,
                         const fs::path& scratch) {
  std::string command = "trap '' XFSZ; exec prlimit --fsize=" + std::to_string(limit) + " " +
                        DIPLOGRAPH_BINARY + " ingest --quiet --db " + test::Quote(db.string()) +
                        " " + test::Quote(corpus.string());
  if (bulk) command += " --bulk";
  return RunToEnd("/bin/sh", {"-c", command}, scratch, bulk ? "full-bulk" : "full");
}

TEST_CASE("a full disk stops an ingest with a clear error and loses nothing committed",
          "[full-disk]") {
  const bool bulk = GENERATE(false, true);
  INFO((bulk ? "ingest --bulk" : "ingest"));
  TempDir root;
  const fs::path first = root.path() / "first", second = root.path() / "second";
  MakeCorpus(first, 0.05, 31, 1);
  MakeCorpus(second, 2.0, 32, 4);
  const fs::path db = root.path() / "graph.db";

  // A first, small ingest (--bulk loads only a new store, so not before it);
  // then a larger one that runs out of space.
  const auto ingest = [&](const fs::path& into, const fs::path& corpus, const std::string& tag) {
    return Diplograph({"ingest", "--quiet", "--db", into.string(), corpus.string()}, root.path(),
                      tag)
        .exit_code;
  };
  if (!bulk) REQUIRE(ingest(db, first, "first") == 0);
  const json before = bulk ? json() : Stats(db, root.path(), "before");
  const Outcome full = IngestOnFullDisk(db, second, bulk, 256 << 10, root.path());
  INFO(full.Describe());
  CHECK_FALSE(full.killed);
  CHECK(full.exit_code != 0);
  CHECK(full.err.find(db.string()) != std::string::npos);
  CHECK(std::count(full.err.begin(), full.err.end(), '\n') <= 2);

  // Everything committed before is there, and the store is consistent.
  const Outcome check = Diplograph({"check", "--db", db.string()}, root.path(), "check");
  CHECK(check.exit_code == 0);
  if (!bulk)
    CHECK(Stats(db, root.path(), "after")["articles"].get<uint64_t>() >=
          before["articles"].get<uint64_t>());

  // With space back, the same ingest completes the store a clean run gives.
  REQUIRE(ingest(db, second, "again") == 0);
  const fs::path clean = root.path() / "clean.db";
  if (!bulk) REQUIRE(ingest(clean, first, "clean-first") == 0);
  REQUIRE(ingest(clean, second, "clean-second") == 0);
  CHECK(Stats(db, root.path(), "completed") == Stats(clean, root.path(), "clean"));
}

}  // namespace
}  // namespace diplograph::crash
