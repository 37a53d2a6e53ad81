#include "extractors/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace diplograph {

namespace {

// ---- Tag and attribute helpers ----

std::string_view Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool IsElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// An attribute's value ("" for a bare attribute such as `hidden`), or nullopt.
std::optional<std::string> Attr(xmlNode* n, const char* name) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return std::nullopt;
  std::string s(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return s;
}

bool HasAttr(xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

// Elements whose content is never article text nor page metadata.
bool IsOpaque(std::string_view name) {
  return OneOf(name, {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
                      "canvas", "video", "audio"});
}

// Page furniture around the article: menus, banners, sidebars, widgets.
bool IsChrome(std::string_view name) {
  return OneOf(name, {"nav", "header", "footer", "aside", "form", "button", "select", "textarea"});
}

// Elements a browser lays out on lines of their own; their text is one line.
bool IsBlock(std::string_view name) {
  return OneOf(
      name,
      {"p",       "h1",      "h2",     "h3",         "h4",     "h5",         "h6",      "li",
       "td",      "th",      "div",    "blockquote", "pre",    "dt",         "dd",      "ul",
       "ol",      "dl",      "table",  "tr",         "tbody",  "thead",      "tfoot",   "caption",
       "section", "article", "main",   "body",       "figure", "figcaption", "address", "hr",
       "details", "summary", "center", "hgroup",     "menu",   "fieldset",   "nav",     "header",
       "footer",  "aside",   "form"});
}

// Hidden from readers by the page itself, so not part of what it says.
bool IsHidden(xmlNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (const auto aria = Attr(n, "aria-hidden"); aria && LowerAscii(Trim(*aria)) == "true")
    return true;
  if (const auto style = Attr(n, "style")) {
    std::string compact;
    for (char c : *style)
      if (!IsSpace(c)) compact += LowerAscii(c);
    if (compact.find("display:none") != std::string::npos) return true;
  }
  return false;
}

// ---- Traversal ----

// Visits the subtree of `root` in document order. The parent and sibling links
// serve as the stack, so a pathologically deep page costs no call stack.
// `enter(n)` returns whether to visit n's children; `leave(n)` follows them.
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter&& enter, Leave&& leave) {
  xmlNode* n = root;
  while (true) {
    // Only elements: an entity reference's children belong to its declaration.
    if (enter(n) && IsElement(n) && n->children != nullptr) {
      n = n->children;
      continue;
    }
    leave(n);
    while (n != root && n->next == nullptr) {
      n = n->parent;
      leave(n);
    }
    if (n == root) return;
    n = n->next;
  }
}

// Accumulates text into a line, collapsing runs of whitespace (and no-break
// spaces, which pages use for layout) to one space and trimming both ends.
class LineBuilder {
 public:
  void Append(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (IsSpace(c)) {
        pending_space_ = true;
      } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        pending_space_ = true;
        ++i;
      } else {
        if (pending_space_ && !line_.empty()) line_ += ' ';
        pending_space_ = false;
        line_ += c;
      }
    }
  }
  // A word boundary that the markup implies (<br>, a left-out element).
  void Space() { pending_space_ = true; }
  void Flush(std::vector<std::string>* lines) {
    if (!line_.empty()) lines->push_back(std::move(line_));
    line_.clear();
    pending_space_ = false;
  }
  std::string Take() {
    std::string out = std::move(line_);
    line_.clear();
    pending_space_ = false;
    return out;
  }

 private:
  std::string line_;
  bool pending_space_ = false;
};

void AppendContent(const xmlNode* n, LineBuilder* line) {
  if (n->content != nullptr) line->Append(reinterpret_cast<const char*>(n->content));
}

// The visible text of an element on one line (a title, a heading).
std::string InlineText(xmlNode* element) {
  if (element == nullptr) return {};
  LineBuilder line;
  Walk(
      element,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE) AppendContent(n, &line);
        if (!IsElement(n)) return false;
        if (Name(n) == "br" || IsBlock(Name(n))) line.Space();
        if (n != element && (IsOpaque(Name(n)) || IsHidden(n))) return false;
        return true;
      },
      [&](xmlNode* n) {
        if (IsElement(n) && IsBlock(Name(n))) line.Space();
      });
  return line.Take();
}

std::string Collapse(std::string_view text) {
  LineBuilder line;
  line.Append(text);
  return line.Take();
}

// ---- Metadata ----

