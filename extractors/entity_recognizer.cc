#include "extractors/entity_recognizer.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <set>
#include <unordered_map>

#include "core/normalize.h"
#include "core/utf8.h"

namespace diplograph {

namespace {

constexpr uint32_t kMaxNameWords = 4;

// An office title with the country or organization it belongs to.
struct RolePhrase {
  uint32_t first = 0;
  uint32_t end = 0;
  std::string role;
  std::string of;  // entity id, "@this-country", "@own-country" or empty
};

class SentenceRecognizer {
 public:
  // `attributed` has a flag per token of the document, all false.
  SentenceRecognizer(const Lexicon& lex, Document& doc, int sentence_index,
                     std::vector<bool>& attributed)
      : lex_(lex),
        doc_(doc),
        s_(doc.sentences[sentence_index]),
        index_(sentence_index),
        en_(doc.lang == Lang::kEn),
        attributed_(attributed) {}

  void Run() {
    MarkAttribution();
    uint32_t t = s_.first_token;
    while (t < s_.end_token) {
      if (Attributed(t)) {
        ++t;
        continue;
      }
      const uint32_t next = Recognize(t);
      t = next > t ? next : t + 1;
    }
  }

 private:
  const LexSpan* SpanAt(uint32_t t) const {
    if (t >= s_.end_token || doc_.lex_at[t] < 0) return nullptr;
    const LexSpan& span = doc_.lex_spans[doc_.lex_at[t]];
    return span.first == t ? &span : nullptr;
  }

  const LexEntry* EntryAt(uint32_t t, LexKind kind) const {
    const LexSpan* span = SpanAt(t);
    return span ? span->Find(kind) : nullptr;
  }

  // A country or organization entry at t (adjectives included), for "of".
  const LexEntry* PolityAt(uint32_t t) const {
    const LexSpan* span = SpanAt(t);
    if (!span) return nullptr;
    for (const LexEntry* e : span->entries)
      if (e->kind == LexKind::kEntity &&
          (e->id.rfind("country:", 0) == 0 || e->id.rfind("org:", 0) == 0))
        return e;
    return nullptr;
  }

  bool IsPunct(uint32_t t, std::string_view p) const {
    return t < s_.end_token && doc_.tokens[t].kind == TokenKind::kPunct && doc_.TokenText(t) == p;
  }
  bool IsComma(uint32_t t) const { return IsPunct(t, "،") || IsPunct(t, ","); }
  bool IsKey(uint32_t t, std::string_view key) const {
    return t < s_.end_token && doc_.tokens[t].key == key;
  }

  bool NumberAt(uint32_t t) const {
    return t < s_.end_token && doc_.tokens[t].kind == TokenKind::kNumber;
  }
  bool StartsDate(uint32_t t) const {
    const DateWord* w = nullptr;
    return t < s_.end_token && lex_.MatchDateWord(doc_.tokens, t, s_.end_token, &w) > 0;
  }

  // A one-word lexicon match that may as well be part of a longer name: a
  // surname alone ("Salehi" in "Javad Salehi") or a form marked ambiguous.
  bool WeakLexicon(uint32_t t) const {
    const LexSpan* span = SpanAt(t);
    if (!span || span->end != t + 1) return false;
    for (const LexEntry* e : span->entries)
      if (e->kind != LexKind::kEntity || (!e->ambiguous && e->id.rfind("person:", 0) != 0))
        return false;
    return true;
  }

  bool IsNameWord(uint32_t t) const {
    if (t >= s_.end_token || Attributed(t)) return false;
    const Token& tok = doc_.tokens[t];
    if (tok.kind != TokenKind::kWord || (doc_.lex_at[t] >= 0 && !WeakLexicon(t))) return false;
    if (en_) return tok.capitalized;
    return true;
  }

