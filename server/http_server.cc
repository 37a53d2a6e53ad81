#include "server/http_server.h"

#include <httplib.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <ctime>
#include <iostream>
#include <thread>

#include "core/error.h"
#include "extractors/lexicon.h"
#include "server/api_error.h"
#include "server/web_assets.h"

namespace diplograph {

namespace {

// Scripts, styles, images and requests only from this server, and no inline
// script: an article's text that reached the page as markup still could not run.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

// How often a read-only server looks for another process's writes.
constexpr std::chrono::milliseconds kRefreshPeriod{1000};
constexpr size_t kChunkBytes = 64 * 1024;

std::string CodeOfStatus(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    default:
      return status >= 500 ? "internal" : "bad_request";
  }
}

std::string MessageOfStatus(int status, const ApiLimits& limits) {
  switch (status) {
    case 404:
      return "nothing here";
    case 413:
      return "the request is larger than the limit of " + std::to_string(limits.max_request_bytes) +
             " bytes";
    case 414:
      return "the request line is longer than the limit";
    default:
      return "the request could not be served (" + std::to_string(status) + ")";
  }
}

void SendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message) {
  res.status = status;
  res.set_content(ErrorBody(status, code, message), "application/json; charset=utf-8");
}

void SendApiResponse(const ApiResponse& a, httplib::Response& res) {
  res.status = a.status;
  res.set_header("Cache-Control", "no-store");
  if (!a.file) {
    res.set_content(a.body, a.content_type);
    return;
  }
  const int fd = fileno(a.file.get());
  const off_t size = lseek(fd, 0, SEEK_END);
  if (size < 0) {
    SendError(res, 500, "internal", "cannot read the export back");
    return;
  }
  res.set_header("Content-Disposition", "attachment; filename=\"" + a.filename + "\"");
  std::shared_ptr<std::FILE> file = a.file;
  res.set_content_provider(static_cast<size_t>(size), a.content_type,
                           [file](size_t offset, size_t length, httplib::DataSink& sink) {
                             char buffer[kChunkBytes];
                             const ssize_t n =
                                 pread(fileno(file.get()), buffer, std::min(length, sizeof buffer),
                                       static_cast<off_t>(offset));
                             if (n <= 0) return false;
                             sink.write(buffer, static_cast<size_t>(n));
                             return true;
                           });
}

// Ends the server on SIGINT or SIGTERM. The signals are blocked from the
// start, before the store's and the server's threads exist, so all inherit
// the mask; Watch's thread takes them with sigtimedwait, and stop() runs on
// an ordinary thread, not in a signal handler.
class SignalStopper {
 public:
  SignalStopper() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
  }
  ~SignalStopper() {
    Finish();
    pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr);
  }
  SignalStopper(const SignalStopper&) = delete;
  SignalStopper& operator=(const SignalStopper&) = delete;

  // Ends the watch; the server may be destroyed after.
  void Finish() {
    done_ = true;
    if (thread_.joinable()) thread_.join();
  }

  void Watch(httplib::Server* server) {
    thread_ = std::thread([this, server] {
      const timespec wait{0, 200'000'000};
      while (!done_) {
        if (sigtimedwait(&signals_, nullptr, &wait) > 0) {
          server->stop();
          return;
        }
      }
    });
  }

 private:
  sigset_t signals_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

// Whether an address is this machine's alone (127.0.0.0/8, ::1, localhost).
bool IsLoopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.starts_with("127.");
}

// Whether a Host header names a loopback server: localhost, 127.0.0.1 or
// [::1], with or without a port.
bool IsLoopbackHost(const std::string& host) {
  std::string name = host;
  if (name.starts_with("[")) {
    const size_t close = name.find(']');
    if (close == std::string::npos) return false;
    const std::string rest = name.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(":")) return false;
    name = name.substr(0, close + 1);
  } else if (const size_t colon = name.find(':'); colon != std::string::npos) {
    name = name.substr(0, colon);
  }
  return name == "localhost" || name == "127.0.0.1" || name == "[::1]";
}

}  // namespace

