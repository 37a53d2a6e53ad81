// BulkLoader: the logic of Store::Writer over in-memory state, written out as SST files.
#include "store/bulk_loader.h"

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <array>
#include <exception>
#include <filesystem>
#include <optional>
#include <thread>
#include <tuple>

#include "core/error.h"
#include "core/predicate.h"
#include "store/article_statements.h"
#include "store/status_error.h"

namespace diplograph {

namespace fs = std::filesystem;
using schema::Column;

namespace {

// One column family's SST file, opened at the first key: SstFileWriter
// refuses to finish a file without entries, and an empty column family
// needs no file.
class SstFile {
 public:
  SstFile(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, std::string path,
          const std::string& store)
      : db_(db), cf_(cf), path_(std::move(path)), store_(store) {}

  void Put(std::string_view key, std::string_view value) {
    if (!writer_) {
      // The column family's own options: same compression, filters and
      // table format as the files RocksDB writes itself.
      const rocksdb::Options options(db_->GetDBOptions(), db_->GetOptions(cf_));
      writer_.emplace(rocksdb::EnvOptions(), options, cf_);
      Ok(writer_->Open(path_));
    }
    Ok(writer_->Put(ToSlice(key), ToSlice(value)));
  }

  // The file's path, or nothing when no key was written.
  std::optional<std::string> Finish() {
    if (!writer_) return std::nullopt;
    Ok(writer_->Finish());
    return path_;
  }

 private:
  void Ok(const rocksdb::Status& s) const {
    if (!s.ok()) throw StatusError(store_, "write " + path_, s);
  }

  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* cf_;
  std::string path_;
  const std::string& store_;
  std::optional<rocksdb::SstFileWriter> writer_;
};

}  // namespace

size_t BulkLoader::IdentityHash::operator()(const Identity& k) const {
  // Ids are small and dense: a multiply-xor mix spreads them well enough.
  uint64_t h = k.subject * 0x9E3779B97F4A7C15ull;
  h = (h ^ k.predicate) * 0xC2B2AE3D27D4EB4Full;
  h = (h ^ k.object) * 0x165667B19E3779F9ull;
  h = (h ^ (uint64_t{k.when} << 16 | uint64_t{k.precision} << 8 | k.modality)) *
      0x9E3779B97F4A7C15ull;
  return static_cast<size_t>(h ^ (h >> 29));
}

uint64_t BulkLoader::IdentityTable::Find(const Identity& k) const {
  if (slots_.empty()) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t i = IdentityHash()(k) & mask;; i = (i + 1) & mask) {
    if (slots_[i].id == 0) return 0;
    if (slots_[i].key == k) return slots_[i].id;
  }
}

void BulkLoader::IdentityTable::Insert(const Identity& k, uint64_t id) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = IdentityHash()(k) & mask;; i = (i + 1) & mask) {
    if (slots_[i].id == 0) {
      slots_[i] = {k, id};
      ++size_;
      return;
    }
    if (slots_[i].key == k) return;
  }
}

void BulkLoader::IdentityTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  size_ = 0;
  for (const Slot& slot : old)
    if (slot.id) Insert(slot.key, slot.id);
}

BulkLoader::BulkLoader(Store* store)
    : store_(*store), temp_dir_((fs::path(store->path()) / schema::kBulkTempDir).string()) {
  if (store_.mode_ != OpenMode::kReadWrite) throw Error(store_.path_ + ": store is open read-only");
  if (!CanLoad(store_)) throw Error(store_.path_ + ": --bulk loads into a new, empty store");
}

bool BulkLoader::CanLoad(const Store& store) {
  // Ids start at 1 only in a store never written to: one whose articles
  // were all forgotten still holds their terms.
  bool empty = store.Stats() == StoreStats() && store.counters_.next_term == 1 &&
               store.counters_.next_stmt == 1;
  for (Column c : {Column::kDict, Column::kStmt, Column::kEntity, Column::kArticle}) {
    if (!empty) break;
    store.ScanPrefix(c, {}, [&](std::string_view, std::string_view) { return empty = false; });
  }
  return empty;
}

BulkLoader::~BulkLoader() {
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);  // left from a failed Finish; nothing to report it to
}

