#include "app/cli/commands.h"

#include <CLI/CLI.hpp>

namespace sb::cli {

void addMediaCommands(CLI::App&) {}

} // namespace sb::cli
