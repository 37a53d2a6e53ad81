#include "cli/common.h"

#include <filesystem>
#include <iostream>

#include "core/json_io.h"
#include "core/predicate.h"
#include "queries/pattern_resolve.h"
#include "queries/resolve.h"
#include "queries/result_json.h"

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
  if (hits.size() != 1) throw UnresolvedError(store, name, hits);
  return hits.front().entity;
}

void AddFilterOptions(CLI::App* cmd, FilterOptions* options) {
  cmd->add_option("--from", options->from, "only statements dated on or after (YYYY[-MM[-DD]])");
  cmd->add_option("--to", options->to, "only statements dated on or before (YYYY[-MM[-DD]])");
  // One predicate per --predicate, so that the entity names after it stay positional.
  cmd->add_option("--predicate", options->predicates, "only these predicates (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--min-confidence", options->min_confidence,
                  "only statements at least this confident (0 to 1)");
  cmd->add_option("--source", options->source, "only statements reported by this source");
}

std::string DateCell(const Statement& s) { return s.date.known() ? s.date.ToIso() : "undated"; }

std::string EntityCell(const Entity& e) { return e.name.empty() ? e.id : e.name; }

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

std::vector<std::string> StatementColumns() {
  return {"id",      "date",         "subject_id",  "subject_name", "predicate",
          "role",    "object_id",    "object_name", "modality",     "confidence",
          "sources", "first_source", "evidence"};
}

std::vector<std::string> StatementFields(const StoredStatement& stored) {
  const Statement& s = stored.statement;
  const Provenance* first = s.provenance.empty() ? nullptr : &s.provenance.front();
  return {std::to_string(stored.id),
          s.date.ToIso(),
          s.subject.id,
          s.subject.name,
          s.predicate,
          s.role,
          s.object.id,
          s.object.name,
          ModalityName(s.modality),
          FormatNumber(s.confidence),
          std::to_string(s.provenance.size()),
          first ? first->source : "",
          first ? first->text : ""};
}

void PrintStatements(const std::vector<StoredStatement>& statements, OutputFormat format) {
  if (IsDelimited(format)) {
    DelimitedWriter rows(std::cout, format, StatementColumns());
    for (const auto& s : statements) rows.Row(StatementFields(s));
    return;
  }
  if (IsJson(format)) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& s : statements) array.push_back(StoredStatementToJson(s));
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
