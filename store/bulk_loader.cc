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

IngestResult BulkLoader::Add(const ArticleMeta& meta, std::vector<Statement> statements) {
  if (finished_) throw Error(store_.path_ + ": bulk load already finished");
  if (meta.id.empty()) throw Error(store_.path_ + ": article without an id");
  if (articles_.contains(meta.id)) return IngestResult{.skipped = true};
  // Validates every statement before anything changes, as Writer does.
  const std::vector<Statement> merged = MergeWithinArticle(meta, std::move(statements));

  // From here on, the steps of Writer::Ingest in its order, since that
  // order assigns the term and statement ids.
  IngestResult result;
  ++article_serial_;
  pending_.clear();
  std::vector<std::array<uint32_t, 3>> symbols;
  symbols.reserve(merged.size());
  for (const auto& s : merged) {
    const uint32_t subject = AddEntity(s.subject);
    const uint32_t object = AddEntity(s.object);
    symbols.push_back({subject, object, s.place ? AddEntity(*s.place) : SymbolTable::kNone});
  }
  ArticleRecord article{meta, {}};
  // Writer::FindStored sees only statements stored before the article.
  std::vector<std::pair<Identity, uint64_t>> added;
  for (size_t i = 0; i < merged.size(); ++i)
    AddStatement(merged[i], symbols[i], &article, &result, &added);
  for (const auto& [identity, id] : added) statement_ids_.Insert(identity, id);
  WriteEntities(&result);
  articles_.emplace(meta.id, EncodeArticle(article));
  ++stats_.articles;
  return result;
}

uint32_t BulkLoader::SymbolTable::Find(std::string_view text) const {
  if (slots_.empty()) return kNone;
  const size_t h = std::hash<std::string_view>()(text);
  const auto tag = static_cast<uint32_t>(h >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.symbol == kNone) return kNone;
    if (slot.hash == tag && symbols_[slot.symbol].text == text) return slot.symbol;
  }
}

uint32_t BulkLoader::SymbolTable::Get(std::string_view text) {
  if ((symbols_.size() + 1) * 2 > slots_.size()) Grow();
  const size_t h = std::hash<std::string_view>()(text);
  const auto tag = static_cast<uint32_t>(h >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.symbol == kNone) {
      slot = {tag, static_cast<uint32_t>(symbols_.size())};
      symbols_.emplace_back().text = text;
      return slot.symbol;
    }
    if (slot.hash == tag && symbols_[slot.symbol].text == text) return slot.symbol;
  }
}

void BulkLoader::SymbolTable::Grow() {
  if (symbols_.size() >= kNone / 2) throw Error("bulk load: too many distinct terms");
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (uint32_t s = 0; s < symbols_.size(); ++s) {
    const size_t h = std::hash<std::string_view>()(symbols_[s].text);
    size_t i = h & mask;
    while (slots_[i].symbol != kNone) i = (i + 1) & mask;
    slots_[i] = {static_cast<uint32_t>(h >> 32), s};
  }
}

uint64_t BulkLoader::InternSymbol(uint32_t symbol) {
  Symbol& s = symbols_[symbol];
  if (!s.term) {
    terms_.push_back(symbol);
    s.term = terms_.size();
    degree_.push_back(0);
    references_.push_back(0);
  }
  return s.term;
}

