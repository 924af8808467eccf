// securebase-cli import / export: annotations between a project and files (annotation/io/,
// docs/project-file.md "CSV", docs/interchange.md).
//
//   import P.sbproj --format csv|tsv --session NAME [--coder NAME] [--replace] FILE
//       all or nothing: the first bad row is reported as FILE:ROW: reason (exit 3) and the
//       project is unchanged. --coder is required unless the file has a coder column.
//   import P.sbproj --format eaf --tier-mapping coder|code [--coder NAME] [--session NAME]
//                   [--tier NAME]… [--add-codes] [--media-root DIR] FILE
//   import P.sbproj --format boris --coder NAME [--observation NAME]… [--close-unpaired]
//                   [--media-root DIR] [--as NAME] FILE
//   export P.sbproj --format csv|tsv|eaf --session NAME [--coder NAME] [-o FILE]
//   export P.sbproj --format wide|summary|sdis|boris-events [--session NAME]… [--coder NAME]
//                   [--unit SECONDS] [-o FILE]
//       to stdout unless -o; what a format cannot hold is said on stderr.

#include "annotation/io/annotation_transfer.h"
#include "annotation/io/boris_import.h"
#include "annotation/io/eaf_import.h"
#include "annotation/seconds_text.h"
#include "app/cli/acting_coder.h"
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
    std::vector<std::string> sessions;
    std::string coder;
    std::string format;
    std::string file; // import: the input; export: -o, "" for stdout
    bool replace = false;
    std::string as; // import: who the audit trail records as acting
    // EAF
    std::string tierMapping;
    std::vector<std::string> tiers;
    bool addCodes = false;
    std::string mediaRoot;
    // BORIS
    std::vector<std::string> observations;
    bool closeUnpaired = false;
    // per-time-unit tables
    std::string unit;
};

const an::io::AnnotationFormat& formatNamed(const std::string& name) {
    const auto* format = an::io::findFormat(name);
    if (format == nullptr) {
        throw UsageError(fmt::format("unknown --format '{}'", name));
    }
    return *format;
}

void printNotes(const std::vector<std::string>& notes) {
    for (const auto& note : notes) {
        fmt::print(stderr, "securebase-cli: note: {}\n", note);
    }
}

std::optional<std::filesystem::path> mediaRoot(const TransferOptions& options) {
    if (options.mediaRoot.empty()) {
        return std::nullopt;
    }
    return std::filesystem::path(options.mediaRoot);
}

void refuse(bool given, const char* option, const std::string& format) {
    if (given) {
        throw UsageError(fmt::format("{} does not apply to --format {}", option, format));
    }
}

an::io::TierMapping tierMapping(const std::string& text) {
    if (text == "coder") {
        return an::io::TierMapping::Coder;
    }
    if (text == "code") {
        return an::io::TierMapping::Code;
    }
    throw UsageError(text.empty()
                         ? "--format eaf needs --tier-mapping coder (one tier per coder) or code (one "
                           "tier per code, with --coder)"
                         : fmt::format("--tier-mapping must be coder or code, not '{}'", text));
}

void importEaf(const TransferOptions& options) {
    refuse(options.replace, "--replace", "eaf");
    refuse(!options.observations.empty() || options.closeUnpaired, "--observation/--close-unpaired", "eaf");
    if (options.sessions.size() > 1) {
        throw UsageError("an EAF file is one session: give --session at most once");
    }
    an::io::EafImportOptions eaf;
    eaf.mapping = tierMapping(options.tierMapping);
    eaf.coder = options.coder;
    if (eaf.mapping == an::io::TierMapping::Code && eaf.coder.empty()) {
        throw UsageError("--tier-mapping code needs --coder (whose annotations these are)");
    }
    if (eaf.mapping == an::io::TierMapping::Coder && !eaf.coder.empty()) {
        throw UsageError("--tier-mapping coder takes the coders from the tiers; --coder does not apply");
    }
    eaf.session = options.sessions.empty() ? "" : options.sessions.front();
    eaf.tiers = options.tiers;
    eaf.addCodes = options.addCodes;
    eaf.mediaRoot = mediaRoot(options);
    an::Project project(options.project);
    setActingCoder(project.store(), options.as);
    const auto summary = an::io::importEaf(project, options.file, eaf);
    printNotes(summary.notes);
    fmt::print(
        "{}: imported {} annotation{} into {} session '{}'{}{}\n", options.project, summary.annotations,
        summary.annotations == 1 ? "" : "s", summary.sessionCreated ? "new" : "existing", summary.session,
        summary.codersAdded.empty() ? "" : fmt::format(", added {} coder(s)", summary.codersAdded.size()),
        summary.codesAdded.empty() ? ""
                                   : fmt::format(", added {} code(s) as scheme version {}",
                                                 summary.codesAdded.size(), project.scheme().version));
}

