// /api/export: the selected graph as a file to download, in any export format.
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>

#include "core/error.h"
#include "queries/export/export.h"
#include "queries/export/neo4j_writer.h"
#include "queries/export/selection.h"
#include "server/api_error.h"
#include "server/endpoints.h"

namespace diplograph {

namespace {

struct Download {
  std::string_view extension;
  std::string_view content_type;
};

Download DownloadOf(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphml:
      return {"graphml", "application/graphml+xml"};
    case ExportFormat::kGexf:
      return {"gexf", "application/gexf+xml"};
    case ExportFormat::kDot:
      return {"dot", "text/vnd.graphviz; charset=utf-8"};
    case ExportFormat::kCyjs:
      return {"cyjs", "application/json"};
    case ExportFormat::kNeo4j:
      return {"csv", "text/csv; charset=utf-8"};
    case ExportFormat::kNtriples:
      return {"nt", "application/n-triples"};
    case ExportFormat::kTurtle:
      return {"ttl", "text/turtle; charset=utf-8"};
    case ExportFormat::kJsonld:
      return {"jsonld", "application/ld+json"};
    case ExportFormat::kTimelinejs:
      return {"json", "application/json"};
  }
  return {"txt", "text/plain"};
}

// A file in the temporary folder that is gone once closed: written under a
// name, then reopened for reading and unlinked, so that neither a failed
// request nor a crash leaves exports behind for long.
class SpoolFile {
 public:
  SpoolFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/diplograph-export-XXXXXX";
    const int fd = mkstemp(path_.data());
    if (fd < 0)
      throw Error("cannot make a temporary file in " + path_ + ": " + std::strerror(errno));
    close(fd);
    out_.open(path_, std::ios::binary | std::ios::trunc);
  }
  ~SpoolFile() { unlink(path_.c_str()); }
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;

  std::ostream& stream() { return out_; }

  // The written content, for reading from the start.
  std::shared_ptr<std::FILE> Finish() {
    out_.close();
    if (out_.fail())
      throw Error("cannot write the export to " + path_ + ": " + std::strerror(errno));
    std::FILE* f = std::fopen(path_.c_str(), "rb");
    if (!f) throw Error("cannot read back " + path_ + ": " + std::strerror(errno));
    return std::shared_ptr<std::FILE>(f, [](std::FILE* file) { std::fclose(file); });
  }

 private:
  std::string path_;
  std::ofstream out_;
};

}  // namespace

ApiResponse ExportEndpoint(const EndpointContext& c) {
  const std::string name = c.params.Required("format");
  std::optional<ExportFormat> format;
  std::string names;
  for (const ExportFormatName& f : ExportFormats()) {
    if (f.name == name) format = f.format;
    names += (names.empty() ? "" : ", ") + std::string(f.name);
  }
  if (!format) throw ApiError(400, "bad_request", "parameter format: not one of " + names);
  const std::string part = c.params.Get("part").value_or("");
  if (*format == ExportFormat::kNeo4j ? part != "nodes" && part != "edges" : !part.empty())
    throw ApiError(400, "bad_request",
                   *format == ExportFormat::kNeo4j
                       ? "parameter part: neo4j is two files, part=nodes or part=edges"
                       : "parameter part: only for neo4j");
  const Filter filter = c.params.ReadFilter();
  std::optional<Selection> selection;
  std::string stem = "diplograph";
  if (c.params.Get("around")) {
    const EntityHit around = ResolveParam(c, "around");
    const int depth = static_cast<int>(c.params.Integer("depth", 1, 1, 6));
    selection.emplace(*c.store, filter, around.entity.id, depth);
    stem += "-" + around.entity.id;
  } else {
    if (c.params.Get("depth")) throw ApiError(400, "bad_request", "parameter depth: needs around");
    selection.emplace(*c.store, filter);
  }

  SpoolFile file;
  if (*format == ExportFormat::kNeo4j) {
    SpoolFile other;
    Neo4jWriter writer(part == "nodes" ? file.stream() : other.stream(),
                       part == "nodes" ? other.stream() : file.stream());
    Export(*selection, &writer);
    stem += "-" + part;
  } else {
    const auto writer = MakeWriter(*format, file.stream());
    Export(*selection, writer.get());
  }
  const Download download = DownloadOf(*format);
  ApiResponse r;
  r.content_type = download.content_type;
  r.file = file.Finish();
  // Ids hold colons, and may hold letters of any script, which a file name
  // in a Content-Disposition header cannot carry as they are.
  for (char& ch : stem)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_')) ch = '_';
  r.filename = stem + "." + std::string(download.extension);
  return r;
}

}  // namespace diplograph
