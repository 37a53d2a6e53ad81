// Store::Check on damaged table files: damage in a block no scan reads (a Bloom filter) is
// reported too, with the file named.
#include <rocksdb/db.h>
#include <rocksdb/table_properties.h>
#include <catch2/catch.hpp>

#include <fstream>

#include "core/error.h"
#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph {
namespace {

using namespace testing;

void MakeStore(const std::string& path) {
  auto store = Store::Open(path, OpenMode::kReadWrite);
  const Entity iran = Country("country:IR", "Iran");
  const Entity serbia = Country("country:RS", "Serbia");
  for (int i = 0; i < 50; ++i) {
    const ArticleMeta a = Article("sha256:" + std::to_string(i));
    const Entity person = Person("person:p" + std::to_string(i), "Person " + std::to_string(i));
    store->IngestArticle(a, {MakeStatement(iran, "supports", serbia, Day(2025, 1, 1 + i % 28), a),
                             MakeStatement(person, "visited", serbia, Date(), a, 1)});
  }
}  // closing the store writes its table files

// A table file with a Bloom filter, and the offset of the middle of that
// filter: it lies right after the data blocks.
std::pair<std::string, uint64_t> FilterBlock(const std::string& path) {
  rocksdb::Options options;
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(options, path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::OpenForReadOnly(options, path, descriptors, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  std::pair<std::string, uint64_t> found;
  for (auto* h : handles) {
    rocksdb::TablePropertiesCollection tables;
    REQUIRE(db->GetPropertiesOfAllTables(h, &tables).ok());
    for (const auto& [file, props] : tables)
      if (props->filter_size > 0 && found.first.empty())
        found = {file, props->data_size + props->filter_size / 2};
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  return found;
}

TEST_CASE("Check reports damage in a Bloom filter, which no scan reads", "[check][damage]") {
  TempDir dir;
  MakeStore(dir.path());
  const auto [file, offset] = FilterBlock(dir.path());
  REQUIRE_FALSE(file.empty());
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(offset));
    const char c = static_cast<char>(f.get() ^ 0x5A);
    f.seekp(static_cast<std::streamoff>(offset));
    f.put(c);
    REQUIRE(f.good());
  }
  auto store = Store::Open(dir.path(), OpenMode::kReadOnly);
  const CheckReport report = store->Check();
  REQUIRE_FALSE(report.ok());
  INFO(report.problems.front());
  CHECK(report.problems.front().rfind(dir.path() + ": store is corrupt (", 0) == 0);
  const std::string name = std::filesystem::path(file).filename().string();
  CHECK(report.problems.front().find(name) != std::string::npos);
}

}  // namespace
}  // namespace diplograph
