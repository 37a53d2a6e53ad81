#include "extractors/event_matcher.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>
#include <unordered_map>

namespace diplograph {

namespace {

constexpr uint32_t kMaxSubjectDistance = 64;

// Person endings after a verb stem, longest first.
constexpr std::array<std::string_view, 9> kEndings = {"ند", "یم", "ید", "ه", "م",
                                                      "ی",  "د",  "ن",  ""};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool IsStemForm(std::string_view key, const PatternItem& lv) {
  for (std::string_view stem :
       {std::string_view(lv.past_stem), std::string_view(lv.present_stem)}) {
    if (!StartsWith(key, stem)) continue;
    const std::string_view rest = key.substr(stem.size());
    for (std::string_view e : kEndings)
      if (rest == e) return true;
  }
  return false;
}

struct MatchState {
  int subject = -1;
  int object = -1;
  bool negated = false;
  bool future = false;
  uint32_t end = 0;
};

// Buffers a sentence's matcher fills, kept from one sentence to the next.
struct MatcherScratch {
  std::vector<int> first_eligible;
  std::vector<uint32_t> speech_ends;
};

class SentenceMatcher {
 public:
  SentenceMatcher(Document& doc, int sentence, const std::vector<int>& mention_at,
                  const std::vector<bool>& speech, MatcherScratch& scratch)
      : doc_(doc),
        s_(doc.sentences[sentence]),
        index_(sentence),
        mention_at_(mention_at),
        speech_(speech),
        first_eligible_(scratch.first_eligible),
        speech_ends_(scratch.speech_ends) {
    first_eligible_.clear();
    speech_ends_.clear();
  }

  // Tries every rule that can begin at each token, in rule order.
  void Run(const EventRuleIndex& index, int context_subject) {
    // One lookup per token serves both the rules it may open and the anchors.
    thread_local std::vector<const EventRuleIndex::LiteralNode*> nodes;
    nodes.clear();
    for (uint32_t t = s_.first_token; t < s_.end_token; ++t)
      nodes.push_back(index.FirstLiteral(doc_.lang, doc_.tokens[t]));
    thread_local std::vector<const EventRule*> candidates, slot;
    index.OpeningWithSlot(doc_.lang, nodes, &slot);
    for (uint32_t t = s_.first_token; t < s_.end_token; ++t) {
      candidates.clear();
      if (mention_at_[t] >= 0 || IsDeterminer(t))
        candidates.insert(candidates.end(), slot.begin(), slot.end());
      for (uint32_t u = t; u < s_.end_token && u < t + EventRuleIndex::kMaxLiteralTokens; ++u) {
        if (doc_.tokens[u].kind == TokenKind::kPunct) break;
        const auto* node = u == t ? nodes[u - s_.first_token]
                                  : index.FirstLiteral(doc_.lang, JoinedKey(doc_.tokens, t, u + 1));
        if (!node) break;
        candidates.insert(candidates.end(), node->rules.begin(), node->rules.end());
        if (!node->prefix) break;
      }
      if (candidates.empty()) continue;
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (const EventRule* rule : candidates) TryAt(*rule, t, context_subject);
    }
  }

