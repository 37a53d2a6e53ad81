// Store::Check: recounts the store from its records and cross-checks every index.
#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <rocksdb/db.h>

#include "core/error.h"
#include "store/status_error.h"
#include "store/store.h"

namespace diplograph {

using schema::Column;

namespace {

// A damaged store can yield millions of problems; the first ones tell the story.
constexpr size_t kMaxListed = 100;

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

// Linear in the size of the store: one pass over each column family, with
// per-statement ids held in a table indexed by statement id (ids are dense).
class Store::Checker {
 public:
  explicit Checker(const Store& store) : store_(store) {}

  CheckReport Run() {
    // Every block of every table file, also those the scans below never
    // read (filters, properties): damage anywhere is reported, and the
    // records of a damaged store are not worth cross-checking.
    rocksdb::ReadOptions verify;
    verify.fill_cache = false;
    const rocksdb::Status s = store_.db_->VerifyChecksum(verify);
    if (!s.ok()) {
      Problem(StatusError(store_.path_, "verify", s).what());
      return std::move(report_);
    }
    ReadDict();
    ReadStatements();
    ReadPos();
    ReadProvenance();
    ReadTime();
    ReadArticles();
    CheckStatementEntries();
    ReadEntities();
    ReadAliases();
    CheckCounters();
    return std::move(report_);
  }

 private:
  enum Flag : uint8_t {
    kPresent = 1,  // the stmt record exists and was read
    kPos = 4,
    kTimeSubject = 16,
    kTimeObject = 32,
    kListed = 64,  // some article lists it
  };
  struct StmtInfo {
    uint64_t s = 0, p = 0, o = 0;  // 0 where the term is missing from dict
    uint32_t when = 0;
    uint32_t sources = 0;       // from the record: entries ever added
    uint32_t live_sources = 0;  // from the record: entries stored
    uint32_t counted_sources = 0;
    uint64_t source_print = 0;  // of its provenance entries' sources, in order (SourcePrint)
    uint8_t flags = 0;
  };

  // Folds a source's term id into a print of a sequence of them.
  static uint64_t SourcePrint(uint64_t print, uint64_t source) {
    return (print + source + 1) * 0x9E3779B97F4A7C15ull;
  }

  void Problem(std::string line) {
    if (report_.problems.size() < kMaxListed)
      report_.problems.push_back(std::move(line));
    else
      ++report_.unlisted;
  }

  void ScanAll(Column c, const ScanFn& fn) const { store_.ScanPrefix(c, {}, fn); }

  std::string Name(uint64_t term) const {
    if (auto it = terms_.find(term); it != terms_.end()) return it->second;
    if (auto it = dict_only_.find(term); it != dict_only_.end()) return it->second;
    return "#" + std::to_string(term);
  }

  std::string Describe(uint64_t stmt, const StmtInfo& info) const {
    return "statement " + std::to_string(stmt) + " (" + Name(info.s) + " " + Name(info.p) + " " +
           Name(info.o) + ")";
  }

  StmtInfo* Info(uint64_t stmt) {
    if (stmt >= table_.size() || !(table_[stmt].flags & kPresent)) return nullptr;
    return &table_[stmt];
  }

  void ReadDict() {
    ScanAll(Column::kDict, [&](std::string_view term, std::string_view value) {
      const auto id = keys::ParseU64(value);
      if (!id) {
        Problem("dict: entry of " + Quote(term) + " is not a u64");
        return true;
      }
      term_ids_.emplace(term, *id);
      max_term_ = std::max(max_term_, *id);
      return true;
    });
    ScanAll(Column::kDictRev, [&](std::string_view key, std::string_view term) {
      const auto id = keys::ParseU64(key);
      if (!id) {
        Problem("dict_rev: malformed key for " + Quote(term));
        return true;
      }
      terms_.emplace(*id, term);
      auto it = term_ids_.find(std::string(term));
      if (it == term_ids_.end())
        Problem("dict_rev: " + std::to_string(*id) + " -> " + Quote(term) + " has no dict entry");
      else if (it->second != *id)
        Problem("dict_rev: " + std::to_string(*id) + " -> " + Quote(term) + ", but dict has " +
                Quote(term) + " -> " + std::to_string(it->second));
      return true;
    });
    for (const auto& [term, id] : term_ids_)
      if (!terms_.count(id)) {
        Problem("dict: " + Quote(term) + " -> " + std::to_string(id) + " has no dict_rev entry");
        dict_only_.emplace(id, term);  // still named in later reports
      }
  }

