// Helpers for end-to-end tests: run the built binary, capture what it prints.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace diplograph::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// A temporary folder, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("diplograph-cli-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Runs `diplograph ARGS` (args already shell-quoted where needed).
inline RunResult Run(const std::string& args, const std::string& stdin_file = "") {
  static TempDir scratch;
  const std::string out = scratch / "stdout", err = scratch / "stderr";
  std::string cmd = std::string(DIPLOGRAPH_BINARY) + " " + args + " >" + out + " 2>" + err;
  cmd += stdin_file.empty() ? " </dev/null" : " <" + Quote(stdin_file);
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

inline std::string Examples() { return std::string(DIPLOGRAPH_SOURCE_DIR) + "/examples"; }

}  // namespace diplograph::test
