// Export: the export formats, the interface their writers share, and the driver that feeds one.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <span>
#include <string_view>

#include "queries/export/selection.h"

namespace diplograph {

enum class ExportFormat {
  kGraphml,
  kGexf,
  kDot,
  kCyjs,
  kNeo4j,
  kNtriples,
  kTurtle,
  kJsonld,
  kTimelinejs,
};

struct ExportFormatName {
  std::string_view name;  // as --format takes it
  ExportFormat format;
};
std::span<const ExportFormatName> ExportFormats();

// Every format's writer has this shape: Begin, then Node for each entity
// (unless it wants none), then Edge for each statement, then End. Writers
// stream: they keep nothing per statement, and at most a few bytes per
// entity, so that the size of an export is not bounded by memory.
class ExportWriter {
 public:
  virtual ~ExportWriter() = default;
  // False for a format made of statements alone: the driver then skips the
  // pass that finds the entities.
  virtual bool WantsNodes() const { return true; }
  virtual void Begin() = 0;
  virtual void Node(const ExportNode& node) = 0;
  // False when the format cannot hold the statement (TimelineJS, an undated one).
  virtual bool Edge(const StoredStatement& stored) = 0;
  virtual void End() = 0;
};

struct ExportCounts {
  uint64_t nodes = 0;
  uint64_t edges = 0;
  uint64_t skipped = 0;  // statements the format could not hold
};

// Writes the selection: all its entities, then all its statements.
ExportCounts Export(const Selection& selection, ExportWriter* writer);

// The writer of a format that writes one stream; nullptr for neo4j, whose
// two files Neo4jWriter takes.
std::unique_ptr<ExportWriter> MakeWriter(ExportFormat format, std::ostream& out);

}  // namespace diplograph
