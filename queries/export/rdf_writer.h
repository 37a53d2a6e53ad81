// RdfWriter: the selection as RDF in N-Triples or Turtle, each statement reified (rdf_mapping.h).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "queries/export/export.h"
#include "queries/export/rdf_mapping.h"

namespace diplograph {

enum class RdfSyntax {
  kNTriples,  // a triple a line, full IRIs
  kTurtle,    // prefixes, a block per resource
};

class RdfWriter : public ExportWriter {
 public:
  RdfWriter(std::ostream& out, RdfSyntax syntax) : out_(out), syntax_(syntax) {}
  void Begin() override;
  void Node(const ExportNode& node) override;
  bool Edge(const StoredStatement& stored) override;
  void End() override {}

 private:
  // Writes resources_ and empties it.
  void Write();
  void AppendIri(std::string_view iri);
  void AppendTerm(const rdf::Term& term);

  std::ostream& out_;
  RdfSyntax syntax_;
  std::string text_;
  std::vector<rdf::Resource> resources_;
};

}  // namespace diplograph
