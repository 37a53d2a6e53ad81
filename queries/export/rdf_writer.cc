#include "queries/export/rdf_writer.h"

#include <ostream>

#include "queries/export/escape.h"

namespace diplograph {

void RdfWriter::Begin() {
  if (syntax_ != RdfSyntax::kTurtle) return;
  text_.clear();
  for (const rdf::Prefix& p : rdf::Prefixes()) {
    text_ += "@prefix ";
    text_ += p.name;
    text_ += ": <";
    text_ += p.iri;
    text_ += "> .\n";
  }
  text_ += '\n';
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
}

void RdfWriter::AppendIri(std::string_view iri) {
  if (syntax_ == RdfSyntax::kTurtle && rdf::AppendCompact(&text_, iri)) return;
  text_ += '<';
  text_ += iri;
  text_ += '>';
}

void RdfWriter::AppendTerm(const rdf::Term& term) {
  switch (term.kind) {
    case rdf::Term::kIri:
      return AppendIri(term.value);
    case rdf::Term::kBlank:
      text_ += "_:";
      text_ += term.value;
      return;
    case rdf::Term::kLiteral:
      break;
  }
  text_ += '"';
  escape::RdfString(&text_, term.value);
  text_ += '"';
  if (!term.language.empty()) {
    text_ += '@';
    text_ += term.language;
  } else if (!term.datatype.empty()) {
    text_ += "^^";
    AppendIri(term.datatype);
  }
}

void RdfWriter::Write() {
  text_.clear();
  const std::string type = std::string(rdf::kRdf) + "type";
  for (const rdf::Resource& r : resources_) {
    for (size_t i = 0; i < r.properties.size(); ++i) {
      const rdf::Property& p = r.properties[i];
      if (syntax_ == RdfSyntax::kNTriples || i == 0) {
        AppendTerm(r.subject);
        text_ += ' ';
      } else {
        text_ += "    ";
      }
      if (syntax_ == RdfSyntax::kTurtle && p.predicate == type)
        text_ += 'a';
      else
        AppendIri(p.predicate);
      text_ += ' ';
      AppendTerm(p.object);
      const bool last = i + 1 == r.properties.size();
      text_ += syntax_ == RdfSyntax::kNTriples || last ? " .\n" : " ;\n";
    }
  }
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  resources_.clear();
}

void RdfWriter::Node(const ExportNode& node) {
  rdf::DescribeEntity(node, &resources_);
  Write();
}

bool RdfWriter::Edge(const StoredStatement& stored) {
  rdf::DescribeStatement(stored, &resources_);
  Write();
  return true;
}

}  // namespace diplograph
