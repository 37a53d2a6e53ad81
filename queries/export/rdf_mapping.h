// RdfMapping: entities and statements as RDF resources, shared by the three RDF syntaxes.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "queries/export/selection.h"
#include "store/store.h"

namespace diplograph::rdf {

// Not dereferenceable: names under a URN, since no domain is the project's.
// docs/EXPORTS.md lists the terms.
inline constexpr std::string_view kVocabulary = "urn:diplograph:vocab:";
inline constexpr std::string_view kEntities = "urn:diplograph:entity:";
inline constexpr std::string_view kStatements = "urn:diplograph:statement:";
inline constexpr std::string_view kArticles = "urn:diplograph:article:";

inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

struct Prefix {
  std::string_view name;  // "dg", "rdf", ...
  std::string_view iri;
};
// The prefixes Turtle and JSON-LD write compact IRIs with.
std::span<const Prefix> Prefixes();
// Appends "dg:met" for an IRI under one of the prefixes whose local part is
// plain (letters, digits, '_'), and returns true; else appends nothing.
bool AppendCompact(std::string* out, std::string_view iri);

// An entity id percent-encoded under kEntities (escape::IriPart).
std::string EntityIri(std::string_view id);

struct Term {
  enum Kind { kIri, kBlank, kLiteral };
  Kind kind = kIri;
  std::string value;     // the IRI, the blank node's label, or the lexical form
  std::string language;  // of a literal, or empty
  std::string datatype;  // of a literal (an IRI), or empty for a plain string
};

struct Property {
  std::string predicate;  // an IRI
  Term object;
};

// A subject and what is said of it: one Turtle block, one JSON-LD node
// object, a line of N-Triples per property. The properties of a predicate
// are next to each other (a JSON-LD key with an array of values).
struct Resource {
  Term subject;
  std::vector<Property> properties;
};

// The entity: its class (dg:Person, ...), rdfs:label (display name),
// skos:altLabel (every other name), language-tagged by script, and dg:iso,
// dg:country where known.
void DescribeEntity(const ExportNode& node, std::vector<Resource>* out);
// The statement reified (an rdf:Statement with rdf:subject, rdf:predicate,
// rdf:object and its qualifiers), one blank node per source with the
// article, publisher, URL, evidence sentence and rule, the place's label;
// and, when its modality is asserted, the plain triple subject dg:PREDICATE
// object, which intended and negated statements do not assert.
void DescribeStatement(const StoredStatement& stored, std::vector<Resource>* out);

}  // namespace diplograph::rdf
