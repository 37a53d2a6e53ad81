// JsonldWriter: the selection as JSON-LD, the same resources as the N-Triples and Turtle exports.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "queries/export/export.h"
#include "queries/export/rdf_mapping.h"

namespace diplograph {

// {"@context": {the prefixes}, "@graph": [node objects]}: a node object per
// rdf_mapping.h resource, one a line, with compact IRIs ("dg:met",
// "xsd:date") and language-tagged or typed values as {"@value", ...}.
class JsonldWriter : public ExportWriter {
 public:
  explicit JsonldWriter(std::ostream& out) : out_(out) {}
  void Begin() override;
  void Node(const ExportNode& node) override;
  bool Edge(const StoredStatement& stored) override;
  void End() override;

 private:
  // Writes resources_ and empties it.
  void Write();
  void AppendIri(std::string_view iri);
  void AppendValue(const rdf::Term& term);

  std::ostream& out_;
  std::string text_;
  std::vector<rdf::Resource> resources_;
  bool first_ = true;
};

}  // namespace diplograph
