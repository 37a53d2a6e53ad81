#include "store/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include "core/error.h"
#include "store/read_deadline.h"
#include "store/status_error.h"

namespace diplograph {

namespace fs = std::filesystem;
using schema::Column;

namespace {

constexpr size_t kEntityCacheSize = 16384;

std::string_view ToView(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

rocksdb::Options DbOptions() {
  rocksdb::Options options;
  options.info_log_level = rocksdb::WARN_LEVEL;  // keeps the LOG file short
  options.keep_log_file_num = 4;
  // Keys are fixed-width ids with many zero bytes and records repeat their
  // sources: ZSTD halves the store against LZ4 (see docs/BENCHMARKS.md).
  options.compression = rocksdb::kZSTD;
  options.bottommost_compression = rocksdb::kZSTD;
  // Ten column families would each buffer up to 64 MB of writes by
  // default: one budget for all keeps an ingest's memory bounded.
  options.db_write_buffer_size = size_t{64} << 20;
  options.write_buffer_size = size_t{16} << 20;
  return options;
}

// One block cache for all column families, sized for the records and
// sources a query reads at random: RocksDB would give each table factory
// its own 8 MB, where a hub's statements thrash and every read decompresses
// its block again.
const std::shared_ptr<rocksdb::Cache>& BlockCache() {
  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(size_t{64} << 20);
  return cache;
}

// Bloom filters serve point lookups (dict, entity, stmt, article); pos,
// time, prov and alias are only scanned by prefix or read by exact key,
// where a filter on whole keys is a byte and a quarter per key of dead
// weight. meta's counters are read where they are (rewritten often, they
// sit in the newest files), and a bulk load rewrites most of them in every
// run: their filters would pile up in memory, a megabyte per 400,000
// entities per run. Blocks of 16 KB compress the scanned indexes a tenth
// smaller and faster; records and sources, read at random, keep 4 KB
// blocks, so that a query decompresses and caches little more than the
// statements it reads.
rocksdb::ColumnFamilyOptions ColumnOptions(const rocksdb::Options& db, const std::string& name) {
  auto factory = [](double bits, size_t block_size) {
    rocksdb::BlockBasedTableOptions table;
    table.block_cache = BlockCache();
    table.block_size = block_size;
    if (bits > 0) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(bits));
    return std::shared_ptr<rocksdb::TableFactory>(rocksdb::NewBlockBasedTableFactory(table));
  };
  constexpr size_t kSmall = 4 << 10, kLarge = 16 << 10;
  static const auto records = factory(10, kSmall), sources = factory(0, kSmall),
                    indexes = factory(0, kLarge);
  const auto is = [&](Column c) { return name == schema::ColumnName(c); };
  rocksdb::ColumnFamilyOptions options(db);
  options.table_factory = is(Column::kTime) || is(Column::kPos) || is(Column::kAlias) ? indexes
                          : is(Column::kProv) || is(Column::kMeta)                    ? sources
                                                                                      : records;
  return options;
}

std::string NoSchemaMessage(const std::string& path) {
  return path + ": not a diplograph store (no schema version; this diplograph reads version " +
         std::to_string(schema::kVersion) + ")";
}

Error FileError(const std::string& path, const std::error_code& ec) {
  if (ec == std::errc::permission_denied) return Error(path + ": permission denied");
  if (ec == std::errc::read_only_file_system) return Error(path + ": read-only file system");
  return Error(path + ": " + ec.message());
}

// Whether path holds a RocksDB directory, making an empty directory for a
// new store; errors for paths that cannot be a store.
bool PrepareDirectory(const std::string& path, OpenMode mode) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) {
    if (mode == OpenMode::kReadOnly)
      throw Error(path + ": no diplograph store here (run `diplograph ingest` first)");
    return false;
  }
  if (ec) throw FileError(path, ec);
  if (!fs::is_directory(st))
    throw Error(path + ": not a directory (a diplograph store is a directory)");
  if (fs::exists(fs::path(path) / "CURRENT", ec)) return true;
  if (ec) throw FileError(path, ec);
  if (mode == OpenMode::kReadOnly)
    throw Error(path + ": no diplograph store here (run `diplograph ingest` first)");
  // Creating a store inside an unrelated directory would scatter RocksDB
  // files among the user's own.
  const bool empty = fs::is_empty(path, ec);
  if (ec) throw FileError(path, ec);
  if (!empty) throw Error(path + ": directory is not empty and holds no diplograph store");
  return false;
}

}  // namespace

