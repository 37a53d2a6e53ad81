// BulkLoader: the logic of Store::Writer over in-memory state, written out as SST files.
#include "store/bulk_loader.h"

#include <malloc.h>
#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
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

// Index entries as a run sorts them: term ids fit 32 bits in a load, and the
// statement is its offset in the run, so that an entry takes half the space.
struct IndexEntry {
  uint32_t a = 0, b = 0, c = 0, stmt = 0;
  friend auto operator<=>(const IndexEntry&, const IndexEntry&) = default;
};
struct TimeEntry {
  uint32_t entity = 0, when = 0;
  uint32_t order = 0;  // its statement's place in id order among the run's (see the time job)
  friend auto operator<=>(const TimeEntry&, const TimeEntry&) = default;
};

// The process's resident memory, from /proc; 0 where it cannot be read, so
// that runs keep their whole budget.
size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

BulkLoader::BulkLoader(Store* store, size_t run_budget)
    : store_(*store),
      run_budget_(run_budget),
      run_limit_(run_budget),
      temp_dir_((fs::path(store->path()) / schema::kBulkTempDir).string()) {
  if (store_.mode_ != OpenMode::kReadWrite) throw Error(store_.path_ + ": store is open read-only");
  if (!CanLoad(store_)) throw Error(store_.path_ + ": --bulk loads into a new, empty store");
  roles_.Get({});  // role 0: none
  ReserveRun();
  // Last, as nothing after it may throw: the destructor restores it.
  block_cache_before_ = Store::SetBlockCacheCapacity(kLoadBlockCache);
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
  Store::SetBlockCacheCapacity(block_cache_before_);
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);  // left from a failed Finish; nothing to report it to
}

IngestResult BulkLoader::Add(const ArticleMeta& meta, std::vector<Statement> statements) {
  if (finished_) throw Error(store_.path_ + ": bulk load already finished");
  if (meta.id.empty()) throw Error(store_.path_ + ": article without an id");
  if (articles_.contains(meta.id) || (!written_.empty() && store_.HasArticle(meta.id)))
    return IngestResult{.skipped = true};
  // Validates every statement before anything changes, as Writer does.
  const std::vector<Statement> merged = MergeWithinArticle(meta, std::move(statements));

  // From here on, the steps of Writer::Ingest in its order, since that
  // order assigns the term and statement ids.
  IngestResult result;
  if (article_serial_ == UINT32_MAX) throw Error(store_.path_ + ": bulk load: too many articles");
  ++article_serial_;
  pending_.clear();
  std::vector<std::array<uint32_t, 3>> symbols;
  symbols.reserve(merged.size());
  for (const auto& s : merged) {
    const uint32_t subject = AddEntity(s.subject);
    const uint32_t object = AddEntity(s.object);
    symbols.push_back({subject, object, s.place ? AddEntity(*s.place) : load::StringTable::kNone});
  }
  ArticleRecord article{meta, {}};
  // Writer::FindStored sees only statements stored before the article.
  std::vector<std::pair<Identity, uint32_t>> added;
  for (size_t i = 0; i < merged.size(); ++i)
    AddStatement(merged[i], symbols[i], &article, &result, &added);
  for (const auto& [identity, ref] : added) {
    // Symmetric parties in both orders may both be new here; the first wins.
    const auto identity_of = [this](uint32_t r) { return IdentityOf(Record(r)); };
    if (identities_.Find(identity, identity_of) == load::IdentityIndex::kNone)
      identities_.Insert(identity, ref, identity_of);
  }
  WriteEntities(&result);
  std::string record = EncodeArticle(article);
  run_record_bytes_ += record.size() + meta.id.size();
  articles_.emplace(meta.id, std::move(record));
  ++stats_.articles;
  if (RunBytes() >= run_limit_) WriteRun();
  return result;
}

BulkLoader::Identity BulkLoader::IdentityOf(const PackedRecord& r) const {
  return {r.subject, r.predicate, r.object, r.when, r.precision, r.modality};
}

