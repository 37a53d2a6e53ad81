#include "extractors/coreference.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/normalize.h"
#include "extractors/key_table.h"

namespace diplograph {

namespace {

bool IsCountryEntry(const LexSpan& span, std::string* id) {
  for (const LexEntry* e : span.entries)
    if (e->kind == LexKind::kEntity && e->id.rfind("country:", 0) == 0) {
      *id = e->id;
      return true;
    }
  return false;
}

// The last country named before token t.
std::string LastCountryBefore(const Document& doc, uint32_t t) {
  std::string id;
  // Spans are in token order; a binary search finds the last one before t.
  auto it = std::lower_bound(doc.lex_spans.begin(), doc.lex_spans.end(), t,
                             [](const LexSpan& s, uint32_t tok) { return s.end <= tok; });
  while (it != doc.lex_spans.begin()) {
    --it;
    if (IsCountryEntry(*it, &id)) return id;
  }
  return {};
}

Entity EntityFor(const Lexicon& lex, const std::string& id) {
  Entity e;
  if (const Entity* known = lex.FindEntity(id)) {
    e.id = known->id;
    e.type = known->type;
    e.name = known->name;
  } else {
    e.id = id;
    e.type = EntityTypeOfId(id).value_or(EntityType::kCountry);
  }
  return e;
}

std::string ResolveOf(const Document& doc, const std::string& of, const std::string& home,
                      uint32_t t) {
  if (of == "@own-country") return home;
  if (of == "@this-country") return LastCountryBefore(doc, t);
  return of;
}

std::optional<Date> DateAround(const Document& doc, const Mention& m) {
  if (doc.sentences[m.sentence].date) return doc.sentences[m.sentence].date;
  return doc.published;
}

bool OnlyAmbiguous(const LexSpan& span) {
  for (const LexEntry* e : span.entries)
    if (!e->ambiguous) return false;
  return true;
}

// Adds mentions for surnames of people the article names in full.
// The surnames of people an article names in full: a handful, so a list
// searched by hash serves every token of the article.
class Surnames {
 public:
  void Add(std::string key, const Entity* person) {
    const uint64_t hash = HashKey(key);
    for (Surname& s : list_)
      if (s.hash == hash && s.key == key) {
        s.clash = s.clash || s.person->id != person->id;
        return;
      }
    list_.push_back({hash, std::move(key), person, false});
  }
  bool empty() const { return list_.empty(); }
  // The one person of this surname; nullptr if none or several.
  const Entity* Find(const Token& token) const {
    for (const Surname& s : list_)
      if (s.hash == token.hash && s.key == token.key) return s.clash ? nullptr : s.person;
    return nullptr;
  }

