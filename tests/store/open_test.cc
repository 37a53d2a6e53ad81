#include <catch2/catch.hpp>

#include <fstream>

#include "core/error.h"
#include "store/keys.h"
#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

void MakeStore(const std::string& path) {
  auto store = Store::Open(path, OpenMode::kReadWrite);
  const ArticleMeta a = Article("sha256:a");
  store->IngestArticle(a, {MakeStatement(Country("country:IR", "Iran"), "supports",
                                         Country("country:RS", "Serbia"), Date(), a)});
}

TEST_CASE("a store open for writing is locked against a second writer", "[open]") {
  TempDir dir;
  auto store = Store::Open(dir.path(), OpenMode::kReadWrite);
  CHECK_THROWS_AS(Store::Open(dir.path(), OpenMode::kReadWrite), Error);
  CHECK_THROWS_WITH(Store::Open(dir.path(), OpenMode::kReadWrite),
                    dir.path() + ": store is locked by another diplograph process");
}

TEST_CASE("a read-only store reads while a writer holds the lock", "[open]") {
  TempDir dir;
  MakeStore(dir.path());
  auto writer = Store::Open(dir.path(), OpenMode::kReadWrite);
  auto reader = Store::Open(dir.path(), OpenMode::kReadOnly);
  CHECK(reader->Stats().statements == 1);
  CHECK(reader->GetEntity("country:IR"));
  const ArticleMeta b = Article("sha256:b");
  CHECK_THROWS_WITH(reader->IngestArticle(b, {}), dir.path() + ": store is open read-only");
  // The reader is a fixed view; the writer's new article is not in it.
  writer->IngestArticle(b, {});
  CHECK(writer->HasArticle("sha256:b"));
  CHECK_FALSE(reader->HasArticle("sha256:b"));
}

TEST_CASE("read-only open of a missing store says what to do", "[open]") {
  TempDir dir;
  CHECK_THROWS_WITH(Store::Open(dir.path(), OpenMode::kReadOnly),
                    dir.path() + ": no diplograph store here (run `diplograph ingest` first)");
  std::filesystem::create_directories(dir.path());
  CHECK_THROWS_WITH(Store::Open(dir.path(), OpenMode::kReadOnly),
                    dir.path() + ": no diplograph store here (run `diplograph ingest` first)");
}

TEST_CASE("paths that cannot hold a store are refused", "[open]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  const std::string file = dir.path() + "/notes.txt";
  std::ofstream(file) << "not a store\n";
  CHECK_THROWS_WITH(Store::Open(file, OpenMode::kReadWrite),
                    file + ": not a directory (a diplograph store is a directory)");
  CHECK_THROWS_WITH(Store::Open(dir.path(), OpenMode::kReadWrite),
                    dir.path() + ": directory is not empty and holds no diplograph store");
}

TEST_CASE("a store of another schema version is refused", "[open]") {
  TempDir dir;
  MakeStore(dir.path());
  RawDb(dir.path()).Put("meta", "schema_version", keys::U64(schema::kVersion + 1));
  const std::string message =
      dir.path() + ": store schema version " + std::to_string(schema::kVersion + 1) +
      ", this diplograph reads version " + std::to_string(schema::kVersion) +
      " (ingest the articles again into a new store)";
  CHECK_THROWS_WITH(Store::Open(dir.path(), OpenMode::kReadOnly), message);
  CHECK_THROWS_WITH(Store::Open(dir.path(), OpenMode::kReadWrite), message);
}

TEST_CASE("a RocksDB directory that is not a diplograph store is refused", "[open]") {
  TempDir dir;
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(options, dir.path(), &db).ok());
    delete db;
  }
  const std::string reads = "this diplograph reads version " + std::to_string(schema::kVersion);
  const std::string message =
      dir.path() + ": not a diplograph store (no schema version; " + reads + ")";
  CHECK_THROWS_WITH(Store::Open(dir.path(), OpenMode::kReadWrite), message);

  TempDir emptied;
  MakeStore(emptied.path());
  RawDb(emptied.path()).Delete("meta", "schema_version");
  CHECK_THROWS_WITH(Store::Open(emptied.path(), OpenMode::kReadOnly),
                    emptied.path() + ": not a diplograph store (no schema version; " + reads + ")");
}

}  // namespace
}  // namespace diplograph