  void TryAt(const EventRule& rule, uint32_t t, int context_subject) {
    {
      MatchState st;
      if (!Match(rule, 0, t, &st)) return;
      EventMatch m;
      m.rule = &rule;
      m.sentence = index_;
      m.first_token = t;
      m.end_token = st.end;
      m.object = st.object;
      m.subject = st.subject;
      if (!rule.has_subject) {
        m.subject = SentenceSubject(t);
        if (m.subject < 0 && doc_.lang == Lang::kFa) {
          m.subject = context_subject;
          m.subject_from_context = true;
        }
      }
      m.modality = ModalityOf(rule, t, st);
      if (m.subject >= 0 && doc_.mentions[m.subject].kind == MentionKind::kBoth) {
        // "The two sides signed ...", "the two leaders condemned X".
        const auto [a, b] = LastPair();
        if (a < 0) return;
        const bool states = doc_.mentions[m.subject].role == "states";
        m.subject_as_state = states;
        if (rule.pair) {
          m.subject = a;
          m.object = b;
          m.object_as_state = states;
          doc_.events.push_back(m);
          return;
        }
        if (m.object < 0) return;
        for (const int party : {a, b}) {
          EventMatch each = m;
          each.subject = party;
          if (rule.swap) std::swap(each.subject, each.object);
          doc_.events.push_back(each);
        }
        return;
      }
      if (m.subject < 0 || m.object < 0) return;
      // «ایران و عربستان ... قدردانی کردند»: each coordinated subject acts.
      std::vector<int> subjects = {m.subject};
      if (!rule.has_subject)
        for (int other : Coordinated(m.subject))
          if (other != m.object) subjects.push_back(other);
      for (size_t i = 1; i < subjects.size(); ++i) {
        EventMatch each = m;
        each.subject = subjects[i];
        if (rule.swap) std::swap(each.subject, each.object);
        doc_.events.push_back(each);
      }
      if (rule.swap) std::swap(m.subject, m.object);
      doc_.events.push_back(m);
      for (int other : Coordinated(st.object)) {
        EventMatch c = m;
        (rule.swap ? c.subject : c.object) = other;
        doc_.events.push_back(c);
      }
    }
  }

  // The subject and object of the latest event between two actors: who "the
  // two sides" are.
  std::pair<int, int> LastPair() const {
    for (size_t i = doc_.events.size(); i-- > 0;) {
      const EventMatch& e = doc_.events[i];
      const EntityType s = doc_.mentions[e.subject].entity.type;
      const EntityType o = doc_.mentions[e.object].entity.type;
      const auto party = [](EntityType t) {
        return t == EntityType::kPerson || t == EntityType::kCountry ||
               t == EntityType::kOrganization;
      };
      if (party(s) && party(o) &&
          doc_.mentions[e.subject].entity.id != doc_.mentions[e.object].entity.id)
        return {e.subject, e.object};
    }
    return {-1, -1};
  }

  // The first actor before token `before` not governed by a preposition, in
  // the clause a speech verb opens ("X said Y is ready ...": Y), else the
  // speaker.
  int SentenceSubject(uint32_t before) const {
    const uint32_t clause = ClauseStart(before);
    if (clause > s_.first_token) {
      const int embedded = FirstActor(clause, before);
      if (embedded >= 0) return embedded;
    }
    return FirstActor(s_.first_token, before);
  }

 private:
  // Persian is subject-first (SOV): the clause's first actor. English puts
  // the subject right before its verb: the nearest actor.
  int FirstActor(uint32_t from, uint32_t before) const {
    if (doc_.lang == Lang::kEn) {
      // Nearest in the verb's own stretch between commas; when that holds
      // none, the subject is before a parenthetical ("Blinken, the first U.S.
      // official to visit China, held talks"): skip the stretch between the
      // last two commas.
      int nearest = -1;
      int commas = 0;
      // A subject stands within a few dozen words of its verb; the bound
      // keeps a sentence of thousands of clauses linear.
      const uint32_t lowest =
          before > from + kMaxSubjectDistance ? before - kMaxSubjectDistance : from;
      for (uint32_t t = before; t-- > lowest;) {
        if (doc_.tokens[t].key == ",") {
          if (++commas > 2) break;
          continue;
        }
        if (const int mi = Eligible(t); mi >= 0) {
          if (commas == 0 || commas == 2) return mi;
          if (nearest < 0) nearest = mi;
        }
      }
      return nearest;
    }
    const int mi = FirstEligibleFrom(from);
    return mi >= 0 && doc_.mentions[mi].first_token < before ? mi : -1;
  }