  // A record's term id, or 0 (reported) when dict has no such term.
  uint64_t TermOf(uint64_t stmt, const char* role, uint64_t term) {
    if (terms_.count(term) || dict_only_.count(term)) return term;
    Problem("statement " + std::to_string(stmt) + ": " + role + " " + std::to_string(term) +
            " is not in dict");
    return 0;
  }

  void ReadStatements() {
    table_.resize(store_.counters_.next_stmt);
    ScanAll(Column::kStmt, [&](std::string_view key, std::string_view value) {
      const auto id = keys::ParseU64(key);
      if (!id) {
        Problem("stmt: malformed key");
        return true;
      }
      if (*id == 0 || *id >= table_.size()) {
        Problem("statement " + std::to_string(*id) +
                ": id is not below the next-statement counter " + std::to_string(table_.size()));
        return true;
      }
      StatementRecord s;
      try {
        s = DecodeStatementRecord(value);
      } catch (const Error& e) {
        Problem("statement " + std::to_string(*id) + ": " + e.what());
        return true;
      }
      StmtInfo& info = table_[*id];
      info.flags = kPresent;
      info.s = TermOf(*id, "subject", s.subject);
      info.p = TermOf(*id, "predicate", s.predicate);
      info.o = TermOf(*id, "object", s.object);
      info.when = keys::TimeSortKey(s.date);
      info.sources = s.sources;
      info.live_sources = s.live_sources;

      StoreStats& counted = report_.counted;
      ++counted.statements;
      if (info.p) ++counted.predicates[Name(info.p)];
      if (info.s) ++degrees_[info.s];
      if (info.o && info.o != info.s) ++degrees_[info.o];
      if (info.s) referenced_.emplace(info.s, *id);
      if (info.o) referenced_.emplace(info.o, *id);
      if (s.place && TermOf(*id, "place", s.place)) referenced_.emplace(s.place, *id);
      if (info.s) ++references_[info.s];
      if (info.o && info.o != info.s) ++references_[info.o];
      if (s.place && s.place != s.subject && s.place != s.object) ++references_[s.place];
      return true;
    });
  }

  void ReadProvenance() {
    ScanAll(Column::kProv, [&](std::string_view key, std::string_view value) {
      const auto k = keys::ParseProvKey(key);
      if (!k) {
        Problem("prov: malformed key");
        return true;
      }
      const std::string entry =
          "prov: source " + std::to_string(k->seq) + " of statement " + std::to_string(k->stmt);
      StmtInfo* info = Info(k->stmt);
      if (!info) {
        Problem(entry + ", which has no record");
        return true;
      }
      if (k->seq >= info->sources)
        Problem(entry + " is numbered beyond the record's " + std::to_string(info->sources));
      ++info->counted_sources;
      ++report_.counted.provenance;
      Provenance p;
      try {
        p = DecodeProvenance(value);
      } catch (const Error& e) {
        Problem(entry + ": " + e.what());
        return true;
      }
      sources_[Ref(k->stmt, k->seq)] = p.article;
      uint64_t source = 0;
      if (!p.source.empty()) {
        auto term = term_ids_.find(SourceTerm(p.source));
        if (term == term_ids_.end())
          Problem(entry + ": its source " + Quote(p.source) + " is not in dict");
        source = term == term_ids_.end() ? UINT64_MAX : term->second;
      }
      info->source_print = SourcePrint(info->source_print, source);
      return true;
    });
  }

  static std::string Ref(uint64_t stmt, uint32_t seq) {
    std::string ref = keys::U64(stmt);
    keys::PutU32(&ref, seq);
    return ref;
  }

  void ReadPos() {
    ScanAll(Column::kPos, [&](std::string_view key, std::string_view) {
      const auto k = keys::ParseIndexKey(key);
      if (!k) {
        Problem("pos: malformed key");
        return true;
      }
      // Back to subject, predicate, object order.
      const Triple t{k->c, k->a, k->b, k->stmt};
      StmtInfo* info = Info(t.stmt);
      const std::string entry = "pos: entry " + Name(t.subject) + " " + Name(t.predicate) + " " +
                                Name(t.object) + " for statement " + std::to_string(t.stmt);
      if (!info)
        Problem(entry + ", which has no record");
      else if (info->s != t.subject || info->p != t.predicate || info->o != t.object)
        Problem(entry + " does not match its record");
      else
        info->flags |= kPos;
      return true;
    });
  }

