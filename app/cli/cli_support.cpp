#include "app/cli/cli_support.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace sb::cli {

void printJson(const nlohmann::json& document) {
    std::cout << document.dump(2) << '\n';
}

} // namespace sb::cli