  // Whether a name may start at t: at the sentence start, after punctuation,
  // or after a conjunction or preposition that opens a noun phrase.
  bool OpensClause(uint32_t t) const {
    if (t == s_.first_token || Attributed(t - 1)) return true;
    if (doc_.tokens[t - 1].kind == TokenKind::kPunct) return true;
    return doc_.tokens[t - 1].Function() & kOpensName;
  }

  // Locatives only: after «از» or "to" a capital is as often its state
  // («تهران از باکو می‌خواهد»); rules flagged 'place' take the city anyway.
  bool IsLocative(uint32_t t) const { return doc_.tokens[t].Function() & kLocative; }

  // Attribution markers govern up to the next comma or colon; a short
  // "Agency:" lead-in at the start of a sentence is attribution too.
  void MarkAttribution() {
    for (uint32_t t = s_.first_token; t < s_.end_token; ++t) {
      if (!EntryAt(t, LexKind::kAttribution)) continue;
      uint32_t u = t;
      while (u < s_.end_token && !IsComma(u) && !IsPunct(u, ":")) Attribute(u++);
    }
    // A dateline ("BELGRADE, May 8 -", "Tehran (IRNA) -") names where the
    // report was filed, not an actor.
    if (const LexSpan* first = SpanAt(s_.first_token); first && first->Find(LexKind::kEntity)) {
      const uint32_t after = first->end;
      if ((IsComma(after) && (NumberAt(after + 1) || StartsDate(after + 1))) ||
          IsPunct(after, "(") || IsPunct(after, "-") || IsPunct(after, "–") ||
          IsPunct(after, "—")) {
        for (uint32_t u = s_.first_token; u < after; ++u) Attribute(u);
      }
    }
    for (uint32_t t = s_.first_token; t < s_.end_token && t < s_.first_token + 5; ++t) {
      if (IsPunct(t, ":")) {
        for (uint32_t u = s_.first_token; u <= t; ++u) Attribute(u);
        break;
      }
      if (doc_.tokens[t].kind == TokenKind::kPunct) break;
    }
  }

  // Parses an office title at t with its country: fa "رئیس جمهور ایران",
  // "وزیر خارجه کشورمان"; en "Iran's foreign minister", "Serbian President",
  // "the foreign minister of Iran".
  bool ParseRole(uint32_t t, RolePhrase* out) const {
    RolePhrase r;
    r.first = t;
    uint32_t u = t;
    if (en_) {
      if (IsKey(u, "the")) ++u;
      if (const LexEntry* c = PolityAt(u)) {
        const uint32_t after = SpanAt(u)->end;
        if (IsKey(after, "'s") && EntryAt(after + 1, LexKind::kRole)) {
          r.of = c->id;
          u = after + 1;
        } else if (c->adjective && EntryAt(after, LexKind::kRole)) {
          r.of = c->id;
          u = after;
        }
      }
    }
    const LexEntry* role = EntryAt(u, LexKind::kRole);
    if (!role) return false;
    r.role = role->id;
    r.end = SpanAt(u)->end;
    if (en_) {
      if (r.of.empty() && IsKey(r.end, "of")) {
        uint32_t v = r.end + 1;
        if (IsKey(v, "the")) ++v;
        if (const LexEntry* c = PolityAt(v)) {
          r.of = c->id;
          r.end = SpanAt(v)->end;
        }
      }
    } else {
      // fa: the country follows the title (ezafe), maybe after one word
      // such as اسلامی in «رئیس جمهوری اسلامی ایران».
      for (uint32_t v = r.end; v <= r.end + 1 && v < s_.end_token; ++v) {
        if (const LexEntry* c = PolityAt(v)) {
          r.of = c->id;
          r.end = SpanAt(v)->end;
          if (IsKey(r.end, "خود")) ++r.end;  // همتای روسی خود
          break;
        }
        if (const LexEntry* ref = EntryAt(v, LexKind::kReference)) {
          if (ref->id == "this-country" || ref->id == "own-country") {
            r.of = "@" + ref->id;
            r.end = SpanAt(v)->end;
          }
          break;
        }
        if (!IsNameWord(v)) break;
      }
    }
    *out = r;
    return true;
  }

