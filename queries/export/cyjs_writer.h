// CyjsWriter: the selection as Cytoscape.js elements JSON (Cytoscape's .cyjs), one element a line.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "queries/export/attributes.h"
#include "queries/export/export.h"

namespace diplograph {

// {"format_version", "generated_by", "data", "elements": {"nodes": [...],
// "edges": [...]}}, each element {"data": {...}}: "id" (the entity id, or
// "stmt:N"), "source" and "target" for edges, "label" (display name, or
// predicate), and attributes.h's attributes, numbers as JSON numbers.
class CyjsWriter : public ExportWriter {
 public:
  explicit CyjsWriter(std::ostream& out) : out_(out) {}
  void Begin() override;
  void Node(const ExportNode& node) override;
  bool Edge(const StoredStatement& stored) override;
  void End() override;

 private:
  // Starts an element: the separator before it, none before a list's first.
  void Open();
  // The attributes with a value, and closes the element.
  void Close(std::span<const Attribute> attributes);

  std::ostream& out_;
  std::string text_;
  std::vector<std::string> values_;
  bool in_edges_ = false;
  bool first_ = true;
};

}  // namespace diplograph
