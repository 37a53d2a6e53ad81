// Stores built from edge lists, for the graph algorithm tests: people linked by statements.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"
#include "tests/store/fixture.h"

namespace diplograph::testing {

struct EdgeSpec {
  std::string subject, predicate, object;  // names: "a" is person:a
};

inline Entity Named(const std::string& name) { return Person("person:" + name, name); }

// One article reporting each edge as a statement of its own: the n-th is
// dated n days into 2020, so that repeated edges stay separate statements.
inline std::unique_ptr<Store> MakeEdgeStore(const std::string& path,
                                            const std::vector<EdgeSpec>& edges) {
  auto store = Store::Open(path, OpenMode::kReadWrite);
  const ArticleMeta article = Article("sha256:edges");
  std::vector<Statement> statements;
  for (int i = 0; i < static_cast<int>(edges.size()); ++i) {
    const EdgeSpec& e = edges[i];
    const Date date = Day(2020 + i / 360, 1 + i / 30 % 12, 1 + i % 30);
    statements.push_back(
        MakeStatement(Named(e.subject), e.predicate, Named(e.object), date, article, i));
  }
  store->IngestArticle(article, statements);
  return store;
}

// "met" between each pair.
inline std::unique_ptr<Store> MakeMetStore(
    const std::string& path, const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::vector<EdgeSpec> edges;
  for (const auto& [a, b] : pairs) edges.push_back({a, "met", b});
  return MakeEdgeStore(path, edges);
}

}  // namespace diplograph::testing