Store::Store(std::string path, OpenMode mode) : path_(std::move(path)), mode_(mode) {}

Store::~Store() {
  if (!db_) return;
  // Tables, not the log, hold what a writer leaves: the next writer then
  // has nothing to move at open, under the feet of readers.
  if (mode_ == OpenMode::kReadWrite) {
    std::vector<rocksdb::ColumnFamilyHandle*> all(handles_.begin(), handles_.end());
    all.erase(std::remove(all.begin(), all.end(), nullptr), all.end());
    db_->Flush(rocksdb::FlushOptions(), all);
  }
  for (auto* h : handles_)
    if (h) db_->DestroyColumnFamilyHandle(h);
  for (auto* h : other_handles_) db_->DestroyColumnFamilyHandle(h);
  db_->Close();
}

std::unique_ptr<Store> Store::Open(const std::string& path, OpenMode mode) {
  std::unique_ptr<Store> store(new Store(path, mode));
  store->OpenDb();
  store->LoadCounters();
  return store;
}

namespace {

// Makes a new, empty store at `path` atomically: it is built under a
// temporary name, with its schema version written, and renamed into place,
// so that a crash during creation leaves no half-made store behind (only a
// temporary directory, which the next creation replaces).
void CreateStore(const std::string& path) {
  const std::string temp = path + ".creating";
  std::error_code ec;
  fs::remove_all(temp, ec);
  if (ec) throw FileError(temp, ec);
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::create_directories(parent, ec) && ec) throw FileError(path, ec);
  rocksdb::Options options = DbOptions();
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName,
                           ColumnOptions(options, rocksdb::kDefaultColumnFamilyName));
  for (const char* name : schema::kColumnNames)
    descriptors.emplace_back(name, ColumnOptions(options, name));
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, temp, descriptors, &handles, &raw);
  if (!s.ok()) throw StatusError(path, "create", s);
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::WriteOptions wo;
  wo.sync = true;
  s = db->Put(wo, handles[1 + static_cast<size_t>(Column::kMeta)], ToSlice(schema::kSchemaVersion),
              keys::U64(schema::kVersion));
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  if (s.ok()) s = db->Close();
  if (!s.ok()) throw StatusError(path, "create", s);
  db.reset();
  // Replaces an empty directory the user made for the store, too.
  fs::rename(temp, path, ec);
  if (ec) throw FileError(path, ec);
}

}  // namespace

namespace {

// The write-ahead logs and manifests in a store directory: what a writer
// opening, flushing or compacting the store replaces and deletes.
std::vector<std::string> LogAndManifestFiles(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".log") == 0) files.push_back(name);
    if (name.rfind("MANIFEST-", 0) == 0) files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

// A read-only open takes the manifest, then replays the write-ahead logs it
// finds. A writer opening or flushing the store meanwhile moves the logs'
// contents into table files and deletes the logs, and the reader would see
// none of it: so the open is repeated until no log or manifest it started
// from has gone. Table files are all opened at once (max_open_files = -1),
// so that compactions deleting them later cannot pull them from under it.
void Store::OpenReader(rocksdb::Options options,
                       const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
                       std::vector<rocksdb::ColumnFamilyHandle*>* handles, rocksdb::DB** db) {
  options.max_open_files = -1;
  constexpr int kAttempts = 50;
  for (int attempt = 1;; ++attempt) {
    const std::vector<std::string> before = LogAndManifestFiles(path_);
    handles->clear();
    rocksdb::DB* raw = nullptr;
    const rocksdb::Status s =
        rocksdb::DB::OpenForReadOnly(options, path_, descriptors, handles, &raw);
    const std::vector<std::string> after = LogAndManifestFiles(path_);
    const bool moved = !std::includes(after.begin(), after.end(), before.begin(), before.end());
    if (s.ok() && !moved) {
      *db = raw;
      return;
    }
    if (raw) {
      for (auto* h : *handles) raw->DestroyColumnFamilyHandle(h);
      delete raw;
    }
    if (!moved || attempt == kAttempts) {
      if (!s.ok()) throw StatusError(path_, "open", s);
      throw Error(path_ + ": the store kept changing while it was being opened; try again");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2 * attempt));
  }
}

