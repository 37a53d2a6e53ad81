// ApiError: a failed request, with the HTTP status and the code the JSON error carries.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace diplograph {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message,
           nlohmann::json extra = nlohmann::json::object())
      : std::runtime_error(message),
        status_(status),
        code_(std::move(code)),
        extra_(std::move(extra)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  // Further members of the error object, such as an ambiguous name's candidates.
  const nlohmann::json& extra() const { return extra_; }

 private:
  int status_;
  std::string code_;
  nlohmann::json extra_;
};

// {"error": {"status", "code", "message", ...extra}} as the API sends it.
std::string ErrorBody(int status, const std::string& code, const std::string& message,
                      const nlohmann::json& extra = nlohmann::json::object());

}  // namespace diplograph
