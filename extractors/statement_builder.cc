#include "extractors/statement_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/predicate.h"
#include "extractors/event_rules.h"

namespace diplograph {

namespace {

constexpr double kRoleConfidence = 0.9;
constexpr double kEventConfidence = 0.85;
constexpr double kContextSubjectPenalty = 0.15;
constexpr double kDerivedPenalty = 0.1;

Provenance Evidence(const Document& doc, int sentence, const std::string& rule, double confidence) {
  const Sentence& s = doc.sentences[sentence];
  Provenance p;
  p.article = doc.article.meta.id;
  p.source = doc.article.meta.source;
  p.url = doc.article.meta.url;
  p.published = doc.published ? doc.published->ToIso() : std::string();
  p.sentence = sentence;
  p.start = doc.norm.OriginalOffset(doc.tokens[s.first_token].begin);
  p.end = doc.norm.OriginalOffset(doc.tokens[s.end_token - 1].end - 1) + 1;
  p.rule = rule;
  p.confidence = confidence;
  return p;
}

// The places each sentence names with "در" / "in" / "at", in order, at most
// the first three distinct: the first that is neither of an event's two
// actors is among them, however many places a sentence names.
std::vector<std::vector<const Mention*>> SentencePlaces(const Document& doc) {
  std::vector<std::vector<const Mention*>> places(doc.sentences.size());
  for (const Mention& m : doc.mentions) {
    if (m.kind != MentionKind::kEntity || m.metonym || m.entity.type != EntityType::kPlace)
      continue;
    if (m.first_token == 0 || !(doc.tokens[m.first_token - 1].Function() & kLocative)) continue;
    auto& list = places[m.sentence];
    if (list.size() < 3 && std::none_of(list.begin(), list.end(), [&](const Mention* p) {
          return p->entity.id == m.entity.id;
        }))
      list.push_back(&m);
  }
  return places;
}

// The place of a sentence's event, other than its actors.
std::optional<Entity> PlaceOf(const std::vector<const Mention*>& places, std::string_view skip1,
                              std::string_view skip2) {
  for (const Mention* m : places)
    if (m->entity.id != skip1 && m->entity.id != skip2) return m->entity;
  return std::nullopt;
}

// The date a construction is qualified by, when its sentence names several:
// the nearest, within its clause first; Persian puts adverbials before the
// verb, so a date after the construction counts as farther there. A date
// scores its distance in tokens plus 10 per comma between; `commas` counts
// the commas before each token, so that a score costs O(1) whatever the
// distance.
std::optional<Date> DateOf(const Document& doc, const EventMatch& e,
                           const std::vector<uint32_t>& commas) {
  const Sentence& s = doc.sentences[e.sentence];
  if (s.dates.size() <= 1) return s.date;
  // A date inside the construction scores 0; before it, the nearest scores
  // least, and after it likewise (distance and commas both grow with it).
  // s.dates is in token order, so two binary searches find the candidates.
  const auto by_token = [](const std::pair<uint32_t, Date>& d, uint32_t t) { return d.first < t; };
  const auto inside = std::lower_bound(s.dates.begin(), s.dates.end(), e.first_token, by_token);
  const auto after = std::lower_bound(inside, s.dates.end(), e.end_token, by_token);
  if (inside != after) return inside->second;
  uint32_t before_score = UINT32_MAX, after_score = UINT32_MAX;
  if (inside != s.dates.begin()) {
    const uint32_t pos = std::prev(inside)->first;
    before_score = e.first_token - pos + 10 * (commas[e.first_token] - commas[pos]);
  }
  if (after != s.dates.end()) {
    const uint32_t pos = after->first;
    after_score = pos - e.end_token + 1 + 10 * (commas[pos] - commas[e.end_token]) +
                  (doc.lang == Lang::kFa ? 5 : 0);
  }
  // On a tie the earlier date wins.
  if (before_score <= after_score) return std::prev(inside)->second;
  return after->second;
}

// "The two countries": the state a person acts for, from the article's title
// for them or the lexicon's offices.
Entity StateOf(const Lexicon& lexicon, const Document& doc, const Mention& m, const EventMatch& e) {
  if (m.entity.type != EntityType::kPerson) return m.entity;
  std::string of = m.role_of;
  if (of.empty() || of.front() == '@') {
    std::optional<Date> when = doc.sentences[e.sentence].date;
    if (!when) when = doc.published;
    if (const Office* office = lexicon.OfficeOf(m.entity.id, when)) of = office->of;
  }
  if (of.rfind("country:", 0) != 0) return m.entity;
  const Entity* state = lexicon.FindEntity(of);
  if (!state) return m.entity;
  Entity out = *state;
  out.names.clear();
  return out;
}

// A statement found in the article, before duplicates merge.
struct Candidate {
  Statement statement;
  bool lead_dated = false;  // dated from the lead, not from its own sentence
};

// Which of two reports of one statement to keep: a date the text gives it
// over one taken from the lead, then the more precise date, then the surer.
bool Better(const Candidate& a, const Candidate& b) {
  if (a.lead_dated != b.lead_dated) return !a.lead_dated;
  const Statement& x = a.statement;
  const Statement& y = b.statement;
  if (x.date.precision != y.date.precision) return x.date.precision > y.date.precision;
  return x.confidence > y.confidence;
}

// Two reports are one statement unless the text gives them two different dates.
bool SameEvent(const Candidate& a, const Candidate& b) {
  const Date& x = a.statement.date;
  const Date& y = b.statement.date;
  return a.lead_dated || b.lead_dated || !x.known() || !y.known() || x == y;
}

}  // namespace

void BuildStatements(const Lexicon& lexicon, Document& doc) {
  // Every surface form an entity takes in the article.
  std::unordered_map<std::string, std::vector<std::string>> forms;
  for (const Mention& m : doc.mentions) {
    if (!m.resolved) continue;
    auto& list = forms[m.entity.id];
    for (const std::string& n : m.entity.names)
      if (std::find(list.begin(), list.end(), n) == list.end()) list.push_back(n);
  }
  // Mentions carry ids and names; attributes come from the lexicon once, here.
  // Completed once per entity: an article names the same few actors in
  // every statement.
  std::unordered_map<std::string, Entity> completed;
  auto full = [&](const Entity& e) -> const Entity& {
    auto [it, inserted] = completed.try_emplace(e.id);
    Entity& out = it->second;
    if (!inserted) return out;
    out = e;
    if (out.attrs.empty())
      if (const Entity* known = lexicon.FindEntity(e.id)) out.attrs = known->attrs;
    out.names.clear();
    if (auto f = forms.find(e.id); f != forms.end())
      for (const std::string& n : f->second) out.AddName(n);
    if (out.name.empty() && !out.names.empty()) out.name = out.names.front();
    return out;
  };

  std::vector<Candidate> found;
  std::set<std::string> roles_seen;
  for (const Mention& m : doc.mentions) {
    if (!m.resolved || m.role.empty() || m.role_of.empty() ||
        m.entity.type != EntityType::kPerson || m.role_of.front() == '@')
      continue;
    if (!roles_seen.insert(m.entity.id + '\x1f' + m.role + '\x1f' + m.role_of).second) continue;
    Statement st;
    st.subject = full(m.entity);
    st.predicate = "holds_role";
    Entity of;
    if (const Entity* known = lexicon.FindEntity(m.role_of)) {
      of = *known;
      of.names.clear();
    } else {
      of.id = m.role_of;
      of.type = EntityTypeOfId(m.role_of).value_or(EntityType::kCountry);
    }
    st.object = full(of);
    st.role = m.role;
    st.confidence = kRoleConfidence;
    const char* rule =
        doc.lang == Lang::kFa ? "fa.holds_role.apposition" : "en.holds_role.apposition";
    st.provenance.push_back(Evidence(doc, m.sentence, rule, st.confidence));
    found.push_back({std::move(st)});
  }

  // Per sentence, for PlaceOf; commas before each token, for DateOf.
  const std::vector<std::vector<const Mention*>> places = SentencePlaces(doc);
  std::vector<uint32_t> commas(doc.tokens.size() + 1, 0);
  for (size_t t = 0; t < doc.tokens.size(); ++t)
    commas[t + 1] = commas[t] + (doc.tokens[t].key == "،" || doc.tokens[t].key == ",");

  // The date of the article's main event: that of the main clause of the
  // first lead sentence with a dated event (Persian puts its main verb last,
  // after background clauses such as «که روز گذشته وارد شد»; English
  // first), else the first date the lead names.
  std::optional<Date> lead = doc.lead_date;
  {
    int lead_sentence = -1;
    for (const EventMatch& e : doc.events) {
      if (static_cast<size_t>(e.sentence) >= kLeadSentences) break;
      if (lead_sentence >= 0 && e.sentence != lead_sentence) break;
      if (!doc.sentences[e.sentence].date) continue;
      if (lead_sentence < 0 || doc.lang == Lang::kFa) lead = DateOf(doc, e, commas);
      lead_sentence = e.sentence;
    }
  }

  for (const EventMatch& e : doc.events) {
    const Mention& subj = doc.mentions[e.subject];
    const Mention& obj = doc.mentions[e.object];
    const Entity subject = e.subject_as_state ? StateOf(lexicon, doc, subj, e) : subj.entity;
    Entity object = e.object_as_state ? StateOf(lexicon, doc, obj, e) : obj.entity;
    // A pronoun is not the other party of its own clause: «پیام X را به
    // ایشان تقدیم کرد» hands X's message to someone else.
    if (subject.id == object.id && obj.kind == MentionKind::kPronoun)
      for (const Entity& alternative : obj.alternatives)
        if (alternative.id != subject.id) {
          object = alternative;
          break;
        }
    if (subject.id == object.id) continue;
    Statement st;
    st.subject = full(subject);
    st.predicate = e.rule->predicate;
    st.object = full(object);
    // One visits the city a text names, not the state it stands for elsewhere.
    if (e.rule->place && !obj.place.empty())
      if (const Entity* place = lexicon.FindEntity(obj.place)) {
        st.object = *place;
        st.object.names = {doc.OriginalText(obj.first_token, obj.end_token)};
      }
    st.modality = e.modality;
    bool lead_dated = false;
    if (const auto d = DateOf(doc, e, commas)) {
      st.date = *d;
    } else if (lead && !doc.sentences[e.sentence].elsewhen) {
      // A sentence without a date of its own continues the lead's event.
      st.date = *lead;
      lead_dated = true;
    }
    st.place = PlaceOf(places[e.sentence], subj.entity.id, obj.entity.id);
    if (st.place) st.place = full(*st.place);
    st.confidence = kEventConfidence - (e.subject_from_context ? kContextSubjectPenalty : 0.0);
    st.provenance.push_back(Evidence(doc, e.sentence, e.rule->name, st.confidence));
    // Whom a head of state or minister hosts has visited the host's country
    // (where the hosting took place, when the text says).
    if (st.predicate == "hosted" && st.modality == Modality::kAsserted &&
        obj.entity.type == EntityType::kPerson) {
      std::string country;
      if (st.place) {
        if (const Entity* place = lexicon.FindEntity(st.place->id)) {
          auto it = place->attrs.find("country");
          if (it != place->attrs.end()) country = it->second;
        }
      } else {
        const Entity host = StateOf(lexicon, doc, subj, e);
        if (host.type == EntityType::kCountry) country = host.id;
      }
      const Entity guest = StateOf(lexicon, doc, obj, e);
      if (!country.empty() && guest.id != country)
        if (const Entity* state = lexicon.FindEntity(country)) {
          Statement visit;
          visit.subject = st.object;
          visit.predicate = "visited";
          visit.object = *state;
          visit.object.names.clear();
          visit.date = st.date;
          visit.confidence = st.confidence - kDerivedPenalty;
          visit.provenance.push_back(
              Evidence(doc, e.sentence, e.rule->name + "+visit", visit.confidence));
          found.push_back({std::move(visit), lead_dated});
        }
    }
    found.push_back({std::move(st), lead_dated});
  }

  // A phone call reported as a conversation («در تماس تلفنی با X گفت‌وگو
  // کرد») is no meeting: the call's sentence gives no 'met' between the two.
  auto pair_in = [](const Statement& st) {
    const auto& [a, b] = std::minmax(st.subject.id, st.object.id);
    return std::to_string(st.provenance.front().sentence) + '\x1f' + a + '\x1f' + b;
  };
  std::set<std::string> calls;
  for (const Candidate& c : found)
    if (c.statement.predicate == "spoke_by_phone") calls.insert(pair_in(c.statement));

  // One statement per relation in an article, unless the text gives its
  // reports different dates.
  std::vector<Candidate> kept;
  std::unordered_map<std::string, std::vector<size_t>> by_relation;
  for (Candidate& c : found) {
    if (!calls.empty() && c.statement.predicate == "met" && calls.count(pair_in(c.statement)))
      continue;
    auto& reports = by_relation[c.statement.RelationKey()];
    auto same = std::find_if(reports.begin(), reports.end(),
                             [&](size_t i) { return SameEvent(kept[i], c); });
    if (same == reports.end()) {
      reports.push_back(kept.size());
      kept.push_back(std::move(c));
    } else if (Better(c, kept[*same])) {
      kept[*same] = std::move(c);
    }
  }
  doc.statements.clear();
  for (Candidate& c : kept) doc.statements.push_back(std::move(c.statement));

  // The evidence text is added once duplicates are merged: one long sentence
  // can give thousands of statements.
  for (Statement& st : doc.statements)
    for (Provenance& p : st.provenance) {
      const Sentence& sentence = doc.sentences[p.sentence];
      p.text = doc.OriginalText(sentence.first_token, sentence.end_token);
    }
}

}  // namespace diplograph
