// Attributes: the node and edge attributes every graph format writes, with their types.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "queries/export/selection.h"
#include "store/store.h"

namespace diplograph {

enum class AttributeType { kString, kInt, kLong, kDouble };

struct Attribute {
  std::string_view name;  // a valid XML name, as GraphML's attr.name must be
  AttributeType type;
};

// The attributes in the order the formats write them.
std::span<const Attribute> NodeAttributes();
std::span<const Attribute> EdgeAttributes();

// The values, one per attribute above, as text: numbers in their shortest
// decimal form, "" where there is none (written as no value at all).
void NodeValues(const ExportNode& node, std::vector<std::string>* values);
void EdgeValues(const StoredStatement& stored, std::vector<std::string>* values);

// The store keeps an entity's names without their language, so the exports
// tell them apart by script: "fa" for Arabic script (the examples' Persian;
// Arabic forms from the lexicon fall here too), "en" for the rest.
std::string_view NameLanguage(std::string_view name);
// The Persian (Arabic-script) name: the display name when it is one, else
// the longest such form, which is the full name rather than a surname.
std::string PersianName(const Entity& e);

// The shortest text that reads back as the same double: "0.85", "1".
std::string DecimalText(double value);

}  // namespace diplograph
