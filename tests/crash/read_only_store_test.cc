// A store the user cannot write: ingest and forget stop with one clear line and change nothing,
// the query commands and `check` still read it, and once it is writable again the same ingest
// completes it.
//
// Permissions do not bind root, so as root the commands run as the user "nobody" (uid and gid
// 65534); where nobody cannot run the binary (a build under a private home), that part is skipped
// with a warning.
#include <catch2/catch.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "tests/crash/process.h"
#include "tests/hostile/child.h"

namespace diplograph::crash {
namespace {

using hostile::RunOptions;
using nlohmann::json;

// Every file under `dir` with its size and modification time: what a read-only
// store must keep exactly.
std::map<std::string, std::pair<uintmax_t, fs::file_time_type>> Listing(const fs::path& dir) {
  std::map<std::string, std::pair<uintmax_t, fs::file_time_type>> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[e.path().lexically_relative(dir).string()] = {e.file_size(), e.last_write_time()};
  return files;
}

// Takes write permission away from `path` and everything under it.
void MakeReadOnly(const fs::path& path) {
  const auto strip = [](const fs::path& p) {
    fs::permissions(p, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
  };
  for (const auto& e : fs::recursive_directory_iterator(path)) strip(e.path());
  strip(path);
}

void MakeWritable(const fs::path& path) {
  fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
  for (const auto& e : fs::recursive_directory_iterator(path))
    fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
}

// Hands `path` and everything under it to the user the commands run as.
void GiveTo(const fs::path& path, const RunOptions& as) {
  if (!as.as_user) return;
  REQUIRE(::chown(path.c_str(), as.uid, as.gid) == 0);
  for (const auto& e : fs::recursive_directory_iterator(path))
    REQUIRE(::chown(e.path().c_str(), as.uid, as.gid) == 0);
}

TEST_CASE("a read-only store refuses writes with one clear line, and queries still read it",
          "[read-only]") {
  TempDir root;
  const fs::path first = root.path() / "first", second = root.path() / "second";
  MakeCorpus(first, 0.05, 41, 1);
  MakeCorpus(second, 0.05, 42, 1);
  const fs::path db = root.path() / "graph.db";
  REQUIRE(
      Diplograph({"ingest", "--quiet", "--db", db.string(), first.string()}, root.path(), "first")
          .exit_code == 0);

  RunOptions as;
  if (geteuid() == 0) {
    as.as_user = true;
    as.uid = 65534;
    as.gid = 65534;
    // nobody reads the corpora through this folder, and owns the store.
    fs::permissions(root.path(), fs::perms::others_read | fs::perms::others_exec,
                    fs::perm_options::add);
    GiveTo(db, as);
    const hostile::Outcome probe =
        hostile::Run({"extract", (first / "part-00.jsonl").string()}, root.path(), "probe", as);
    if (probe.exit_code != 0) {
      WARN("running as root, and the user nobody cannot run "
           << DIPLOGRAPH_BINARY << " (" << probe.Describe() << "): read-only store not tested");
      return;
    }
  }
  const auto run = [&](std::vector<std::string> args, const std::string& tag) {
    args.insert(args.end(), {"--db", db.string()});
    return hostile::Run(args, root.path(), tag, as);
  };
  const hostile::Outcome before = run({"stats", "--format", "json"}, "before");
  REQUIRE(before.exit_code == 0);
  const json stats = json::parse(before.out);
  REQUIRE(stats["articles"].get<int>() > 0);

  MakeReadOnly(db);
  const auto files = Listing(db);

  // Writes: one line naming the store, exit 1, nothing touched.
  const hostile::Outcome ingest = run({"ingest", second.string()}, "ingest");
  INFO(ingest.Describe());
  CHECK_FALSE(ingest.crashed());
  CHECK(ingest.exit_code == 1);
  CHECK(ingest.err == "diplograph: " + db.string() + ": permission denied");
  const hostile::Outcome bulk = run({"ingest", "--bulk", second.string()}, "bulk");
  CHECK(bulk.exit_code == 1);
  CHECK(bulk.err == "diplograph: " + db.string() + ": permission denied");
  const hostile::Outcome forget = run({"forget", "sha256:00"}, "forget");
  CHECK(forget.exit_code == 1);
  CHECK(forget.err == "diplograph: " + db.string() + ": permission denied");

  // Reads: as before.
  const hostile::Outcome after = run({"stats", "--format", "json"}, "after");
  INFO(after.Describe());
  CHECK(after.exit_code == 0);
  CHECK(json::parse(after.out) == stats);
  const hostile::Outcome check = run({"check"}, "check");
  CHECK(check.exit_code == 0);
  CHECK(check.out.find(": consistent (") != std::string::npos);
  const hostile::Outcome query = run({"query", "?a ?p ?b", "--format", "json"}, "query");
  CHECK(query.exit_code == 0);
  CHECK(json::parse(query.out).size() > 0);
  CHECK(Listing(db) == files);

  // Writable again: the same ingest completes the store.
  MakeWritable(db);
  const hostile::Outcome again = run({"ingest", "--quiet", second.string()}, "again");
  INFO(again.Describe());
  CHECK(again.exit_code == 0);
  const hostile::Outcome completed = run({"stats", "--format", "json"}, "completed");
  CHECK(json::parse(completed.out)["articles"].get<int>() > stats["articles"].get<int>());
  CHECK(run({"check"}, "check-again").exit_code == 0);

  // A new store in a folder that cannot be written: refused, nothing made.
  const fs::path locked = root.path() / "locked";
  fs::create_directories(locked);
  GiveTo(locked, as);
  MakeReadOnly(locked);
  const fs::path inside = locked / "graph.db";
  const hostile::Outcome create =
      hostile::Run({"ingest", "--db", inside.string(), second.string()}, root.path(), "create", as);
  INFO(create.Describe());
  CHECK(create.exit_code == 1);
  CHECK(create.ErrLines().size() == 1);
  CHECK(create.err.find("permission denied") != std::string::npos);
  CHECK(fs::is_empty(locked));
  MakeWritable(locked);
}

}  // namespace
}  // namespace diplograph::crash
