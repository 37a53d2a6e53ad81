// Entity: a person, country, organization, place or event of the graph.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

enum class EntityType { kPerson, kCountry, kOrganization, kPlace, kEvent };

const char* EntityTypeName(EntityType t);
std::optional<EntityType> ParseEntityType(std::string_view name);
// The type an id's prefix names ("country:RS" -> country), if any.
std::optional<EntityType> EntityTypeOfId(std::string_view id);

struct Entity {
  std::string id;  // stable and readable: "country:RS", "person:aleksandar-vucic"
  EntityType type = EntityType::kPerson;
  std::string name;                          // English display name where known
  std::vector<std::string> names;            // every surface form seen
  std::map<std::string, std::string> attrs;  // "iso", "wikidata", ...

  // Adds a surface form unless already present; keeps first-seen order.
  void AddName(std::string_view form);
  // Merges another record of the same entity: names and attributes; an
  // English display name replaces a native-script one.
  void Merge(const Entity& other);
};

// Lowercase ASCII slug for ids: "Aleksandar Vucic" -> "aleksandar-vucic".
std::string Slugify(std::string_view latin);

}  // namespace diplograph
