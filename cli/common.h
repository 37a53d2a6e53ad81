// Common: what several commands share — the store path, entity naming, filters.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cli/output.h"
#include "queries/filter.h"
#include "store/store.h"

namespace diplograph {

constexpr const char* kDefaultDb = "./diplograph.db";

void AddDbOption(CLI::App* cmd, std::string* db);

// Opens the store for reading; Error when it is missing or unreadable.
std::unique_ptr<Store> OpenForQuery(const std::string& db);

// The one entity `name` means (id, name or alias in any language). Throws a
// QueryError that lists the candidates, with their type and statement count,
// when it is ambiguous, or says it is unknown.
Entity ResolveOne(const Store& store, const std::string& name);

// --from, --to, --predicate, --min-confidence, --source.
struct FilterOptions : FilterText {
  Filter ToFilter() const { return Parse(ParameterStyle::kCommandLine); }
};
void AddFilterOptions(CLI::App* cmd, FilterOptions* options);

// A statement's date for tables: ISO, or "undated".
std::string DateCell(const Statement& s);
// "name (id)" for tables.
std::string EntityCell(const Entity& e);

}  // namespace diplograph

namespace diplograph {

// Prints statements as a table (date, subject, predicate, object, sources,
// evidence), as JSON in the extract shape plus "id" and "sources", or as
// CSV or TSV rows of StatementColumns.
void PrintStatements(const std::vector<StoredStatement>& statements, OutputFormat format);
// One statement's cells as PrintStatements' table shows them.
std::vector<std::string> StatementCells(const Statement& s);
// Flat columns of a statement for CSV and TSV, and its fields: the date
// empty when unknown, the first source's publisher and whole evidence.
std::vector<std::string> StatementColumns();
std::vector<std::string> StatementFields(const StoredStatement& s);

}  // namespace diplograph