  // The first eligible subject at or after token `from` (Persian clauses
  // start their search at the same few places: memoized).
  int FirstEligibleFrom(uint32_t from) const {
    if (first_eligible_.empty())
      first_eligible_.assign(s_.end_token - s_.first_token + 1, kUnknown);
    int& memo = first_eligible_[from - s_.first_token];
    if (memo != kUnknown) return memo;
    memo = -1;
    for (uint32_t t = from; t < s_.end_token; ++t)
      if (const int mi = Eligible(t); mi >= 0) return memo = mi;
    return -1;
  }

  // Where the clause holding token `before` starts: after the last speech
  // verb before it ("X said Y ..."), else at the sentence start.
  uint32_t ClauseStart(uint32_t before) const {
    if (speech_ends_.empty()) {
      for (uint32_t t = s_.first_token; t < s_.end_token; ++t)
        if (speech_[t]) speech_ends_.push_back(t + 1);
      speech_ends_.push_back(UINT32_MAX);  // marks the list as built
    }
    // The last speech-verb end at or before `before` (the list is sorted).
    auto it = std::upper_bound(speech_ends_.begin(), speech_ends_.end(), before);
    return it == speech_ends_.begin() ? s_.first_token : *(it - 1);
  }

  // The mention starting at t if it can be a subject.
  int Eligible(uint32_t t) const {
    const int mi = mention_at_[t];
    if (mi < 0) return -1;
    const Mention& m = doc_.mentions[mi];
    // "Both sides" hold the subject place though they name no one party.
    if (m.kind == MentionKind::kBoth) return mi;
    if (!IsActor(m) || !CanAct(m) || m.adjective) return -1;
    if (m.first_token > s_.first_token && Governed(m.first_token - 1)) return -1;
    // "Iran's president": the possessor is not the subject.
    if (m.end_token < s_.end_token && doc_.tokens[m.end_token].key == "'s") return -1;
    // «X ... را»: the marked object is not the subject.
    if (doc_.lang == Lang::kFa)
      for (uint32_t u = m.span_end; u < s_.end_token && u < m.span_end + 4; ++u) {
        const std::string_view k = doc_.tokens[u].key;
        if (k == "را") return -1;
        if (k == "،" || k == "," || mention_at_[u] >= 0) break;
      }
    return mi;
  }

  bool IsActor(const Mention& m) const {
    return m.resolved && m.kind != MentionKind::kAttribution && m.entity.type != EntityType::kEvent;
  }

  // "the", "his", "three" before an actor slot.
  bool IsDeterminer(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    return doc_.lang == Lang::kEn &&
           (tok.kind == TokenKind::kNumber || (tok.Function() & kDeterminer));
  }

  // Actors coordinated with the object: "hosted X and Y", «با X و Y».
  std::vector<int> Coordinated(int object) const {
    std::vector<int> more;
    uint32_t t = doc_.mentions[object].span_end;
    while (t + 1 < s_.end_token) {
      const std::string_view k = doc_.tokens[t].key;
      if (k != "and" && k != "و" && k != ",") break;
      uint32_t u = t + 1;
      while (u < s_.end_token && IsDeterminer(u)) ++u;
      if (u >= s_.end_token) break;
      const int mi = mention_at_[u];
      if (mi < 0 || !IsActor(doc_.mentions[mi])) break;
      if (doc_.mentions[mi].adjective != doc_.mentions[object].adjective) break;
      more.push_back(mi);
      t = doc_.mentions[mi].span_end;
    }
    return more;
  }

  // A place is where things happen; it acts only as a metonym for its state.
  static bool CanAct(const Mention& m) { return m.entity.type != EntityType::kPlace; }

  bool Governed(uint32_t t) const { return doc_.tokens[t].Function() & kGoverns; }

