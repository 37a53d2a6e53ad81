#include "queries/export/rdf_mapping.h"

#include "core/predicate.h"
#include "queries/export/attributes.h"
#include "queries/export/escape.h"

namespace diplograph::rdf {

namespace {

constexpr Prefix kPrefixes[] = {
    {"dg", kVocabulary}, {"rdf", kRdf}, {"rdfs", kRdfs}, {"skos", kSkos}, {"xsd", kXsd},
};

std::string Join(std::string_view a, std::string_view b) {
  std::string out(a);
  out += b;
  return out;
}

std::string Vocab(std::string_view local) { return Join(kVocabulary, local); }

// `part` percent-encoded under `base`.
std::string Under(std::string_view base, std::string_view part) {
  std::string iri(base);
  escape::IriPart(&iri, part);
  return iri;
}

Term Iri(std::string iri) { return {Term::kIri, std::move(iri), {}, {}}; }
Term Blank(std::string label) { return {Term::kBlank, std::move(label), {}, {}}; }
Term Text(std::string_view text) { return {Term::kLiteral, std::string(text), {}, {}}; }
Term Tagged(std::string_view text) {
  return {Term::kLiteral, std::string(text), std::string(NameLanguage(text)), {}};
}
Term Typed(std::string text, std::string_view xsd_type) {
  return {Term::kLiteral, std::move(text), {}, Join(kXsd, xsd_type)};
}

// The XSD type of an ISO date of each precision.
std::string_view DateType(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear:
      return "gYear";
    case DatePrecision::kMonth:
      return "gYearMonth";
    case DatePrecision::kDay:
    case DatePrecision::kUnknown:
      break;
  }
  return "date";
}

std::string ClassOf(EntityType type) {
  std::string name = EntityTypeName(type);
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return Vocab(name);
}

void Add(Resource* r, std::string predicate, Term object) {
  r->properties.push_back({std::move(predicate), std::move(object)});
}

void AddText(Resource* r, std::string_view local, std::string_view text) {
  if (!text.empty()) Add(r, Vocab(local), Text(text));
}

}  // namespace

std::span<const Prefix> Prefixes() { return kPrefixes; }

bool AppendCompact(std::string* out, std::string_view iri) {
  for (const Prefix& p : kPrefixes) {
    if (iri.size() <= p.iri.size() || iri.substr(0, p.iri.size()) != p.iri) continue;
    const std::string_view local = iri.substr(p.iri.size());
    for (const char c : local)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
        return false;
    out->append(p.name);
    out->push_back(':');
    out->append(local);
    return true;
  }
  return false;
}

std::string EntityIri(std::string_view id) { return Under(kEntities, id); }

void DescribeEntity(const ExportNode& node, std::vector<Resource>* out) {
  const Entity& e = node.entity;
  Resource r{Iri(EntityIri(e.id)), {}};
  Add(&r, Join(kRdf, "type"), Iri(ClassOf(e.type)));
  const std::string& label = e.name.empty() ? e.id : e.name;
  Add(&r, Join(kRdfs, "label"), Tagged(label));
  for (const std::string& name : e.names)
    if (name != label) Add(&r, Join(kSkos, "altLabel"), Tagged(name));
  if (const auto iso = e.attrs.find("iso"); iso != e.attrs.end()) AddText(&r, "iso", iso->second);
  if (const auto country = e.attrs.find("country"); country != e.attrs.end())
    Add(&r, Vocab("country"), Iri(EntityIri(country->second)));
  out->push_back(std::move(r));
}

void DescribeStatement(const StoredStatement& stored, std::vector<Resource>* out) {
  const Statement& s = stored.statement;
  const std::string subject = EntityIri(s.subject.id), object = EntityIri(s.object.id);
  const std::string predicate_iri = Under(kVocabulary, s.predicate);
  if (s.modality == Modality::kAsserted)
    out->push_back({Iri(subject), {{predicate_iri, Iri(object)}}});

  const std::string id = std::to_string(stored.id);
  Resource r{Iri(Join(kStatements, id)), {}};
  Add(&r, Join(kRdf, "type"), Iri(Join(kRdf, "Statement")));
  Add(&r, Join(kRdf, "subject"), Iri(subject));
  Add(&r, Join(kRdf, "predicate"), Iri(predicate_iri));
  Add(&r, Join(kRdf, "object"), Iri(object));
  if (s.date.known()) {
    Add(&r, Vocab("date"), Typed(s.date.ToIso(), DateType(s.date.precision)));
    AddText(&r, "datePrecision", PrecisionName(s.date.precision));
    AddText(&r, "calendar", CalendarName(s.date.calendar));
  }
  AddText(&r, "modality", ModalityName(s.modality));
  AddText(&r, "role", s.role);
  if (const PredicateInfo* info = FindPredicate(s.predicate)) {
    AddText(&r, "cameo", info->cameo);
    AddText(&r, "plover", info->plover);
  }
  Add(&r, Vocab("confidence"), Typed(DecimalText(s.confidence), "double"));
  if (s.place) Add(&r, Vocab("place"), Iri(EntityIri(s.place->id)));

  std::vector<Resource> sources;
  for (size_t i = 0; i < s.provenance.size(); ++i) {
    const Provenance& p = s.provenance[i];
    const std::string label = "s" + id + "p" + std::to_string(i);
    Add(&r, Vocab("source"), Blank(label));
    Resource source{Blank(label), {}};
    Add(&source, Vocab("article"), Iri(Under(kArticles, p.article)));
    AddText(&source, "publisher", p.source);
    if (!p.url.empty()) Add(&source, Vocab("url"), Typed(p.url, "anyURI"));
    if (const auto published = Date::ParseIso(p.published))
      Add(&source, Vocab("published"), Typed(published->ToIso(), DateType(published->precision)));
    if (!p.text.empty()) Add(&source, Vocab("evidence"), Tagged(p.text));
    if (p.sentence >= 0)
      Add(&source, Vocab("sentence"), Typed(std::to_string(p.sentence), "integer"));
    AddText(&source, "rule", p.rule);
    sources.push_back(std::move(source));
  }
  out->push_back(std::move(r));
  for (Resource& source : sources) out->push_back(std::move(source));
  if (s.place) {
    const std::string& name = s.place->name.empty() ? s.place->id : s.place->name;
    out->push_back({Iri(EntityIri(s.place->id)), {{Join(kRdfs, "label"), Tagged(name)}}});
  }
}

}  // namespace diplograph::rdf