IngestResult BulkLoader::Add(const ArticleMeta& meta, const std::vector<Statement>& statements) {
  if (finished_) throw Error(store_.path_ + ": bulk load already finished");
  if (meta.id.empty()) throw Error(store_.path_ + ": article without an id");
  if (articles_.contains(meta.id)) return IngestResult{.skipped = true};
  // Validates every statement before anything changes, as Writer does.
  const std::vector<Statement> merged = MergeWithinArticle(meta, statements);

  // From here on, the steps of Writer::Ingest in its order, since that
  // order assigns the term and statement ids.
  IngestResult result;
  std::map<std::string, PendingEntity> pending;
  for (const auto& s : merged) {
    AddEntity(&pending, s.subject);
    AddEntity(&pending, s.object);
    if (s.place) AddEntity(&pending, *s.place);
  }
  ArticleRecord article{meta, {}};
  // Writer::FindStored sees only statements stored before the article.
  std::vector<std::pair<Identity, uint64_t>> added;
  for (const auto& s : merged) AddStatement(s, &article, &result, &added);
  for (const auto& [identity, id] : added) statement_ids_.Insert(identity, id);
  WriteEntities(&pending, &result);
  articles_.emplace(meta.id, EncodeArticle(article));
  ++stats_.articles;
  return result;
}

uint64_t BulkLoader::Intern(const std::string& term) {
  const auto [it, inserted] = term_ids_.try_emplace(term);
  if (inserted) {
    terms_.push_back(term);
    it->second.id = terms_.size();
  }
  return it->second.id;
}

BulkLoader::EntityState* BulkLoader::FindEntity(const std::string& id) {
  auto it = term_ids_.find(id);
  return it == term_ids_.end() ? nullptr : it->second.entity.get();
}

void BulkLoader::AddEntity(std::map<std::string, PendingEntity>* pending, const Entity& e) {
  // An entity named again with nothing new (the same display name, names
  // and attributes it has) would merge into itself: nothing to write.
  if (!pending->count(e.id)) {
    if (const EntityState* found = FindEntity(e.id)) {
      const Entity& stored = found->decoded;
      bool adds = e.type != stored.type || e.name != stored.name;
      for (const std::string& n : e.names)
        adds = adds || std::find(stored.names.begin(), stored.names.end(), n) == stored.names.end();
      for (const auto& [k, v] : e.attrs) {
        auto a = stored.attrs.find(k);
        adds = adds || a == stored.attrs.end() || a->second != v;
      }
      if (!adds) return;
    }
  }
  const auto [it, inserted] = pending->try_emplace(e.id);
  PendingEntity& p = it->second;
  if (inserted) {
    p.stored = FindEntity(e.id);
    p.merged = p.stored ? p.stored->decoded : e;
  }
  p.merged.Merge(e);
  if (e.name != p.merged.name) p.merged.AddName(e.name);
}

void BulkLoader::Count(std::vector<uint64_t>* counters, uint64_t term) {
  if (counters->size() <= term) counters->resize(std::max<size_t>(term + 1, terms_.size() + 1));
  ++(*counters)[term];
}

void BulkLoader::AddProvenance(uint64_t stmt, uint32_t first, const Statement& s,
                               ArticleRecord* article) {
  uint32_t seq = first;
  for (const Provenance& p : s.provenance) {
    const std::string encoded = EncodeProvenance(p);
    provenance_.push_back({stmt, seq, provenance_bytes_.size(), encoded.size()});
    provenance_bytes_ += encoded;
    article->provenance.push_back({stmt, seq++});
  }
  stats_.provenance += s.provenance.size();
}

void BulkLoader::AddStatement(const Statement& s, ArticleRecord* article, IngestResult* result,
                              std::vector<std::pair<Identity, uint64_t>>* added) {
  Identity identity{Intern(s.subject.id),
                    Intern(s.predicate),
                    Intern(s.object.id),
                    keys::TimeSortKey(s.date),
                    static_cast<uint8_t>(s.date.precision),
                    static_cast<uint8_t>(s.modality)};
  uint64_t found = statement_ids_.Find(identity);
  if (!found) {
    // A symmetric statement may be stored with its parties the other way.
    const PredicateInfo* info = FindPredicate(s.predicate);
    if (info && info->symmetric) {
      Identity swapped = identity;
      std::swap(swapped.subject, swapped.object);
      found = statement_ids_.Find(swapped);
    }
  }
  if (found) {
    StatementRecord& record = statements_[found - 1];
    const uint32_t first = record.sources;
    const auto intern = [this](const std::string& term) { return Intern(term); };
    if (AddReport(&record, s, intern) && record.place != record.subject &&
        record.place != record.object)
      Count(&references_, record.place);
    AddProvenance(found, first, s, article);
    ++result->merged_statements;
    return;
  }
  const uint64_t id = statements_.size() + 1;
  StatementRecord record = NewStatementRecord(s, identity.subject, identity.predicate,
                                              identity.object, s.place ? Intern(s.place->id) : 0);
  statements_.push_back(std::move(record));
  AddProvenance(id, 0, s, article);
  const StatementRecord& r = statements_.back();
  Count(&degree_, r.subject);
  if (r.object != r.subject) Count(&degree_, r.object);
  Count(&references_, r.subject);
  if (r.object != r.subject) Count(&references_, r.object);
  if (r.place && r.place != r.subject && r.place != r.object) Count(&references_, r.place);
  ++stats_.statements;
  ++stats_.predicates[s.predicate];
  ++result->new_statements;
  added->emplace_back(identity, id);
}