BulkLoader::PackedRecord BulkLoader::Pack(const StatementRecord& r) {
  PackedRecord p;
  p.subject = static_cast<uint32_t>(r.subject);
  p.predicate = static_cast<uint32_t>(r.predicate);
  p.object = static_cast<uint32_t>(r.object);
  p.place = static_cast<uint32_t>(r.place);
  p.when = keys::TimeSortKey(r.date);
  p.precision = static_cast<uint8_t>(r.date.precision);
  p.calendar = static_cast<uint8_t>(r.date.calendar);
  p.modality = static_cast<uint8_t>(r.modality);
  p.role = roles_.Get(r.role);
  p.sources = r.sources;
  p.confidence = r.confidence;
  return p;
}

StatementRecord BulkLoader::Unpack(const PackedRecord& p) const {
  StatementRecord r;
  r.subject = p.subject;
  r.predicate = p.predicate;
  r.object = p.object;
  r.place = p.place;
  r.date.precision = static_cast<DatePrecision>(p.precision);
  r.date.calendar = static_cast<Calendar>(p.calendar);
  if (r.date.known()) {
    r.date.year = static_cast<int>(p.when / 10000);
    r.date.month = static_cast<int>(p.when / 100 % 100);
    r.date.day = static_cast<int>(p.when % 100);
  }
  r.modality = static_cast<Modality>(p.modality);
  r.role = roles_.text(p.role);
  r.sources = r.live_sources = p.sources;  // nothing is forgotten during a load
  r.confidence = p.confidence;
  return r;
}

uint32_t BulkLoader::FindStatement(const Identity& identity, const Statement& s) {
  const uint32_t ref =
      identities_.Find(identity, [this](uint32_t r) { return IdentityOf(Record(r)); });
  if (ref != load::IdentityIndex::kNone) return ref;
  const size_t hash = identity.Hash();
  if (std::none_of(written_.begin(), written_.end(),
                   [&](const load::BloomFilter& f) { return f.MayContain(hash); }))
    return load::IdentityIndex::kNone;
  auto stored = store_.FindStatement({identity.subject, identity.predicate, identity.object, 0},
                                     s.date, s.modality, /*symmetric=*/false);
  if (!stored) return load::IdentityIndex::kNone;
  // Reported again: its record and time entries are rewritten with this run.
  const auto entry = store_.Get(
      Column::kTime,
      keys::EncodeTimeKey({stored->second.subject, keys::TimeSortKey(s.date), stored->first}));
  if (!entry)
    throw Error(store_.path_ + ": store is corrupt (statement " + std::to_string(stored->first) +
                " has no time entry)");
  const uint32_t earlier = kEarlier | static_cast<uint32_t>(earlier_.size());
  earlier_.push_back(
      {stored->first, Pack(stored->second), std::string(DecodeTimeValue(*entry).sources)});
  identities_.Insert(identity, earlier, [this](uint32_t r) { return IdentityOf(Record(r)); });
  return earlier;
}

size_t BulkLoader::RunBytes() const {
  // Writing adds the sorted index entries of two column families at a time:
  // at most the time index and one other.
  const size_t index_entries = 2 * sizeof(TimeEntry) + sizeof(IndexEntry);
  return statements_.size() * (sizeof(PackedRecord) + index_entries) +
         earlier_.capacity() * sizeof(EarlierRecord) + identities_.bytes() +
         provenance_.size() * sizeof(ProvenanceEntry) + provenance_bytes_ + run_record_bytes_;
}

void BulkLoader::ReserveRun() {
  // As many as the budget can hold, so that the vectors never double (which
  // would hold both copies at once): reserved pages stay virtual until
  // used, so RunBytes counts what is filled. Each statement counts its record
  // and index entries, each provenance entry itself and some encoded bytes.
  statements_.reserve(run_limit_ / (sizeof(PackedRecord) + 2 * sizeof(TimeEntry)));
  provenance_.reserve(run_limit_ / (sizeof(ProvenanceEntry) + 8));
}

