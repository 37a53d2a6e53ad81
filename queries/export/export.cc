#include "queries/export/export.h"

#include "queries/export/cyjs_writer.h"
#include "queries/export/dot_writer.h"
#include "queries/export/gexf_writer.h"
#include "queries/export/graphml_writer.h"
#include "queries/export/jsonld_writer.h"
#include "queries/export/rdf_writer.h"
#include "queries/export/timelinejs_writer.h"

namespace diplograph {

namespace {

constexpr ExportFormatName kFormats[] = {
    {"graphml", ExportFormat::kGraphml},
    {"gexf", ExportFormat::kGexf},
    {"dot", ExportFormat::kDot},
    {"cyjs", ExportFormat::kCyjs},
    {"neo4j", ExportFormat::kNeo4j},
    {"ntriples", ExportFormat::kNtriples},
    {"turtle", ExportFormat::kTurtle},
    {"jsonld", ExportFormat::kJsonld},
    {"timelinejs", ExportFormat::kTimelinejs},
};

}  // namespace

std::span<const ExportFormatName> ExportFormats() { return kFormats; }

ExportCounts Export(const Selection& selection, ExportWriter* writer) {
  ExportCounts counts;
  writer->Begin();
  if (writer->WantsNodes())
    selection.ForEachNode([&](const ExportNode& node) {
      writer->Node(node);
      ++counts.nodes;
    });
  selection.ForEachStatement([&](const StoredStatement& stored) {
    ++(writer->Edge(stored) ? counts.edges : counts.skipped);
  });
  writer->End();
  return counts;
}

std::unique_ptr<ExportWriter> MakeWriter(ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kGraphml:
      return std::make_unique<GraphmlWriter>(out);
    case ExportFormat::kGexf:
      return std::make_unique<GexfWriter>(out);
    case ExportFormat::kDot:
      return std::make_unique<DotWriter>(out);
    case ExportFormat::kCyjs:
      return std::make_unique<CyjsWriter>(out);
    case ExportFormat::kNtriples:
      return std::make_unique<RdfWriter>(out, RdfSyntax::kNTriples);
    case ExportFormat::kTurtle:
      return std::make_unique<RdfWriter>(out, RdfSyntax::kTurtle);
    case ExportFormat::kJsonld:
      return std::make_unique<JsonldWriter>(out);
    case ExportFormat::kTimelinejs:
      return std::make_unique<TimelinejsWriter>(out);
    case ExportFormat::kNeo4j:
      break;
  }
  return nullptr;
}

}  // namespace diplograph
