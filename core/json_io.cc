#include "core/json_io.h"

#include "core/error.h"
#include "core/predicate.h"
#include "core/utf8.h"

namespace diplograph {

using nlohmann::json;

namespace {

const json& Field(const json& j, const char* name) {
  if (!j.is_object()) throw Error("expected a JSON object");
  auto it = j.find(name);
  if (it == j.end()) throw Error(std::string("missing field \"") + name + "\"");
  return *it;
}

std::string StringField(const json& j, const char* name) {
  const json& f = Field(j, name);
  if (!f.is_string()) throw Error(std::string("field \"") + name + "\" is not a string");
  return f.get<std::string>();
}

std::string OptionalString(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) throw Error(std::string("field \"") + name + "\" is not a string");
  return it->get<std::string>();
}

double OptionalNumber(const json& j, const char* name, double fallback) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_number()) throw Error(std::string("field \"") + name + "\" is not a number");
  return it->get<double>();
}

json DateJson(const Date& d) { return d.known() ? json(d.ToIso()) : json(nullptr); }

Date DateFromJson(const json& j) {
  const std::string iso = OptionalString(j, "date");
  if (iso.empty()) return {};
  auto d = Date::ParseIso(iso);
  if (!d) throw Error("field \"date\" is not an ISO 8601 date: " + utf8::Excerpt(iso));
  const std::string cal = OptionalString(j, "calendar");
  if (!cal.empty()) {
    auto c = ParseCalendar(cal);
    if (!c) throw Error("field \"calendar\" is unknown: " + utf8::Excerpt(cal));
    d->calendar = *c;
  }
  return *d;
}

void FillStatementCore(const Statement& s, json& j) {
  const PredicateInfo* info = FindPredicate(s.predicate);
  j["subject"] = EntityToJson(s.subject);
  j["predicate"] = s.predicate;
  j["object"] = EntityToJson(s.object);
  j["date"] = DateJson(s.date);
  j["date_precision"] = PrecisionName(s.date.precision);
  if (s.date.known()) j["calendar"] = CalendarName(s.date.calendar);
  j["place"] = s.place ? EntityToJson(*s.place) : json(nullptr);
  j["modality"] = ModalityName(s.modality);
  j["role"] = s.role.empty() ? json(nullptr) : json(s.role);
  j["cameo"] = info && !info->cameo.empty() ? json(info->cameo) : json(nullptr);
  j["plover"] = info && !info->plover.empty() ? json(info->plover) : json(nullptr);
  j["confidence"] = s.confidence;
}

Statement StatementCoreFromJson(const json& j) {
  Statement s;
  s.subject = EntityFromJson(Field(j, "subject"));
  s.predicate = StringField(j, "predicate");
  if (!FindPredicate(s.predicate))
    throw Error("unknown predicate \"" + utf8::Excerpt(s.predicate) + "\"");
  s.object = EntityFromJson(Field(j, "object"));
  s.date = DateFromJson(j);
  const std::string precision = OptionalString(j, "date_precision");
  if (!precision.empty()) {
    auto p = ParsePrecision(precision);
    if (!p) throw Error("field \"date_precision\" is unknown: " + utf8::Excerpt(precision));
    if (*p != s.date.precision && s.date.known())
      throw Error("field \"date_precision\" does not match \"date\"");
  }
  auto place = j.find("place");
  if (place != j.end() && !place->is_null()) s.place = EntityFromJson(*place);
  const std::string modality = OptionalString(j, "modality");
  if (!modality.empty()) {
    auto m = ParseModality(modality);
    if (!m) throw Error("field \"modality\" is unknown: " + utf8::Excerpt(modality));
    s.modality = *m;
  }
  s.role = OptionalString(j, "role");
  s.confidence = OptionalNumber(j, "confidence", 0);
  return s;
}

}  // namespace

json EntityToJson(const Entity& e) {
  json j = {{"id", e.id}, {"type", EntityTypeName(e.type)}, {"name", e.name}, {"names", e.names}};
  if (!e.attrs.empty()) j["attributes"] = e.attrs;
  return j;
}

