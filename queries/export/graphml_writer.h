// GraphmlWriter: the selection as GraphML 1.0 (yEd, Gephi, networkx), each attribute a typed key.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "queries/export/attributes.h"
#include "queries/export/export.h"

namespace diplograph {

// A node per entity, id its entity id as an NMTOKEN (escape::XmlToken); an
// edge per statement, id "stmt:N", from subject to object. The attributes
// are attributes.h's, each a <key> with its attr.type; a missing value is no
// <data> at all.
class GraphmlWriter : public ExportWriter {
 public:
  explicit GraphmlWriter(std::ostream& out) : out_(out) {}
  void Begin() override;
  void Node(const ExportNode& node) override;
  bool Edge(const StoredStatement& stored) override;
  void End() override;

 private:
  void Data(char kind, std::span<const Attribute> attributes);

  std::ostream& out_;
  std::string text_;
  std::vector<std::string> values_;
};

}  // namespace diplograph