  Mention& AddPerson(uint32_t first, uint32_t name_first, uint32_t name_end) {
    Mention m;
    m.first_token = first;
    m.end_token = name_end;
    m.span_end = name_end;
    m.sentence = index_;
    m.kind = MentionKind::kEntity;
    m.resolved = true;
    const std::string name = doc_.OriginalText(name_first, name_end);
    m.entity.id = PersonIdFor(name);
    m.entity.type = EntityType::kPerson;
    m.entity.name = name;
    m.entity.AddName(name);
    doc_.mentions.push_back(std::move(m));
    return doc_.mentions.back();
  }

  // A lexicon entity whose mention spans [first, end), named by the tokens
  // [name_first, end) (without a title or honorific before them).
  Mention& AddLexiconEntity(uint32_t first, uint32_t name_first, uint32_t end, const LexEntry& e) {
    Mention m;
    m.first_token = first;
    m.end_token = end;
    m.span_end = end;
    m.sentence = index_;
    m.resolved = true;
    m.metonym = e.metonym;
    if (const Entity* known = lex_.FindEntity(e.id)) {
      m.entity.id = known->id;
      m.entity.type = known->type;
      m.entity.name = known->name;
    }
    if (m.entity.name.empty()) m.entity.name = e.form;
    // A capital standing for its state is not one of the state's names.
    if (!e.metonym) m.entity.AddName(doc_.OriginalText(name_first, end));
    doc_.mentions.push_back(std::move(m));
    return doc_.mentions.back();
  }

  // After a person: "، title country،" / ", the title of X," gives the role.
  uint32_t AttachApposition(Mention& person, uint32_t after) {
    RolePhrase r;
    if (IsPunct(after, "»") || IsPunct(after, "\"")) ++after;
    // Persian often writes the title right after the name: «نام» عنوان کشور.
    if (!en_ && !IsComma(after) && person.role.empty() && ParseRole(after, &r)) {
      person.role = r.role;
      person.role_of = r.of;
      person.span_end = IsComma(r.end) ? r.end + 1 : r.end;
      return person.span_end;
    }
    if (!IsComma(after)) return after;
    if (!ParseRole(after + 1, &r)) return after;
    person.role = r.role;
    person.role_of = r.of;
    person.span_end = r.end;
    if (IsComma(r.end)) person.span_end = r.end + 1;
    return person.span_end;
  }

  // Name words after t: a lexicon person, a «quoted» name or a run of words.
  // Returns the end of the name, 0 if none; *name_first/*name_end delimit it.
  uint32_t NameAfter(uint32_t t, uint32_t* name_first, uint32_t* name_end,
                     const LexEntry** person) const {
    *person = nullptr;
    if (const LexEntry* e = EntryAt(t, LexKind::kEntity);
        e && e->id.rfind("person:", 0) == 0 && !(WeakLexicon(t) && IsNameWord(t + 1))) {
      *person = e;
      *name_first = t;
      *name_end = SpanAt(t)->end;
      return *name_end;
    }
    if (IsPunct(t, "«") || IsPunct(t, "\"")) {
      // «a lexicon person»
      if (const LexEntry* e = EntryAt(t + 1, LexKind::kEntity);
          e && e->id.rfind("person:", 0) == 0) {
        const uint32_t end = SpanAt(t + 1)->end;
        if (IsPunct(end, "»") || IsPunct(end, "\"")) {
          *person = e;
          *name_first = t + 1;
          *name_end = end;
          return end + 1;
        }
      }
      uint32_t close = t + 1;
      while (close < s_.end_token && close <= t + kMaxNameWords + 1 && IsNameWord(close)) ++close;
      if (close > t + 1 && (IsPunct(close, "»") || IsPunct(close, "\""))) {
        *name_first = t + 1;
        *name_end = close;
        return close + 1;
      }
      return 0;
    }
    uint32_t u = t;
    while (u < s_.end_token && u < t + kMaxNameWords && IsNameWord(u)) ++u;
    if (u == t) return 0;
    *name_first = t;
    *name_end = u;
    return u;
  }

