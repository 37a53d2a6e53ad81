// DotWriter: the selection as a Graphviz digraph, nodes coloured by entity type, edges labelled.
#pragma once

#include <iosfwd>
#include <string>

#include "queries/export/export.h"

namespace diplograph {

// A node per entity (its entity id, quoted, labelled with the display name
// and filled with its type's colour), an edge per statement labelled with
// its predicate (dashed when intended, dotted when negated), its date as the
// tooltip. Meant for neighbourhoods: Graphviz lays out thousands of edges,
// not millions.
class DotWriter : public ExportWriter {
 public:
  explicit DotWriter(std::ostream& out) : out_(out) {}
  void Begin() override;
  void Node(const ExportNode& node) override;
  bool Edge(const StoredStatement& stored) override;
  void End() override;

 private:
  void Flush();

  std::ostream& out_;
  std::string text_;
};

}  // namespace diplograph
