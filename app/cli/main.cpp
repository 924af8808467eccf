// securebase-cli: SecureBase's scriptable front end. The subcommands and their exit statuses
// are a public contract (README, "Command line"); extend them, never change them.

#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <exception>

int main(int argc, char** argv) {
    CLI::App app{"SecureBase: video coding workstation for attachment research (command line)",
                 "securebase-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("securebase-cli ") + SECUREBASE_VERSION);

    sb::cli::addMediaCommands(app);
    sb::cli::addSchemeCommands(app);
    sb::cli::addProjectCommands(app);
    sb::cli::addTransferCommands(app);
    sb::cli::addAgreeCommands(app);
    sb::cli::addReportCommands(app);
    sb::cli::addTrainingCommands(app);
    sb::cli::addAnalyzeCommands(app);
    sb::cli::addSupervisionCommands(app);
    sb::cli::addClipCommands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int status = app.exit(e);
        return status == 0 ? sb::cli::kExitOk : sb::cli::kExitUsage;
    } catch (const sb::cli::ExitStatus& e) {
        return e.status();
    } catch (const sb::cli::UsageError& e) {
        fmt::print(stderr, "securebase-cli: {}\n", e.what());
        return sb::cli::kExitUsage;
    } catch (const std::exception& e) {
        fmt::print(stderr, "securebase-cli: {}\n", e.what());
        return sb::cli::kExitBadInput;
    }
    return sb::cli::kExitOk;
}
