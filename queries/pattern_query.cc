#include "queries/pattern_query.h"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/predicate.h"
#include "queries/pattern_plan.h"
#include "queries/pattern_resolve.h"
#include "store/keys.h"

namespace diplograph {

namespace {

// Holds the bindings found, up to the limit. Under ORDER BY date with a
// limit, a max-heap keeps only the `limit` earliest seen so far, so memory
// is bounded by the limit even though every binding must be seen.
class Collector {
  struct Ranked {
    uint32_t when = 0;  // keys::TimeSortKey of the first pattern's statement
    Binding binding;
  };
  using OrderKey = std::tuple<uint32_t, const std::vector<uint64_t>&>;
  static OrderKey Key(const Ranked& r) { return {r.when, r.binding.statements}; }
  static bool Less(const Ranked& a, const Ranked& b) { return Key(a) < Key(b); }

 public:
  Collector(std::optional<size_t> limit, bool ordered) : limit_(limit), ordered_(ordered) {}

  // Whether a binding with this order key would be kept.
  bool Wants(uint32_t when, const std::vector<uint64_t>& statements) const {
    if (!ordered_ || !limit_ || held_.size() < *limit_) return true;
    return OrderKey(when, statements) < Key(held_.front());
  }

  void Add(uint32_t when, Binding binding) {
    held_.push_back({when, std::move(binding)});
    if (!ordered_ || !limit_) return;
    std::push_heap(held_.begin(), held_.end(), Less);
    if (held_.size() > *limit_) {
      std::pop_heap(held_.begin(), held_.end(), Less);
      held_.pop_back();
    }
  }

  // Unordered, the first `limit` found are the answer: the join can stop.
  bool Full() const { return !ordered_ && limit_ && held_.size() >= *limit_; }

  std::vector<Binding> Take() {
    if (ordered_) std::sort(held_.begin(), held_.end(), Less);
    std::vector<Binding> out;
    out.reserve(held_.size());
    for (Ranked& r : held_) out.push_back(std::move(r.binding));
    return out;
  }

 private:
  std::optional<size_t> limit_;
  bool ordered_;
  std::vector<Ranked> held_;
};

// Index nested-loop join: each pattern in turn is scanned with the terms
// bound so far as the index prefix, and every match recurses into the next.
class Join {
  // What the filters make of a statement. kUndatedState: it passes all but
  // the date bounds, has no date, and its predicate is a state, not an event.
  enum class Verdict : uint8_t { kFails, kPasses, kUndatedState };

 public:
  Join(const Store& store, const PatternQuery& query, const Filter& filter,
       const std::vector<ResolvedPattern>& patterns, std::vector<size_t> order)
      : store_(store),
        query_(query),
        filters_{&query.filter, &filter},
        patterns_(patterns),
        order_(std::move(order)),
        slots_(query.variables.size(), 0),
        statements_(patterns.size(), 0),
        undated_state_(patterns.size(), false),
        collector_(query.limit, query.order_by_date) {
    for (uint64_t term : SymmetricPredicateTerms(store)) symmetric_.insert(term);
  }

  std::vector<Binding> Run() {
    Step(0);
    return collector_.Take();
  }

 private:
  // Joins order_[k..] under the current bindings; false once no more are wanted.
  bool Step(size_t k) {
    if (k == order_.size()) return Emit();
    const size_t index = order_[k];
    const ResolvedPattern& p = patterns_[index];
    const std::array<const ResolvedTerm*, 3> terms = {&p.subject, &p.predicate, &p.object};
    std::array<uint64_t, 3> prefix{};
    for (size_t i = 0; i < 3; ++i)
      prefix[i] = terms[i]->variable < 0 ? terms[i]->term : slots_[terms[i]->variable];
    bool more = true;
    auto match = [&](const Triple& t) {
      const std::array<uint64_t, 3> found = {t.subject, t.predicate, t.object};
      std::array<int, 3> newly = {-1, -1, -1};
      bool agree = true;
      for (size_t i = 0; i < 3; ++i) {
        const int v = terms[i]->variable;
        if (v < 0 || prefix[i]) continue;  // the scan prefix already fixed it
        if (!slots_[v]) {
          slots_[v] = found[i];
          newly[i] = v;
        } else if (slots_[v] != found[i]) {
          agree = false;  // a variable twice in this pattern, on different terms
        }
      }
      const Verdict verdict = agree ? Check(t) : Verdict::kFails;
      if (verdict != Verdict::kFails) {
        statements_[index] = t.stmt;
        undated_state_[index] = verdict == Verdict::kUndatedState;
        more = Step(k + 1);
      }
      for (int v : newly)
        if (v >= 0) slots_[v] = 0;
      return more;
    };
    store_.ScanTriples({prefix[0], prefix[1], prefix[2]}, match);
    if (more && p.either_way) {
      store_.ScanTriples({prefix[2], prefix[1], prefix[0]}, [&](const Triple& t) {
        // A statement with one party at both ends was matched the first time.
        if (t.subject == t.object || !symmetric_.count(t.predicate)) return true;
        return match({t.object, t.predicate, t.subject, t.stmt});
      });
    }
    return more;
  }