void Store::OpenDb() {
  if (!PrepareDirectory(path_, mode_)) CreateStore(path_);
  if (mode_ == OpenMode::kReadWrite) {
    // SST files of a bulk load that crashed before ingesting them: the load
    // is all or nothing, so they are garbage.
    std::error_code ec;
    fs::remove_all(fs::path(path_) / schema::kBulkTempDir, ec);
  }
  rocksdb::Options options = DbOptions();

  std::vector<std::string> names;
  {
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(options, path_, &names);
    if (!s.ok()) throw StatusError(path_, "open", s);
    if (std::find(names.begin(), names.end(), schema::ColumnName(Column::kMeta)) == names.end())
      throw Error(NoSchemaMessage(path_));
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& name : names) descriptors.emplace_back(name, ColumnOptions(options, name));

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  if (mode_ == OpenMode::kReadOnly) {
    OpenReader(options, descriptors, &handles, &raw);
  } else {
    const rocksdb::Status s = rocksdb::DB::Open(options, path_, descriptors, &handles, &raw);
    if (!s.ok()) throw StatusError(path_, "open", s);
  }
  db_.reset(raw);
  for (auto* h : handles) {
    auto it =
        std::find(std::begin(schema::kColumnNames), std::end(schema::kColumnNames), h->GetName());
    if (it == std::end(schema::kColumnNames))
      other_handles_.push_back(h);
    else
      handles_[static_cast<size_t>(it - std::begin(schema::kColumnNames))] = h;
  }

  const auto version = Get(Column::kMeta, schema::kSchemaVersion);
  if (!version) throw Error(NoSchemaMessage(path_));
  const auto number = keys::ParseU64(*version);
  if (!number || *number != schema::kVersion) {
    const std::string found = number ? std::to_string(*number) : "unreadable";
    throw Error(path_ + ": store schema version " + found + ", this diplograph reads version " +
                std::to_string(schema::kVersion) + " (ingest the articles again into a new store)");
  }
  for (size_t i = 0; i < schema::kColumnCount; ++i)
    if (!handles_[i])
      throw Error(path_ + ": store is damaged: column family \"" + schema::kColumnNames[i] +
                  "\" is missing");
}

void Store::LoadCounters() {
  Counters c;
  c.stats.articles = MetaCounter(schema::kArticles);
  c.stats.statements = MetaCounter(schema::kStatements);
  c.stats.entities = MetaCounter(schema::kEntities);
  c.stats.provenance = MetaCounter(schema::kProvenance);
  c.next_term = std::max<uint64_t>(1, MetaCounter(schema::kNextTerm));
  c.next_stmt = std::max<uint64_t>(1, MetaCounter(schema::kNextStatement));
  ScanPrefix(Column::kMeta, schema::kPredicatePrefix,
             [&](std::string_view key, std::string_view value) {
               const auto n = keys::ParseU64(value);
               if (!n)
                 throw Error(path_ + ": store is corrupt (meta counter " + std::string(key) +
                             " is not a u64)");
               c.stats.predicates[std::string(key.substr(schema::kPredicatePrefix.size()))] = *n;
               return true;
             });
  counters_ = std::move(c);
}

std::optional<std::string> Store::Get(Column c, std::string_view key) const {
  ReadDeadline::Check();
  std::string value;
  const rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(c), ToSlice(key), &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) throw StatusError(path_, "read", s);
  return value;
}

void Store::Scan(Column c, std::string_view lower, std::string_view upper, const ScanFn& fn) const {
  rocksdb::ReadOptions ro;
  const rocksdb::Slice upper_slice = ToSlice(upper);
  if (!upper.empty()) ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(c)));
  for (it->Seek(ToSlice(lower)); it->Valid(); it->Next()) {
    ReadDeadline::Check();
    if (!fn(ToView(it->key()), ToView(it->value()))) return;
  }
  if (!it->status().ok()) throw StatusError(path_, "read", it->status());
}

void Store::ScanPrefix(Column c, std::string_view prefix, const ScanFn& fn) const {
  Scan(c, prefix, keys::PrefixEnd(prefix), fn);
}

size_t Store::SetBlockCacheCapacity(size_t bytes) {
  const size_t before = BlockCache()->GetCapacity();
  BlockCache()->SetCapacity(bytes);
  return before;
}

