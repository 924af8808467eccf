// securebase-cli scheme …: coding-scheme files (schemes/scheme_loader.h).
//
//   scheme validate FILE…   every diagnostic on stderr as "file:line: error: /path: message",
//                           a one-line summary per file on stdout; exit 0 when every file is
//                           usable (warnings allowed), 3 when any has an error.

#include "app/cli/cli_support.h"
#include "app/cli/commands.h"
#include "schemes/scheme_loader.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

namespace sb::cli {

namespace {

struct ValidateOptions {
    std::vector<std::string> files;
    bool quiet = false;
};

std::string plural(std::size_t count, const char* noun) {
    return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

void validate(const ValidateOptions& options) {
    bool anyError = false;
    for (const std::string& file : options.files) {
        const schemes::SchemeLoadResult result = schemes::loadSchemeFile(file);
        std::size_t errors = 0;
        for (const schemes::SchemeDiagnostic& diagnostic : result.diagnostics) {
            fmt::print(stderr, "{}\n", diagnostic.toString());
            errors += diagnostic.severity == schemes::SchemeDiagnostic::Severity::Error ? 1 : 0;
        }
        const std::size_t warnings = result.diagnostics.size() - errors;
        anyError = anyError || !result.ok();
        if (options.quiet) {
            continue;
        }
        if (result.ok()) {
            const schemes::CodingScheme& scheme = *result.scheme;
            fmt::print("{}: valid: {} {}, {}, {}, {}, {}, {}{}\n", file, scheme.id, scheme.version,
                       plural(scheme.codes.size(), "code"), plural(scheme.subjects.size(), "subject"),
                       plural(scheme.segments.size(), "segment"), plural(scheme.scales.size(), "scale"),
                       plural(scheme.judgements.size(), "judgement"),
                       warnings > 0 ? ", " + plural(warnings, "warning") : std::string());
        } else {
            fmt::print("{}: invalid: {}, {}\n", file, plural(errors, "error"), plural(warnings, "warning"));
        }
    }
    if (anyError) {
        throw ExitStatus(kExitBadInput);
    }
}

} // namespace

void addSchemeCommands(CLI::App& app) {
    CLI::App* scheme = app.add_subcommand("scheme", "Coding-scheme files (docs/scheme-format.md)");
    scheme->require_subcommand(1);

    auto options = std::make_shared<ValidateOptions>();
    CLI::App* validateCommand = scheme->add_subcommand(
        "validate", "Check scheme files; every problem on stderr as file:line: error: /path: message");
    // Not CLI::ExistingFile: an unreadable scheme is bad input (exit 3), not a usage error.
    validateCommand->add_option("files", options->files, "Scheme files (.json)")->required();
    validateCommand->add_flag("-q,--quiet", options->quiet,
                              "Print only the diagnostics, no per-file summary");
    validateCommand->callback([options] { validate(*options); });
}

} // namespace sb::cli