  uint32_t Recognize(uint32_t t) {
    // Honorific + name.
    if (EntryAt(t, LexKind::kHonorific)) {
      uint32_t nf, ne;
      const LexEntry* person;
      const uint32_t end = NameAfter(SpanAt(t)->end, &nf, &ne, &person);
      if (end == 0) return t + 1;
      Mention& m = person ? AddLexiconEntity(t, nf, ne, *person) : AddPerson(t, nf, ne);
      m.end_token = end;
      m.span_end = end;
      return AttachApposition(m, end);
    }
    // Title (with its country) and maybe the name after it.
    RolePhrase r;
    if (ParseRole(t, &r)) {
      uint32_t nf, ne;
      const LexEntry* person;
      uint32_t end = 0;
      // Persian needs a sign that a name follows the title; English capitals are one.
      if (en_ || IsPunct(r.end, "«") || EntryAt(r.end, LexKind::kHonorific) ||
          EntryAt(r.end, LexKind::kEntity)) {
        uint32_t start = r.end;
        if (EntryAt(start, LexKind::kHonorific)) start = SpanAt(start)->end;
        end = NameAfter(start, &nf, &ne, &person);
      }
      if (end > 0) {
        Mention& m =
            person ? AddLexiconEntity(r.first, nf, ne, *person) : AddPerson(r.first, nf, ne);
        m.end_token = end;
        m.span_end = end;
        m.role = r.role;
        m.role_of = r.of;
        return end;
      }
      Mention m;
      m.first_token = r.first;
      m.end_token = r.end;
      m.span_end = r.end;
      m.sentence = index_;
      m.kind = MentionKind::kRole;
      m.role = r.role;
      m.role_of = r.of;
      if (r.role == "institution") {
        // A ministry or government acts for its state.
        if (r.of.empty()) return r.end;
        m.role.clear();
        if (r.of.front() == '@') {
          m.kind = MentionKind::kThisCountry;
        } else {
          const LexEntry state{LexKind::kEntity, r.of, "", "", false, true, false};
          Mention& acting = AddLexiconEntity(r.first, r.first, r.end, state);
          acting.end_token = acting.span_end = r.end;
          return r.end;
        }
      }
      const std::string role = m.role;
      doc_.mentions.push_back(std::move(m));
      // «وزرای خارجه ایران و ترکیه», "the foreign ministers of Iran and
      // Turkey": the same office of each coordinated country.
      uint32_t stop = r.end;
      while (!role.empty() && stop + 1 < s_.end_token && (IsKey(stop, "و") || IsKey(stop, "and"))) {
        const LexEntry* other = PolityAt(stop + 1);
        if (!other || other->adjective) break;
        Mention each;
        each.first_token = stop + 1;
        each.end_token = each.span_end = SpanAt(stop + 1)->end;
        each.sentence = index_;
        each.kind = MentionKind::kRole;
        each.role = role;
        each.role_of = other->id;
        stop = each.end_token;
        doc_.mentions.push_back(std::move(each));
      }
      return stop;
    }
    // «Quoted» text: an entity, or a name next to a title.
    if (IsPunct(t, "«")) {
      uint32_t nf, ne;
      const LexEntry* person;
      const uint32_t end = NameAfter(t, &nf, &ne, &person);
      if (end == 0) return t + 1;
      // «name» title country / «name»، title country،
      RolePhrase after;
      if (ParseRole(end, &after)) {
        Mention& m = person ? AddLexiconEntity(t, nf, ne, *person) : AddPerson(t, nf, ne);
        m.end_token = end;
        m.role = after.role;
        m.role_of = after.of;
        m.span_end = IsComma(after.end) ? after.end + 1 : after.end;
        return m.span_end;
      }
      if (IsComma(end) && ParseRole(end + 1, &after)) {
        Mention& m = person ? AddLexiconEntity(t, nf, ne, *person) : AddPerson(t, nf, ne);
        m.end_token = end;
        return AttachApposition(m, end);
      }
      return t + 1;
    }
    if (const LexEntry* ref = EntryAt(t, LexKind::kReference)) {
      Mention m;
      m.first_token = t;
      m.end_token = SpanAt(t)->end;
      m.span_end = m.end_token;
      m.sentence = index_;
      if (ref->id == "pronoun") {
        m.kind = MentionKind::kPronoun;
      } else if (ref->id == "this-country" || ref->id == "own-country") {
        m.kind = MentionKind::kThisCountry;
        m.role_of = "@" + ref->id;
      } else if (ref->id == "both" || ref->id == "both-people") {
        m.kind = MentionKind::kBoth;
        m.role = ref->id == "both" ? "states" : "people";
      } else {
        return m.end_token;
      }
      doc_.mentions.push_back(std::move(m));
      return SpanAt(t)->end;
    }
    if (const LexEntry* e = EntryAt(t, LexKind::kEntity)) {
      const LexSpan* span = SpanAt(t);
      if (e->adjective && span->entries.size() == 1) {
        // "sanctions on three Iranian officials": the state, for the rules
        // that allow it; never a subject.
        if (e->ambiguous || e->id.rfind("country:", 0) != 0) return span->end;
        Mention& m = AddLexiconEntity(t, t, span->end, *e);
        m.adjective = true;
        m.entity.names.clear();
        return span->end;
      }
      // A capital governed by a preposition ("in Tehran", «به تهران») is the
      // place; elsewhere it may act for its state.
      const LexEntry* chosen = nullptr;
      const bool after_in = t > s_.first_token && IsLocative(t - 1);
      for (const LexEntry* c : span->entries) {
        // A form that is also a common word ("دوشنبه": Dushanbe and Monday)
        // names nothing by itself.
        if (c->kind != LexKind::kEntity || c->adjective || c->ambiguous) continue;
        if (!chosen || (after_in ? !c->metonym && chosen->metonym : c->metonym && !chosen->metonym))
          chosen = c;
      }
      if (!chosen) return span->end;
      Mention& m = AddLexiconEntity(t, t, span->end, *chosen);
      if (chosen->metonym)
        for (const LexEntry* c : span->entries)
          if (c->kind == LexKind::kEntity && c->id.rfind("place:", 0) == 0) m.place = c->id;
      if (after_in && chosen->metonym) m.metonym = false;
      if (m.entity.type == EntityType::kPerson) return AttachApposition(m, span->end);
      return span->end;
    }
    // A name followed by its title: "name، title country".
    if (IsNameWord(t) && (t == s_.first_token || !IsNameWord(t - 1))) {
      uint32_t u = t;
      while (u < s_.end_token && IsNameWord(u)) ++u;
      RolePhrase r;
      if (u - t <= kMaxNameWords && IsComma(u) && ParseRole(u + 1, &r)) {
        Mention& m = AddPerson(t, t, u);
        return AttachApposition(m, u);
      }
      // Persian also writes «نام عنوان کشور» with no comma: a run of two to
      // four name words right after a clause boundary, followed by a title
      // of a named country.
      if (!en_ && u - t >= 2 && u - t <= kMaxNameWords && OpensClause(t) && ParseRole(u, &r) &&
          !r.of.empty()) {
        Mention& m = AddPerson(t, t, u);
        m.role = r.role;
        m.role_of = r.of;
        m.span_end = IsComma(r.end) ? r.end + 1 : r.end;
        return m.span_end;
      }
      return u;
    }
    return t + 1;
  }

