// Clients: running the programs the exports are for (networkx, xmllint, Graphviz, rapper).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/cli/run.h"

namespace diplograph::test {

// Runs a shell command, capturing what it prints.
inline RunResult Shell(const std::string& command) {
  static TempDir scratch;
  const std::string out = scratch / "stdout", err = scratch / "stderr";
  const int status = std::system((command + " >" + out + " 2>" + err + " </dev/null").c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

// scripts/setup.sh installs every reader the tests run, so a missing one is
// a failure, not a reason to skip.
inline void RequireProgram(const std::string& program) {
  INFO(program << " is missing: scripts/setup.sh installs it");
  REQUIRE(Shell("command -v " + Quote(program)).exit_code == 0);
}

// Debian's python3-networkx is in /usr/bin/python3's library; the python3
// first on PATH may be another interpreter without it.
constexpr const char* kPython = "/usr/bin/python3";

// Runs a Python script with arguments; its stdout is returned.
inline RunResult Python(const std::string& script, const std::vector<std::string>& args) {
  RequireProgram(kPython);
  std::string command = std::string(kPython) + " -c " + Quote(script);
  for (const std::string& a : args) command += " " + Quote(a);
  return Shell(command);
}

// The published XSDs sit beside the project (../shared/schemas) on the
// machine it is developed on, and may not be copied into it; elsewhere the
// tests check that the XML is well formed.
inline std::optional<std::filesystem::path> Schema(const std::string& file) {
  const auto path =
      std::filesystem::path(DIPLOGRAPH_SOURCE_DIR) / ".." / "shared" / "schemas" / file;
  if (std::filesystem::exists(path)) return path;
  return std::nullopt;
}

// xmllint validates the file against the schema when it is there, else
// checks that it is well formed.
inline void RequireValidXml(const std::string& file, const std::string& schema) {
  RequireProgram("xmllint");
  const auto xsd = Schema(schema);
  const std::string command = "xmllint --noout --nonet " +
                              (xsd ? "--schema " + Quote(xsd->string()) + " " : "") + Quote(file);
  const RunResult r = Shell(command);
  INFO(command << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  if (xsd) CHECK(r.err.find(" validates") != std::string::npos);
}

// rapper parses the file; the number of triples it read.
inline size_t RequireRdf(const std::string& file, const std::string& syntax) {
  RequireProgram("rapper");
  const RunResult r = Shell("rapper -i " + syntax + " -c " + Quote(file));
  INFO("rapper -i " << syntax << " " << file << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("Error") == std::string::npos);
  CHECK(r.err.find("Warning") == std::string::npos);
  const std::string marker = "Parsing returned ";
  const size_t at = r.err.find(marker);
  REQUIRE(at != std::string::npos);
  return std::stoul(r.err.substr(at + marker.size()));
}

// Graphviz lays the file out as SVG; the SVG.
inline std::string RequireDot(const std::string& file) {
  RequireProgram("dot");
  const RunResult r = Shell("dot -Tsvg " + Quote(file));
  INFO("dot -Tsvg " << file << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  return r.out;
}

// The rows of a CSV file (RFC 4180 quoting, LF or CRLF row ends).
inline std::vector<std::vector<std::string>> CsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  return rows;
}

// What a whole-store export must hold, counted from the store's index and
// records rather than by the exporters.
struct StoreCounts {
  size_t statements = 0;
  size_t entities = 0;  // named by a statement as subject or object
  size_t dated = 0;
};

inline StoreCounts CountStore(const std::string& db) {
  const auto store = Store::Open(db, OpenMode::kReadOnly);
  std::vector<uint64_t> ids;
  std::set<uint64_t> entities;
  store->ScanTriples({}, [&](const Triple& t) {
    ids.push_back(t.stmt);
    entities.insert(t.subject);
    entities.insert(t.object);
    return true;
  });
  std::sort(ids.begin(), ids.end());
  StoreCounts counts{ids.size(), entities.size(), 0};
  store->ForEachStatementRecord(
      ids, [&](uint64_t, const StatementRecord& r) { counts.dated += r.date.known(); });
  return counts;
}

}  // namespace diplograph::test
