// GexfWriter: the selection as dynamic GEXF 1.3 (Gephi), whose timeline plays statements by date.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "queries/export/attributes.h"
#include "queries/export/export.h"

namespace diplograph {

// mode="dynamic" with timeformat="date": an edge per statement with one
// spell, the days its date covers (a day, or a whole month or year); a node
// alive from the first day of its first dated statement to the last day of
// its last. Undated statements, and entities with none dated, get no spell:
// alive throughout. Label: the display name (English where known); the
// Persian name and the rest of attributes.h are static attributes.
class GexfWriter : public ExportWriter {
 public:
  explicit GexfWriter(std::ostream& out) : out_(out) {}
  void Begin() override;
  void Node(const ExportNode& node) override;
  bool Edge(const StoredStatement& stored) override;
  void End() override;

 private:
  void AttValues(char kind, std::span<const Attribute> attributes);
  void Spell(const DaySpan& span);
  void Flush();

  std::ostream& out_;
  std::string text_;
  std::vector<std::string> values_;
  bool in_edges_ = false;
};

}  // namespace diplograph