  // Tokens a literal consumes at t: token keys joined until they spell it.
  uint32_t Literal(const PatternItem& item, uint32_t t) const {
    const Token& first = doc_.tokens[t];
    if (first.kind == TokenKind::kPunct || first.key.empty()) return 0;
    for (size_t k = 0; k < item.keys.size(); ++k) {
      const std::string& key = item.keys[k];
      // Mostly one token spells the whole literal: its hash says whether.
      if (first.key.size() >= key.size()) {
        if (first.hash == item.hashes[k] && first.key == key) return 1;
        continue;
      }
      size_t pos = 0;
      for (uint32_t u = t; u < s_.end_token && u < t + EventRuleIndex::kMaxLiteralTokens; ++u) {
        const Token& tok = doc_.tokens[u];
        if (tok.kind == TokenKind::kPunct || tok.key.empty()) break;
        if (tok.key.size() > key.size() - pos || key.compare(pos, tok.key.size(), tok.key) != 0)
          break;
        pos += tok.key.size();
        if (pos == key.size()) return u - t + 1;
      }
    }
    return 0;
  }

  // A light verb form at t; returns tokens consumed, sets negation and future.
  uint32_t LightVerb(const PatternItem& lv, uint32_t t, MatchState* st) const {
    if (t >= s_.end_token) return 0;
    uint32_t u = t;
    std::string_view key = doc_.tokens[u].key;
    bool neg = false, future = false;
    // Future: خواهد کرد, نخواهد کرد.
    if (StartsWith(key, "خواه") || StartsWith(key, "نخواه")) {
      if (u + 1 < s_.end_token && doc_.tokens[u + 1].key == lv.past_stem) {
        st->negated = StartsWith(key, "ن");
        st->future = true;
        return 2;
      }
    }
    // Separate می / نمی before the stem (a ZWNJ became a space).
    if ((key == "می" || key == "نمی") && u + 1 < s_.end_token) {
      neg = key == "نمی";
      key = doc_.tokens[++u].key;
    } else if (StartsWith(key, "نمی") &&
               IsStemForm(key.substr(std::string_view("نمی").size()), lv)) {
      neg = true;
      key = key.substr(std::string_view("نمی").size());
    } else if (StartsWith(key, "می") && IsStemForm(key.substr(std::string_view("می").size()), lv)) {
      key = key.substr(std::string_view("می").size());
    }
    if (!IsStemForm(key, lv)) {
      if (!StartsWith(key, "ن") || !IsStemForm(key.substr(std::string_view("ن").size()), lv)) {
        // بودن's present is irregular: است, هست, نیست.
        if (lv.past_stem != "بود") return 0;
        if (key == "نیست" || key == "نیستند" || key == "نیستیم")
          neg = true;
        else if (key != "است" && !StartsWith(key, "هست"))
          return 0;
      } else {
        neg = true;
      }
    }
    ++u;
    // Perfect: کرده است / کرده اند.
    if (u < s_.end_token) {
      const std::string_view aux = doc_.tokens[u].key;
      if (aux == "است" || aux == "اند" || aux == "ایم" || aux == "بود" || aux == "بودند") ++u;
    }
    st->negated = st->negated || neg;
    st->future = st->future || future;
    return u - t;
  }

