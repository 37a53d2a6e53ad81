#include "cli/common.h"

#include <filesystem>

#include "core/error.h"
#include "core/predicate.h"
#include "queries/pattern_resolve.h"
#include "queries/resolve.h"

namespace diplograph {

void AddDbOption(CLI::App* cmd, std::string* db) {
  *db = kDefaultDb;
  cmd->add_option("--db", *db, "store directory")->capture_default_str();
}

std::unique_ptr<Store> OpenForQuery(const std::string& db) {
  return Store::Open(db, OpenMode::kReadOnly);
}

Entity ResolveOne(const Store& store, const std::string& name) {
  const auto hits = ResolveEntity(store, name);
  if (hits.size() != 1) throw Error(UnresolvedMessage(store, name, hits));
  return hits.front().entity;
}

void AddFilterOptions(CLI::App* cmd, FilterOptions* options) {
  cmd->add_option("--from", options->from, "only statements dated on or after (YYYY[-MM[-DD]])");
  cmd->add_option("--to", options->to, "only statements dated on or before (YYYY[-MM[-DD]])");
  cmd->add_option("--predicate", options->predicates, "only these predicates (repeatable)");
  cmd->add_option("--min-confidence", options->min_confidence,
                  "only statements at least this confident")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--source", options->source, "only statements reported by this source");
}

Filter FilterOptions::ToFilter() const {
  Filter f;
  if (!from.empty()) {
    f.from = Date::ParseIso(from);
    if (!f.from) throw Error("--from: not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + from);
  }
  if (!to.empty()) {
    f.to = Date::ParseIso(to);
    if (!f.to) throw Error("--to: not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + to);
  }
  for (const auto& p : predicates)
    if (!FindPredicate(p)) throw Error("--predicate: unknown predicate \"" + p + "\"");
  f.predicates = predicates;
  f.min_confidence = min_confidence;
  f.source = source;
  return f;
}

std::string DateCell(const Statement& s) { return s.date.known() ? s.date.ToIso() : "undated"; }

std::string EntityCell(const Entity& e) { return e.name.empty() ? e.id : e.name; }

}  // namespace diplograph

#include <iostream>

#include "core/json_io.h"

namespace diplograph {

std::vector<std::string> StatementCells(const Statement& s) {
  std::string predicate = s.predicate;
  if (!s.role.empty()) predicate += " (" + s.role + ")";
  if (s.modality != Modality::kAsserted)
    predicate += " [" + std::string(ModalityName(s.modality)) + "]";
  const std::string evidence = s.provenance.empty() ? "" : s.provenance.front().text;
  return {DateCell(s),
          EntityCell(s.subject),
          predicate,
          EntityCell(s.object),
          std::to_string(s.provenance.size()),
          Truncate(evidence, 60)};
}

nlohmann::json StatementJson(const StoredStatement& s) {
  nlohmann::json j = StatementToJson(s.statement);
  j["id"] = s.id;
  return j;
}

void PrintStatements(const std::vector<StoredStatement>& statements, OutputFormat format) {
  if (format != OutputFormat::kTable) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& s : statements) array.push_back(StatementJson(s));
    PrintJsonArray(std::cout, array, format);
    return;
  }
  Table t({"DATE", "SUBJECT", "PREDICATE", "OBJECT", "SOURCES", "EVIDENCE"});
  for (const auto& s : statements) t.AddRow(StatementCells(s.statement));
  if (t.empty()) {
    std::cout << "no statements\n";
    return;
  }
  t.Print(std::cout);
}

}  // namespace diplograph