// What one pass over the page finds: meta values and the candidate elements
// for the main content, its headline and its date.
struct PageScan {
  std::string lang;
  std::string og_title, og_url, og_site_name, canonical;
  std::string article_published_time, og_published_time, meta_date, itemprop_date;
  xmlNode* title = nullptr;
  xmlNode* body = nullptr;
  xmlNode* article = nullptr;
  xmlNode* main = nullptr;
  xmlNode* article_h1 = nullptr;
  xmlNode* main_h1 = nullptr;
  xmlNode* any_h1 = nullptr;
  std::string article_time, main_time, any_time;  // <time datetime> values
};

void SetOnce(std::string* field, std::string_view value) {
  if (field->empty()) *field = Collapse(value);
}

void ReadMeta(xmlNode* n, PageScan* scan) {
  const auto content = Attr(n, "content");
  if (!content) return;
  // Open Graph uses `property`, many sites `name`, schema.org `itemprop`.
  for (const char* key_attr : {"property", "name", "itemprop"}) {
    const auto key = Attr(n, key_attr);
    if (!key) continue;
    const std::string k = LowerAscii(Trim(*key));
    if (k == "og:title") SetOnce(&scan->og_title, *content);
    if (k == "og:url") SetOnce(&scan->og_url, *content);
    if (k == "og:site_name") SetOnce(&scan->og_site_name, *content);
    if (k == "article:published_time") SetOnce(&scan->article_published_time, *content);
    if (k == "og:published_time") SetOnce(&scan->og_published_time, *content);
    if (k == "date") SetOnce(&scan->meta_date, *content);
    if (k == "datepublished") SetOnce(&scan->itemprop_date, *content);
  }
}

bool IsCanonicalLink(xmlNode* n) {
  const auto rel = Attr(n, "rel");
  if (!rel) return false;
  // rel holds space-separated tokens.
  std::string_view rest = *rel;
  while (!rest.empty()) {
    const size_t start = std::min(rest.size(), rest.find_first_not_of(" \t\r\n\f"));
    rest.remove_prefix(start);
    const size_t end = std::min(rest.size(), rest.find_first_of(" \t\r\n\f"));
    if (LowerAscii(rest.substr(0, end)) == "canonical") return true;
    rest.remove_prefix(end);
  }
  return false;
}

PageScan ScanPage(xmlNode* root) {
  PageScan scan;
  // The outermost element of each kind the walk is inside, cleared on leaving it.
  xmlNode* chrome = nullptr;  // inside nav/footer/... or hidden: not the article
  xmlNode* in_article = nullptr;
  xmlNode* in_main = nullptr;
  bool itemprop_seen = false;
  Walk(
      root,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        const std::string_view name = Name(n);
        if (IsOpaque(name)) return false;
        // An article's own <header> holds its headline and date, a page's does not.
        const bool article_header = name == "header" && (in_article || in_main);
        if (chrome == nullptr && ((IsChrome(name) && !article_header) || IsHidden(n))) chrome = n;
        if (name == "html" && n == root) {
          if (const auto lang = Attr(n, "lang")) scan.lang = *lang;
        } else if (name == "meta") {
          ReadMeta(n, &scan);
        } else if (name == "link") {
          if (scan.canonical.empty() && IsCanonicalLink(n))
            SetOnce(&scan.canonical, Attr(n, "href").value_or(""));
        } else if (name == "title") {
          if (scan.title == nullptr) scan.title = n;
        } else if (name == "body") {
          if (scan.body == nullptr) scan.body = n;
        }
        // Only the first such element is read, which keeps nested ones linear.
        if (!itemprop_seen && name != "meta" &&
            LowerAscii(Trim(Attr(n, "itemprop").value_or(""))) == "datepublished") {
          itemprop_seen = true;
          if (auto value = Attr(n, "content")) {
            SetOnce(&scan.itemprop_date, *value);
          } else if ((value = Attr(n, "datetime"))) {
            SetOnce(&scan.itemprop_date, *value);
          } else {
            SetOnce(&scan.itemprop_date, InlineText(n));
          }
        }
        if (chrome != nullptr) return true;
        if (name == "article" && scan.article == nullptr) scan.article = in_article = n;
        if (name == "main" && scan.main == nullptr) scan.main = in_main = n;
        if (name == "h1") {
          if (in_article && !scan.article_h1) scan.article_h1 = n;
          if (in_main && !scan.main_h1) scan.main_h1 = n;
          if (!scan.any_h1) scan.any_h1 = n;
        } else if (name == "time") {
          if (const auto datetime = Attr(n, "datetime")) {
            if (in_article) SetOnce(&scan.article_time, *datetime);
            if (in_main) SetOnce(&scan.main_time, *datetime);
            SetOnce(&scan.any_time, *datetime);
          }
        }
        return true;
      },
      [&](xmlNode* n) {
        if (n == chrome) chrome = nullptr;
        if (n == in_article) in_article = nullptr;
        if (n == in_main) in_main = nullptr;
      });
  return scan;
}

