// JSON in and out of the data model, in the shape of the extract contract.
#pragma once

#include <nlohmann/json.hpp>

#include "core/entity.h"
#include "core/statement.h"

namespace diplograph {

nlohmann::json EntityToJson(const Entity& e);
// Throws Error naming the missing or malformed field.
Entity EntityFromJson(const nlohmann::json& j);

nlohmann::json ProvenanceToJson(const Provenance& p);
Provenance ProvenanceFromJson(const nlohmann::json& j);

// One line of `extract` output: the statement with its first provenance
// flattened into "article", "evidence" and "rule".
nlohmann::json StatementToExtractJson(const Statement& s);
Statement StatementFromExtractJson(const nlohmann::json& j);

// A stored statement: the extract shape plus "sources", one per provenance.
nlohmann::json StatementToJson(const Statement& s);
Statement StatementFromJson(const nlohmann::json& j);

}  // namespace diplograph
