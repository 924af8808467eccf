#include "app/cli/cli_support.h"

#include "annotation/seconds_text.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace sb::cli {

std::chrono::microseconds secondsOption(const std::string& name, const std::string& value) {
    std::string why;
    const auto parsed = annotation::parseSeconds(value, &why);
    if (!parsed)
        throw UsageError(
            fmt::format("{} '{}': {}", name, value, why.empty() ? "not a number of seconds" : why));
    if (parsed->count() < 0)
        throw UsageError(fmt::format("{} '{}' is negative", name, value));
    return *parsed;
}

void printJson(const nlohmann::json& document) {
    std::cout << document.dump(2) << '\n';
}

} // namespace sb::cli