void Serve(const ServeOptions& options, std::ostream& out) {
  SignalStopper stopper;
  std::signal(SIGPIPE, SIG_IGN);
  std::unique_ptr<StoreViews> views = options.allow_ingest ? StoreViews::OpenWritable(options.db)
                                                           : StoreViews::OpenReadOnly(options.db);
  std::unique_ptr<Extractor> extractor;
  if (options.allow_ingest) extractor = Extractor::Create(Lexicon::DefaultDir(), {});
  if (!options.allow_ingest) views->RefreshEvery(kRefreshPeriod);
  const Api api(views.get(), options.limits, extractor.get());
  const bool loopback = IsLoopback(options.bind);

  httplib::Server server;
  // Without it a response written in two parts waits for the client's delayed ACK: 40 ms.
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(options.limits.max_request_bytes);
  server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cross-Origin-Resource-Policy", "same-origin"}});
  server.set_pre_routing_handler([loopback](const httplib::Request& req, httplib::Response& res) {
    // A page elsewhere can reach 127.0.0.1 through a name of its own that
    // resolves there; its requests then carry that name as their Host.
    if (loopback && !IsLoopbackHost(req.get_header_value("Host"))) {
      SendError(res, 403, "forbidden", "this server answers only to localhost");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto api_handler = [&api](const httplib::Request& req, httplib::Response& res) {
    // A form on another site may POST here; a browser says where it came from.
    const std::string origin = req.get_header_value("Origin");
    if (req.method != "GET" && req.method != "HEAD" && !origin.empty() &&
        origin != "http://" + req.get_header_value("Host")) {
      SendError(res, 403, "forbidden", "requests from another site's pages are refused");
      return;
    }
    // httplib reads a form's body as parameters; articles come as text.
    const std::string type = req.get_header_value("Content-Type");
    if (req.method != "GET" && (type.starts_with("application/x-www-form-urlencoded") ||
                                type.starts_with("multipart/form-data"))) {
      SendError(res, 415, "unsupported_media_type",
                "send the body as text/plain, application/x-ndjson or text/html");
      return;
    }
    ApiRequest request{req.method, req.path, {req.params.begin(), req.params.end()}, req.body};
    SendApiResponse(api.Handle(request), res);
  };
  const std::string api_paths = "/api/.*";
  server.Get(api_paths, api_handler);
  server.Post(api_paths, api_handler);
  server.Put(api_paths, api_handler);
  server.Patch(api_paths, api_handler);
  server.Delete(api_paths, api_handler);
  server.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
    const WebAsset* asset = FindWebAsset(req.path);
    if (!asset) {
      SendError(res, 404, "not_found", "nothing here");
      return;
    }
    res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type));
  });
  server.set_error_handler([&options](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty())
      SendError(res, res.status, CodeOfStatus(res.status),
                MessageOfStatus(res.status, options.limits));
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string message = "unexpected failure";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          message = e.what();
        } catch (...) {
        }
        SendError(res, 500, "internal", message);
      });
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (res.status >= 500)
      std::cerr << "diplograph serve: " << req.method << ' ' << req.path << ": " << res.status
                << ' ' << res.body << '\n';
  });

  const int port = options.port == 0
                       ? server.bind_to_any_port(options.bind)
                       : (server.bind_to_port(options.bind, options.port) ? options.port : -1);
  if (port < 0)
    throw Error("cannot listen on " + options.bind + ":" + std::to_string(options.port) +
                " (address in use or not this machine's)");
  if (!loopback)
    std::cerr << "diplograph serve: listening on " << options.bind
              << ", not loopback: anyone who reaches it can read the store\n";
  const std::string host =
      options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  out << "listening on http://" << host << ':' << port << "/" << std::endl;

  stopper.Watch(&server);
  const bool clean = server.listen_after_bind();
  stopper.Finish();
  if (!clean) throw Error("the server stopped on a socket error");
}

}  // namespace diplograph
