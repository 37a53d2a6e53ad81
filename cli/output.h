// Output: the formats query commands print in, and an aligned table for terminals.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace diplograph {

enum class OutputFormat { kTable, kJson, kJsonLines, kCsv, kTsv };

// Adds --format to a command, with the formats it accepts.
void AddFormatOption(CLI::App* cmd, OutputFormat* format);

inline bool IsJson(OutputFormat f) {
  return f == OutputFormat::kJson || f == OutputFormat::kJsonLines;
}
inline bool IsDelimited(OutputFormat f) {
  return f == OutputFormat::kCsv || f == OutputFormat::kTsv;
}

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

// The shortest text that reads back as the same double: "0.85", "12".
std::string FormatNumber(double value);

// Prints a JSON array as one document (json) or one line per element (jsonl).
void PrintJsonArray(std::ostream& out, const nlohmann::json& array, OutputFormat format);

// Writes rows for spreadsheets and programs: the header row at once, then a
// row per call. CSV follows RFC 4180: rows end in CRLF, and a field holding a
// comma, a double quote, CR or LF is quoted, its quotes doubled. TSV cannot
// quote, so tabs, CRs and LFs inside a field become spaces; rows end in LF.
// In both, a field beginning with = + - @ (or, in CSV, a tab or CR) gets a '
// in front, so that a spreadsheet opening the file does not run it as a
// formula. All else, Persian text included, is written byte for byte.
class DelimitedWriter {
 public:
  DelimitedWriter(std::ostream& out, OutputFormat format, const std::vector<std::string>& headers);
  // As many fields as headers: missing ones are written empty.
  void Row(const std::vector<std::string>& fields);

 private:
  void Field(std::string_view text);

  std::ostream& out_;
  bool csv_;
  size_t columns_;
};

}  // namespace diplograph