void BulkLoader::WriteEntities(std::map<std::string, PendingEntity>* pending,
                               IngestResult* result) {
  // Equal fields give equal records: most entities an article names again
  // are unchanged, and need no encoding.
  const auto same = [](const Entity& a, const Entity& b) {
    return a.id == b.id && a.type == b.type && a.name == b.name && a.names == b.names &&
           a.attrs == b.attrs;
  };
  for (auto& [id, p] : *pending) {
    const uint64_t term = Intern(id);
    if (p.stored && same(p.merged, p.stored->decoded)) continue;
    std::string record = EncodeEntity(p.merged);
    if (p.stored && EncodeEntity(p.stored->decoded) == record) continue;
    // Writer adds the alias keys the stored record lacks and never removes
    // one, so the column family holds every key ever added.
    std::vector<std::string> old_keys;
    EntityState* state = p.stored;
    if (state) {
      old_keys = AliasMatchKeys(state->decoded);
    } else {
      auto& slot = term_ids_[id].entity;  // the term exists: interned above
      slot = std::make_unique<EntityState>();
      state = slot.get();
      state->term = term;
      ++stats_.entities;
      ++result->new_entities;
    }
    for (const auto& key : AliasMatchKeys(p.merged))
      if (!std::binary_search(old_keys.begin(), old_keys.end(), key))
        alias_keys_.push_back(keys::EncodeAliasKey(key, term));
    state->decoded = DecodeEntity(record);
    state->encoded = std::move(record);
  }
}