  bool Match(const EventRule& rule, size_t i, uint32_t t, MatchState* st) const {
    if (i == rule.items.size()) {
      st->end = t;
      return true;
    }
    const PatternItem& item = rule.items[i];
    switch (item.kind) {
      case PatternItemKind::kLiteral: {
        const uint32_t n = t < s_.end_token ? Literal(item, t) : 0;
        if (n > 0 && Match(rule, i + 1, t + n, st)) return true;
        return item.optional && Match(rule, i + 1, t, st);
      }
      case PatternItemKind::kSubject:
      case PatternItemKind::kObject: {
        // "met his Saudi counterpart", "hosted the Iranian minister"
        while (t < s_.end_token && mention_at_[t] < 0 && IsDeterminer(t)) ++t;
        if (t >= s_.end_token) return false;
        const int mi = mention_at_[t];
        if (mi < 0) return false;
        if (doc_.mentions[mi].adjective &&
            (item.kind != PatternItemKind::kObject || !rule.adjective))
          return false;
        if (doc_.mentions[mi].kind == MentionKind::kBoth) {
          if (item.kind != PatternItemKind::kSubject) return false;
        } else if (!IsActor(doc_.mentions[mi]) || rule.pair) {
          return false;
        }
        if (item.kind == PatternItemKind::kSubject && !CanAct(doc_.mentions[mi])) return false;
        // A place is an object only where the rule expects one (visits).
        if (item.kind == PatternItemKind::kObject && !rule.place && !CanAct(doc_.mentions[mi]))
          return false;
        // A pattern that opens with its subject ("{S} و {O} ... دیدار کردند")
        // needs the clause's subject, not a possessor deep in a phrase.
        if (i == 0 && item.kind == PatternItemKind::kSubject && SentenceSubject(t + 1) != mi)
          return false;
        const MatchState saved = *st;
        (item.kind == PatternItemKind::kSubject ? st->subject : st->object) = mi;
        // The actor alone, or with its apposition ("X، title country،").
        const Mention& m = doc_.mentions[mi];
        if (m.span_end > m.end_token && Match(rule, i + 1, m.span_end, st)) return true;
        if (Match(rule, i + 1, m.end_token, st)) return true;
        *st = saved;
        return false;
      }
      case PatternItemKind::kLightVerb: {
        MatchState trial = *st;
        const uint32_t n = LightVerb(item, t, &trial);
        if (n == 0) return false;
        if (!Match(rule, i + 1, t + n, &trial)) return false;
        *st = trial;
        return true;
      }
      case PatternItemKind::kGap:
        for (uint32_t g = 0; g <= item.max_gap && t + g < s_.end_token; ++g)
          if (Match(rule, i + 1, t + g, st)) return true;
        return false;
    }
    return false;
  }

  Modality ModalityOf(const EventRule& rule, uint32_t start, const MatchState& st) const {
    if (st.negated) return Modality::kNegated;
    bool intended = rule.intended || st.future;
    // English auxiliaries stand just before the construction ("did not
    // meet", "will visit"); Persian «قرار است» anywhere before it.
    uint32_t from = s_.first_token;
    if (doc_.lang == Lang::kEn && start >= s_.first_token + 3) from = start - 3;
    for (uint32_t u = from; u < start; ++u) {
      if (doc_.tokens[u].Function() & kNegates) return Modality::kNegated;
      if (doc_.tokens[u].Function() & kIntends) intended = true;
    }
    return intended ? Modality::kIntended : Modality::kAsserted;
  }

  Document& doc_;
  const Sentence& s_;
  int index_;
  const std::vector<int>& mention_at_;
  const std::vector<bool>& speech_;  // token ends a speech verb
  static constexpr int kUnknown = -2;
  std::vector<int>& first_eligible_;  // by token from the sentence start
  std::vector<uint32_t>& speech_ends_;
};

}  // namespace

void MatchEvents(const EventRuleIndex& rules, Document& doc) {
  doc.events.clear();
  std::vector<int> mention_at(doc.tokens.size(), -1);
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.first_token < mention_at.size() && mention_at[m.first_token] < 0)
      mention_at[m.first_token] = static_cast<int>(i);
  }
  // Speech verbs open reported clauses; the token that ends one is marked.
  std::vector<bool> speech(doc.tokens.size(), false);
  for (const LexSpan& span : doc.lex_spans)
    if (span.Find(LexKind::kSpeech)) speech[span.end - 1] = true;
  // Every rule needs an actor in its sentence: sentences without one are
  // skipped (in news, most of the text).
  std::vector<bool> has_actor(doc.sentences.size(), false);
  for (const Mention& m : doc.mentions)
    if (m.kind != MentionKind::kAttribution) has_actor[m.sentence] = true;
  int context_subject = -1;
  MatcherScratch scratch;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    if (!has_actor[si]) continue;
    SentenceMatcher matcher(doc, static_cast<int>(si), mention_at, speech, scratch);
    matcher.Run(rules, context_subject);
    // A subjectless Persian clause continues the last sentence's subject.
    const int subject = matcher.SentenceSubject(doc.sentences[si].end_token);
    if (subject >= 0) context_subject = subject;
  }
}

}  // namespace diplograph