uint64_t Store::MetaCounter(std::string_view key) const {
  const auto value = Get(Column::kMeta, key);
  if (!value) return 0;
  const auto n = keys::ParseU64(*value);
  if (!n) throw Error(path_ + ": store is corrupt (meta counter is not a u64)");
  return *n;
}

uint64_t Store::Version() const { return db_->GetLatestSequenceNumber(); }

bool Store::HasArticle(const std::string& article_id) const {
  return Get(Column::kArticle, article_id).has_value();
}

std::optional<uint64_t> Store::TermId(std::string_view term) const {
  const auto value = Get(Column::kDict, term);
  if (!value) return std::nullopt;
  const auto id = keys::ParseU64(*value);
  if (!id) throw Error(path_ + ": store is corrupt (dict entry of \"" + std::string(term) + "\")");
  return id;
}

std::string Store::Term(uint64_t id) const {
  if (auto it = term_cache_.find(id); it != term_cache_.end()) return it->second;
  auto term = Get(Column::kDictRev, keys::U64(id));
  if (!term) throw Error(path_ + ": store is corrupt (no term for id " + std::to_string(id) + ")");
  if (term_cache_.size() >= kEntityCacheSize) term_cache_.clear();
  term_cache_.emplace(id, *term);
  return std::move(*term);
}

std::optional<Entity> Store::GetEntity(std::string_view id) const {
  const auto term = TermId(id);
  return term ? GetEntity(*term) : std::nullopt;
}

std::optional<Entity> Store::GetEntity(uint64_t id) const {
  if (auto it = entity_cache_.find(id); it != entity_cache_.end()) return it->second;
  const auto value = Get(Column::kEntity, keys::U64(id));
  if (!value) return std::nullopt;
  Entity e;
  try {
    e = DecodeEntity(*value);
  } catch (const Error& err) {
    throw Error(path_ + ": entity " + std::to_string(id) + ": " + err.what());
  }
  if (entity_cache_.size() >= kEntityCacheSize) entity_cache_.clear();
  entity_cache_.emplace(id, e);
  return e;
}

std::optional<StatementRecord> Store::GetStatementRecord(uint64_t id) const {
  const auto value = Get(Column::kStmt, keys::U64(id));
  if (!value) return std::nullopt;
  try {
    return DecodeStatementRecord(*value);
  } catch (const Error& e) {
    throw Error(path_ + ": statement " + std::to_string(id) + ": " + e.what());
  }
}

void Store::MultiGet(Column c, const std::vector<std::string>& keys,
                     const std::function<bool(size_t, std::optional<std::string_view>)>& fn) const {
  // Batches of sorted keys: MultiGet shares index lookups and block reads
  // between neighbours, where a Get each pays them again.
  constexpr size_t kBatch = 256;
  std::vector<rocksdb::Slice> slices;
  std::vector<rocksdb::PinnableSlice> values(kBatch);
  std::vector<rocksdb::Status> statuses(kBatch);
  for (size_t begin = 0; begin < keys.size(); begin += kBatch) {
    const size_t n = std::min(kBatch, keys.size() - begin);
    ReadDeadline::Check();
    slices.clear();
    for (size_t i = 0; i < n; ++i) slices.push_back(ToSlice(keys[begin + i]));
    db_->MultiGet(rocksdb::ReadOptions(), cf(c), n, slices.data(), values.data(), statuses.data(),
                  /*sorted_input=*/true);
    for (size_t i = 0; i < n; ++i) {
      if (!statuses[i].ok() && !statuses[i].IsNotFound())
        throw StatusError(path_, "read", statuses[i]);
      const bool more =
          fn(begin + i, statuses[i].ok() ? std::optional(ToView(values[i])) : std::nullopt);
      values[i].Reset();
      if (!more) return;
    }
  }
}

void Store::ForEachStatementRecord(std::span<const uint64_t> ids, const RecordFn& fn) const {
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (const uint64_t id : ids) keys.push_back(keys::U64(id));
  MultiGet(Column::kStmt, keys, [&](size_t i, std::optional<std::string_view> value) {
    if (!value)
      throw Error(path_ + ": store is corrupt (statement " + std::to_string(ids[i]) +
                  " is missing)");
    try {
      fn(ids[i], DecodeStatementRecord(*value));
    } catch (const Error& e) {
      throw Error(path_ + ": statement " + std::to_string(ids[i]) + ": " + e.what());
    }
    return true;
  });
}

