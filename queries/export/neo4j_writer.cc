#include "queries/export/neo4j_writer.h"

#include <ostream>

#include "queries/export/attributes.h"
#include "queries/export/escape.h"

namespace diplograph {

namespace {

void Header(std::string* text, std::span<const Attribute> attributes) {
  for (const Attribute& a : attributes) {
    *text += ',';
    *text += a.name;
    switch (a.type) {
      case AttributeType::kInt:
        *text += ":int";
        break;
      case AttributeType::kLong:
        *text += ":long";
        break;
      case AttributeType::kDouble:
        *text += ":double";
        break;
      case AttributeType::kString:
        break;
    }
  }
  *text += '\n';
}

void Cells(std::string* text, std::span<const Attribute> attributes,
           const std::vector<std::string>& values) {
  for (size_t i = 0; i < attributes.size(); ++i) {
    *text += ',';
    escape::Csv(text, values[i], attributes[i].type == AttributeType::kString);
  }
  *text += '\n';
}

std::string Label(EntityType type) {
  std::string label = EntityTypeName(type);
  label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return "Entity;" + label;
}

std::string RelationshipType(std::string_view predicate) {
  std::string type(predicate);
  for (char& c : type)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return type;
}

}  // namespace

void Neo4jWriter::Begin() {
  text_ = "id:ID,:LABEL";
  Header(&text_, NodeAttributes());
  nodes_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  text_ = ":START_ID,:END_ID,:TYPE";
  Header(&text_, EdgeAttributes());
  edges_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
}

void Neo4jWriter::Node(const ExportNode& node) {
  text_.clear();
  escape::Csv(&text_, node.entity.id);
  text_ += ',';
  text_ += Label(node.entity.type);
  NodeValues(node, &values_);
  Cells(&text_, NodeAttributes(), values_);
  nodes_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
}

bool Neo4jWriter::Edge(const StoredStatement& stored) {
  const Statement& s = stored.statement;
  text_.clear();
  escape::Csv(&text_, s.subject.id);
  text_ += ',';
  escape::Csv(&text_, s.object.id);
  text_ += ',';
  escape::Csv(&text_, RelationshipType(s.predicate));
  EdgeValues(stored, &values_);
  Cells(&text_, EdgeAttributes(), values_);
  edges_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  return true;
}

}  // namespace diplograph
