#include "queries/export/graphml_writer.h"

#include <ostream>

#include "queries/export/attributes.h"
#include "queries/export/escape.h"

namespace diplograph {

namespace {

const char* GraphmlType(AttributeType type) {
  switch (type) {
    case AttributeType::kInt:
      return "int";
    case AttributeType::kLong:
      return "long";
    case AttributeType::kDouble:
      return "double";
    case AttributeType::kString:
      break;
  }
  return "string";
}

// Key ids: "n." or "e." and the attribute's name, so that a node and an
// edge attribute of the same name stay two keys.
void Keys(std::string* text, char kind, std::span<const Attribute> attributes) {
  for (const Attribute& a : attributes) {
    *text += "  <key id=\"";
    *text += kind;
    *text += '.';
    *text += a.name;
    *text += kind == 'n' ? "\" for=\"node\"" : "\" for=\"edge\"";
    *text += " attr.name=\"";
    *text += a.name;
    *text += "\" attr.type=\"";
    *text += GraphmlType(a.type);
    *text += "\"/>\n";
  }
}

}  // namespace

void GraphmlWriter::Begin() {
  text_ =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  Keys(&text_, 'n', NodeAttributes());
  Keys(&text_, 'e', EdgeAttributes());
  text_ += "  <graph id=\"diplograph\" edgedefault=\"directed\">\n";
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
}

void GraphmlWriter::Data(char kind, std::span<const Attribute> attributes) {
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (values_[i].empty()) continue;
    text_ += "<data key=\"";
    text_ += kind;
    text_ += '.';
    text_ += attributes[i].name;
    text_ += "\">";
    escape::Xml(&text_, values_[i]);
    text_ += "</data>";
  }
}

void GraphmlWriter::Node(const ExportNode& node) {
  text_ = "    <node id=\"";
  escape::XmlToken(&text_, node.entity.id);
  text_ += "\">";
  NodeValues(node, &values_);
  Data('n', NodeAttributes());
  text_ += "</node>\n";
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
}

bool GraphmlWriter::Edge(const StoredStatement& stored) {
  const Statement& s = stored.statement;
  text_ = "    <edge id=\"stmt:" + std::to_string(stored.id) + "\" source=\"";
  escape::XmlToken(&text_, s.subject.id);
  text_ += "\" target=\"";
  escape::XmlToken(&text_, s.object.id);
  text_ += "\">";
  EdgeValues(stored, &values_);
  Data('e', EdgeAttributes());
  text_ += "</edge>\n";
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  return true;
}

void GraphmlWriter::End() { out_ << "  </graph>\n</graphml>\n"; }

}  // namespace diplograph