// The YYYY-MM-DD part of a date or timestamp, or "" when it has none.
std::string DayOf(std::string_view value) {
  value = Trim(value);
  if (value.size() < 10) return {};
  const std::string_view day = value.substr(0, 10);
  const auto date = Date::ParseIso(day);
  if (!date || date->precision != DatePrecision::kDay) return {};
  return std::string(day);
}

std::string LangOf(std::string_view lang) {
  lang = Trim(lang);
  if (lang.size() < 2) return {};
  const std::string two = LowerAscii(lang.substr(0, 2));
  for (char c : two)
    if (c < 'a' || c > 'z') return {};
  return two;
}

// ---- Main text ----

// One line per block of `root`, in document order. `headline` (may be null)
// is left out: it is already the article's first line.
std::vector<std::string> Paragraphs(xmlNode* root, const xmlNode* headline) {
  std::vector<std::string> lines;
  LineBuilder line;
  Walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE) AppendContent(n, &line);
        if (!IsElement(n)) return false;
        const std::string_view name = Name(n);
        if (IsBlock(name)) line.Flush(&lines);
        if (name == "br") line.Space();
        if (n == headline || IsOpaque(name) || IsChrome(name) || IsHidden(n)) {
          // Whatever is left out, the words on either side stay apart.
          line.Space();
          return false;
        }
        return true;
      },
      [&](xmlNode* n) {
        if (IsElement(n) && IsBlock(Name(n))) line.Flush(&lines);
      });
  line.Flush(&lines);
  return lines;
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

Article ParseHtmlArticle(std::string_view html, const std::string& name) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (html.size() > static_cast<size_t>(INT_MAX)) throw Error(name + ": HTML page too large");

  // The input is validated UTF-8 already, so a stale meta charset must not
  // make libxml2 re-decode it. Without XML_PARSE_HUGE libxml2 stops parsing at
  // 256 open elements and drops the rest of the page (runs of unclosed tags
  // get there); its HTML parser and tree freeing are not recursive, and
  // neither is Walk, so depth is harmless.
  const int options = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  const std::string no_text = name + ": no article text found in HTML";
  if (root == nullptr) throw Error(no_text);

  const PageScan scan = ScanPage(root);
  xmlNode* content = scan.article ? scan.article : scan.main ? scan.main : scan.body;
  if (content == nullptr) content = root;

  Article a;
  xmlNode* h1 = scan.article_h1 ? scan.article_h1 : scan.main_h1;
  a.meta.title = scan.og_title;
  if (a.meta.title.empty()) a.meta.title = InlineText(h1);
  if (a.meta.title.empty()) a.meta.title = InlineText(scan.title);
  if (a.meta.title.empty()) a.meta.title = InlineText(h1 = scan.any_h1);

  // The heading is dropped from the body when the title already says it
  // (og:title is often "Headline | Site").
  const std::string h1_text = InlineText(h1);
  const xmlNode* headline =
      !h1_text.empty() && a.meta.title.find(h1_text) != std::string::npos ? h1 : nullptr;
  std::vector<std::string> lines = Paragraphs(content, headline);
  if (!lines.empty() && lines.front() == a.meta.title) lines.erase(lines.begin());
  if (lines.empty()) throw Error(no_text);

  const std::string& content_time = scan.article ? scan.article_time
                                    : scan.main  ? scan.main_time
                                                 : scan.any_time;
  for (const std::string* candidate : {&scan.article_published_time, &scan.og_published_time,
                                       &content_time, &scan.meta_date, &scan.itemprop_date}) {
    a.meta.published = DayOf(*candidate);
    if (!a.meta.published.empty()) break;
  }
  a.meta.url = !scan.canonical.empty() ? scan.canonical : scan.og_url;
  a.meta.source = scan.og_site_name;
  a.meta.lang = LangOf(scan.lang);
  a.meta.path = name;

  if (!a.meta.title.empty()) a.text = a.meta.title + "\n";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) a.text += '\n';
    a.text += lines[i];
  }
  AssignContentId(&a);
  return a;
}

}  // namespace diplograph
