#include "queries/export/cyjs_writer.h"

#include <ostream>

#include "queries/export/escape.h"

namespace diplograph {

void CyjsWriter::Begin() {
  out_ << R"({"format_version":"1.0","generated_by":"diplograph",)"
       << R"("target_cytoscapejs_version":"~3.0","data":{"name":"diplograph"},)"
       << "\n\"elements\":{\"nodes\":[";
}

void CyjsWriter::Open() {
  text_ = first_ ? "\n{\"data\":{" : ",\n{\"data\":{";
  first_ = false;
}

void CyjsWriter::Close(std::span<const Attribute> attributes) {
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (values_[i].empty()) continue;
    text_ += ',';
    escape::JsonString(&text_, attributes[i].name);
    text_ += ':';
    // Numbers are written as the shortest decimals, which JSON reads as they are.
    if (attributes[i].type == AttributeType::kString)
      escape::JsonString(&text_, values_[i]);
    else
      text_ += values_[i];
  }
  text_ += "}}";
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
}

void CyjsWriter::Node(const ExportNode& node) {
  const Entity& e = node.entity;
  Open();
  text_ += "\"id\":";
  escape::JsonString(&text_, e.id);
  text_ += ",\"label\":";
  escape::JsonString(&text_, e.name.empty() ? e.id : e.name);
  NodeValues(node, &values_);
  Close(NodeAttributes());
}

bool CyjsWriter::Edge(const StoredStatement& stored) {
  const Statement& s = stored.statement;
  if (!in_edges_) {
    out_ << "\n],\"edges\":[";
    in_edges_ = true;
    first_ = true;
  }
  Open();
  text_ += "\"id\":\"stmt:" + std::to_string(stored.id) + "\",\"source\":";
  escape::JsonString(&text_, s.subject.id);
  text_ += ",\"target\":";
  escape::JsonString(&text_, s.object.id);
  text_ += ",\"label\":";
  escape::JsonString(&text_, s.predicate);
  EdgeValues(stored, &values_);
  Close(EdgeAttributes());
  return true;
}

void CyjsWriter::End() {
  if (!in_edges_) out_ << "\n],\"edges\":[";
  out_ << "\n]}}\n";
}

}  // namespace diplograph