  const Lexicon& lex_;
  Document& doc_;
  const Sentence& s_;
  int index_;
  bool en_;
  // Tokens governed by an attribution marker.
  std::vector<bool>& attributed_;
  bool Attributed(uint32_t t) const { return attributed_[t]; }
  void Attribute(uint32_t t) { attributed_[t] = true; }
};

}  // namespace

namespace {

// Which transliteration a name needs: none for ASCII, Arabic-Latin for the
// Arabic script alone (as Any-Latin would choose, without its per-run
// script detection, the bulk of its cost), Any-Latin for anything else.
enum class NameScript { kAscii, kArabic, kOther };

NameScript ScriptOf(std::string_view name) {
  NameScript script = NameScript::kAscii;
  size_t pos = 0;
  while (pos < name.size()) {
    const char32_t c = utf8::Next(name, &pos);
    if (c < 0x80) continue;
    if ((c >= 0x0600 && c <= 0x06FF) || c == 0x200C)
      script = NameScript::kArabic;
    else
      return NameScript::kOther;
  }
  return script;
}

// A per-thread clone of a transliterator (they are not thread-safe), created
// once from its id; nullptr if ICU lacks it.
icu::Transliterator* LocalTransliterator(NameScript script) {
  struct Prototypes {
    std::unique_ptr<icu::Transliterator> arabic, any;
  };
  static const Prototypes prototypes = [] {
    auto create = [](const char* id) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::Transliterator> t(
          icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
      return U_FAILURE(status) ? nullptr : std::move(t);
    };
    return Prototypes{create("Arabic-Latin; Latin-ASCII; Lower"),
                      create("Any-Latin; Latin-ASCII; Lower")};
  }();
  auto clone = [](const std::unique_ptr<icu::Transliterator>& p) {
    return std::unique_ptr<icu::Transliterator>(p ? p->clone() : nullptr);
  };
  thread_local const std::unique_ptr<icu::Transliterator> arabic = clone(prototypes.arabic);
  thread_local const std::unique_ptr<icu::Transliterator> any = clone(prototypes.any);
  return script == NameScript::kArabic ? arabic.get() : any.get();
}

}  // namespace

std::string PersonIdFor(std::string_view name) {
  // The normalized name, so that «علي» and «علی» are one person.
  const std::string normalized = Normalize(name).text;
  // Transliteration is slow and names recur: each thread remembers its
  // recent answers (bounded, so memory stays flat on any corpus).
  thread_local std::unordered_map<std::string, std::string> cache;
  if (auto it = cache.find(normalized); it != cache.end()) return it->second;
  std::string latin;
  const NameScript script = ScriptOf(normalized);
  if (script == NameScript::kAscii) {
    latin = normalized;
  } else if (icu::Transliterator* t = LocalTransliterator(script)) {
    // Word by word: a new name is mostly known words in a new combination,
    // and each word is transliterated once per thread (bounded as above).
    thread_local std::unordered_map<std::string, std::string> words;
    size_t begin = 0;
    while (begin <= normalized.size()) {
      size_t end = normalized.find(' ', begin);
      if (end == std::string::npos) end = normalized.size();
      const std::string word = normalized.substr(begin, end - begin);
      auto it = words.find(word);
      if (it == words.end()) {
        if (words.size() >= 16384) words.clear();
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
        t->transliterate(u);
        std::string out;
        u.toUTF8String(out);
        it = words.emplace(word, std::move(out)).first;
      }
      if (begin > 0) latin += ' ';
      latin += it->second;
      begin = end + 1;
    }
  }
  std::string slug = Slugify(latin);
  if (slug.empty()) slug = Slugify(MatchKey(name));
  std::string id = "person:" + (slug.empty() ? "unnamed" : slug);
  if (cache.size() >= 4096) cache.clear();
  cache.emplace(normalized, id);
  return id;
}

void RecognizeEntities(const Lexicon& lexicon, Document& doc) {
  doc.mentions.clear();
  std::vector<bool> attributed(doc.tokens.size(), false);
  for (size_t i = 0; i < doc.sentences.size(); ++i)
    SentenceRecognizer(lexicon, doc, static_cast<int>(i), attributed).Run();
}

}  // namespace diplograph
