// Helpers for the crash tests: spawn the built binaries without a shell (so the pid is the
// program itself and SIGKILL hits it), and build the generated corpus the tests ingest.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/run.h"

extern char** environ;

namespace diplograph::crash {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using test::Slurp;
using test::TempDir;

inline double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// A started program whose stdout and stderr go to files.
struct Child {
  pid_t pid = -1;
  std::string out_path, err_path;
};

// What a finished program did.
struct Outcome {
  bool killed = false;  // ended by SIGKILL
  int exit_code = -1;   // when it exited normally
  std::string out, err;
  std::string Describe() const {
    if (killed) return "killed by SIGKILL";
    return "exit " + std::to_string(exit_code) + (err.empty() ? "" : ", stderr: " + err);
  }
};

// Starts `program args...` with stdin from /dev/null. posix_spawn rather than
// std::system: a shell in between would take the SIGKILL and leave the
// program running.
inline Child Spawn(const std::string& program, const std::vector<std::string>& args,
                   const std::string& out_path, const std::string& err_path) {
  std::vector<std::string> all{program};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  Child child{-1, out_path, err_path};
  const int rc = posix_spawn(&child.pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + program + ": " + std::strerror(rc));
  return child;
}

inline Outcome Collect(const Child& child, int status) {
  Outcome o;
  o.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.out = Slurp(child.out_path);
  o.err = Slurp(child.err_path);
  while (!o.err.empty() && o.err.back() == '\n') o.err.pop_back();
  return o;
}

inline Outcome Wait(const Child& child) {
  int status = 0;
  while (waitpid(child.pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  return Collect(child, status);
}

// Whether the child has ended; reaps it when it has.
inline bool Finished(const Child& child, Outcome* outcome) {
  int status = 0;
  const pid_t r = waitpid(child.pid, &status, WNOHANG);
  if (r == 0) return false;
  if (r < 0) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  *outcome = Collect(child, status);
  return true;
}

// SIGKILL, then reap. A child that already exited is a zombie until reaped,
// so kill() still succeeds and Wait reports the normal exit.
inline Outcome Kill(const Child& child) {
  ::kill(child.pid, SIGKILL);
  return Wait(child);
}

inline Outcome RunToEnd(const std::string& program, const std::vector<std::string>& args,
                        const fs::path& scratch, const std::string& tag) {
  return Wait(Spawn(program, args, (scratch / (tag + ".out")).string(),
                    (scratch / (tag + ".err")).string()));
}

// `diplograph ARGS` to completion.
inline Outcome Diplograph(const std::vector<std::string>& args, const fs::path& scratch,
                          const std::string& tag) {
  return RunToEnd(DIPLOGRAPH_BINARY, args, scratch, tag);
}

// A generated Persian and English corpus as JSON Lines, split into `files`
// files under `dir`, so that ingest walks a folder and opens the store at
// the first file, as users run it. Returns the number of articles.
inline size_t MakeCorpus(const fs::path& dir, double mb, uint64_t seed, int files) {
  fs::create_directories(dir);
  const Outcome gen =
      RunToEnd(DIPLOGRAPH_CORPUS_BINARY,
               {"--mb", std::to_string(mb), "--seed", std::to_string(seed), "--dump"},
               dir.parent_path(), dir.filename().string() + "-generator");
  if (gen.exit_code != 0) throw std::runtime_error("corpus generator failed: " + gen.err);
  std::vector<std::string> lines;
  {
    std::ifstream in(dir.parent_path() / (dir.filename().string() + "-generator.out"));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  if (lines.empty()) throw std::runtime_error("corpus generator wrote no articles");
  const size_t per_file =
      (lines.size() + static_cast<size_t>(files) - 1) / static_cast<size_t>(files);
  for (size_t i = 0; i < lines.size(); i += per_file) {
    char name[32];
    std::snprintf(name, sizeof name, "part-%02zu.jsonl", i / per_file);
    std::ofstream out(dir / name, std::ios::binary);
    for (size_t j = i; j < std::min(lines.size(), i + per_file); ++j) out << lines[j] << '\n';
  }
  return lines.size();
}

}  // namespace diplograph::crash