uint32_t BulkLoader::AddEntity(const Entity& e) {
  const uint32_t symbol = symbols_.Get(e.id);
  Symbol& sym = symbols_[symbol];
  const bool pending = sym.pending_article == article_serial_;
  // An entity named again with nothing new (the same display name, names
  // and attributes it has) would merge into itself: nothing to write.
  if (!pending && sym.entity) {
    const Entity& stored = sym.entity->decoded;
    bool adds = e.type != stored.type || e.name != stored.name;
    for (const std::string& n : e.names)
      adds = adds || std::find(stored.names.begin(), stored.names.end(), n) == stored.names.end();
    for (const auto& [k, v] : e.attrs) {
      auto a = stored.attrs.find(k);
      adds = adds || a == stored.attrs.end() || a->second != v;
    }
    if (!adds) return symbol;
  }
  if (!pending) {
    sym.pending_article = article_serial_;
    sym.pending = static_cast<uint32_t>(pending_.size());
    pending_.push_back({symbol, sym.entity != nullptr, sym.entity ? sym.entity->decoded : e});
  }
  PendingEntity& p = pending_[sym.pending];
  p.merged.Merge(e);
  if (e.name != p.merged.name) p.merged.AddName(e.name);
  return symbol;
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

void BulkLoader::AddStatement(const Statement& s, const std::array<uint32_t, 3>& symbols,
                              ArticleRecord* article, IngestResult* result,
                              std::vector<std::pair<Identity, uint64_t>>* added) {
  // Interned in Writer's order: subject, predicate, object, then the place.
  const uint64_t subject = InternSymbol(symbols[0]);
  Identity identity{subject,
                    Intern(s.predicate),
                    InternSymbol(symbols[1]),
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
    const auto intern = [&](const std::string&) { return InternSymbol(symbols[2]); };
    if (AddReport(&record, s, intern) && record.place != record.subject &&
        record.place != record.object)
      ++references_[record.place];
    AddProvenance(found, first, s, article);
    ++result->merged_statements;
    return;
  }
  const uint64_t id = statements_.size() + 1;
  StatementRecord record =
      NewStatementRecord(s, identity.subject, identity.predicate, identity.object,
                         symbols[2] == SymbolTable::kNone ? 0 : InternSymbol(symbols[2]));
  statements_.push_back(std::move(record));
  AddProvenance(id, 0, s, article);
  const StatementRecord& r = statements_.back();
  ++degree_[r.subject];
  ++references_[r.subject];
  if (r.object != r.subject) {
    ++degree_[r.object];
    ++references_[r.object];
  }
  if (r.place && r.place != r.subject && r.place != r.object) ++references_[r.place];
  ++stats_.statements;
  ++stats_.predicates[s.predicate];
  ++result->new_statements;
  added->emplace_back(identity, id);
}

void BulkLoader::WriteEntities(IngestResult* result) {
  // In id order, as Writer writes them: an entity not yet interned (the place
  // of a statement merged into one that has its own) takes its term id here.
  std::sort(pending_.begin(), pending_.end(), [&](const PendingEntity& a, const PendingEntity& b) {
    return symbols_[a.symbol].text < symbols_[b.symbol].text;
  });
  // Equal fields give equal records: most entities an article names again
  // are unchanged, and need no encoding.
  const auto same = [](const Entity& a, const Entity& b) {
    return a.id == b.id && a.type == b.type && a.name == b.name && a.names == b.names &&
           a.attrs == b.attrs;
  };
  for (PendingEntity& p : pending_) {
    const uint64_t term = InternSymbol(p.symbol);
    Symbol& sym = symbols_[p.symbol];
    if (p.stored && same(p.merged, sym.entity->decoded)) continue;
    std::string record = EncodeEntity(p.merged);
    if (p.stored && EncodeEntity(sym.entity->decoded) == record) continue;
    // Writer adds the alias keys the stored record lacks and never removes
    // one, so the column family holds every key ever added.
    std::vector<std::string> old_keys;
    if (p.stored) {
      old_keys = AliasMatchKeys(sym.entity->decoded);
    } else {
      sym.entity = std::make_unique<EntityState>();
      ++stats_.entities;
      ++result->new_entities;
    }
    for (const auto& key : AliasMatchKeys(p.merged))
      if (!std::binary_search(old_keys.begin(), old_keys.end(), key))
        alias_keys_.push_back(keys::EncodeAliasKey(key, term));
    sym.entity->decoded = DecodeEntity(record);
    sym.entity->encoded = std::move(record);
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
      std::vector<const Symbol*> order;
      order.reserve(terms_.size());
      for (uint32_t symbol : terms_) order.push_back(&symbols_[symbol]);
      std::sort(order.begin(), order.end(),
                [](const Symbol* a, const Symbol* b) { return a->text < b->text; });
      for (const Symbol* s : order) put(s->text, keys::U64(s->term));
    });
    write(Column::kDictRev, [&](const auto& put) {
      for (uint32_t symbol : terms_) {
        const Symbol& s = symbols_[symbol];
        put(keys::U64(s.term), s.text);
      }
    });
    write(Column::kEntity, [&](const auto& put) {
      // Every symbol with an entity has a term id: WriteEntities interns it.
      for (uint32_t symbol : terms_) {
        const Symbol& s = symbols_[symbol];
        if (s.entity) put(keys::U64(s.term), s.entity->encoded);
      }
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