void Store::ForEachProvenance(std::span<const ProvenanceRef> refs, const ProvenanceFn& fn) const {
  std::vector<std::string> keys;
  keys.reserve(refs.size());
  for (const ProvenanceRef& ref : refs) keys.push_back(keys::EncodeProvKey(ref.stmt, ref.seq));
  MultiGet(Column::kProv, keys, [&](size_t i, std::optional<std::string_view> value) {
    if (!value) return true;  // a source forget took away
    Provenance p;
    try {
      p = DecodeProvenance(*value);
    } catch (const Error& e) {
      throw Error(path_ + ": statement " + std::to_string(refs[i].stmt) + ": source " +
                  std::to_string(refs[i].seq) + ": " + e.what());
    }
    return fn(refs[i], p);
  });
}

void Store::ForEachProvenanceOf(std::span<const uint64_t> ids, const ProvenanceFn& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), cf(Column::kProv)));
  for (const uint64_t id : ids) {
    ReadDeadline::Check();
    const std::string prefix = keys::U64(id);
    for (it->Seek(ToSlice(prefix)); it->Valid() && ToView(it->key()).starts_with(prefix);
         it->Next()) {
      const auto k = keys::ParseProvKey(ToView(it->key()));
      if (!k) throw Error(path_ + ": store is corrupt (malformed prov key)");
      Provenance p;
      try {
        p = DecodeProvenance(ToView(it->value()));
      } catch (const Error& e) {
        throw Error(path_ + ": statement " + std::to_string(id) + ": source " +
                    std::to_string(k->seq) + ": " + e.what());
      }
      if (!fn(ProvenanceRef{k->stmt, k->seq}, p)) return;
    }
  }
  if (!it->status().ok()) throw StatusError(path_, "read", it->status());
}

void Store::ForEachProvenance(uint64_t stmt, const ProvenanceFn& fn) const {
  ScanPrefix(Column::kProv, keys::U64(stmt), [&](std::string_view key, std::string_view value) {
    const auto k = keys::ParseProvKey(key);
    if (!k) throw Error(path_ + ": store is corrupt (malformed prov key)");
    Provenance p;
    try {
      p = DecodeProvenance(value);
    } catch (const Error& e) {
      throw Error(path_ + ": statement " + std::to_string(stmt) + ": source " +
                  std::to_string(k->seq) + ": " + e.what());
    }
    return fn(ProvenanceRef{k->stmt, k->seq}, p);
  });
}

Statement Store::StatementOf(uint64_t id, const StatementRecord& record) const {
  auto entity = [&](uint64_t term) {
    auto e = GetEntity(term);
    if (!e)
      throw Error(path_ + ": store is corrupt (statement " + std::to_string(id) + " names entity " +
                  std::to_string(term) + ", which has no record)");
    return std::move(*e);
  };
  Statement s;
  s.subject = entity(record.subject);
  s.predicate = Term(record.predicate);
  s.object = entity(record.object);
  if (record.place) s.place = entity(record.place);
  s.date = record.date;
  s.modality = record.modality;
  s.role = record.role;
  s.confidence = record.confidence;
  s.provenance.reserve(record.live_sources);
  return s;
}

std::optional<Statement> Store::GetStatement(uint64_t id) const {
  const auto record = GetStatementRecord(id);
  if (!record) return std::nullopt;
  Statement s = StatementOf(id, *record);
  ForEachProvenance(id, [&](const ProvenanceRef&, const Provenance& p) {
    s.provenance.push_back(p);
    return true;
  });
  return s;
}

std::vector<Statement> Store::GetStatements(std::span<const uint64_t> ids) const {
  std::vector<Statement> out;
  out.reserve(ids.size());
  std::vector<ProvenanceRef> refs;
  ForEachStatementRecord(ids, [&](uint64_t id, const StatementRecord& record) {
    out.push_back(StatementOf(id, record));
    for (uint32_t seq = 0; seq < record.sources; ++seq) refs.push_back({id, seq});
  });
  size_t i = 0;
  ForEachProvenance(refs, [&](const ProvenanceRef& ref, const Provenance& p) {
    while (ids[i] != ref.stmt) ++i;  // both ascending
    out[i].provenance.push_back(p);
    return true;
  });
  return out;
}

