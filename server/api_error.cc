#include "server/api_error.h"

namespace diplograph {

std::string ErrorBody(int status, const std::string& code, const std::string& message,
                      const nlohmann::json& extra) {
  nlohmann::json error = {{"status", status}, {"code", code}, {"message", message}};
  for (const auto& [key, value] : extra.items()) error[key] = value;
  return nlohmann::json{{"error", std::move(error)}}.dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace);
}

}  // namespace diplograph