Entity EntityFromJson(const json& j) {
  Entity e;
  e.id = StringField(j, "id");
  if (e.id.empty()) throw Error("entity \"id\" is empty");
  const std::string type = StringField(j, "type");
  auto t = ParseEntityType(type);
  if (!t) throw Error("unknown entity type \"" + utf8::Excerpt(type) + "\"");
  e.type = *t;
  e.name = OptionalString(j, "name");
  auto names = j.find("names");
  if (names != j.end() && !names->is_null()) {
    if (!names->is_array()) throw Error("field \"names\" is not an array");
    for (const auto& n : *names) {
      if (!n.is_string()) throw Error("field \"names\" holds a non-string");
      e.AddName(n.get<std::string>());
    }
  }
  auto attrs = j.find("attributes");
  if (attrs != j.end() && attrs->is_object()) {
    for (const auto& [k, v] : attrs->items())
      if (v.is_string()) e.attrs[k] = v.get<std::string>();
  }
  return e;
}

json ProvenanceToJson(const Provenance& p) {
  json j = {
      {"article", p.article}, {"sentence", p.sentence}, {"start", p.start},          {"end", p.end},
      {"text", p.text},       {"rule", p.rule},         {"confidence", p.confidence}};
  if (!p.source.empty()) j["source"] = p.source;
  if (!p.url.empty()) j["url"] = p.url;
  if (!p.published.empty()) j["published"] = p.published;
  return j;
}

Provenance ProvenanceFromJson(const json& j) {
  Provenance p;
  p.article = StringField(j, "article");
  p.sentence = static_cast<int>(OptionalNumber(j, "sentence", -1));
  p.start = static_cast<size_t>(OptionalNumber(j, "start", 0));
  p.end = static_cast<size_t>(OptionalNumber(j, "end", 0));
  p.text = OptionalString(j, "text");
  p.rule = OptionalString(j, "rule");
  p.confidence = OptionalNumber(j, "confidence", 0);
  p.source = OptionalString(j, "source");
  p.url = OptionalString(j, "url");
  p.published = OptionalString(j, "published");
  return p;
}

json StatementToExtractJson(const Statement& s) {
  json j;
  const Provenance empty;
  const Provenance& p = s.provenance.empty() ? empty : s.provenance.front();
  j["article"] = p.article;
  FillStatementCore(s, j);
  j["evidence"] = {{"sentence", p.sentence}, {"start", p.start}, {"end", p.end}, {"text", p.text}};
  j["rule"] = p.rule;
  if (!p.source.empty()) j["source"] = p.source;
  if (!p.url.empty()) j["url"] = p.url;
  if (!p.published.empty()) j["published"] = p.published;
  return j;
}

Statement StatementFromExtractJson(const json& j) {
  Statement s = StatementCoreFromJson(j);
  Provenance p;
  p.article = StringField(j, "article");
  const json& ev = Field(j, "evidence");
  p.sentence = static_cast<int>(OptionalNumber(ev, "sentence", -1));
  p.start = static_cast<size_t>(OptionalNumber(ev, "start", 0));
  p.end = static_cast<size_t>(OptionalNumber(ev, "end", 0));
  p.text = OptionalString(ev, "text");
  p.rule = OptionalString(j, "rule");
  p.source = OptionalString(j, "source");
  p.url = OptionalString(j, "url");
  p.published = OptionalString(j, "published");
  p.confidence = s.confidence;
  s.provenance.push_back(std::move(p));
  return s;
}

json StatementToJson(const Statement& s) {
  json j = StatementToExtractJson(s);
  json sources = json::array();
  for (const auto& p : s.provenance) sources.push_back(ProvenanceToJson(p));
  j["sources"] = std::move(sources);
  return j;
}

Statement StatementFromJson(const json& j) {
  Statement s = StatementCoreFromJson(j);
  const json& sources = Field(j, "sources");
  if (!sources.is_array()) throw Error("field \"sources\" is not an array");
  for (const auto& p : sources) s.provenance.push_back(ProvenanceFromJson(p));
  return s;
}

}  // namespace diplograph
