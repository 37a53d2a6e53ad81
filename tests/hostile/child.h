// Runs the built diplograph as a child process with a time limit, measuring its wall time and
// peak memory, optionally as another user: what the hostile-input and fault tests assert on.
#pragma once

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace diplograph::hostile {

namespace fs = std::filesystem;

// What one run did.
struct Outcome {
  int exit_code = -1;      // when it exited
  int signal = 0;          // when a signal ended it (a crash, or our SIGKILL at the time limit)
  bool timed_out = false;  // killed at the time limit: a hang
  double seconds = 0;
  long max_rss_kb = 0;  // peak resident memory
  std::string out, err;

  bool crashed() const { return signal != 0 && !timed_out; }
  // One line per run for the test log.
  std::string Describe() const {
    std::ostringstream s;
    if (timed_out)
      s << "killed at the time limit";
    else if (signal)
      s << "ended by signal " << signal << " (" << strsignal(signal) << ")";
    else
      s << "exit " << exit_code;
    s << " after " << seconds << " s, peak " << max_rss_kb / 1024 << " MB";
    if (!err.empty()) s << "; stderr: " << err.substr(0, 600);
    return s.str();
  }
  // The lines the program wrote to stderr.
  std::vector<std::string> ErrLines() const {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
};

inline std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `content` to `p`, making its folder if need be.
inline void WriteFile(const fs::path& p, std::string_view content) {
  int fd = open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0 && errno == ENOENT) {
    fs::create_directories(p.parent_path());
    fd = open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  bool ok = fd >= 0;
  for (size_t done = 0; ok && done < content.size();) {
    const ssize_t n = write(fd, content.data() + done, content.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  if (fd >= 0 && close(fd) != 0) ok = false;
  if (!ok) throw std::runtime_error("cannot write " + p.string());
}

struct RunOptions {
  double timeout_seconds = 300;  // generous: these runs catch hangs, not slowness
  uid_t uid = 0;                 // with as_user: the user and group to run as
  gid_t gid = 0;
  bool as_user = false;
};

// `diplograph ARGS` with stdin from /dev/null and stdout and stderr in files
// under `scratch` (named after `tag`). fork and exec, not a shell, so that the
// signal that ends it and its peak memory are its own.
inline Outcome Run(const std::vector<std::string>& args, const fs::path& scratch,
                   const std::string& tag, const RunOptions& options = {}) {
  const std::string out_path = (scratch / (tag + ".out")).string();
  const std::string err_path = (scratch / (tag + ".err")).string();
  std::vector<std::string> all{DIPLOGRAPH_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    // Only async-signal-safe calls from here on.
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (options.as_user &&
        (setgroups(0, nullptr) != 0 || setgid(options.gid) != 0 || setuid(options.uid) != 0))
      _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Outcome o;
  int status = 0;
  rusage usage{};
  for (;;) {
    const pid_t r = wait4(pid, &status, WNOHANG, &usage);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) throw std::runtime_error(std::string("wait4: ") + strerror(errno));
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > options.timeout_seconds && !o.timed_out) {
      o.timed_out = true;
      kill(pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  o.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) o.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) o.signal = WTERMSIG(status);
  o.out = ReadFile(out_path);
  o.err = ReadFile(err_path);
  while (!o.err.empty() && o.err.back() == '\n') o.err.pop_back();
  return o;
}

// A positive whole number from the environment, or `fallback`.
inline size_t EnvSize(const char* name, size_t fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(v, &end, 10);
  if (*end != '\0' || n == 0) throw std::runtime_error(std::string(name) + ": not a number: " + v);
  return static_cast<size_t>(n);
}

// A fresh folder under the system temp directory, removed at the end.
class Scratch {
 public:
  explicit Scratch(const std::string& name) {
    path_ =
        fs::temp_directory_path() / ("diplograph-hostile-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Scratch() {
    std::error_code ec;
    // A test may have made folders read-only, which keeps their files.
    for (auto it = fs::recursive_directory_iterator(path_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_directory(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

}  // namespace diplograph::hostile