uint32_t BulkLoader::Symbol(std::string_view text) {
  const uint32_t symbol = symbols_.Get(text);
  if (symbol == symbol_states_.size()) symbol_states_.emplace_back();
  return symbol;
}

uint64_t BulkLoader::InternSymbol(uint32_t symbol) {
  SymbolState& s = symbol_states_[symbol];
  if (!s.term) {
    terms_.push_back(symbol);
    s.term = static_cast<uint32_t>(terms_.size());
    degree_.push_back(0);
    references_.push_back(0);
    counted_run_.push_back(0);
  }
  return s.term;
}

void BulkLoader::Count(std::vector<uint64_t>* counters, uint64_t term) {
  ++(*counters)[term];
  if (counted_run_[term] != run_) {
    counted_run_[term] = run_;
    counted_.push_back(term);
  }
}

namespace {

// What a mention says of an entity, hashed: equal mentions, equal prints.
// Each field's hash is folded in with its position, so that moving text
// between fields changes the print.
uint64_t Fingerprint(const Entity& e) {
  const std::hash<std::string_view> hash;
  uint64_t h = static_cast<uint64_t>(e.type) + 1;
  const auto add = [&](std::string_view field) {
    h = (h ^ hash(field)) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  };
  add(e.name);
  for (const std::string& n : e.names) add(n);
  add({});  // names end; attributes begin
  for (const auto& [k, v] : e.attrs) {
    add(k);
    add(v);
  }
  return h | 1;  // 0 means none
}

}  // namespace

Entity BulkLoader::CurrentRecord(uint32_t symbol) const {
  if (auto it = run_records_.find(symbol); it != run_records_.end()) return it->second.decoded;
  const uint64_t term = symbol_states_[symbol].term;
  const auto value = store_.Get(Column::kEntity, keys::U64(term));
  if (!value)
    throw Error(store_.path_ + ": bulk load: entity " + std::string(symbols_.text(symbol)) +
                " lost its record");
  return DecodeEntity(*value);
}

uint32_t BulkLoader::AddEntity(const Entity& e) {
  const uint32_t symbol = Symbol(e.id);
  SymbolState& sym = symbol_states_[symbol];
  const bool pending = sym.pending_article == article_serial_;
  // An entity named again with nothing new (the same display name, names
  // and attributes it has) would merge into itself: nothing to write.
  std::optional<Entity> stored;
  if (!pending && sym.has_record()) {
    const uint64_t print = Fingerprint(e);
    if (print == sym.quiet) return symbol;
    stored = CurrentRecord(symbol);
    bool adds = e.type != stored->type || e.name != stored->name;
    for (const std::string& n : e.names)
      adds =
          adds || std::find(stored->names.begin(), stored->names.end(), n) == stored->names.end();
    for (const auto& [k, v] : e.attrs) {
      auto a = stored->attrs.find(k);
      adds = adds || a == stored->attrs.end() || a->second != v;
    }
    if (!adds) {
      sym.quiet = print;
      return symbol;
    }
  }
  if (!pending) {
    sym.pending_article = article_serial_;
    sym.pending = static_cast<uint32_t>(pending_.size());
    Entity merged = stored ? *stored : e;
    pending_.push_back({symbol, std::move(stored), std::move(merged)});
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
    if (provenance_blocks_.empty() ||
        provenance_blocks_.back().size() + encoded.size() > provenance_blocks_.back().capacity()) {
      provenance_blocks_.emplace_back().reserve(std::max<size_t>(1 << 20, encoded.size()));
      provenance_bytes_ += provenance_blocks_.back().capacity();
    }
    std::string& block = provenance_blocks_.back();
    const auto source = static_cast<uint32_t>(p.source.empty() ? 0 : Intern(SourceTerm(p.source)));
    provenance_.push_back({stmt, seq, source, static_cast<uint32_t>(provenance_blocks_.size() - 1),
                           static_cast<uint32_t>(block.size()),
                           static_cast<uint32_t>(encoded.size())});
    block += encoded;
    article->provenance.push_back({stmt, seq++});
  }
  stats_.provenance += s.provenance.size();
}

