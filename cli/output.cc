#include "cli/output.h"

#include <unicode/uchar.h>

#include <charconv>
#include <ostream>

#include "core/utf8.h"

namespace diplograph {

void AddFormatOption(CLI::App* cmd, OutputFormat* format) {
  const std::map<std::string, OutputFormat> names = {{"table", OutputFormat::kTable},
                                                     {"json", OutputFormat::kJson},
                                                     {"jsonl", OutputFormat::kJsonLines},
                                                     {"csv", OutputFormat::kCsv},
                                                     {"tsv", OutputFormat::kTsv}};
  cmd->add_option("--format", *format,
                  "table (aligned, for reading); json, jsonl, csv or tsv (a header row, then "
                  "one row per result)")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
      ->option_text("table|json|jsonl|csv|tsv");
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0, pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<UChar32>(utf8::Next(text, &pos));
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
        type == U_CONTROL_CHAR)
      continue;
    const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string Truncate(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    utf8::Next(text, &pos);
    if (DisplayWidth(out) + DisplayWidth(text.substr(start, pos - start)) + 1 > width) break;
    out.append(text.substr(start, pos - start));
  }
  return out + "…";
}

namespace {
// Control and bidi-override characters in stored names must not reach the
// terminal: they could move the cursor or reorder the columns.
std::string Sanitize(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = utf8::Next(text, &pos);
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
      continue;
    utf8::Append(&out, c);
  }
  return out;
}
}  // namespace

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::AddRow(std::vector<std::string> cells) {
  for (auto& c : cells) c = Sanitize(c);
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void Table::Print(std::ostream& out) const {
  std::vector<size_t> widths(headers_.size());
  for (size_t i = 0; i < headers_.size(); ++i) widths[i] = DisplayWidth(headers_[i]);
  for (const auto& row : rows_)
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  auto line = [&](const std::vector<std::string>& cells, bool isolate) {
    std::string text;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (isolate) text += "\u2068";
      text += cells[i];
      if (isolate) text += "\u2069";
      if (i + 1 < cells.size()) text += std::string(widths[i] - DisplayWidth(cells[i]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line(headers_, false);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  line(rule, false);
  for (const auto& row : rows_) line(row, true);
}

std::string FormatNumber(double value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}

void PrintJsonArray(std::ostream& out, const nlohmann::json& array, OutputFormat format) {
  if (format == OutputFormat::kJsonLines) {
    for (const auto& item : array)
      out << item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else {
    out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

DelimitedWriter::DelimitedWriter(std::ostream& out, OutputFormat format,
                                 const std::vector<std::string>& headers)
    : out_(out), csv_(format == OutputFormat::kCsv), columns_(headers.size()) {
  Row(headers);
}

void DelimitedWriter::Row(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < columns_; ++i) {
    if (i) out_ << (csv_ ? ',' : '\t');
    if (i < fields.size()) Field(fields[i]);
  }
  out_ << (csv_ ? "\r\n" : "\n");
}

void DelimitedWriter::Field(std::string_view text) {
  std::string field;
  field.reserve(text.size() + 1);
  for (char c : text) field += !csv_ && (c == '\t' || c == '\r' || c == '\n') ? ' ' : c;
  if (!field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos)
    field.insert(field.begin(), '\'');
  if (!csv_ || field.find_first_of(",\"\r\n") == std::string::npos) {
    out_ << field;
    return;
  }
  out_ << '"';
  for (char c : field) {
    if (c == '"') out_ << '"';
    out_ << c;
  }
  out_ << '"';
}

}  // namespace diplograph
