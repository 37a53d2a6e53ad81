#include "queries/export/jsonld_writer.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "queries/export/escape.h"

namespace diplograph {

void JsonldWriter::Begin() {
  nlohmann::json context = nlohmann::json::object();
  for (const rdf::Prefix& p : rdf::Prefixes()) context[std::string(p.name)] = p.iri;
  out_ << "{\"@context\":" << escape::Json(context) << ",\n\"@graph\":[";
}

// A compact IRI where a prefix fits, else the IRI; a string either way.
void JsonldWriter::AppendIri(std::string_view iri) {
  const size_t start = text_.size();
  text_ += '"';
  if (rdf::AppendCompact(&text_, iri)) {
    text_ += '"';
    return;
  }
  text_.resize(start);
  escape::JsonString(&text_, iri);
}

void JsonldWriter::AppendValue(const rdf::Term& term) {
  switch (term.kind) {
    case rdf::Term::kIri:
      text_ += "{\"@id\":";
      AppendIri(term.value);
      text_ += '}';
      return;
    case rdf::Term::kBlank:
      text_ += "{\"@id\":";
      escape::JsonString(&text_, "_:" + term.value);
      text_ += '}';
      return;
    case rdf::Term::kLiteral:
      break;
  }
  if (term.language.empty() && term.datatype.empty()) {
    escape::JsonString(&text_, term.value);
    return;
  }
  text_ += "{\"@value\":";
  escape::JsonString(&text_, term.value);
  if (!term.language.empty()) {
    text_ += ",\"@language\":";
    escape::JsonString(&text_, term.language);
  } else {
    text_ += ",\"@type\":";
    AppendIri(term.datatype);
  }
  text_ += '}';
}

void JsonldWriter::Write() {
  const std::string type = std::string(rdf::kRdf) + "type";
  text_.clear();
  for (const rdf::Resource& r : resources_) {
    text_ += first_ ? "\n{\"@id\":" : ",\n{\"@id\":";
    first_ = false;
    if (r.subject.kind == rdf::Term::kBlank)
      escape::JsonString(&text_, "_:" + r.subject.value);
    else
      AppendIri(r.subject.value);
    const auto& props = r.properties;
    for (size_t i = 0, end; i < props.size(); i = end) {
      // The run of properties with this predicate: one key.
      for (end = i + 1; end < props.size() && props[end].predicate == props[i].predicate;) ++end;
      const bool is_type = props[i].predicate == type;
      text_ += ',';
      if (is_type)
        text_ += "\"@type\"";
      else
        AppendIri(props[i].predicate);
      text_ += ':';
      if (end - i > 1) text_ += '[';
      for (size_t k = i; k < end; ++k) {
        if (k > i) text_ += ',';
        if (is_type)
          AppendIri(props[k].object.value);
        else
          AppendValue(props[k].object);
      }
      if (end - i > 1) text_ += ']';
    }
    text_ += '}';
  }
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  resources_.clear();
}

void JsonldWriter::Node(const ExportNode& node) {
  rdf::DescribeEntity(node, &resources_);
  Write();
}

bool JsonldWriter::Edge(const StoredStatement& stored) {
  rdf::DescribeStatement(stored, &resources_);
  Write();
  return true;
}

void JsonldWriter::End() { out_ << "\n]}\n"; }

}  // namespace diplograph
