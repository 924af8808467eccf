// securebase-cli project / session / coder …: making and inspecting project files
// (annotation/project.h, docs/project-file.md).
//
//   project create P.sbproj --scheme FILE         new project; never overwrites (exit 2 if P exists)
//   project create P.sbproj --from-eaf FILE --tier-mapping coder|code [--coder NAME] [--session NAME]
//                           [--tier NAME]… [--media-root DIR]
//   project create P.sbproj --from-boris FILE --coder NAME [--observation NAME]… [--close-unpaired]
//                           [--media-root DIR]
//       a project whose scheme is made from the file, with the file imported (docs/interchange.md)
//   project info P.sbproj [--json]                sessions, coders, counts (reads only)
//   session add P.sbproj --name NAME [--media FILE[@OFFSET_SECONDS]]…
//   coder add P.sbproj --name NAME [--role coder|supervisor]
//
// A duplicate name, a missing or damaged project or an invalid scheme exits 3 with the
// reason, naming the file, on stderr.

#include "annotation/io/boris_import.h"
#include "annotation/io/eaf_import.h"
#include "annotation/project.h"
#include "annotation/seconds_text.h"
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace sb::cli {

namespace {

namespace an = sb::annotation;

struct CreateOptions {
    std::string project;
    std::string scheme;
    std::string fromEaf;
    std::string fromBoris;
    std::string tierMapping;
    std::string coder;
    std::string session;
    std::vector<std::string> tiers;
    std::vector<std::string> observations;
    bool closeUnpaired = false;
    std::string mediaRoot;
};

void printNotes(const std::vector<std::string>& notes) {
    for (const auto& note : notes) {
        fmt::print(stderr, "securebase-cli: note: {}\n", note);
    }
}

void createFromEaf(const CreateOptions& options) {
    an::io::EafImportOptions eaf;
    if (options.tierMapping != "coder" && options.tierMapping != "code") {
        throw UsageError(
            "--from-eaf needs --tier-mapping coder (one tier per coder) or code (one tier per code)");
    }
    eaf.mapping = options.tierMapping == "coder" ? an::io::TierMapping::Coder : an::io::TierMapping::Code;
    if (eaf.mapping == an::io::TierMapping::Code && options.coder.empty()) {
        throw UsageError("--tier-mapping code needs --coder (whose annotations these are)");
    }
    if (eaf.mapping == an::io::TierMapping::Code) {
        eaf.coder = options.coder;
    }
    eaf.session = options.session;
    eaf.tiers = options.tiers;
    if (!options.mediaRoot.empty()) {
        eaf.mediaRoot = options.mediaRoot;
    }
    an::io::EafImportSummary summary;
    auto project = an::io::createProjectFromEaf(options.project, options.fromEaf, eaf, &summary);
    printNotes(summary.notes);
    const auto& scheme = project->scheme();
    fmt::print("{}: created with scheme {} {} ({} codes) and session '{}' ({} annotations, {} media files)\n",
               options.project, scheme.id, scheme.version, scheme.codes.size(), summary.session,
               summary.annotations, summary.media);
}

void createFromBoris(const CreateOptions& options) {
    if (options.coder.empty()) {
        throw UsageError("--from-boris needs --coder (whose events these are)");
    }
    an::io::BorisImportOptions boris;
    boris.coder = options.coder;
    boris.observations = options.observations;
    boris.closeUnpaired = options.closeUnpaired;
    if (!options.mediaRoot.empty()) {
        boris.mediaRoot = options.mediaRoot;
    }
    an::io::BorisImportSummary summary;
    auto project = an::io::createProjectFromBoris(options.project, options.fromBoris, boris, &summary);
    printNotes(summary.notes);
    const auto& scheme = project->scheme();
    fmt::print("{}: created with scheme {} {} ({} codes, {} subjects), {} sessions, {} annotations\n",
               options.project, scheme.id, scheme.version, scheme.codes.size(), scheme.subjects.size(),
               summary.observations.size(), summary.annotations);
}

struct InfoOptions {
    std::string project;
    bool json = false;
};

struct SessionOptions {
    std::string project;
    std::string name;
    std::vector<std::string> media;
};

struct CoderOptions {
    std::string project;
    std::string name;
    std::string role = "coder";
};

void create(const CreateOptions& options) {
    if (std::filesystem::exists(options.project)) {
        throw UsageError(fmt::format("{}: already exists; refusing to overwrite it", options.project));
    }
    const int sources = (options.scheme.empty() ? 0 : 1) + (options.fromEaf.empty() ? 0 : 1) +
                        (options.fromBoris.empty() ? 0 : 1);
    if (sources != 1) {
        throw UsageError("give exactly one of --scheme FILE, --from-eaf FILE and --from-boris FILE");
    }
    const bool fileOptions = !options.tierMapping.empty() || !options.coder.empty() ||
                             !options.session.empty() || !options.tiers.empty() ||
                             !options.observations.empty() || options.closeUnpaired ||
                             !options.mediaRoot.empty();
    if (!options.fromEaf.empty()) {
        if (!options.observations.empty() || options.closeUnpaired) {
            throw UsageError("--observation and --close-unpaired apply to --from-boris only");
        }
        createFromEaf(options);
        return;
    }
    if (!options.fromBoris.empty()) {
        if (!options.tierMapping.empty() || !options.tiers.empty() || !options.session.empty()) {
            throw UsageError("--tier-mapping, --tier and --session apply to --from-eaf only");
        }
        createFromBoris(options);
        return;
    }
    if (fileOptions) {
        throw UsageError("import options apply to --from-eaf and --from-boris only");
    }
    auto project = an::Project::create(options.project, options.scheme);
    const auto& scheme = project->scheme();
    fmt::print("{}: created with scheme {} {}\n", options.project, scheme.id, scheme.version);
}

// FILE@OFFSET: the text after the last '@' is an offset when it looks like a number
// ("cam2.mp4@-1.5"); otherwise the '@' is part of the path ("clips@home/cam.mp4").
an::MediaFile parseMedia(const std::string& text) {
    const auto at = text.rfind('@');
    if (at != std::string::npos) {
        const std::string suffix = text.substr(at + 1);
        const bool numeric = !suffix.empty() && suffix.find_first_not_of("0123456789.-") == std::string::npos;
        if (numeric) {
            std::string why;
            const auto offset = an::parseSeconds(suffix, &why);
            if (!offset) {
                throw UsageError(fmt::format("--media {}: bad offset '{}': {}", text, suffix, why));
            }
            if (at == 0) {
                throw UsageError(fmt::format("--media {}: no file before the '@'", text));
            }
            return {text.substr(0, at), *offset};
        }
    }
    return {text, an::Microseconds{0}};
}

void addSession(const SessionOptions& options) {
    std::vector<an::MediaFile> media;
    for (const auto& item : options.media) {
        media.push_back(parseMedia(item));
    }
    an::Project project(options.project);
    project.store().addSession(options.name, media);
    fmt::print("{}: added session '{}' ({} media file{})\n", options.project, options.name, media.size(),
               media.size() == 1 ? "" : "s");
}

void addCoder(const CoderOptions& options) {
    const auto role = an::parseCoderRole(options.role);
    if (!role) {
        throw UsageError(fmt::format("--role must be coder or supervisor, not '{}'", options.role));
    }
    an::Project project(options.project);
    project.store().addCoder(options.name, *role);
    fmt::print("{}: added {} '{}'\n", options.project, options.role, options.name);
}

void info(const InfoOptions& options) {
    an::Project project(options.project);
    auto& store = project.store();
    const auto everyone = an::Viewer::wholeProject();
    const auto current = store.schemeVersion(store.currentSchemeVersion());

    nlohmann::json document;
    document["file"] = options.project;
    document["format"] = store.formatVersion();
    document["scheme"] = {
        {"id", current.schemeId}, {"version", current.version}, {"sha256", current.contentSha256}};
    document["schemeVersions"] = store.schemeVersions().size();
    document["blind"] = store.blind();
    document["sessions"] = nlohmann::json::array();
    for (const auto& session : store.sessions()) {
        nlohmann::json media = nlohmann::json::array();
        for (const auto& file : session.media) {
            media.push_back({{"path", file.path}, {"offset", an::formatSeconds(file.offset)}});
        }
        document["sessions"].push_back({{"name", session.name},
                                        {"media", media},
                                        {"annotations", store.annotationCount(everyone, session.id)}});
    }
    document["coders"] = nlohmann::json::array();
    for (const auto& coder : store.coders()) {
        document["coders"].push_back(
            {{"name", coder.name},
             {"role", std::string(an::toString(coder.role))},
             {"annotations", store.annotationCount(everyone, std::nullopt, coder.id)}});
    }
    document["annotations"] = store.annotationCount(everyone);

    if (options.json) {
        printJson(document);
        return;
    }
    fmt::print("{}: project format {}, scheme {} {}{}\n", options.project, store.formatVersion(),
               current.schemeId, current.version, store.blind() ? ", blind coding" : "");
    fmt::print("sessions: {}\n", document["sessions"].size());
    for (const auto& session : document["sessions"]) {
        fmt::print("  {}: {} annotations\n", session["name"].get<std::string>(),
                   session["annotations"].get<std::int64_t>());
        for (const auto& media : session["media"]) {
            fmt::print("    {} @ {} s\n", media["path"].get<std::string>(),
                       media["offset"].get<std::string>());
        }
    }
    fmt::print("coders: {}\n", document["coders"].size());
    for (const auto& coder : document["coders"]) {
        fmt::print("  {} ({}): {} annotations\n", coder["name"].get<std::string>(),
                   coder["role"].get<std::string>(), coder["annotations"].get<std::int64_t>());
    }
    fmt::print("annotations: {}\n", document["annotations"].get<std::int64_t>());
}

} // namespace

void addProjectCommands(CLI::App& app) {
    CLI::App* project = app.add_subcommand("project", "Project files (.sbproj; docs/project-file.md)");
    project->require_subcommand(1);

    auto createOptions = std::make_shared<CreateOptions>();
    CLI::App* createCommand =
        project->add_subcommand("create", "Create a project with a coding scheme (never overwrites)");
    createCommand->add_option("project", createOptions->project, "The new project file (.sbproj)")
        ->required();
    createCommand->add_option("--scheme", createOptions->scheme, "Coding-scheme file (.json)");
    createCommand->add_option("--from-eaf", createOptions->fromEaf,
                              "Make the scheme from an ELAN file and import it as a session");
    createCommand->add_option("--from-boris", createOptions->fromBoris,
                              "Make the scheme from a BORIS project's ethogram and import its observations");
    createCommand->add_option("--tier-mapping", createOptions->tierMapping, "--from-eaf: coder or code");
    createCommand->add_option("--coder", createOptions->coder,
                              "--from-boris, --from-eaf --tier-mapping code: whose annotations these are");
    createCommand->add_option("--session", createOptions->session, "--from-eaf: the session's name");
    createCommand->add_option("--tier", createOptions->tiers, "--from-eaf: only this tier (repeatable)");
    createCommand->add_option("--observation", createOptions->observations,
                              "--from-boris: only this observation (repeatable)");
    createCommand->add_flag("--close-unpaired", createOptions->closeUnpaired,
                            "--from-boris: close states that never stop at the observation's end");
    createCommand->add_option("--media-root", createOptions->mediaRoot,
                              "--from-eaf, --from-boris: refuse media paths outside this folder");
    createCommand->callback([createOptions] { create(*createOptions); });

    auto infoOptions = std::make_shared<InfoOptions>();
    CLI::App* infoCommand = project->add_subcommand("info", "Sessions, coders and annotation counts");
    infoCommand->add_option("project", infoOptions->project, "Project file")->required();
    infoCommand->add_flag("--json", infoOptions->json, "One JSON document on stdout");
    infoCommand->callback([infoOptions] { info(*infoOptions); });

    CLI::App* session = app.add_subcommand("session", "Sessions (recordings) of a project");
    session->require_subcommand(1);
    auto sessionOptions = std::make_shared<SessionOptions>();
    CLI::App* sessionAdd = session->add_subcommand("add", "Add a session");
    sessionAdd->add_option("project", sessionOptions->project, "Project file")->required();
    sessionAdd->add_option("--name", sessionOptions->name, "Session name (unique in the project)")
        ->required();
    sessionAdd
        ->add_option(
            "--media", sessionOptions->media,
            "Media file, with its offset on the session clock in seconds: FILE[@OFFSET] (repeatable)")
        ->allow_extra_args(false);
    sessionAdd->callback([sessionOptions] { addSession(*sessionOptions); });

    CLI::App* coder = app.add_subcommand("coder", "Coders of a project");
    coder->require_subcommand(1);
    auto coderOptions = std::make_shared<CoderOptions>();
    CLI::App* coderAdd = coder->add_subcommand("add", "Add a coder");
    coderAdd->add_option("project", coderOptions->project, "Project file")->required();
    coderAdd->add_option("--name", coderOptions->name, "Coder name (unique in the project)")->required();
    coderAdd->add_option("--role", coderOptions->role, "coder (default) or supervisor")
        ->check(CLI::IsMember({"coder", "supervisor"}));
    coderAdd->callback([coderOptions] { addCoder(*coderOptions); });
}

} // namespace sb::cli