void importBoris(const TransferOptions& options) {
    refuse(options.replace, "--replace", "boris");
    refuse(!options.tierMapping.empty() || !options.tiers.empty() || options.addCodes,
           "--tier-mapping/--tier/--add-codes", "boris");
    refuse(!options.sessions.empty(), "--session (each observation is a session named after it)", "boris");
    if (options.coder.empty()) {
        throw UsageError("--format boris needs --coder (whose events these are)");
    }
    an::io::BorisImportOptions boris;
    boris.coder = options.coder;
    boris.observations = options.observations;
    boris.closeUnpaired = options.closeUnpaired;
    boris.mediaRoot = mediaRoot(options);
    an::Project project(options.project);
    setActingCoder(project.store(), options.as);
    const auto summary = an::io::importBoris(project, options.file, boris);
    printNotes(summary.notes);
    for (const auto& o : summary.observations) {
        fmt::print("  {} session '{}': {} events, {} annotations{}\n", o.created ? "new" : "existing",
                   o.session, o.events, o.annotations,
                   o.closed > 0 ? fmt::format(" ({} closed at the end)", o.closed) : "");
    }
    fmt::print("{}: imported {} annotation{} from {} observation{}\n", options.project, summary.annotations,
               summary.annotations == 1 ? "" : "s", summary.observations.size(),
               summary.observations.size() == 1 ? "" : "s");
}

void importFile(const TransferOptions& options) {
    if (options.format == "eaf") {
        importEaf(options);
        return;
    }
    if (options.format == "boris") {
        importBoris(options);
        return;
    }
    const auto& format = formatNamed(options.format);
    if (!format.canImport()) {
        throw UsageError(fmt::format("--format {} is for export only", options.format));
    }
    refuse(!options.tierMapping.empty() || !options.tiers.empty() || options.addCodes ||
               !options.mediaRoot.empty(),
           "--tier-mapping/--tier/--add-codes/--media-root", options.format);
    refuse(!options.observations.empty() || options.closeUnpaired, "--observation/--close-unpaired",
           options.format);
    if (options.sessions.size() != 1) {
        throw UsageError(fmt::format("--format {} needs --session NAME (once)", options.format));
    }
    const auto& sessionName = options.sessions.front();
    an::Project project(options.project);
    auto& store = project.store();
    setActingCoder(store, options.as);
    const auto session = store.sessionNamed(sessionName);
    an::io::ImportOptions importOptions;
    if (!options.coder.empty()) {
        importOptions.coder = store.coderNamed(options.coder).id;
    }
    importOptions.replace = options.replace;
    const auto summary = an::io::importAnnotations(project, session.id, format, options.file, importOptions);
    fmt::print("{}: imported {} annotation{} into session '{}'{}\n", options.project, summary.imported,
               summary.imported == 1 ? "" : "s", sessionName,
               options.replace ? fmt::format(", replacing {}", summary.replaced) : std::string());
}

// Writes beside the target and renames, so a failed export never leaves half a file.
void writeOutput(const std::string& file, const std::string& text) {
    const std::string temporary = file + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            std::filesystem::remove(temporary);
            throw std::runtime_error(fmt::format("{}: cannot write the export", file));
        }
    }
    std::filesystem::rename(temporary, file);
}

