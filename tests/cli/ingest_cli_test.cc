#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "run.h"

using namespace diplograph::test;
using nlohmann::json;

namespace {

void Write(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// Twelve articles written for these tests, in English and Persian (the JSON
// Lines file holds three). Each yields statements.
void WriteCorpus(const TempDir& dir) {
  Write(dir / "in/a.txt",
        "Araghchi meets Lavrov in Moscow\nMOSCOW, March 3 - Iranian Foreign Minister Abbas "
        "Araghchi met Russian Foreign Minister Sergey Lavrov in Moscow on Monday. Araghchi "
        "invited Lavrov to visit Tehran.\n");
  Write(dir / "in/b.txt",
        "Iran and Serbia sign tourism accord\nIran and Serbia signed a memorandum of "
        "understanding on tourism on Tuesday. Serbian Foreign Minister Marko Djuric held talks "
        "with Iranian Foreign Minister Abbas Araghchi in Belgrade.\n");
  Write(dir / "in/fa/c.txt",
        "دیدار عراقچی و لاوروف\nسید عباس عراقچی وزیر امور خارجه کشورمان روز دوشنبه در مسکو با "
        "سرگئی لاوروف وزیر خارجه روسیه دیدار کرد. عراقچی از لاوروف برای سفر به تهران دعوت کرد.\n");
  Write(
      dir / "in/feed/d.jsonl",
      R"({"id":"x1","title":"Qatar talks","text":"Iranian Foreign Minister Abbas Araghchi met Qatari Prime Minister Mohammed bin Abdulrahman Al Thani in Doha on Sunday.","published":"2025-02-16","lang":"en","source":"test"}
{"id":"x2","title":"تماس تلفنی","text":"عراقچی روز چهارشنبه در تماس تلفنی با وزیر خارجه عمان گفت‌وگو کرد.","published":"2025-02-19","lang":"fa","source":"test"}
{"id":"x3","title":"Oman visit","text":"Omani Foreign Minister Badr Albusaidi visited Tehran on Saturday and met Iranian President Masoud Pezeshkian.","published":"2025-02-22","lang":"en","source":"test"}
)");
  // Variants of the same reports (new articles whose statements merge into
  // stored ones), so that storing order decides statement ids and sources.
  for (int i = 0; i < 6; ++i) {
    Write(dir / ("in/more/e" + std::to_string(i) + ".txt"),
          "Follow-up " + std::to_string(i) +
              "\nIranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergey "
              "Lavrov in Moscow on Monday.\nReport number " +
              std::to_string(i) + ".\n");
  }
  Write(dir / "in/notes.md", "not an article: skipped by extension\n");
}

std::string Out(const std::string& args) {
  const RunResult r = Run(args);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

json Stats(const std::string& db) {
  return json::parse(Out("stats --format json --db " + Quote(db)));
}

// What the store holds, statement ids and sources included.
std::string Dump(const std::string& db) {
  return Out("stats --format json --db " + Quote(db)) +
         Out("query --format json --db " + Quote(db) + " '?a ?p ?b'") +
         Out("timeline --format json --db " + Quote(db) + " Araghchi");
}

// Runs `diplograph ARGS` with stderr on a pseudo-terminal and returns what
// the terminal received; nullopt where no pseudo-terminal can be had.
std::optional<std::string> RunOnTerminal(const std::string& args, int* exit_code) {
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0) return std::nullopt;
  const char* name = grantpt(master) == 0 && unlockpt(master) == 0 ? ptsname(master) : nullptr;
  if (name == nullptr) {
    close(master);
    return std::nullopt;
  }
  const std::string slave_path = name;
  // Held open here too, so that reading the master does not fail between
  // the child's writes or after it exits.
  const int slave = open(slave_path.c_str(), O_RDWR | O_NOCTTY);
  if (slave < 0) {
    close(master);
    return std::nullopt;
  }
  winsize ws{};
  ws.ws_row = 40;
  ws.ws_col = 160;
  ioctl(slave, TIOCSWINSZ, &ws);

  // Drained while the command runs: a full terminal buffer would block it.
  std::string received;
  std::atomic<bool> finished{false};
  std::thread drain([&] {
    char buf[4096];
    for (;;) {
      pollfd p{master, POLLIN, 0};
      const int n = poll(&p, 1, 50);
      if (n > 0) {
        const ssize_t k = read(master, buf, sizeof buf);
        if (k > 0) received.append(buf, static_cast<size_t>(k));
        if (k < 0 && errno != EINTR && errno != EAGAIN) break;
      } else if (n == 0 && finished) {
        break;
      }
    }
  });
  const std::string cmd = std::string(DIPLOGRAPH_BINARY) + " " + args + " >/dev/null 2>" +
                          Quote(slave_path) + " </dev/null";
  const int status = std::system(cmd.c_str());
  finished = true;
  drain.join();
  close(slave);
  close(master);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return received;
}

}  // namespace

TEST_CASE("ingest stores the same graph with one thread and with four", "[cli][ingest]") {
  TempDir dir;
  WriteCorpus(dir);
  const std::string one = dir / "one.db", four = dir / "four.db";
  RunResult r = Run("ingest --threads 1 --db " + Quote(one) + " " + Quote(dir / "in"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("ingested 12 articles") != std::string::npos);
  r = Run("ingest --threads 4 --db " + Quote(four) + " " + Quote(dir / "in"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("ingested 12 articles") != std::string::npos);

  const json stats = Stats(one);
  CHECK(stats["articles"] == 12);
  CHECK(stats["statements"].get<int>() > 5);
  CHECK(Stats(four) == stats);
  // Equal ids and sources too: articles are stored in input order.
  CHECK(Dump(four) == Dump(one));
  CHECK(Run("check --db " + Quote(four)).exit_code == 0);
}

TEST_CASE("ingesting again changes nothing", "[cli][ingest]") {
  TempDir dir;
  WriteCorpus(dir);
  const std::string db = dir / "graph.db";
  REQUIRE(Run("ingest -q --threads 3 --db " + Quote(db) + " " + Quote(dir / "in")).exit_code == 0);
  const std::string before = Dump(db);
  const RunResult r = Run("ingest --threads 2 --db " + Quote(db) + " " + Quote(dir / "in"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("ingested 0 articles (12 already stored)") != std::string::npos);
  CHECK(r.err.find(": 0 new statements, 0 merged into stored ones, 0 new entities") !=
        std::string::npos);
  CHECK(Dump(db) == before);
}

TEST_CASE("ingest with stderr piped prints only the summary", "[cli][ingest]") {
  TempDir dir;
  WriteCorpus(dir);
  const std::string db = dir / "graph.db";
  const RunResult r = Run("ingest --db " + Quote(db) + " " + Quote(dir / "in"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  // No progress line: no carriage return, one line in all.
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.rfind("ingested 12 articles: ", 0) == 0);
  CHECK(r.err.find(" articles/s) -> ") != std::string::npos);
  CHECK(r.err.find(db) != std::string::npos);
}

TEST_CASE("ingest --quiet prints nothing", "[cli][ingest]") {
  TempDir dir;
  WriteCorpus(dir);
  const std::string db = dir / "graph.db";
  const RunResult r = Run("ingest --quiet --db " + Quote(db) + " " + Quote(dir / "in"));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(Stats(db)["articles"] == 12);
}

TEST_CASE("ingest reads articles from stdin", "[cli][ingest]") {
  TempDir dir;
  WriteCorpus(dir);
  const std::string db = dir / "graph.db";
  RunResult r = Run("ingest --db " + Quote(db) + " -", dir / "in/fa/c.txt");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.rfind("ingested 1 article: ", 0) == 0);
  CHECK(Stats(db)["articles"] == 1);
  CHECK(Stats(db)["statements"].get<int>() > 0);

  // JSON Lines too, recognized by content.
  r = Run("ingest -q --db " + Quote(db) + " -", dir / "in/feed/d.jsonl");
  REQUIRE(r.exit_code == 0);
  CHECK(Stats(db)["articles"] == 4);

  // Nothing on stdin: an error, and nothing new.
  r = Run("ingest --db " + Quote(db) + " -");
  CHECK(r.exit_code != 0);
  CHECK(r.err.rfind("diplograph: -: ", 0) == 0);
  CHECK(Stats(db)["articles"] == 4);
}

TEST_CASE("ingest skips a bad file whole, stores the others and fails at the end",
          "[cli][ingest]") {
  TempDir dir;
  WriteCorpus(dir);
  // A good first line does not make it in: the file is all or nothing.
  Write(dir / "in/feed/broken.jsonl",
        "{\"title\":\"Fine\",\"text\":\"Iran and Oman signed an agreement on Monday.\"}\n"
        "{\"title\":\"Cut\",\"text\":");
  Write(dir / "in/empty.txt", "");
  const std::string db = dir / "graph.db";
  const RunResult r = Run("ingest --threads 2 --db " + Quote(db) + " " + Quote(dir / "in"));
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("diplograph: " + (dir / "in/feed/broken.jsonl") + ":2: ") != std::string::npos);
  CHECK(r.err.find("diplograph: " + (dir / "in/empty.txt") + ": ") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 3);  // two errors, one summary
  CHECK(r.err.find("ingested 12 articles") != std::string::npos);
  CHECK(Stats(db)["articles"] == 12);
}

TEST_CASE("ingest rejects a thread count below one", "[cli][ingest]") {
  TempDir dir;
  WriteCorpus(dir);
  const std::string db = dir / "graph.db";
  const RunResult r = Run("ingest --threads 0 --db " + Quote(db) + " " + Quote(dir / "in"));
  CHECK(r.exit_code != 0);
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("ingest shows a progress line on a terminal", "[cli][ingest]") {
  TempDir dir;
  WriteCorpus(dir);
  const std::string db = dir / "graph.db";
  int exit_code = -1;
  const auto shown =
      RunOnTerminal("ingest --db " + Quote(db) + " " + Quote(dir / "in"), &exit_code);
  if (!shown) {
    WARN("no pseudo-terminal available; not tested");
    return;
  }
  CHECK(exit_code == 0);
  // At least one frame, redrawn in place, then the summary.
  CHECK(shown->find("% [") != std::string::npos);
  CHECK(shown->find(" statements  ETA ") != std::string::npos);
  const size_t summary = shown->find("ingested 12 articles: ");
  REQUIRE(summary != std::string::npos);
  // The line was blanked before the summary, which starts at column 0.
  CHECK(summary > 0);
  CHECK((*shown)[summary - 1] == '\r');

  // --quiet: nothing at all, terminal or not.
  const auto quiet =
      RunOnTerminal("ingest -q --db " + Quote(dir / "q.db") + " " + Quote(dir / "in"), &exit_code);
  REQUIRE(quiet);
  CHECK(exit_code == 0);
  CHECK(quiet->empty());
}
