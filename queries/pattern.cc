#include "queries/pattern.h"

#include <charconv>
#include <set>

#include "core/predicate.h"
#include "core/statement.h"
#include "core/utf8.h"
#include "queries/query_error.h"

namespace diplograph {

namespace {

std::string Location(size_t line, size_t column) {
  return "query:" + std::to_string(line) + ":" + std::to_string(column);
}

QueryError Malformed(const std::string& message) {
  return QueryError(QueryFailure::kMalformedPattern, message);
}

}  // namespace

std::string PatternTerm::Where() const { return Location(line, column); }

namespace {

constexpr const char* kQuoteHint = " (put a name with spaces in double quotes)";

// The join recurses once per pattern: thousands of them would overflow the
// stack. No question needs more than a handful.
constexpr size_t kMaxPatterns = 64;

struct Token {
  enum class Kind { kWord, kQuoted, kOperator, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;      // a quoted name without its quotes and escapes; else as written
  std::string_view raw;  // as written
  size_t line = 1, column = 1;

  bool is_dot() const { return kind == Kind::kWord && text == "."; }
  bool is_value() const { return kind == Kind::kQuoted || (kind == Kind::kWord && !is_dot()); }
  std::string Where() const { return Location(line, column); }
  std::string Describe() const {
    if (kind == Kind::kEnd) return "the end of the query";
    if (kind == Kind::kQuoted) return std::string(raw);
    return "\"" + std::string(raw) + "\"";
  }
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Split off from words so that `date>=2024` reads like `date >= 2024`.
bool IsOperator(char c) { return c == '<' || c == '>' || c == '='; }

// Splits the query into words, "quoted names" and operators, each knowing
// where it starts.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> Tokens() {
    std::vector<Token> tokens;
    const size_t bad = utf8::FindInvalid(text_);
    if (bad != std::string_view::npos) {
      Advance(bad);
      throw Malformed(Start(Token::Kind::kEnd).Where() + ": not valid UTF-8");
    }
    for (;;) {
      while (pos_ < text_.size() && IsSpace(text_[pos_])) Advance(pos_ + 1);
      if (pos_ == text_.size()) {
        tokens.push_back(Start(Token::Kind::kEnd));
        return tokens;
      }
      tokens.push_back(Next());
    }
  }

 private:
  Token Next() {
    const char c = text_[pos_];
    if (c == '"') return Quoted();
    Token t = Start(IsOperator(c) ? Token::Kind::kOperator : Token::Kind::kWord);
    const size_t begin = pos_;
    size_t end = pos_;
    if (IsOperator(c)) {
      while (end < text_.size() && IsOperator(text_[end])) ++end;
    } else {
      while (end < text_.size() && !IsSpace(text_[end]) && !IsOperator(text_[end]) &&
             text_[end] != '"')
        ++end;
    }
    Advance(end);
    t.raw = text_.substr(begin, end - begin);
    t.text = std::string(t.raw);
    return t;
  }

  // A name in double quotes; \" and \\ stand for " and \. It may not span lines.
  Token Quoted() {
    Token t = Start(Token::Kind::kQuoted);
    const size_t begin = pos_;
    for (size_t i = pos_ + 1; i < text_.size() && text_[i] != '\n'; ++i) {
      const char c = text_[i];
      if (c == '"') {
        Advance(i + 1);
        t.raw = text_.substr(begin, i + 1 - begin);
        return t;
      }
      if (c == '\\' && i + 1 < text_.size() && (text_[i + 1] == '"' || text_[i + 1] == '\\')) ++i;
      t.text += text_[i];
    }
    throw Malformed(t.Where() + ": the quoted name is not closed");
  }

  Token Start(Token::Kind kind) const {
    Token t;
    t.kind = kind;
    t.line = line_;
    t.column = column_;
    return t;
  }

