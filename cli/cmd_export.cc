// `diplograph export --format F [-o PATH]`: the graph, or a part of it, for other tools.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/error.h"
#include "queries/export/export.h"
#include "queries/export/neo4j_writer.h"

namespace diplograph {

namespace {

namespace fs = std::filesystem;

// A file written under a temporary name in its final folder and renamed
// over its final path once complete: a failed export never leaves a partial
// file at the path, nor destroys the one it would replace.
class AtomicFile {
 public:
  explicit AtomicFile(fs::path path) : path_(std::move(path)) {
    std::error_code ec;
    if (fs::is_directory(path_, ec)) throw Error("cannot write " + path_.string() + ": a folder");
    std::string temp =
        (path_.parent_path() / ("." + path_.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
    // mkstemp makes the file private; an export gets the usual permissions.
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    temp_ = temp;
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) {
      Discard();
      throw Error("cannot write " + path_.string());
    }
  }
  ~AtomicFile() {
    if (!committed_) Discard();
  }
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }

  void Commit() {
    out_.close();
    if (out_.fail()) throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
    if (std::rename(temp_.c_str(), path_.c_str()) != 0)
      throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
    committed_ = true;
  }

 private:
  void Discard() {
    std::error_code ec;
    fs::remove(temp_, ec);
  }

  fs::path path_, temp_;
  std::ofstream out_;
  bool committed_ = false;
};

// neo4j's -o names a folder for its two files: made if missing.
void MakeFolder(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return;
  if (fs::exists(dir, ec)) throw Error("cannot write " + dir.string() + ": not a folder");
  fs::create_directory(dir, ec);
  if (ec) throw Error("cannot write " + dir.string() + ": " + ec.message());
}

std::string Summary(const ExportCounts& counts, std::string_view format, const std::string& to,
                    bool wants_nodes) {
  std::string line =
      "exported " + std::to_string(counts.edges) + " statement" + (counts.edges == 1 ? "" : "s");
  if (wants_nodes)
    line += " and " + std::to_string(counts.nodes) + (counts.nodes == 1 ? " entity" : " entities");
  line += " as " + std::string(format) + " to " + to;
  if (counts.skipped)
    line += " (" + std::to_string(counts.skipped) + " undated left out: " + std::string(format) +
            " needs a date)";
  else if (counts.edges == 0)
    line += " (no statement matches: a valid, empty " + std::string(format) + " document)";
  return line;
}

}  // namespace

void AddExportCommand(CLI::App& app) {
  struct Args {
    std::string format, output, around, db;
    int depth = 1;
    bool quiet = false;
    FilterOptions filter;
  };
  auto args = std::make_shared<Args>();
  std::vector<std::string> names;
  for (const ExportFormatName& f : ExportFormats()) names.emplace_back(f.name);
  CLI::App* cmd = app.add_subcommand(
      "export", "writes the graph, or the part the filters select, in a format other tools read");
  cmd->add_option("--format", args->format, "the format")
      ->required()
      ->check(CLI::IsMember(names))
      ->option_text(CLI::detail::join(names, "|"));
  cmd->add_option("-o,--output", args->output,
                  "the file to write (default: standard output); for neo4j, the folder to write "
                  "nodes.csv and edges.csv in");
  CLI::Option* around =
      cmd->add_option("--around", args->around,
                      "only the entities within --depth hops of this one (id, name or "
                      "alias) and the statements among them");
  cmd->add_option("--depth", args->depth, "hops from the --around entity")
      ->check(CLI::Range(1, 6))
      ->needs(around)
      ->capture_default_str();
  cmd->add_flag("--quiet,-q", args->quiet, "print no summary");
  AddDbOption(cmd, &args->db);
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([args] {
    ExportFormat format = ExportFormat::kGraphml;
    for (const ExportFormatName& f : ExportFormats())
      if (f.name == args->format) format = f.format;
    if (format == ExportFormat::kNeo4j && args->output.empty())
      throw CLI::ValidationError("--output", "neo4j writes two files: give -o FOLDER");
    const Filter filter = args->filter.ToFilter();
    const auto store = OpenForQuery(args->db);
    std::optional<Selection> selection;
    if (args->around.empty())
      selection.emplace(*store, filter);
    else
      selection.emplace(*store, filter, ResolveOne(*store, args->around).id, args->depth);

    ExportCounts counts;
    bool wants_nodes = true;
    if (format == ExportFormat::kNeo4j) {
      MakeFolder(args->output);
      AtomicFile nodes(fs::path(args->output) / "nodes.csv");
      AtomicFile edges(fs::path(args->output) / "edges.csv");
      Neo4jWriter writer(nodes.stream(), edges.stream());
      counts = Export(*selection, &writer);
      nodes.Commit();
      edges.Commit();
    } else if (args->output.empty()) {
      const auto writer = MakeWriter(format, std::cout);
      wants_nodes = writer->WantsNodes();
      counts = Export(*selection, writer.get());
      std::cout.flush();
      if (!std::cout) throw Error("cannot write to standard output");
    } else {
      AtomicFile file(args->output);
      const auto writer = MakeWriter(format, file.stream());
      wants_nodes = writer->WantsNodes();
      counts = Export(*selection, writer.get());
      file.Commit();
    }
    if (!args->quiet)
      std::cerr << Summary(counts, args->format,
                           args->output.empty() ? "standard output" : args->output, wants_nodes)
                << '\n';
  });
}

}  // namespace diplograph
