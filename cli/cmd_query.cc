// `diplograph query 'PATTERN'`: triple patterns with variables, joined over the graph.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "queries/pattern_query.h"
#include "queries/result_json.h"

namespace diplograph {

namespace {

void PrintJson(const PatternQuery& query, const std::vector<Binding>& bindings,
               EntityCache* entities, OutputFormat format) {
  nlohmann::json array = nlohmann::json::array();
  for (const Binding& b : bindings) array.push_back(BindingToJson(query, b, entities));
  PrintJsonArray(std::cout, array, format);
}

// A variable's id (or predicate) and, for an entity, its name; then the date
// the table shows. Headers keep the "?", so none can clash with "date".
void PrintRows(const Store& store, const PatternQuery& query, const std::vector<Binding>& bindings,
               EntityCache* entities, OutputFormat format) {
  std::vector<std::string> headers;
  for (const PatternVariable& v : query.variables) {
    headers.push_back("?" + v.name);
    if (!v.predicate) headers.push_back("?" + v.name + " name");
  }
  headers.push_back("date");
  DelimitedWriter rows(std::cout, format, headers);
  for (const Binding& b : bindings) {
    std::vector<std::string> fields;
    for (const PatternVariable& v : query.variables) {
      const std::string& value = b.values.at(v.name);
      fields.push_back(value);
      if (!v.predicate) fields.push_back(entities->Get(value).name);
    }
    const auto first = store.GetStatement(b.statements.front());
    fields.push_back(first ? first->date.ToIso() : "");
    rows.Row(fields);
  }
}

void PrintTable(const Store& store, const PatternQuery& query, const std::vector<Binding>& bindings,
                EntityCache* entities) {
  if (bindings.empty()) {
    std::cout << "no bindings\n";
    return;
  }
  std::vector<std::string> headers;
  for (const PatternVariable& v : query.variables) headers.push_back("?" + v.name);
  headers.push_back("DATE");
  Table t(std::move(headers));
  for (const Binding& b : bindings) {
    std::vector<std::string> row;
    for (const PatternVariable& v : query.variables) {
      const std::string& value = b.values.at(v.name);
      if (v.predicate) {
        row.push_back(value);
        continue;
      }
      const Entity& e = entities->Get(value);
      row.push_back(e.name.empty() ? e.id : e.name + " (" + e.id + ")");
    }
    const auto first = store.GetStatement(b.statements.front());
    row.push_back(first ? DateCell(*first) : "");
    t.AddRow(std::move(row));
  }
  t.Print(std::cout);
}

}  // namespace

void AddQueryCommand(CLI::App& app) {
  struct Args {
    std::string pattern, db;
    size_t limit = 0;
    OutputFormat format = OutputFormat::kTable;
    FilterOptions filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "query", "triple patterns with variables, joined: '?a met ?b . ?b holds_role country:RS'");
  cmd->add_option("pattern", args->pattern,
                  "patterns separated by \" . \", then optional FILTER date >= D, FILTER date <= "
                  "D, FILTER modality = M, FILTER source = S, FILTER confidence >= C, ORDER BY "
                  "date, LIMIT N")
      ->required();
  cmd->add_option("--limit", args->limit, "at most this many bindings (0: all)");
  AddDbOption(cmd, &args->db);
  AddFormatOption(cmd, &args->format);
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([args] {
    // Syntax errors are reported before the store is opened.
    PatternQuery query = ParsePattern(args->pattern);
    const Filter filter = args->filter.ToFilter();
    if (args->limit && (!query.limit || *query.limit > args->limit)) query.limit = args->limit;
    const auto store = OpenForQuery(args->db);
    const auto bindings = RunPatternQuery(*store, query, filter);
    EntityCache entities(*store);
    if (IsJson(args->format))
      PrintJson(query, bindings, &entities, args->format);
    else if (IsDelimited(args->format))
      PrintRows(*store, query, bindings, &entities, args->format);
    else
      PrintTable(*store, query, bindings, &entities);
  });
}

}  // namespace diplograph