  bool Emit() {
    // Undated states pass date bounds only beside a statement the bounds
    // did restrict; a binding of nothing else is not in the range asked for.
    if (std::all_of(undated_state_.begin(), undated_state_.end(), [](bool u) { return u; }))
      return true;
    uint32_t when = 0;
    if (query_.order_by_date) {
      when = When(statements_.front());
      if (!collector_.Wants(when, statements_)) return true;
    }
    Binding b;
    for (size_t v = 0; v < slots_.size(); ++v)
      b.values.emplace(query_.variables[v].name, Term(slots_[v]));
    b.statements = statements_;
    collector_.Add(when, std::move(b));
    return !collector_.Full();
  }

  // Inner patterns are rescanned for every outer binding, so each
  // statement's verdict is kept.
  Verdict Check(const Triple& t) {
    const auto known = verdicts_.find(t.stmt);
    if (known != verdicts_.end()) return known->second;
    const Verdict verdict = Judge(t);
    verdicts_.emplace(t.stmt, verdict);
    return verdict;
  }

  Verdict Judge(const Triple& t) {
    bool needs_record = false;
    for (const Filter* f : filters_) {
      if (!f->MatchesPredicate(Term(t.predicate))) return Verdict::kFails;
      needs_record = needs_record || f->NeedsRecord();
    }
    if (!needs_record) return Verdict::kPasses;
    const auto s = store_.GetStatement(t.stmt);
    if (!s) return Verdict::kFails;
    bool dated_in_range = true;
    for (const Filter* f : filters_) {
      if (!f->MatchesExceptDate(*s)) return Verdict::kFails;
      dated_in_range = dated_in_range && f->MatchesDate(s->date);
    }
    if (dated_in_range) return Verdict::kPasses;
    // An undated holds_role or member_of says how things stand, not when
    // something happened: date bounds, meant for events, do not drop it.
    const PredicateInfo* info = FindPredicate(s->predicate);
    return !s->date.known() && info && !info->event ? Verdict::kUndatedState : Verdict::kFails;
  }

  uint32_t When(uint64_t stmt) {
    auto it = when_.find(stmt);
    if (it == when_.end()) {
      const auto s = store_.GetStatement(stmt);
      it = when_.emplace(stmt, s ? keys::TimeSortKey(s->date) : keys::kUndated).first;
    }
    return it->second;
  }

  const std::string& Term(uint64_t id) {
    auto it = terms_.find(id);
    if (it == terms_.end()) it = terms_.emplace(id, store_.Term(id)).first;
    return it->second;
  }

  const Store& store_;
  const PatternQuery& query_;
  std::array<const Filter*, 2> filters_;
  const std::vector<ResolvedPattern>& patterns_;
  const std::vector<size_t> order_;
  std::vector<uint64_t> slots_;       // term bound to each variable; 0 while unbound
  std::vector<uint64_t> statements_;  // statement matched by each pattern
  std::vector<bool> undated_state_;   // whether that statement is Verdict::kUndatedState
  std::unordered_set<uint64_t> symmetric_;
  Collector collector_;
  std::unordered_map<uint64_t, Verdict> verdicts_;
  std::unordered_map<uint64_t, uint32_t> when_;
  std::unordered_map<uint64_t, std::string> terms_;
};

}  // namespace

std::vector<Binding> RunPatternQuery(const Store& store, const PatternQuery& query,
                                     const Filter& filter) {
  const auto patterns = ResolvePatterns(store, query);
  if (!patterns || patterns->empty()) return {};
  return Join(store, query, filter, *patterns, PlanJoinOrder(store, *patterns)).Run();
}

std::vector<Binding> RunPatternQuery(const Store& store, const PatternQuery& query,
                                     const Filter& filter, const std::vector<size_t>& order) {
  std::vector<size_t> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  bool permutation = sorted.size() == query.patterns.size();
  for (size_t i = 0; i < sorted.size(); ++i) permutation = permutation && sorted[i] == i;
  if (!permutation) throw std::invalid_argument("join order is not a permutation of the patterns");
  const auto patterns = ResolvePatterns(store, query);
  if (!patterns || patterns->empty()) return {};
  return Join(store, query, filter, *patterns, order).Run();
}

}  // namespace diplograph