  void ReadTime() {
    ScanAll(Column::kTime, [&](std::string_view key, std::string_view value) {
      const auto k = keys::ParseTimeKey(key);
      if (!k) {
        Problem("time: malformed key");
        return true;
      }
      StmtInfo* info = Info(k->stmt);
      const std::string entry =
          "time: entry of " + Name(k->entity) + " for statement " + std::to_string(k->stmt);
      TimeValue v;
      try {
        v = DecodeTimeValue(value);
      } catch (const Error& e) {
        Problem(entry + ": " + e.what());
        return true;
      }
      // The entry a statement has for this entity: as subject when it is
      // the subject (also of a statement with one party at both ends).
      const auto expected = [&]() -> std::optional<TimeValue> {
        if (info->s == k->entity) return TimeValue{info->p, info->o, false, v.sources};
        if (info->o == k->entity) return TimeValue{info->p, info->s, true, v.sources};
        return std::nullopt;
      };
      const auto print = [&] {
        uint64_t print = 0;
        for (uint64_t source : v.Sources()) print = SourcePrint(print, source);
        return print;
      };
      if (!info) {
        Problem(entry + ", which has no record");
      } else if (info->when != k->when || expected() != v) {
        Problem(entry + " does not match its record");
      } else if (print() != info->source_print) {
        Problem(entry + " does not list the statement's sources");
        Problem(entry + " does not match its record");
      } else {
        info->flags |= v.as_object ? kTimeObject : kTimeSubject;
        if (info->s == info->o) info->flags |= kTimeObject;
      }
      return true;
    });
  }

  void ReadArticles() {
    std::unordered_set<std::string> articles;
    ScanAll(Column::kArticle, [&](std::string_view key, std::string_view value) {
      ArticleRecord a;
      try {
        a = DecodeArticle(value);
      } catch (const Error& e) {
        Problem("article " + Quote(key) + ": " + e.what());
        return true;
      }
      if (a.meta.id != key)
        Problem("article " + Quote(key) + ": record has id " + Quote(a.meta.id));
      ++report_.counted.articles;
      articles.emplace(key);
      for (const ProvenanceRef& ref : a.provenance) {
        auto source = sources_.find(Ref(ref.stmt, ref.seq));
        if (source == sources_.end()) {
          Problem("article " + Quote(key) + ": lists source " + std::to_string(ref.seq) +
                  " of statement " + std::to_string(ref.stmt) + ", which is not stored");
          continue;
        }
        if (source->second != a.meta.id)
          Problem("article " + Quote(key) + ": lists source " + std::to_string(ref.seq) +
                  " of statement " + std::to_string(ref.stmt) + ", which cites " +
                  Quote(source->second));
        sources_.erase(source);
        if (StmtInfo* info = Info(ref.stmt)) info->flags |= kListed;
      }
      return true;
    });
    for (const auto& [ref, article] : sources_)
      Problem("prov: source " + std::to_string(keys::GetU32(ref.data() + 8)) + " of statement " +
              std::to_string(keys::GetU64(ref.data())) + " (article " + Quote(article) +
              ") is listed by no article");
  }

  void CheckStatementEntries() {
    static constexpr std::pair<Flag, const char*> kEntries[] = {
        {kPos, "pos"},
        {kTimeSubject, "time (subject)"},
        {kTimeObject, "time (object)"},
    };
    for (uint64_t id = 0; id < table_.size(); ++id) {
      const StmtInfo& info = table_[id];
      if (!(info.flags & kPresent)) continue;
      if (!(info.flags & kListed)) Problem(Describe(id, info) + ": listed by no article");
      if (info.counted_sources != info.live_sources)
        Problem(Describe(id, info) + ": record counts " + std::to_string(info.live_sources) +
                " sources, prov holds " + std::to_string(info.counted_sources));
      if (!info.s || !info.p || !info.o) continue;  // reported with the record
      std::string missing;
      for (const auto& [flag, name] : kEntries)
        if (!(info.flags & flag)) missing += missing.empty() ? name : std::string(", ") + name;
      if (!missing.empty()) Problem(Describe(id, info) + ": no " + missing + " entry");
    }
  }