  // Moves to `to`, counting the lines and characters passed (as it goes, so
  // that a long line costs no more per token than a short one).
  void Advance(size_t to) {
    for (; pos_ < to; ++pos_) {
      if (text_[pos_] == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
        ++column_;
      }
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t column_ = 1;  // of pos_, in code points
};

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Letters, digits and _, in any script.
bool IsVariableName(std::string_view name) {
  if (name.empty()) return false;
  size_t pos = 0;
  while (pos < name.size()) {
    const char32_t c = utf8::Next(name, &pos);
    const bool ascii_word =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ascii_word && c < 0x80) return false;
  }
  return true;
}

std::string PredicateNames() {
  std::string names;
  for (const PredicateInfo& p : AllPredicates()) {
    if (!names.empty()) names += ", ";
    names += p.name;
  }
  return names;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  PatternQuery Parse() {
    do {
      ParseTriple();
    } while (NextTriple());
    while (Peek().kind != Token::Kind::kEnd) ParseClause();
    return std::move(query_);
  }

 private:
  const Token& Peek() const { return tokens_[pos_]; }
  // The end token stays, so reading past the end keeps finding it.
  const Token& Take() { return pos_ + 1 < tokens_.size() ? tokens_[pos_++] : tokens_[pos_]; }

  [[noreturn]] static void Fail(const Token& t, const std::string& expected,
                                const char* hint = "") {
    throw Malformed(t.Where() + ": expected " + expected + ", found " + t.Describe() + hint);
  }
  // A FILTER value in its place but not a valid one fails like --from and
  // --source do, not as a syntax error; a token that is no value at all is one.
  [[noreturn]] static void BadValue(const Token& t, const std::string& expected) {
    if (!t.is_value()) Fail(t, expected);
    throw QueryError(QueryFailure::kInvalidFilter,
                     t.Where() + ": expected " + expected + ", found " + t.Describe());
  }

  static bool IsKeyword(const Token& t, std::string_view keyword) {
    return t.kind == Token::Kind::kWord && EqualsIgnoringAsciiCase(t.text, keyword);
  }
  bool AtClauseOrEnd() const {
    const Token& t = Peek();
    return t.kind == Token::Kind::kEnd || IsKeyword(t, "FILTER") || IsKeyword(t, "ORDER") ||
           IsKeyword(t, "LIMIT");
  }

  // Whether another triple follows: after " . ", unless that dot ends the patterns.
  bool NextTriple() {
    if (AtClauseOrEnd()) return false;
    if (Peek().is_dot()) {
      Take();
      return !AtClauseOrEnd();
    }
    const PatternTerm& object = query_.patterns.back().object;
    Fail(Peek(), "\" . \" between patterns, FILTER, ORDER BY, LIMIT or the end of the query",
         !object.is_variable() && !last_object_quoted_ ? kQuoteHint : "");
  }

  void ParseTriple() {
    if (query_.patterns.size() == kMaxPatterns)
      throw Malformed(Peek().Where() + ": a query joins at most " + std::to_string(kMaxPatterns) +
                      " patterns");
    PatternTriple triple;
    const bool subject_quoted = Peek().kind == Token::Kind::kQuoted;
    triple.subject = ParseEntity("a subject");
    triple.predicate =
        ParsePredicate(triple.subject.is_variable() || subject_quoted ? "" : kQuoteHint);
    last_object_quoted_ = Peek().kind == Token::Kind::kQuoted;
    triple.object = ParseEntity("an object");
    query_.patterns.push_back(std::move(triple));
  }

  PatternTerm ParseEntity(const char* what) {
    const Token& t = Take();
    if (!t.is_value()) Fail(t, what);
    if (t.kind == Token::Kind::kWord && t.text.front() == '?') return Variable(t, false, what);
    if (t.text.empty()) throw Malformed(t.Where() + ": the quoted name is empty");
    return TermAt(t);
  }

  PatternTerm ParsePredicate(const char* hint) {
    const Token& t = Take();
    if (!t.is_value()) Fail(t, "a predicate");
    if (t.kind == Token::Kind::kWord && t.text.front() == '?')
      return Variable(t, true, "a predicate");
    if (!FindPredicate(t.text))
      throw Malformed(t.Where() + ": unknown predicate " + t.Describe() +
                      " (one of: " + PredicateNames() + ")" + hint);
    return TermAt(t);
  }

  static PatternTerm TermAt(const Token& t) {
    PatternTerm term;
    term.text = t.text;
    term.line = t.line;
    term.column = t.column;
    return term;
  }

  PatternTerm Variable(const Token& t, bool predicate, const char* what) {
    PatternTerm term = TermAt(t);
    term.text.erase(0, 1);
    if (!IsVariableName(term.text)) Fail(t, what);
    auto& vars = query_.variables;
    size_t i = 0;
    while (i < vars.size() && vars[i].name != term.text) ++i;
    if (i == vars.size()) {
      vars.push_back({term.text, predicate});
    } else if (vars[i].predicate != predicate) {
      // Predicates and entities are different kinds of term: no statement
      // could bind one variable in both places.
      throw Malformed(t.Where() + ": ?" + term.text + " stands for " +
                      (predicate ? "an entity" : "a predicate") + " elsewhere, so it cannot be " +
                      (predicate ? "a predicate" : "an entity") + " here");
    }
    term.variable = static_cast<int>(i);
    return term;
  }

  void ParseClause() {
    const Token& t = Take();
    if (IsKeyword(t, "FILTER")) return ParseFilter();
    if (IsKeyword(t, "ORDER")) {
      const Token& by = Take();
      if (!IsKeyword(by, "BY")) Fail(by, "BY after ORDER");
      const Token& key = Take();
      if (!IsKeyword(key, "date")) Fail(key, "date after ORDER BY");
      Once(t, "ORDER BY");
      query_.order_by_date = true;
      return;
    }
    if (IsKeyword(t, "LIMIT")) {
      const Token& n = Take();
      size_t limit = 0;
      if (!ParseNumber(n, &limit) || limit == 0) Fail(n, "a whole number above 0 after LIMIT");
      Once(t, "LIMIT");
      query_.limit = limit;
      return;
    }
    Fail(t, "FILTER, ORDER BY or LIMIT");
  }

  void ParseFilter() {
    const Token& field = Take();
    Filter& f = query_.filter;
    if (IsKeyword(field, "date")) {
      const Token& op = Take();
      if (op.text != ">=" && op.text != "<=") Fail(op, "\">=\" or \"<=\" after FILTER date");
      const Token& value = Take();
      const auto date = value.is_value() ? Date::ParseIso(value.text) : std::nullopt;
      if (!date) BadValue(value, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      Once(field, "FILTER date " + op.text);
      (op.text == ">=" ? f.from : f.to) = date;
      if (f.EmptyDateRange())
        throw QueryError(QueryFailure::kInvalidFilter,
                         value.Where() + ": FILTER date >= " + f.from->ToIso() +
                             " is after FILTER date <= " + f.to->ToIso());
    } else if (IsKeyword(field, "modality")) {
      Operator("=", "modality");
      const Token& value = Take();
      const auto modality = value.is_value() ? ParseModality(value.text) : std::nullopt;
      if (!modality) BadValue(value, "asserted, intended or negated");
      Once(field, "FILTER modality");
      f.modality = modality;
    } else if (IsKeyword(field, "source")) {
      Operator("=", "source");
      const Token& value = Take();
      if (!value.is_value() || value.text.empty()) BadValue(value, "a source name");
      Once(field, "FILTER source");
      f.source = value.text;
    } else if (IsKeyword(field, "confidence")) {
      Operator(">=", "confidence");
      const Token& value = Take();
      double min = 0;
      if (!ParseNumber(value, &min) || !(min >= 0 && min <= 1))
        BadValue(value, "a number from 0 to 1");
      Once(field, "FILTER confidence");
      f.min_confidence = min;
    } else {
      Fail(field, "date, modality, source or confidence after FILTER");
    }
  }

  void Operator(const std::string& op, const std::string& field) {
    const Token& t = Take();
    if (t.kind != Token::Kind::kOperator || t.text != op)
      Fail(t, "\"" + op + "\" after FILTER " + field);
  }

  template <typename Number>
  static bool ParseNumber(const Token& t, Number* n) {
    if (t.kind != Token::Kind::kWord) return false;
    const char* end = t.text.data() + t.text.size();
    const auto [ptr, ec] = std::from_chars(t.text.data(), end, *n);
    return ec == std::errc() && ptr == end;
  }

  // A clause given twice is most likely a mistake, not a wish for the last.
  void Once(const Token& t, const std::string& clause) {
    if (!clauses_.insert(clause).second)
      throw Malformed(t.Where() + ": " + clause + " given twice");
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  PatternQuery query_;
  bool last_object_quoted_ = false;
  std::set<std::string> clauses_;
};

}  // namespace

PatternQuery ParsePattern(std::string_view text) { return Parser(Lexer(text).Tokens()).Parse(); }

}  // namespace diplograph
