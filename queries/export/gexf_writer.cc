#include "queries/export/gexf_writer.h"

#include <ostream>

#include "queries/export/escape.h"

namespace diplograph {

namespace {

const char* GexfType(AttributeType type) {
  switch (type) {
    case AttributeType::kInt:
      return "integer";
    case AttributeType::kLong:
      return "long";
    case AttributeType::kDouble:
      return "double";
    case AttributeType::kString:
      break;
  }
  return "string";
}

void Declarations(std::string* text, char kind, std::span<const Attribute> attributes) {
  *text += kind == 'n' ? "    <attributes class=\"node\" mode=\"static\">\n"
                       : "    <attributes class=\"edge\" mode=\"static\">\n";
  for (const Attribute& a : attributes) {
    *text += "      <attribute id=\"";
    *text += kind;
    *text += '.';
    *text += a.name;
    *text += "\" title=\"";
    *text += a.name;
    *text += "\" type=\"";
    *text += GexfType(a.type);
    *text += "\"/>\n";
  }
  *text += "    </attributes>\n";
}

}  // namespace

void GexfWriter::Begin() {
  // Gephi's timeline reads dates as timeformat="date"; so do networkx's
  // readers, which take them as strings.
  text_ =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
      "  <meta>\n    <creator>diplograph</creator>\n  </meta>\n"
      "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
      "timerepresentation=\"interval\">\n";
  Declarations(&text_, 'n', NodeAttributes());
  Declarations(&text_, 'e', EdgeAttributes());
  text_ += "    <nodes>\n";
  Flush();
}

void GexfWriter::AttValues(char kind, std::span<const Attribute> attributes) {
  text_ += "<attvalues>";
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (values_[i].empty()) continue;
    text_ += "<attvalue for=\"";
    text_ += kind;
    text_ += '.';
    text_ += attributes[i].name;
    text_ += "\" value=\"";
    escape::Xml(&text_, values_[i]);
    text_ += "\"/>";
  }
  text_ += "</attvalues>";
}

void GexfWriter::Spell(const DaySpan& span) {
  if (span.empty()) return;
  text_ += "<spells><spell start=\"" + DayIso(span.first) + "\" end=\"" + DayIso(span.last) +
           "\"/></spells>";
}

void GexfWriter::Flush() { out_.write(text_.data(), static_cast<std::streamsize>(text_.size())); }

void GexfWriter::Node(const ExportNode& node) {
  const Entity& e = node.entity;
  text_ = "      <node id=\"";
  escape::Xml(&text_, e.id);
  text_ += "\" label=\"";
  escape::Xml(&text_, e.name.empty() ? e.id : e.name);
  text_ += "\">";
  NodeValues(node, &values_);
  AttValues('n', NodeAttributes());
  Spell(node.dated);
  text_ += "</node>\n";
  Flush();
}

bool GexfWriter::Edge(const StoredStatement& stored) {
  const Statement& s = stored.statement;
  text_.clear();
  if (!in_edges_) {
    text_ = "    </nodes>\n    <edges>\n";
    in_edges_ = true;
  }
  text_ += "      <edge id=\"stmt:" + std::to_string(stored.id) + "\" source=\"";
  escape::Xml(&text_, s.subject.id);
  text_ += "\" target=\"";
  escape::Xml(&text_, s.object.id);
  // Gephi keeps parallel edges of different kinds apart.
  text_ += "\" label=\"";
  escape::Xml(&text_, s.predicate);
  text_ += "\" kind=\"";
  escape::Xml(&text_, s.predicate);
  text_ += "\">";
  EdgeValues(stored, &values_);
  AttValues('e', EdgeAttributes());
  Spell(SpanOf(s.date));
  text_ += "</edge>\n";
  Flush();
  return true;
}

void GexfWriter::End() {
  text_ = in_edges_ ? "    </edges>\n" : "    </nodes>\n    <edges>\n    </edges>\n";
  text_ += "  </graph>\n</gexf>\n";
  Flush();
}

}  // namespace diplograph
