// Test fixtures: temporary store directories, raw RocksDB access and hand-built statements.
#pragma once

#include <rocksdb/db.h>

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/date.h"
#include "core/entity.h"
#include "core/statement.h"

namespace diplograph::testing {

// A fresh, not yet existing path under the system temp directory; the
// directory is removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("diplograph-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// The store's RocksDB opened directly with all its column families, to
// damage or inspect it behind the Store's back. The Store must be closed.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    rocksdb::Options options;
    std::vector<std::string> names;
    Ok(rocksdb::DB::ListColumnFamilies(options, path, &names));
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const auto& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
    rocksdb::DB* db = nullptr;
    Ok(rocksdb::DB::Open(options, path, descriptors, &handles_, &db));
    db_.reset(db);
  }
  ~RawDb() {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
  }

  rocksdb::ColumnFamilyHandle* cf(const std::string& name) const {
    for (auto* h : handles_)
      if (h->GetName() == name) return h;
    throw std::runtime_error("no column family " + name);
  }
  std::vector<std::string> Keys(const std::string& column) const {
    std::vector<std::string> keys;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(column)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) keys.push_back(it->key().ToString());
    return keys;
  }
  // Every key and value of every column family, keyed by "column/key".
  std::map<std::string, std::string> Contents() const {
    std::map<std::string, std::string> all;
    for (auto* h : handles_) {
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), h));
      for (it->SeekToFirst(); it->Valid(); it->Next())
        all[h->GetName() + "/" + it->key().ToString()] = it->value().ToString();
    }
    return all;
  }
  void Put(const std::string& column, const std::string& key, const std::string& value) {
    Ok(db_->Put(rocksdb::WriteOptions(), cf(column), key, value));
  }
  void Delete(const std::string& column, const std::string& key) {
    Ok(db_->Delete(rocksdb::WriteOptions(), cf(column), key));
  }

 private:
  static void Ok(const rocksdb::Status& s) {
    if (!s.ok()) throw std::runtime_error(s.ToString());
  }

  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

inline Entity MakeEntity(const std::string& id, EntityType type, const std::string& name,
                         std::vector<std::string> names = {}) {
  Entity e;
  e.id = id;
  e.type = type;
  e.name = name;
  for (const auto& n : names) e.AddName(n);
  return e;
}

inline Entity Person(const std::string& id, const std::string& name,
                     std::vector<std::string> names = {}) {
  return MakeEntity(id, EntityType::kPerson, name, std::move(names));
}

inline Entity Country(const std::string& id, const std::string& name,
                      std::vector<std::string> names = {}) {
  return MakeEntity(id, EntityType::kCountry, name, std::move(names));
}

inline ArticleMeta Article(const std::string& id, const std::string& source = "IRNA") {
  ArticleMeta a;
  a.id = id;
  a.title = "Headline of " + id;
  a.source = source;
  a.url = "https://example.org/" + id;
  a.lang = "en";
  return a;
}

// A statement as one article reports it: a single source at `sentence`.
inline Statement MakeStatement(const Entity& subject, const std::string& predicate,
                               const Entity& object, Date date, const ArticleMeta& article,
                               int sentence = 0, double confidence = 0.8) {
  Statement s;
  s.subject = subject;
  s.predicate = predicate;
  s.object = object;
  s.date = date;
  s.confidence = confidence;
  Provenance p;
  p.article = article.id;
  p.source = article.source;
  p.url = article.url;
  p.sentence = sentence;
  p.start = static_cast<size_t>(sentence) * 100;
  p.end = p.start + 80;
  p.text = subject.name + " " + predicate + " " + object.name + ".";
  p.rule = "test." + predicate;
  p.confidence = confidence;
  s.provenance.push_back(p);
  return s;
}

inline Date Day(int y, int m, int d) { return Date::Day(y, m, d); }

inline Date Year(int y) {
  Date d;
  d.year = y;
  d.precision = DatePrecision::kYear;
  return d;
}

inline Date Month(int y, int m) {
  Date d = Year(y);
  d.month = m;
  d.precision = DatePrecision::kMonth;
  return d;
}

}  // namespace diplograph::testing
