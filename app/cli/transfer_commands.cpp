// securebase-cli import / export: annotations between a project session and files
// (annotation/io/, docs/project-file.md "CSV").
//
//   import P.sbproj --session NAME [--coder NAME] --format csv [--replace] FILE
//       all or nothing: the first bad row is reported as FILE:ROW: reason (exit 3) and the
//       project is unchanged. --coder is required unless the file has a coder column.
//   export P.sbproj --session NAME [--coder NAME] --format csv [-o FILE]
//       to stdout unless -o; without --coder every coder's work, with a leading coder column.

#include "annotation/io/annotation_transfer.h"
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace sb::cli {

namespace {

namespace an = sb::annotation;

struct TransferOptions {
    std::string project;
    std::string session;
    std::string coder;
    std::string format;
    std::string file; // import: the input; export: -o, "" for stdout
    bool replace = false;
};

const an::io::AnnotationFormat& formatNamed(const std::string& name) {
    const auto* format = an::io::findFormat(name);
    if (format == nullptr) {
        throw UsageError(fmt::format("unknown --format '{}'", name));
    }
    return *format;
}

void importFile(const TransferOptions& options) {
    const auto& format = formatNamed(options.format);
    an::Project project(options.project);
    auto& store = project.store();
    const auto session = store.sessionNamed(options.session);
    an::io::ImportOptions importOptions;
    if (!options.coder.empty()) {
        importOptions.coder = store.coderNamed(options.coder).id;
    }
    importOptions.replace = options.replace;
    const auto summary = an::io::importAnnotations(project, session.id, format, options.file, importOptions);
    fmt::print("{}: imported {} annotation{} into session '{}'{}\n", options.project, summary.imported,
               summary.imported == 1 ? "" : "s", options.session,
               options.replace ? fmt::format(", replacing {}", summary.replaced) : std::string());
}

void exportFile(const TransferOptions& options) {
    const auto& format = formatNamed(options.format);
    an::Project project(options.project, an::ProjectStore::Access::ReadOnly);
    auto& store = project.store();
    const auto session = store.sessionNamed(options.session);
    std::optional<an::CoderId> coder;
    if (!options.coder.empty()) {
        coder = store.coderNamed(options.coder).id;
    }
    if (options.file.empty() || options.file == "-") {
        an::io::exportAnnotations(project, session.id, coder, format, std::cout);
        std::cout.flush();
        return;
    }
    // Write beside the target and rename, so a failed export never leaves half a file.
    std::ostringstream text;
    an::io::exportAnnotations(project, session.id, coder, format, text);
    const std::string temporary = options.file + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text.str();
        out.close();
        if (!out) {
            std::filesystem::remove(temporary);
            throw std::runtime_error(fmt::format("{}: cannot write the export", options.file));
        }
    }
    std::filesystem::rename(temporary, options.file);
}

void addCommonOptions(CLI::App* command, TransferOptions& options) {
    command->add_option("project", options.project, "Project file (.sbproj)")->required();
    command->add_option("--session", options.session, "Session name")->required();
    command->add_option("--format", options.format, "File format (csv)")->required();
}

} // namespace

void addTransferCommands(CLI::App& app) {
    auto importOptions = std::make_shared<TransferOptions>();
    CLI::App* importCommand = app.add_subcommand(
        "import", "Import annotations into a session (all or nothing; docs/project-file.md)");
    addCommonOptions(importCommand, *importOptions);
    importCommand->add_option("--coder", importOptions->coder,
                              "Whose annotations these are (required unless the file has a coder column)");
    importCommand->add_flag("--replace", importOptions->replace,
                            "Replace the coder's existing annotations in the session instead of adding");
    importCommand->add_option("file", importOptions->file, "The file to import")->required();
    importCommand->callback([importOptions] { importFile(*importOptions); });

    auto exportOptions = std::make_shared<TransferOptions>();
    CLI::App* exportCommand = app.add_subcommand("export", "Export a session's annotations");
    addCommonOptions(exportCommand, *exportOptions);
    exportCommand->add_option("--coder", exportOptions->coder,
                              "Only this coder's annotations (otherwise all, with a coder column)");
    exportCommand->add_option("-o,--output", exportOptions->file, "Output file (default: stdout)");
    exportCommand->callback([exportOptions] { exportFile(*exportOptions); });
}

} // namespace sb::cli
