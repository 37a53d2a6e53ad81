// Escape: text made safe for each export format (XML, DOT, CSV, N-Triples, IRIs, HTML, JSON).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace diplograph::escape {

// Every function appends `text` to `out` in the form its format reads back as
// the same characters, with three rules in common:
//
// - Explicit bidirectional controls (U+202A-U+202E embeddings and overrides,
//   U+2066-U+2069 isolates) are balanced within the one value: those the
//   value opens are closed at its end, and closers that close nothing of its
//   own are dropped. A name holding U+202E so cannot reverse the fields after
//   it, in the file or in the program that shows it. Where the format has an
//   escape for a character, the kept controls are written escaped, so that
//   the file itself also reads in order.
// - Characters a format cannot hold (C0 controls in XML, invalid UTF-8) become
//   U+FFFD.
// - Everything else, Persian included, is copied byte for byte.

// Element content and double-quoted attribute values alike: & < > " and tab,
// CR and LF as references, so that attribute normalization keeps them.
void Xml(std::string* out, std::string_view text);
// An NMTOKEN for XML formats whose ids must be one (GraphML): ASCII letters,
// digits, '.', ':' and '-' kept, every other byte as _HH (hex), '_' too, so
// that two ids never meet.
void XmlToken(std::string* out, std::string_view id);
// Inside a DOT double-quoted string: \ and " escaped, & as &amp; (Graphviz
// reads entities in labels), line breaks as \n.
void Dot(std::string* out, std::string_view text);
// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, quotes
// doubled. A text cell beginning with = + - @ (or a tab or CR) gets a '
// before it, so that a spreadsheet does not run it as a formula; numbers,
// which may start with '-', are written as they are.
void Csv(std::string* out, std::string_view text, bool text_cell = true);
// Inside an N-Triples or Turtle "..." literal: ECHAR escapes for " \ and
// line breaks, \uXXXX for other controls, bidi controls, U+2028 and U+2029.
void RdfString(std::string* out, std::string_view text);
// Percent-encoding for an IRI path segment: every byte but ASCII letters,
// digits and - . _ ~ : as %HH, so ids map one to one onto valid IRIs.
void IriPart(std::string* out, std::string_view text);
// HTML text and attribute values: & < > " ' as entities.
void Html(std::string* out, std::string_view text);
// A JSON string, quotes included: " \ and controls escaped as JSON wants,
// and bidi controls, U+2028 and U+2029 written \uXXXX.
void JsonString(std::string* out, std::string_view text);
// A JSON document on one line, every string in it as JsonString writes it.
std::string Json(const nlohmann::json& value);

// Whether c is one of the explicit bidi controls the rules above balance.
bool IsBidiControl(char32_t c);

}  // namespace diplograph::escape
