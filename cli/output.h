// Output: the formats query commands print in, and an aligned table for terminals.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace diplograph {

enum class OutputFormat { kTable, kJson, kJsonLines };

// Adds --format to a command, with the formats it accepts.
void AddFormatOption(CLI::App* cmd, OutputFormat* format);

// Columns padded to the widest cell by display width. Each cell is isolated
// (U+2068 ... U+2069) so that a right-to-left name cannot reorder the cells
// around it; ZWNJ and combining marks take no width.
class Table {
 public:
  explicit Table(std::vector<std::string> headers);
  void AddRow(std::vector<std::string> cells);
  void Print(std::ostream& out) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// Terminal columns a string takes.
size_t DisplayWidth(std::string_view text);
// Cuts to at most `width` columns, ending with "…" when cut.
std::string Truncate(std::string_view text, size_t width);

// Prints a JSON array as one document (json) or one line per element (jsonl).
void PrintJsonArray(std::ostream& out, const nlohmann::json& array, OutputFormat format);

}  // namespace diplograph