void BulkLoader::AddStatement(const Statement& s, const std::array<uint32_t, 3>& symbols,
                              ArticleRecord* article, IngestResult* result,
                              std::vector<std::pair<Identity, uint32_t>>* added) {
  // Interned in Writer's order: subject, predicate, object, then the place.
  const uint64_t subject = InternSymbol(symbols[0]);
  Identity identity{subject,
                    Intern(s.predicate),
                    InternSymbol(symbols[1]),
                    keys::TimeSortKey(s.date),
                    static_cast<uint8_t>(s.date.precision),
                    static_cast<uint8_t>(s.modality)};
  uint32_t found = FindStatement(identity, s);
  if (found == load::IdentityIndex::kNone) {
    // A symmetric statement may be stored with its parties the other way.
    const PredicateInfo* info = FindPredicate(s.predicate);
    if (info && info->symmetric) {
      Identity swapped = identity;
      std::swap(swapped.subject, swapped.object);
      found = FindStatement(swapped, s);
    }
  }
  if (found != load::IdentityIndex::kNone) {
    StatementRecord record = Unpack(Record(found));
    const uint32_t first = record.sources;
    const auto intern = [&](const std::string&) { return InternSymbol(symbols[2]); };
    if (AddReport(&record, s, intern) && record.place != record.subject &&
        record.place != record.object)
      Count(&references_, record.place);
    Record(found) = Pack(record);
    AddProvenance(IdOf(found), first, s, article);
    ++result->merged_statements;
    return;
  }
  const auto ref = static_cast<uint32_t>(statements_.size());
  if (ref >= kEarlier) throw Error(store_.path_ + ": bulk load: too many statements in one run");
  const uint64_t place = symbols[2] == load::StringTable::kNone ? 0 : InternSymbol(symbols[2]);
  statements_.push_back(
      Pack(NewStatementRecord(s, identity.subject, identity.predicate, identity.object, place)));
  AddProvenance(IdOf(ref), 0, s, article);
  Count(&degree_, identity.subject);
  Count(&references_, identity.subject);
  if (identity.object != identity.subject) {
    Count(&degree_, identity.object);
    Count(&references_, identity.object);
  }
  if (place && place != identity.subject && place != identity.object) Count(&references_, place);
  ++stats_.statements;
  ++stats_.predicates[s.predicate];
  ++result->new_statements;
  added->emplace_back(identity, ref);
}

void BulkLoader::WriteEntities(IngestResult* result) {
  // In id order, as Writer writes them: an entity not yet interned (the place
  // of a statement merged into one that has its own) takes its term id here.
  std::sort(pending_.begin(), pending_.end(), [&](const PendingEntity& a, const PendingEntity& b) {
    return symbols_.text(a.symbol) < symbols_.text(b.symbol);
  });
  // Equal fields give equal records: most entities an article names again
  // are unchanged, and need no encoding.
  const auto same = [](const Entity& a, const Entity& b) {
    return a.id == b.id && a.type == b.type && a.name == b.name && a.names == b.names &&
           a.attrs == b.attrs;
  };
  for (PendingEntity& p : pending_) {
    const uint64_t term = InternSymbol(p.symbol);
    SymbolState& sym = symbol_states_[p.symbol];
    const std::optional<Entity>& stored = p.stored;
    if (stored && same(p.merged, *stored)) continue;
    std::string record = EncodeEntity(p.merged);
    if (stored && EncodeEntity(*stored) == record) continue;
    // Writer adds the alias keys the stored record lacks and never removes
    // one, so the column family holds every key ever added.
    std::vector<std::string> old_keys;
    if (stored) {
      old_keys = AliasMatchKeys(*stored);
    } else {
      ++stats_.entities;
      ++result->new_entities;
    }
    for (const auto& key : AliasMatchKeys(p.merged))
      if (!std::binary_search(old_keys.begin(), old_keys.end(), key)) {
        alias_keys_.push_back(keys::EncodeAliasKey(key, term));
        run_record_bytes_ += alias_keys_.back().size() + sizeof(std::string);
      }
    if (sym.changed_run != run_) {
      sym.changed_run = run_;
      run_entities_.push_back(p.symbol);
    }
    // A changed display name can make a quiet mention news again.
    sym.quiet = 0;
    EntityRecord& kept = run_records_[p.symbol];
    kept.decoded = DecodeEntity(record);
    run_record_bytes_ += record.size() + sizeof(EntityRecord) + 64;
    kept.encoded = std::move(record);
  }
}