 private:
  struct Surname {
    uint64_t hash;
    std::string key;
    const Entity* person;
    bool clash;  // two people share it
  };
  std::vector<Surname> list_;
};

void AddSurnameMentions(Document& doc) {
  Surnames surnames;
  for (const Mention& m : doc.mentions) {
    if (m.kind != MentionKind::kEntity || m.entity.type != EntityType::kPerson) continue;
    for (const std::string& name : m.entity.names) {
      // The last word, split at spaces only: a ZWNJ joins parts of one word.
      const size_t space = name.find_last_of(' ');
      if (space == std::string::npos) continue;
      std::string key = MatchKey(std::string_view(name).substr(space + 1));
      if (!key.empty()) surnames.Add(std::move(key), &m.entity);
    }
  }
  if (surnames.empty()) return;
  // A surname alone means the person the article names in full, before any
  // lexicon person who happens to share it.
  for (Mention& m : doc.mentions) {
    if (m.kind != MentionKind::kEntity || m.entity.type != EntityType::kPerson ||
        m.end_token != m.first_token + 1)
      continue;
    const Entity* person = surnames.Find(doc.tokens[m.first_token]);
    if (!person || person->id == m.entity.id) continue;
    const Entity full = *person;
    m.entity = full;
    m.entity.names.clear();
    m.entity.AddName(doc.OriginalText(m.first_token, m.end_token));
  }
  std::vector<bool> covered(doc.tokens.size(), false);
  for (const Mention& m : doc.mentions)
    for (uint32_t t = m.first_token; t < m.span_end && t < covered.size(); ++t) covered[t] = true;
  std::vector<Mention> added;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (covered[t] || doc.tokens[t].kind != TokenKind::kWord) continue;
      if (doc.lex_at[t] >= 0 && !OnlyAmbiguous(doc.lex_spans[doc.lex_at[t]])) continue;
      if (doc.lang == Lang::kEn && !doc.tokens[t].capitalized) continue;
      const Entity* person = surnames.Find(doc.tokens[t]);
      if (!person) continue;
      Mention m;
      m.first_token = t;
      m.end_token = t + 1;
      m.span_end = t + 1;
      m.sentence = static_cast<int>(si);
      m.entity = *person;
      m.entity.names.clear();
      m.entity.AddName(doc.OriginalText(t, t + 1));
      m.resolved = true;
      added.push_back(std::move(m));
    }
  }
  if (added.empty()) return;
  const auto middle = static_cast<std::ptrdiff_t>(doc.mentions.size());
  doc.mentions.insert(doc.mentions.end(), std::make_move_iterator(added.begin()),
                      std::make_move_iterator(added.end()));
  std::inplace_merge(
      doc.mentions.begin(), doc.mentions.begin() + middle, doc.mentions.end(),
      [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
}

// "His Russian counterpart" (همتای روسی خود): the office of the sentence's
// subject, held in the country named.
void ResolveCounterparts(const Lexicon& lexicon, Document& doc) {
  static const std::string kCounterpart = "counterpart";
  std::unordered_map<std::string, std::string> role_of_person;
  std::vector<std::string> subject_role(doc.sentences.size());
  std::vector<bool> subject_seen(doc.sentences.size(), false);
  for (const Mention& m : doc.mentions)
    if (m.kind == MentionKind::kEntity && !m.role.empty() && m.role != kCounterpart)
      role_of_person.emplace(m.entity.id, m.role);
  for (const Mention& m : doc.mentions) {
    if (subject_seen[m.sentence] || !m.resolved || m.kind != MentionKind::kEntity ||
        m.entity.type != EntityType::kPerson)
      continue;
    subject_seen[m.sentence] = true;
    auto it = role_of_person.find(m.entity.id);
    if (it != role_of_person.end()) {
      subject_role[m.sentence] = it->second;
    } else if (const Office* o = lexicon.OfficeOf(m.entity.id, DateAround(doc, m))) {
      subject_role[m.sentence] = o->role;
    }
  }
  for (Mention& m : doc.mentions)
    if (m.role == kCounterpart) m.role = subject_role[m.sentence];
}

}  // namespace

void ResolveCoreference(const Lexicon& lexicon, const std::string& home_country, Document& doc) {
  AddSurnameMentions(doc);
  const std::string home = doc.lang == Lang::kFa ? home_country : std::string();

  // Offices stated in the article: (role, of) -> person, and role -> people.
  std::map<std::pair<std::string, std::string>, Entity> by_office;
  std::map<std::string, std::vector<Entity>> by_role;
  for (Mention& m : doc.mentions) {
    if (!m.role_of.empty()) m.role_of = ResolveOf(doc, m.role_of, home, m.first_token);
    // «معاون اول رئیس‌جمهور» without a country: the lexicon knows whose.
    if (m.kind == MentionKind::kEntity && !m.role.empty() && m.role_of.empty())
      if (const Office* o = lexicon.OfficeOf(m.entity.id, DateAround(doc, m), m.role))
        m.role_of = o->of;
  }
  ResolveCounterparts(lexicon, doc);
  for (Mention& m : doc.mentions) {
    if (m.kind == MentionKind::kEntity && m.entity.type == EntityType::kPerson && !m.role.empty()) {
      by_office.emplace(std::make_pair(m.role, m.role_of), m.entity);
      auto& people = by_role[m.role];
      if (std::none_of(people.begin(), people.end(),
                       [&](const Entity& e) { return e.id == m.entity.id; }))
        people.push_back(m.entity);
    }
  }

  const Entity* last_subject_person = nullptr;
  const Entity* sentence_subject_person = nullptr;
  std::vector<const Entity*> recent_people;
  int last_sentence = -1;
  bool sentence_has_actor = false;
  for (Mention& m : doc.mentions) {
    if (m.sentence != last_sentence) {
      last_sentence = m.sentence;
      sentence_has_actor = false;
      sentence_subject_person = nullptr;
    }
    switch (m.kind) {
      case MentionKind::kThisCountry:
        if (!m.role_of.empty()) {
          m.entity = EntityFor(lexicon, m.role_of);
          m.resolved = true;
        }
        break;
      case MentionKind::kRole: {
        auto exact = by_office.find({m.role, m.role_of});
        if (exact != by_office.end()) {
          m.entity = exact->second;
          m.resolved = true;
        } else if (auto people = by_role.find(m.role);
                   people != by_role.end() && people->second.size() == 1 &&
                   (m.role_of.empty() || by_office.count({m.role, std::string()}))) {
          m.entity = people->second.front();
          m.resolved = true;
        } else if (m.role == "leader" && !m.role_of.empty()) {
          // "The Serbian leader": the one person of that country the
          // article names with an office.
          const Entity* only = nullptr;
          bool several = false;
          for (const auto& [office, person] : by_office)
            if (office.second == m.role_of) {
              several = several || (only && only->id != person.id);
              only = &person;
            }
          if (only && !several) {
            m.entity = *only;
            m.resolved = true;
          }
        } else if (!m.role_of.empty()) {
          const auto when = DateAround(doc, m);
          const std::string holder =
              when ? lexicon.OfficeHolder(m.role, m.role_of, *when) : std::string();
          if (!holder.empty()) {
            m.entity = EntityFor(lexicon, holder);
            m.resolved = true;
          }
        }
        if (m.resolved) {
          m.entity.names.clear();
        }
        break;
      }
      case MentionKind::kPronoun: {
        // After a preposition («به ایشان», "with him") the pronoun is not the
        // clause's subject: the latest other person it can mean.
        const bool governed =
            m.first_token > 0 && (doc.tokens[m.first_token - 1].Function() & kGoverns);
        const Entity* antecedent = last_subject_person;
        if (governed && sentence_subject_person) {
          antecedent = nullptr;
          // A bounded look back keeps long documents linear.
          const size_t from = recent_people.size() > 16 ? recent_people.size() - 16 : 0;
          for (size_t i = recent_people.size(); i-- > from;) {
            const Entity* candidate = recent_people[i];
            if (candidate->id == sentence_subject_person->id) continue;
            if (!antecedent) {
              antecedent = candidate;
            } else if (candidate->id != antecedent->id && m.alternatives.size() < 2 &&
                       std::none_of(m.alternatives.begin(), m.alternatives.end(),
                                    [&](const Entity& e) { return e.id == candidate->id; })) {
              m.alternatives.push_back(*candidate);
              m.alternatives.back().names.clear();
            }
          }
        }
        if (antecedent) {
          m.entity = *antecedent;
          m.entity.names.clear();
          m.resolved = true;
        }
        break;
      }
      default:
        break;
    }
    // The first actor of a sentence is its subject, for later pronouns.
    if (m.resolved && m.kind != MentionKind::kAttribution && !sentence_has_actor) {
      sentence_has_actor = true;
      if (m.entity.type == EntityType::kPerson) {
        last_subject_person = &m.entity;
        sentence_subject_person = &m.entity;
      }
    }
    if (m.resolved && m.entity.type == EntityType::kPerson) recent_people.push_back(&m.entity);
  }
}

}  // namespace diplograph
