#include "queries/export/escape.h"

#include "core/utf8.h"

namespace diplograph::escape {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr char kHex[] = "0123456789ABCDEF";

// The explicit bidi controls a value has opened and not closed, innermost
// last, following the pairing rules of UAX #9: a PDF closes the innermost
// embedding or override unless an isolate was opened after it; a PDI closes
// the innermost isolate and whatever was opened inside it.
class BidiScope {
 public:
  // Whether to keep the control c: false for a closer with nothing of this
  // value's to close.
  bool Keep(char32_t c) {
    switch (c) {
      case 0x202C:  // PDF
        if (open_.empty() || open_.back() != kEmbedding) return false;
        open_.pop_back();
        return true;
      case 0x2069: {  // PDI
        const size_t isolate = open_.rfind(kIsolate);
        if (isolate == std::string::npos) return false;
        open_.erase(isolate);
        return true;
      }
      case 0x2066:
      case 0x2067:
      case 0x2068:
        open_.push_back(kIsolate);
        return true;
      default:
        open_.push_back(kEmbedding);
        return true;
    }
  }
  // Calls close(PDF or PDI) for each control still open, innermost first.
  template <typename Close>
  void CloseAll(Close close) {
    for (; !open_.empty(); open_.pop_back()) close(open_.back() == kEmbedding ? 0x202C : 0x2069);
  }

 private:
  static constexpr char kEmbedding = 'e', kIsolate = 'i';
  std::string open_;
};

// The UTF-8 bytes of a bidi control (all are three bytes long).
std::string_view ControlBytes(char32_t c, char* buf) { return {buf, utf8::Encode(c, buf)}; }

// Calls emit(code point, its bytes) for every character of `text`, invalid
// UTF-8 as U+FFFD, bidi controls balanced (see BidiScope), closers last.
template <typename Emit>
void Walk(std::string_view text, Emit emit) {
  BidiScope scope;
  char buf[4];
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t c = utf8::Next(text, &pos);
    std::string_view bytes = text.substr(start, pos - start);
    if (c == utf8::kInvalid) bytes = kReplacement;
    if (IsBidiControl(c) && !scope.Keep(c)) continue;
    emit(c, bytes);
  }
  scope.CloseAll([&](char32_t c) { emit(c, ControlBytes(c, buf)); });
}

void AppendHexRef(std::string* out, char32_t c, std::string_view prefix, std::string_view suffix,
                  int digits) {
  out->append(prefix);
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
    out->push_back(kHex[(c >> shift) & 15]);
  out->append(suffix);
}

bool IsLineSeparator(char32_t c) { return c == 0x2028 || c == 0x2029; }

// The escapes of the characters each format writes as something else.
std::string_view XmlEscape(char32_t c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\t':
      return "&#9;";
    case '\n':
      return "&#10;";
    case '\r':
      return "&#13;";
  }
  return {};
}

std::string_view DotEscape(char32_t c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '&':
      return "&amp;";
    case '\n':
      return "\\n";
    case '\t':
      return " ";
  }
  return {};
}

std::string_view RdfEscape(char32_t c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
  }
  return {};
}

std::string_view HtmlEscape(char32_t c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
  }
  return {};
}

}  // namespace

bool IsBidiControl(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void Xml(std::string* out, std::string_view text) {
  Walk(text, [&](char32_t c, std::string_view bytes) {
    if (const std::string_view e = XmlEscape(c); !e.empty())
      out->append(e);
    else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)  // XML 1.0 cannot hold them at all
      out->append(kReplacement);
    else if (IsBidiControl(c))
      AppendHexRef(out, c, "&#x", ";", 4);
    else
      out->append(bytes);
  });
}

void XmlToken(std::string* out, std::string_view id) {
  if (id.empty()) out->push_back('_');
  for (const char ch : id) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '.' ||
        b == ':' || b == '-')
      out->push_back(ch);
    else
      AppendHexRef(out, b, "_", "", 2);
  }
}

void Dot(std::string* out, std::string_view text) {
  Walk(text, [&](char32_t c, std::string_view bytes) {
    if (const std::string_view e = DotEscape(c); !e.empty())
      out->append(e);
    else if (c == '\r')
      return;
    else if (c < 0x20 || c == 0x7F)
      out->append(kReplacement);
    else if (IsBidiControl(c))
      AppendHexRef(out, c, "&#x", ";", 4);
    else
      out->append(bytes);
  });
}

void Csv(std::string* out, std::string_view text, bool text_cell) {
  std::string field;
  field.reserve(text.size() + 1);
  Walk(text, [&](char32_t c, std::string_view bytes) {
    if (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
      field.append(kReplacement);
    else
      field.append(bytes);
  });
  if (text_cell && !field.empty() &&
      std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos)
    field.insert(field.begin(), '\'');
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (const char ch : field) {
    if (ch == '"') out->push_back('"');
    out->push_back(ch);
  }
  out->push_back('"');
}

void RdfString(std::string* out, std::string_view text) {
  Walk(text, [&](char32_t c, std::string_view bytes) {
    if (const std::string_view e = RdfEscape(c); !e.empty())
      out->append(e);
    else if (c < 0x20 || c == 0x7F || IsBidiControl(c) || IsLineSeparator(c))
      AppendHexRef(out, c, "\\u", "", 4);
    else
      out->append(bytes);
  });
}

void IriPart(std::string* out, std::string_view text) {
  for (const char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' ||
        b == '.' || b == '_' || b == '~' || b == ':')
      out->push_back(ch);
    else
      AppendHexRef(out, b, "%", "", 2);
  }
}

void Html(std::string* out, std::string_view text) {
  Walk(text, [&](char32_t c, std::string_view bytes) {
    if (const std::string_view e = HtmlEscape(c); !e.empty())
      out->append(e);
    else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
      out->append(kReplacement);
    else if (IsBidiControl(c))
      AppendHexRef(out, c, "&#x", ";", 4);
    else
      out->append(bytes);
  });
}

void JsonString(std::string* out, std::string_view text) {
  out->push_back('"');
  Walk(text, [&](char32_t c, std::string_view bytes) {
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c < 0x20 || IsBidiControl(c) || IsLineSeparator(c)) {
      AppendHexRef(out, c, "\\u", "", 4);
    } else {
      out->append(bytes);
    }
  });
  out->push_back('"');
}

std::string Json(const nlohmann::json& value) {
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // The dump holds the controls as raw UTF-8 inside its strings: balance
  // each string and write them escaped. Outside strings the dump is ASCII.
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  BidiScope scope;
  const auto escaped = [&](char32_t c) { AppendHexRef(&out, c, "\\u", "", 4); };
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (!in_string) {
      in_string = ch == '"';
      out.push_back(ch);
      continue;
    }
    if (ch == '\\') {  // an escape of the dump, never a control: copy it whole
      out.append(text, i, 2);
      ++i;
      continue;
    }
    if (ch == '"') {
      scope.CloseAll(escaped);
      in_string = false;
      out.push_back(ch);
      continue;
    }
    if (ch == '\xE2' && i + 2 < text.size()) {
      size_t pos = i;
      const char32_t c = utf8::Next(text, &pos);
      if (IsBidiControl(c) || IsLineSeparator(c)) {
        if (!IsBidiControl(c) || scope.Keep(c)) escaped(c);
        i = pos - 1;
        continue;
      }
    }
    out.push_back(ch);
  }
  return out;
}

}  // namespace diplograph::escape