  void ReadEntities() {
    ScanAll(Column::kEntity, [&](std::string_view key, std::string_view value) {
      const auto id = keys::ParseU64(key);
      if (!id) {
        Problem("entity: malformed key");
        return true;
      }
      ++report_.counted.entities;
      entity_ids_.insert(*id);
      Entity e;
      try {
        e = DecodeEntity(value);
      } catch (const Error& err) {
        Problem("entity " + Name(*id) + ": " + err.what());
        return true;
      }
      auto term = terms_.find(*id);
      if (term == terms_.end() || term->second != e.id)
        Problem("entity " + std::to_string(*id) + ": record of " + Quote(e.id) +
                " is stored under the id of " + Quote(Name(*id)));
      referenced_.erase(*id);
      for (const auto& form : AliasMatchKeys(e))
        if (!store_.Get(Column::kAlias, keys::EncodeAliasKey(form, *id)))
          Problem("entity " + Quote(e.id) + ": no alias entry for " + Quote(form));
      return true;
    });
    for (const auto& [entity, stmt] : referenced_)
      Problem("statement " + std::to_string(stmt) + ": entity " + Quote(Name(entity)) +
              " has no entity record");
  }

  void ReadAliases() {
    ScanAll(Column::kAlias, [&](std::string_view key, std::string_view) {
      const auto k = keys::ParseAliasKey(key);
      if (!k)
        Problem("alias: malformed key");
      else if (!entity_ids_.count(k->entity))
        Problem("alias: " + Quote(k->match_key) + " names " + Name(k->entity) +
                ", which has no entity record");
      return true;
    });
  }

  void CompareCounter(std::string_view name, uint64_t stored, uint64_t counted) {
    if (stored != counted)
      Problem("meta: counter " + std::string(name) + " is " + std::to_string(stored) +
              ", the records count " + std::to_string(counted));
  }

  // The per-entity counters under `prefix` against those recounted (which
  // this empties): each stored one, and each recounted one never stored.
  void CompareEntityCounters(std::string_view prefix, const std::string& what,
                             std::unordered_map<uint64_t, uint64_t>* recounted) {
    store_.ScanPrefix(Column::kMeta, prefix, [&](std::string_view key, std::string_view value) {
      const auto entity = keys::ParseU64(key.substr(prefix.size()));
      const auto n = keys::ParseU64(value);
      if (!entity || !n) {
        Problem("meta: malformed counter " + Quote(key));
        return true;
      }
      auto it = recounted->find(*entity);
      const uint64_t recount = it == recounted->end() ? 0 : it->second;
      if (it != recounted->end()) recounted->erase(it);
      CompareCounter(what + Quote(Name(*entity)), *n, recount);
      return true;
    });
    for (const auto& [entity, n] : *recounted) CompareCounter(what + Quote(Name(entity)), 0, n);
  }

  void CheckCounters() {
    const Counters& c = store_.counters_;
    const StoreStats& counted = report_.counted;
    CompareCounter(schema::kArticles, c.stats.articles, counted.articles);
    CompareCounter(schema::kStatements, c.stats.statements, counted.statements);
    CompareCounter(schema::kEntities, c.stats.entities, counted.entities);
    CompareCounter(schema::kProvenance, c.stats.provenance, counted.provenance);
    if (c.next_term <= max_term_)
      Problem("meta: next term id " + std::to_string(c.next_term) + " is already taken by " +
              Quote(Name(max_term_)));
    std::map<std::string, uint64_t> predicates = counted.predicates;
    for (const auto& [name, n] : c.stats.predicates) predicates.emplace(name, 0);
    for (const auto& [name, n] : predicates) {
      auto stored = c.stats.predicates.find(name);
      CompareCounter(std::string(schema::kPredicatePrefix) + name,
                     stored == c.stats.predicates.end() ? 0 : stored->second, n);
    }
    CompareEntityCounters(schema::kDegreePrefix, "degree of ", &degrees_);
    CompareEntityCounters(schema::kReferencePrefix, "references of ", &references_);
  }

  const Store& store_;
  CheckReport report_;
  std::unordered_map<std::string, uint64_t> term_ids_;
  std::unordered_map<uint64_t, std::string> terms_;
  std::unordered_map<uint64_t, std::string> dict_only_;  // ids with a dict entry only
  uint64_t max_term_ = 0;
  std::vector<StmtInfo> table_;
  std::unordered_map<uint64_t, uint64_t> degrees_;
  std::unordered_map<uint64_t, uint64_t> references_;
  std::unordered_map<uint64_t, uint64_t> referenced_;     // entity term -> a statement naming it
  std::unordered_map<std::string, std::string> sources_;  // prov key -> its article, till listed
  std::unordered_set<uint64_t> entity_ids_;
};

CheckReport Store::Check() const { return Checker(*this).Run(); }

}  // namespace diplograph
