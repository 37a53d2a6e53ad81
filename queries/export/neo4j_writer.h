// Neo4jWriter: the selection as the two CSV files `neo4j-admin database import` reads.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "queries/export/export.h"

namespace diplograph {

// nodes.csv: `id:ID`, `:LABEL` ("Entity;Person", ...), then attributes.h's
// node attributes; edges.csv: `:START_ID`, `:END_ID`, `:TYPE` (the
// predicate in capitals: MET, HOLDS_ROLE) and the edge attributes. Numbers
// carry their type in the header (`statements:int`, `confidence:double`);
// the rest are strings. Fields are quoted as RFC 4180 says, rows end in LF,
// text that begins with = + - @ gets a ' before it (escape::Csv).
class Neo4jWriter : public ExportWriter {
 public:
  Neo4jWriter(std::ostream& nodes, std::ostream& edges) : nodes_(nodes), edges_(edges) {}
  void Begin() override;
  void Node(const ExportNode& node) override;
  bool Edge(const StoredStatement& stored) override;
  void End() override {}

 private:
  std::ostream& nodes_;
  std::ostream& edges_;
  std::string text_;
  std::vector<std::string> values_;
};

}  // namespace diplograph