void BulkLoader::Finish() {
  if (finished_) throw Error(store_.path_ + ": bulk load already finished");
  finished_ = true;
  rocksdb::DB* db = store_.db_.get();
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);  // a crashed load's leftovers
  if (ec || !fs::create_directories(temp_dir_, ec))
    throw Error(temp_dir_ + ": " + (ec ? ec.message() : "cannot create directory"));

  // One slot per column family, so that the two threads below need no lock.
  std::array<std::optional<rocksdb::IngestExternalFileArg>, schema::kColumnCount> files;
  // Writes one column family; put() must be called with keys in byte order.
  const auto write = [&](Column c, const auto& fill) {
    SstFile file(db, store_.cf(c), temp_dir_ + "/" + schema::ColumnName(c) + ".sst", store_.path_);
    fill([&](std::string_view key, std::string_view value) { file.Put(key, value); });
    if (auto path = file.Finish()) {
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store_.cf(c);
      arg.external_files = {*path};
      arg.options.move_files = true;  // same file system: links, no copy
      files[static_cast<size_t>(c)] = std::move(arg);
    }
  };
  const auto write_records = [&](const auto& write) {
    write(Column::kMeta, [&](const auto& put) {
      if (articles_.empty()) return;  // Writer writes counters with each article only
      std::map<std::string, std::string> meta;
      meta[std::string(schema::kArticles)] = keys::U64(stats_.articles);
      meta[std::string(schema::kStatements)] = keys::U64(stats_.statements);
      meta[std::string(schema::kEntities)] = keys::U64(stats_.entities);
      meta[std::string(schema::kProvenance)] = keys::U64(stats_.provenance);
      meta[std::string(schema::kNextTerm)] = keys::U64(terms_.size() + 1);
      meta[std::string(schema::kNextStatement)] = keys::U64(statements_.size() + 1);
      for (const auto& [name, count] : stats_.predicates)
        meta[std::string(schema::kPredicatePrefix) + name] = keys::U64(count);
      for (uint64_t t = 0; t < degree_.size(); ++t)
        if (degree_[t])
          meta[keys::EntityCounterKey(schema::kDegreePrefix, t)] = keys::U64(degree_[t]);
      for (uint64_t t = 0; t < references_.size(); ++t)
        if (references_[t])
          meta[keys::EntityCounterKey(schema::kReferencePrefix, t)] = keys::U64(references_[t]);
      for (const auto& [key, value] : meta) put(key, value);
    });
    write(Column::kDict, [&](const auto& put) {
      std::vector<uint64_t> order(terms_.size());
      for (uint64_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(),
                [&](uint64_t a, uint64_t b) { return terms_[a] < terms_[b]; });
      for (uint64_t i : order) put(terms_[i], keys::U64(i + 1));
    });
    write(Column::kDictRev, [&](const auto& put) {
      for (uint64_t i = 0; i < terms_.size(); ++i) put(keys::U64(i + 1), terms_[i]);
    });
    write(Column::kEntity, [&](const auto& put) {
      std::vector<const EntityState*> by_term;
      for (const auto& [id, term] : term_ids_)
        if (term.entity) by_term.push_back(term.entity.get());
      std::sort(by_term.begin(), by_term.end(),
                [](const EntityState* a, const EntityState* b) { return a->term < b->term; });
      for (const EntityState* e : by_term) put(keys::U64(e->term), e->encoded);
    });
    write(Column::kAlias, [&](const auto& put) {
      std::sort(alias_keys_.begin(), alias_keys_.end());
      alias_keys_.erase(std::unique(alias_keys_.begin(), alias_keys_.end()), alias_keys_.end());
      for (const auto& key : alias_keys_) put(key, {});
    });
    write(Column::kStmt, [&](const auto& put) {
      for (uint64_t i = 0; i < statements_.size(); ++i)
        put(keys::U64(i + 1), EncodeStatementRecord(statements_[i]));
    });
    write(Column::kProv, [&](const auto& put) {
      std::sort(provenance_.begin(), provenance_.end(),
                [](const ProvenanceEntry& a, const ProvenanceEntry& b) {
                  return std::tie(a.stmt, a.seq) < std::tie(b.stmt, b.seq);
                });
      const std::string_view bytes = provenance_bytes_;
      for (const ProvenanceEntry& e : provenance_)
        put(keys::EncodeProvKey(e.stmt, e.seq), bytes.substr(e.offset, e.size));
    });
    write(Column::kArticle, [&](const auto& put) {
      for (const auto& [id, record] : articles_) put(id, record);
    });
  };
  const auto write_indexes = [&](const auto& write) {
    // Big-endian keys sort as their numbers do.
    const auto index = [&](Column c, auto make) {
      write(c, [&](const auto& put) {
        std::vector<keys::IndexKey> entries;
        entries.reserve(statements_.size());
        for (uint64_t i = 0; i < statements_.size(); ++i)
          entries.push_back(make(statements_[i], i + 1));
        std::sort(entries.begin(), entries.end(),
                  [](const keys::IndexKey& x, const keys::IndexKey& y) {
                    return std::tie(x.a, x.b, x.c, x.stmt) < std::tie(y.a, y.b, y.c, y.stmt);
                  });
        for (const auto& k : entries) put(keys::EncodeIndexKey(k), {});
      });
    };
    index(Column::kSpo, [](const StatementRecord& r, uint64_t id) {
      return keys::IndexKey{r.subject, r.predicate, r.object, id};
    });
    index(Column::kPos, [](const StatementRecord& r, uint64_t id) {
      return keys::IndexKey{r.predicate, r.object, r.subject, id};
    });
    write(Column::kTime, [&](const auto& put) {
      std::vector<keys::TimeKey> entries;
      entries.reserve(2 * statements_.size());
      for (uint64_t i = 0; i < statements_.size(); ++i) {
        const StatementRecord& r = statements_[i];
        const uint32_t when = keys::TimeSortKey(r.date);
        entries.push_back({r.subject, when, i + 1});
        if (r.object != r.subject) entries.push_back({r.object, when, i + 1});
      }
      std::sort(entries.begin(), entries.end(), [](const keys::TimeKey& x, const keys::TimeKey& y) {
        return std::tie(x.entity, x.when, x.stmt) < std::tie(y.entity, y.when, y.stmt);
      });
      for (const auto& k : entries) put(keys::EncodeTimeKey(k), {});
    });
  };
  // The indexes are sorted and written on a second thread while this one
  // writes the records: compressing blocks is most of the time here.
  std::exception_ptr index_error;
  std::thread indexes([&] {
    try {
      write_indexes(write);
    } catch (...) {
      index_error = std::current_exception();
    }
  });
  try {
    write_records(write);
  } catch (...) {
    indexes.join();
    throw;
  }
  indexes.join();
  if (index_error) std::rethrow_exception(index_error);
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (auto& file : files)
    if (file) args.push_back(std::move(*file));

  if (!args.empty()) {
    // One call: RocksDB ingests the files of all column families atomically.
    const rocksdb::Status s = db->IngestExternalFiles(args);
    if (!s.ok()) throw StatusError(store_.path_, "ingest", s);
  }
  store_.LoadCounters();
  store_.entity_cache_.clear();
  fs::remove_all(temp_dir_, ec);
  if (ec) throw Error(temp_dir_ + ": " + ec.message());
}

}  // namespace diplograph
