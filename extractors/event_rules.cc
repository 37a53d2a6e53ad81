#include "extractors/event_rules.h"

#include <algorithm>
#include <fstream>

#include "core/error.h"
#include "core/normalize.h"
#include "core/predicate.h"
#include "extractors/lexicon.h"

namespace diplograph {

namespace {

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    const size_t next = s.find(sep, pos);
    const std::string part = s.substr(pos, next == std::string::npos ? next : next - pos);
    if (!part.empty()) parts.push_back(part);
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  return parts;
}

}  // namespace

EventRule CompileEventRule(const std::string& predicate, const std::string& pattern,
                           const std::string& name, const std::string& flags, Lang lang,
                           const Lexicon& lexicon, const std::string& where) {
  if (!FindPredicate(predicate)) throw Error(where + ": unknown predicate \"" + predicate + "\"");
  EventRule rule;
  rule.predicate = predicate;
  rule.name = name;
  rule.lang = lang;
  bool has_object = false;
  for (const std::string& word : SplitOn(pattern, ' ')) {
    PatternItem item;
    if (word == "{S}") {
      item.kind = PatternItemKind::kSubject;
      rule.has_subject = true;
    } else if (word == "{O}") {
      item.kind = PatternItemKind::kObject;
      has_object = true;
    } else if (word == "...") {
      item.kind = PatternItemKind::kGap;
    } else if (word.size() == 3 && word[0] == '.' && word[1] == '.' && word[2] >= '0' &&
               word[2] <= '9') {
      // "..2": a short gap, for what may stand between a noun and its light verb.
      item.kind = PatternItemKind::kGap;
      item.max_gap = static_cast<uint32_t>(word[2] - '0');
    } else if (word.rfind("{LV:", 0) == 0 && word.back() == '}') {
      item.kind = PatternItemKind::kLightVerb;
      const std::string lemma = MatchKey(word.substr(4, word.size() - 5));
      auto it = lexicon.LightVerbs().find(lemma);
      if (it == lexicon.LightVerbs().end())
        throw Error(where + ": light verb " + word + " is not in light_verbs.tsv");
      item.past_stem = it->second.first;
      item.present_stem = it->second.second;
    } else if (word.front() == '{') {
      throw Error(where + ": unknown slot " + word);
    } else {
      std::string text = word;
      if (text.size() > 1 && text.back() == '?') {
        item.optional = true;
        text.pop_back();
      }
      for (const std::string& alt : SplitOn(text, '|')) {
        const std::string key = MatchKey(alt);
        if (key.empty()) throw Error(where + ": literal \"" + alt + "\" has no letters");
        item.keys.push_back(key);
        item.hashes.push_back(HashKey(key));
      }
      if (item.keys.empty()) throw Error(where + ": empty literal");
    }
    rule.items.push_back(std::move(item));
  }
  const bool pair = flags.find("pair") != std::string::npos;
  if (!has_object && !pair) throw Error(where + ": pattern has no {O} slot");
  if (pair && (!rule.has_subject || has_object))
    throw Error(where + ": a pair pattern has {S} (the two sides) and no {O}");
  if (rule.items.front().kind == PatternItemKind::kGap ||
      rule.items.back().kind == PatternItemKind::kGap)
    throw Error(where + ": a pattern cannot begin or end with ...");
  for (const std::string& flag : SplitOn(flags, ',')) {
    if (flag == "intended")
      rule.intended = true;
    else if (flag == "swap")
      rule.swap = true;
    else if (flag == "place")
      rule.place = true;
    else if (flag == "pair")
      rule.pair = true;
    else if (flag == "adjective")
      rule.adjective = true;
    else
      throw Error(where + ": unknown flag \"" + flag + "\"");
  }
  return rule;
}

namespace {

// The required literal a rule is least likely to find: fewest alternatives,
// then the longest shortest key. nullptr when every literal is optional.
const PatternItem* AnchorOf(const EventRule& rule) {
  const PatternItem* best = nullptr;
  size_t best_min = 0;
  for (const PatternItem& item : rule.items) {
    if (item.kind != PatternItemKind::kLiteral || item.optional) continue;
    size_t shortest = SIZE_MAX;
    for (const std::string& key : item.keys) shortest = std::min(shortest, key.size());
    if (!best || item.keys.size() < best->keys.size() ||
        (item.keys.size() == best->keys.size() && shortest > best_min)) {
      best = &item;
      best_min = shortest;
    }
  }
  return best;
}

// Calls fn with every proper prefix of `key` that ends on a character boundary.
template <typename Fn>
void ForEachPrefix(const std::string& key, Fn fn) {
  for (size_t i = 1; i < key.size(); ++i)
    if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80) fn(std::string_view(key).substr(0, i));
}

}  // namespace

EventRuleIndex::EventRuleIndex(const std::vector<EventRule>& rules) {
  for (const EventRule& rule : rules) {
    PerLang& index = rule.lang == Lang::kFa ? fa_ : en_;
    const PatternItem& first = rule.items.front();
    // An optional first literal may be skipped: the rule can begin anywhere.
    if (first.kind != PatternItemKind::kLiteral || first.optional) {
      const auto position = static_cast<uint32_t>(index.with_slot.size());
      index.with_slot.push_back(&rule);
      // A literal may be split over tokens ("گفت و گو" for «گفتوگو»): a
      // token that spells a prefix of the anchor may begin it.
      if (const PatternItem* anchor = AnchorOf(rule)) {
        auto add = [&](std::string_view key) {
          auto& list = index.by_literal[key].anchored;
          if (list.empty() || list.back() != position) list.push_back(position);
        };
        for (const std::string& key : anchor->keys) {
          add(key);
          ForEachPrefix(key, add);
        }
      } else {
        index.unanchored.push_back(position);
      }
      if (first.kind != PatternItemKind::kLiteral) continue;
    }
    for (const std::string& key : first.keys) {
      ForEachPrefix(key, [&](std::string_view prefix) { index.by_literal[prefix].prefix = true; });
      auto& list = index.by_literal[key].rules;
      if (list.empty() || list.back() != &rule) list.push_back(&rule);
    }
  }
}

void EventRuleIndex::OpeningWithSlot(Lang lang, const std::vector<const LiteralNode*>& nodes,
                                     std::vector<const EventRule*>* rules) const {
  const PerLang& index = For(lang);
  thread_local std::vector<uint32_t> positions;
  positions = index.unanchored;
  for (const LiteralNode* node : nodes)
    if (node) positions.insert(positions.end(), node->anchored.begin(), node->anchored.end());
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  rules->clear();
  for (uint32_t p : positions) rules->push_back(index.with_slot[p]);
}

std::vector<EventRule> LoadEventRules(const std::string& dir, const Lexicon& lexicon) {
  std::vector<EventRule> rules;
  for (const auto& [code, lang] : {std::pair{"fa", Lang::kFa}, std::pair{"en", Lang::kEn}}) {
    const std::string path = dir + "/" + code + "/events.tsv";
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open event rules");
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      const auto f = SplitTsvLine(line);
      if (f.empty()) continue;
      const std::string where = path + ":" + std::to_string(n);
      if (f.size() < 3) throw Error(where + ": expected predicate, pattern, rule [, flags]");
      rules.push_back(
          CompileEventRule(f[0], f[1], f[2], f.size() > 3 ? f[3] : "", lang, lexicon, where));
    }
  }
  return rules;
}

}  // namespace diplograph
