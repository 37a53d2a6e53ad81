#include "queries/export/dot_writer.h"

#include <ostream>

#include "queries/export/escape.h"

namespace diplograph {

namespace {

// ColorBrewer's "Paired" light tones: readable under black text.
const char* FillColor(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "#a6cee3";
    case EntityType::kCountry:
      return "#fdbf6f";
    case EntityType::kOrganization:
      return "#b2df8a";
    case EntityType::kPlace:
      return "#fb9a99";
    case EntityType::kEvent:
      return "#cab2d6";
  }
  return "#ffffff";
}

void Quoted(std::string* text, std::string_view value) {
  text->push_back('"');
  escape::Dot(text, value);
  text->push_back('"');
}

}  // namespace

void DotWriter::Flush() { out_.write(text_.data(), static_cast<std::streamsize>(text_.size())); }

void DotWriter::Begin() {
  text_ =
      "digraph diplograph {\n"
      "  graph [charset=\"UTF-8\"];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\"];\n"
      "  edge [fontname=\"sans-serif\", fontsize=10];\n";
  Flush();
}

void DotWriter::Node(const ExportNode& node) {
  const Entity& e = node.entity;
  text_ = "  ";
  Quoted(&text_, e.id);
  text_ += " [label=";
  Quoted(&text_, e.name.empty() ? e.id : e.name);
  text_ += ", fillcolor=\"";
  text_ += FillColor(e.type);
  text_ += "\"];\n";
  Flush();
}

bool DotWriter::Edge(const StoredStatement& stored) {
  const Statement& s = stored.statement;
  text_ = "  ";
  Quoted(&text_, s.subject.id);
  text_ += " -> ";
  Quoted(&text_, s.object.id);
  text_ += " [id=\"stmt:" + std::to_string(stored.id) + "\", label=";
  Quoted(&text_, s.predicate);
  if (s.date.known()) {
    text_ += ", tooltip=";
    Quoted(&text_, s.date.ToIso());
  }
  if (s.modality == Modality::kIntended) text_ += ", style=dashed";
  if (s.modality == Modality::kNegated) text_ += ", style=dotted";
  text_ += "];\n";
  Flush();
  return true;
}

void DotWriter::End() { out_ << "}\n"; }

}  // namespace diplograph
