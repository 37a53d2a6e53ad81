#include "core/entity.h"

#include <algorithm>

namespace diplograph {

namespace {
struct TypeName {
  EntityType type;
  const char* name;
};
constexpr TypeName kTypeNames[] = {
    {EntityType::kPerson, "person"},
    {EntityType::kCountry, "country"},
    {EntityType::kOrganization, "organization"},
    {EntityType::kPlace, "place"},
    {EntityType::kEvent, "event"},
};
}  // namespace

const char* EntityTypeName(EntityType t) {
  for (const auto& tn : kTypeNames)
    if (tn.type == t) return tn.name;
  return "person";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (const auto& tn : kTypeNames)
    if (name == tn.name) return tn.type;
  return std::nullopt;
}

std::optional<EntityType> EntityTypeOfId(std::string_view id) {
  const size_t colon = id.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view prefix = id.substr(0, colon);
  if (prefix == "org") return EntityType::kOrganization;
  return ParseEntityType(prefix);
}

void Entity::AddName(std::string_view form) {
  if (form.empty()) return;
  if (std::find(names.begin(), names.end(), form) == names.end()) names.emplace_back(form);
}

namespace {
bool HasLatin(std::string_view s) {
  for (unsigned char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}
}  // namespace

void Entity::Merge(const Entity& other) {
  // The display name is English where known: a Latin name replaces a
  // native-script one that an earlier article gave.
  if (name.empty() || (!HasLatin(name) && HasLatin(other.name))) name = other.name;
  for (const auto& n : other.names) AddName(n);
  for (const auto& [k, v] : other.attrs) attrs.emplace(k, v);
}

std::string Slugify(std::string_view latin) {
  std::string out;
  bool dash = false;
  for (unsigned char c : latin) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

}  // namespace diplograph