void BulkLoader::Finish() {
  if (finished_) throw Error(store_.path_ + ": bulk load already finished");
  finished_ = true;
  // Writer writes with articles only: a load of nothing leaves the store as it was.
  if (!articles_.empty()) WriteRun();
}

void BulkLoader::WriteRun() {
  rocksdb::DB* db = store_.db_.get();
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);  // a crashed load's leftovers
  if (ec || !fs::create_directories(temp_dir_, ec))
    throw Error(temp_dir_ + ": " + (ec ? ec.message() : "cannot create directory"));

  // One slot per column family, so that the two threads below need no lock.
  std::array<std::optional<rocksdb::IngestExternalFileArg>, schema::kColumnCount> files;
  using Put = std::function<void(std::string_view key, std::string_view value)>;
  using Fill = std::function<void(const Put&)>;
  // Writes one column family; put() must be called with keys in byte order.
  const auto write_file = [&](Column c, const Fill& fill) {
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
  // The column families to write, the costliest first: two threads take
  // them in turn, so that neither idles while the other compresses the
  // time index.
  std::vector<std::pair<Column, Fill>> jobs;
  const auto write = [&](Column c, Fill fill) { jobs.emplace_back(c, std::move(fill)); };
  // Big-endian keys sort as their numbers do.
  const auto index = [&](Column c, auto make) {
    write(c, [&, make](const auto& put) {
      std::vector<IndexEntry> entries;
      entries.reserve(statements_.size());
      for (uint32_t i = 0; i < statements_.size(); ++i) entries.push_back(make(statements_[i], i));
      std::sort(entries.begin(), entries.end());
      std::string key;
      for (const IndexEntry& k : entries) {
        keys::EncodeIndexKey({k.a, k.b, k.c, first_stmt_ + k.stmt}, &key);
        put(key, {});
      }
    });
  };
  // Earlier statements by id, and every statement's sources in the order
  // they came (TimeValue::sources), before the jobs start: the time job
  // reads them while the prov job sorts provenance_.
  std::sort(earlier_.begin(), earlier_.end(),
            [](const EarlierRecord& a, const EarlierRecord& b) { return a.id < b.id; });
  // New statements' sources by a counting sort of the run's entries, which
  // came in order within each statement: statement i's are at
  // source_ids[first_source[i]] on. An earlier one's are appended to its list.
  std::vector<uint32_t> first_source(statements_.size() + 1);
  for (const ProvenanceEntry& e : provenance_)
    if (e.stmt >= first_stmt_) ++first_source[e.stmt - first_stmt_ + 1];
  for (size_t i = 1; i < first_source.size(); ++i) first_source[i] += first_source[i - 1];
  std::vector<uint32_t> source_ids(first_source.back());
  {
    std::vector<uint32_t> next(first_source.begin(), first_source.end() - 1);
    for (const ProvenanceEntry& e : provenance_) {
      if (e.stmt >= first_stmt_) {
        source_ids[next[e.stmt - first_stmt_]++] = e.source;
      } else {
        auto earlier =
            std::lower_bound(earlier_.begin(), earlier_.end(), e.stmt,
                             [](const EarlierRecord& r, uint64_t id) { return r.id < id; });
        AppendSource(&earlier->sources, e.source);
      }
    }
  }
  write(Column::kTime, [&](const auto& put) {
    // An entry's statement is earlier_[order], or statements_[order -
    // earlier_.size()]: ids ascend with it, so entries sort by entity, date
    // and id. Statements of earlier runs reported again have their entries
    // rewritten, since their sources grew.
    std::vector<TimeEntry> entries;
    entries.reserve(2 * (statements_.size() + earlier_.size()));
    const auto add = [&](const PackedRecord& r, size_t order) {
      entries.push_back({r.subject, r.when, static_cast<uint32_t>(order)});
      if (r.object != r.subject)
        entries.push_back({r.object, r.when, static_cast<uint32_t>(order)});
    };
    for (size_t i = 0; i < earlier_.size(); ++i) add(earlier_[i].record, i);
    for (size_t i = 0; i < statements_.size(); ++i) add(statements_[i], earlier_.size() + i);
    std::sort(entries.begin(), entries.end());
    std::string key, value, sources;
    for (const TimeEntry& k : entries) {
      const bool earlier = k.order < earlier_.size();
      const size_t i = k.order - (earlier ? 0 : earlier_.size());
      const PackedRecord& r = earlier ? earlier_[i].record : statements_[i];
      if (earlier) {
        sources = earlier_[i].sources;
      } else {
        sources.clear();
        for (uint32_t j = first_source[i]; j < first_source[i + 1]; ++j)
          AppendSource(&sources, source_ids[j]);
      }
      keys::EncodeTimeKey({k.entity, k.when, earlier ? earlier_[i].id : first_stmt_ + i}, &key);
      const bool as_object = r.subject != k.entity;
      EncodeTimeValue({r.predicate, as_object ? r.subject : r.object, as_object, sources}, &value);
      put(key, value);
    }
  });
  index(Column::kPos, [](const PackedRecord& r, uint32_t i) {
    return IndexEntry{r.predicate, r.object, r.subject, i};
  });
  write(Column::kStmt, [&](const auto& put) {
    // Those of earlier runs have the lower ids.
    std::string value;
    for (const EarlierRecord& e : earlier_) {
      EncodeStatementRecord(Unpack(e.record), &value);
      put(keys::U64(e.id), value);
    }
    for (uint64_t i = 0; i < statements_.size(); ++i) {
      EncodeStatementRecord(Unpack(statements_[i]), &value);
      put(keys::U64(first_stmt_ + i), value);
    }
  });
  write(Column::kProv, [&](const auto& put) {
    std::sort(provenance_.begin(), provenance_.end(),
              [](const ProvenanceEntry& a, const ProvenanceEntry& b) {
                return std::tie(a.stmt, a.seq) < std::tie(b.stmt, b.seq);
              });
    for (const ProvenanceEntry& e : provenance_)
      put(keys::EncodeProvKey(e.stmt, e.seq),
          std::string_view(provenance_blocks_[e.block]).substr(e.offset, e.size));
  });
  write(Column::kAlias, [&](const auto& put) {
    std::sort(alias_keys_.begin(), alias_keys_.end());
    alias_keys_.erase(std::unique(alias_keys_.begin(), alias_keys_.end()), alias_keys_.end());
    for (const auto& key : alias_keys_) put(key, {});
  });
  write(Column::kMeta, [&](const auto& put) {
    std::map<std::string, std::string> meta;
    meta[std::string(schema::kArticles)] = keys::U64(stats_.articles);
    meta[std::string(schema::kStatements)] = keys::U64(stats_.statements);
    meta[std::string(schema::kEntities)] = keys::U64(stats_.entities);
    meta[std::string(schema::kProvenance)] = keys::U64(stats_.provenance);
    meta[std::string(schema::kNextTerm)] = keys::U64(terms_.size() + 1);
    meta[std::string(schema::kNextStatement)] = keys::U64(first_stmt_ + statements_.size());
    for (const auto& [name, count] : stats_.predicates)
      meta[std::string(schema::kPredicatePrefix) + name] = keys::U64(count);
    // The entity counters this run changed, streamed in term order between
    // the fixed keys (a million entities would be two million strings).
    std::sort(counted_.begin(), counted_.end());
    auto fixed = meta.begin();
    std::string key, value;
    const auto counters = [&](std::string_view prefix, const std::vector<uint64_t>& counts) {
      for (; fixed != meta.end() && fixed->first < prefix; ++fixed)
        put(fixed->first, fixed->second);
      for (const uint64_t t : counted_) {
        if (!counts[t]) continue;
        key = keys::EntityCounterKey(prefix, t);
        value = keys::U64(counts[t]);
        put(key, value);
      }
    };
    counters(schema::kDegreePrefix, degree_);
    counters(schema::kReferencePrefix, references_);
    for (; fixed != meta.end(); ++fixed) put(fixed->first, fixed->second);
  });
  write(Column::kEntity, [&](const auto& put) {
    // Every symbol with an entity has a term id: WriteEntities interns it.
    std::sort(run_entities_.begin(), run_entities_.end(), [&](uint32_t a, uint32_t b) {
      return symbol_states_[a].term < symbol_states_[b].term;
    });
    for (uint32_t symbol : run_entities_)
      put(keys::U64(symbol_states_[symbol].term), run_records_.at(symbol).encoded);
  });
  const auto new_terms = std::span(terms_).subspan(terms_written_);
  write(Column::kDict, [&](const auto& put) {
    std::vector<uint32_t> order(new_terms.begin(), new_terms.end());
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return symbols_.text(a) < symbols_.text(b); });
    for (uint32_t symbol : order)
      put(symbols_.text(symbol), keys::U64(symbol_states_[symbol].term));
  });
  write(Column::kDictRev, [&](const auto& put) {
    for (uint32_t symbol : new_terms)
      put(keys::U64(symbol_states_[symbol].term), symbols_.text(symbol));
  });
  write(Column::kArticle, [&](const auto& put) {
    for (const auto& [id, record] : articles_) put(id, record);
  });

  std::atomic<size_t> next{0};
  std::mutex error_mu;
  std::exception_ptr error;
  const auto run = [&] {
    for (size_t i; (i = next++) < jobs.size();) {
      try {
        write_file(jobs[i].first, jobs[i].second);
      } catch (...) {
        std::lock_guard lock(error_mu);
        if (!error) error = std::current_exception();
        next = jobs.size();
      }
    }
  };
  std::thread helper(run);
  run();
  helper.join();
  if (error) std::rethrow_exception(error);
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

  load::BloomFilter& filter = written_.emplace_back(statements_.size());
  for (const PackedRecord& r : statements_) filter.Add(IdentityOf(r).Hash());
  ++run_;
  first_stmt_ += statements_.size();
  terms_written_ = terms_.size();
  // Assigning fresh containers frees their memory (assigning {} would keep it).
  statements_ = std::vector<PackedRecord>();
  earlier_ = std::vector<EarlierRecord>();
  run_entities_ = std::vector<uint32_t>();
  counted_ = std::vector<uint64_t>();
  run_records_ = std::unordered_map<uint32_t, EntityRecord>();
  run_record_bytes_ = 0;
  identities_.clear();
  provenance_ = std::vector<ProvenanceEntry>();
  provenance_blocks_ = std::vector<std::string>();
  provenance_bytes_ = 0;
  alias_keys_ = std::vector<std::string>();
  articles_.clear();
  // The run's many small strings leave the heap in holes: give the freed
  // pages back, so that resident memory is the next run's, not the peak's.
  malloc_trim(0);
  // Writing a run holds about a tenth more than its budget at the peak.
  const size_t resident = ResidentBytes();
  const size_t free = resident < kMemoryTarget ? (kMemoryTarget - resident) / 11 * 10 : 0;
  run_limit_ = std::clamp(free, std::min(kMinRunBudget, run_budget_), run_budget_);
  if (!finished_) ReserveRun();
}

}  // namespace diplograph
