// A user lexicon row with an outsized form is refused with its line named, at once: every prefix
// of a form is indexed, so a megabyte of junk would otherwise cost its square in memory.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "core/error.h"
#include "extractors/lexicon.h"

using namespace diplograph;

TEST_CASE("a lexicon form longer than 256 characters is refused with its line", "[lexicon]") {
  const std::string path = "/tmp/diplograph-lexicon-limits-" + std::to_string(getpid()) + ".tsv";
  const std::string longest(256, 'x');
  {
    std::ofstream out(path);
    out << "person:a\ten\tAn Ordinary Name\nperson:b\ten\t" << longest << "\n";
  }
  Lexicon lex;
  lex.LoadEntityFile(path);
  CHECK(lex.FindEntity("person:b"));
  {
    std::ofstream out(path);
    out << "person:a\ten\tAn Ordinary Name\nperson:junk\ten\t" << std::string(1 << 20, 'a') << "\n";
  }
  const auto start = std::chrono::steady_clock::now();
  Lexicon fresh;
  CHECK_THROWS_WITH(fresh.LoadEntityFile(path), path + ":2: form longer than 256 characters");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  std::remove(path.c_str());
}