std::optional<ArticleRecord> Store::GetArticle(const std::string& article_id) const {
  const auto value = Get(Column::kArticle, article_id);
  if (!value) return std::nullopt;
  try {
    return DecodeArticle(*value);
  } catch (const Error& e) {
    throw Error(path_ + ": article " + article_id + ": " + e.what());
  }
}

uint64_t Store::Degree(uint64_t entity) const {
  return MetaCounter(keys::EntityCounterKey(schema::kDegreePrefix, entity));
}

void Store::ScanTriples(const TriplePattern& pattern, const TripleFn& fn) const {
  const uint64_t s = pattern.subject, p = pattern.predicate, o = pattern.object;
  if (!s && (p || !o)) {
    std::string prefix;
    if (p) keys::PutU64(&prefix, p);
    if (p && o) keys::PutU64(&prefix, o);
    ScanPrefix(Column::kPos, prefix, [&](std::string_view key, std::string_view) {
      const auto k = keys::ParseIndexKey(key);
      if (!k) throw Error(path_ + ": store is corrupt (malformed pos key)");
      return fn(Triple{k->c, k->a, k->b, k->stmt});
    });
    return;
  }
  // From the subject's entries, or the object's when it has fewer.
  const bool by_object = !s || (o && Degree(o) < Degree(s));
  const uint64_t entity = by_object ? o : s, other = by_object ? s : o;
  ScanTimeline(entity, 0, keys::kUndated, [&](const keys::TimeKey& k, const TimeValue& v) {
    // A statement with one party at both ends has its one entry as subject.
    const bool self = v.other == entity;
    if ((by_object ? !v.as_object && !self : v.as_object) || (p && v.predicate != p) ||
        (other && v.other != other))
      return true;
    return by_object ? fn(Triple{v.other, v.predicate, entity, k.stmt})
                     : fn(Triple{entity, v.predicate, v.other, k.stmt});
  });
}

void Store::ScanTimeline(uint64_t entity, uint32_t first, uint32_t last,
                         const TimelineFn& fn) const {
  if (first > last) return;
  const std::string lower = keys::EncodeTimeKey({entity, first, 0});
  std::string upper = keys::U64(entity);
  if (last == keys::kUndated)
    upper = keys::PrefixEnd(upper);
  else
    keys::PutU32(&upper, last + 1);
  Scan(Column::kTime, lower, upper, [&](std::string_view key, std::string_view value) {
    const auto k = keys::ParseTimeKey(key);
    if (!k) throw Error(path_ + ": store is corrupt (malformed time key)");
    TimeValue v;
    try {
      v = DecodeTimeValue(value);
    } catch (const Error& e) {
      throw Error(path_ + ": store is corrupt (time entry: " + e.what() + ")");
    }
    return fn(*k, v);
  });
}

std::vector<uint64_t> Store::LookupAlias(std::string_view match_key) const {
  std::vector<uint64_t> ids;
  if (match_key.empty()) return ids;
  std::string prefix(match_key);
  prefix.push_back('\0');
  ScanPrefix(Column::kAlias, prefix, [&](std::string_view key, std::string_view) {
    if (const auto k = keys::ParseAliasKey(key)) ids.push_back(k->entity);
    return true;
  });
  return ids;
}

void Store::ScanAliases(std::string_view key_prefix, const AliasFn& fn) const {
  ScanPrefix(Column::kAlias, key_prefix, [&](std::string_view key, std::string_view) {
    const auto k = keys::ParseAliasKey(key);
    return !k || fn(k->match_key, k->entity);
  });
}

void Store::ForEachEntity(const EntityFn& fn) const {
  ScanPrefix(Column::kEntity, {}, [&](std::string_view key, std::string_view value) {
    const auto id = keys::ParseU64(key);
    if (!id) throw Error(path_ + ": store is corrupt (malformed entity key)");
    Entity entity;
    try {
      entity = DecodeEntity(value);
    } catch (const Error& e) {
      throw Error(path_ + ": entity " + std::to_string(*id) + ": " + e.what());
    }
    return fn(*id, entity);
  });
}

}  // namespace diplograph