void exportFile(const TransferOptions& options) {
    const auto& format = formatNamed(options.format);
    an::io::ExportRequest request;
    if (!options.unit.empty()) {
        std::string why;
        const auto unit = an::parseSeconds(options.unit, &why);
        if (!unit || *unit <= an::Microseconds{0}) {
            throw UsageError(fmt::format("--unit must be a positive number of seconds, not '{}'{}",
                                         options.unit, why.empty() ? "" : ": " + why));
        }
        request.unit = *unit;
    }
    if (!format.holdsSessions() && options.sessions.size() != 1) {
        throw UsageError(
            fmt::format("--format {} holds one session: give --session NAME once", options.format));
    }
    an::Project project(options.project, an::ProjectStore::Access::ReadOnly);
    auto& store = project.store();
    for (const auto& name : options.sessions) {
        request.sessions.push_back(store.sessionNamed(name).id);
    }
    if (!options.coder.empty()) {
        request.coder = store.coderNamed(options.coder).id;
    }
    std::ostringstream text;
    an::io::ExportSummary summary;
    if (options.format == "csv") {
        // The CSV contract of docs/project-file.md, unchanged.
        an::io::exportAnnotations(project, request.sessions.front(), request.coder, format, text);
    } else {
        summary = an::io::exportSessions(project, format, request, text);
    }
    if (options.file.empty() || options.file == "-") {
        std::cout << text.str();
        std::cout.flush();
    } else {
        writeOutput(options.file, text.str());
    }
    const auto drops = format.drops();
    if (!drops.empty() && (summary.withModifiers > 0 || summary.withComments > 0)) {
        fmt::print(
            stderr,
            "securebase-cli: note: --format {} does not hold {}: {} annotation{} with modifiers and {} "
            "with comments lose them\n",
            options.format, drops, summary.withModifiers, summary.withModifiers == 1 ? "" : "s",
            summary.withComments);
    }
    if (const auto note = format.note(); !note.empty()) {
        fmt::print(stderr, "securebase-cli: note: {}\n", note);
    }
}

std::string formatList(bool forImport) {
    std::string names = forImport ? "eaf, boris" : "";
    for (const auto& name : an::io::formatNames()) {
        if (forImport && !an::io::findFormat(name)->canImport()) {
            continue;
        }
        names += (names.empty() ? "" : ", ") + name;
    }
    return names;
}

} // namespace

void addTransferCommands(CLI::App& app) {
    auto importOptions = std::make_shared<TransferOptions>();
    CLI::App* importCommand = app.add_subcommand(
        "import", "Import annotations into a project (all or nothing; docs/interchange.md)");
    importCommand->add_option("project", importOptions->project, "Project file (.sbproj)")->required();
    importCommand->add_option("--format", importOptions->format, "File format (" + formatList(true) + ")")
        ->required();
    importCommand->add_option("--session", importOptions->sessions,
                              "Session name (csv, tsv: required; eaf: default the file's name)");
    importCommand->add_option("--coder", importOptions->coder,
                              "Whose annotations these are (csv/tsv: unless the file has a coder column; "
                              "eaf --tier-mapping code; boris)");
    importCommand->add_flag(
        "--replace", importOptions->replace,
        "csv/tsv: replace the coder's existing annotations in the session instead of adding");
    importCommand->add_option(
        "--tier-mapping", importOptions->tierMapping,
        "eaf: coder (one tier per coder, values are codes) or code (one tier per code)");
    importCommand->add_option("--tier", importOptions->tiers, "eaf: import only this tier (repeatable)");
    importCommand->add_flag("--add-codes", importOptions->addCodes,
                            "eaf: add codes the scheme lacks, as a new scheme version");
    importCommand->add_option("--media-root", importOptions->mediaRoot,
                              "eaf, boris: refuse media paths outside this folder");
    importCommand->add_option("--observation", importOptions->observations,
                              "boris: import only this observation (repeatable)");
    importCommand->add_flag("--close-unpaired", importOptions->closeUnpaired,
                            "boris: close states that never stop at the observation's end");
    importCommand->add_option("--as", importOptions->as,
                              "Acting coder for the audit trail (default: the first supervisor)");
    importCommand->add_option("file", importOptions->file, "The file to import")->required();
    importCommand->callback([importOptions] { importFile(*importOptions); });

    auto exportOptions = std::make_shared<TransferOptions>();
    CLI::App* exportCommand = app.add_subcommand("export", "Export annotations (docs/interchange.md)");
    exportCommand->add_option("project", exportOptions->project, "Project file (.sbproj)")->required();
    exportCommand->add_option("--format", exportOptions->format, "File format (" + formatList(false) + ")")
        ->required();
    exportCommand->add_option(
        "--session", exportOptions->sessions,
        "Session name (csv, tsv, eaf: exactly one; other formats: repeatable, default all)");
    exportCommand->add_option("--coder", exportOptions->coder,
                              "Only this coder's annotations (otherwise all, with a coder column)");
    exportCommand->add_option("--unit", exportOptions->unit, "wide: the time unit in seconds (default 1)");
    exportCommand->add_option("-o,--output", exportOptions->file, "Output file (default: stdout)");
    exportCommand->callback([exportOptions] { exportFile(*exportOptions); });
}

} // namespace sb::cli
