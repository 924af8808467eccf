// securebase-cli package / gold / reveal / thread / audit: supervision (docs/supervision.md).
//
//   package create P.sbproj --coder NAME [--sessions A,B] -o FILE.sbpkg [--json]
//   package feedback P.sbproj --coder NAME [--sessions A,B] -o FILE.sbpkg [--json]
//   package merge P.sbproj FILE.sbpkg [--json]
//   package check P.sbproj FILE.sbpkg [--json]          what merge checks, changing nothing
//   gold set P.sbproj --session NAME --coder NAME | gold clear P.sbproj --session NAME
//   gold list P.sbproj [--json]
//   reveal P.sbproj --viewer NAME --owner NAME [--session NAME] [--withdraw]
//   thread add P.sbproj --session NAME --trainee NAME --from S --to S --text TEXT
//   thread reply P.sbproj --thread ID --text TEXT | thread resolve P.sbproj --thread ID [--reopen]
//   thread list P.sbproj [--session NAME] [--trainee NAME] [--json]
//   audit verify P.sbproj [--json]                       0 intact, 3 with the first broken row
//   audit log P.sbproj [--coder NAME] [--session NAME] [--limit N] [--json]
//
// Every command that changes the project takes --as NAME: the coder recorded as acting in the
// audit trail (default: the project's first supervisor). A refused package exits 3 with the
// reason; nothing is changed then.

#include "app/cli/acting_coder.h"

#include "annotation/project.h"
#include "annotation/seconds_text.h"
#include "annotation/supervision/audit_trail.h"
#include "annotation/supervision/coding_package.h"
#include "annotation/supervision/gold_standards.h"
#include "annotation/supervision/reveals.h"
#include "annotation/supervision/review_threads.h"
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
namespace sv = sb::annotation::supervision;
using nlohmann::json;

// Opens the project for writing with the acting coder set.
std::unique_ptr<an::Project> openAs(const std::string& file, const std::string& as) {
    auto project = std::make_unique<an::Project>(file);
    setActingCoder(project->store(), as);
    return project;
}

std::vector<an::SessionId> sessionList(an::ProjectStore& store, const std::string& names) {
    std::vector<an::SessionId> result;
    std::size_t start = 0;
    while (start < names.size()) {
        auto comma = names.find(',', start);
        if (comma == std::string::npos) {
            comma = names.size();
        }
        const auto name = names.substr(start, comma - start);
        if (name.empty()) {
            throw UsageError(fmt::format("--sessions '{}': an empty session name", names));
        }
        result.push_back(store.sessionNamed(name).id);
        start = comma + 1;
    }
    return result;
}

std::string coderName(an::ProjectStore& store, an::CoderId id) {
    try {
        return store.coder(id).name;
    } catch (const an::NotFound&) {
        return fmt::format("#{}", id.value);
    }
}

json headerJson(an::ProjectStore& store, const sv::PackageHeader& h) {
    json sessions = json::array();
    for (const auto& s : h.sessions) {
        try {
            sessions.push_back(store.session(s).name);
        } catch (const an::NotFound&) {
            sessions.push_back(s.value);
        }
    }
    return {{"package", h.packageId},       {"project", h.projectId},          {"coder", h.coderName},
            {"kind", sv::toString(h.kind)}, {"scheme_sha256", h.schemeSha256}, {"sessions", sessions}};
}

struct PackageOptions {
    std::string project, coder, sessions, out, file, as;
    bool json = false;
};

void createPackage(const PackageOptions& o, sv::PackageKind kind) {
    auto project = openAs(o.project, o.as);
    auto& store = project->store();
    sv::PackageOptions options;
    options.coder = store.coderNamed(o.coder).id;
    options.sessions = sessionList(store, o.sessions);
    if (std::filesystem::exists(o.out)) {
        throw UsageError(fmt::format("{}: already exists; refusing to overwrite it", o.out));
    }
    const auto summary = kind == sv::PackageKind::Coding
                             ? sv::createCodingPackage(*project, options, o.out)
                             : sv::createFeedbackPackage(*project, options, o.out);
    if (o.json) {
        auto document = headerJson(store, summary.header);
        document["file"] = o.out;
        document["annotations"] = summary.annotations;
        document["others_annotations"] = summary.revealedAnnotations;
        document["threads"] = summary.threads;
        printJson(document);
    } else {
        fmt::print("{}: {} package for '{}' with {} session(s), {} of their annotations{}\n", o.out,
                   sv::toString(kind), o.coder, summary.header.sessions.size(), summary.annotations,
                   kind == sv::PackageKind::Feedback
                       ? fmt::format(", {} review thread(s) released", summary.threads)
                       : std::string());
    }
}

void mergePackage(const PackageOptions& o) {
    auto project = openAs(o.project, o.as);
    auto& store = project->store();
    const auto result = sv::mergePackage(*project, o.file);
    if (o.json) {
        auto document = headerJson(store, result.header);
        document["already_merged"] = result.alreadyMerged;
        document["sessions_merged"] = result.sessions;
        document["annotations"] = result.annotations;
        document["scores"] = result.scores;
        document["judgements"] = result.judgements;
        document["notes"] = result.notes;
        document["thread_replies"] = result.threadReplies;
        printJson(document);
    } else if (result.alreadyMerged) {
        fmt::print("{}: already merged into {}; nothing changed\n", o.file, o.project);
    } else {
        fmt::print("{}: merged '{}' into {}: {} session(s) submitted, {} annotations, {} thread replies\n",
                   o.file, result.header.coderName, o.project, result.sessions, result.annotations,
                   result.threadReplies);
    }
}

void checkPackage(const PackageOptions& o) {
    an::Project project(o.project);
    const auto header = sv::checkPackage(project, o.file);
    if (o.json) {
        auto document = headerJson(project.store(), header);
        document["ok"] = true;
        printJson(document);
    } else {
        fmt::print("{}: a sound {} package for '{}' from {}\n", o.file, sv::toString(header.kind),
                   header.coderName, o.project);
    }
}

struct GoldOptions {
    std::string project, session, coder, as;
    bool json = false;
};

struct RevealOptions {
    std::string project, viewer, owner, session, as;
    bool withdraw = false;
};

struct ThreadOptions {
    std::string project, session, trainee, from, to, text, as;
    std::int64_t thread = 0;
    bool reopen = false;
    bool json = false;
};

json threadJson(an::ProjectStore& store, const sv::ReviewThread& t) {
    json messages = json::array();
    for (const auto& m : t.messages) {
        messages.push_back({{"id", m.id},
                            {"author", coderName(store, m.author)},
                            {"text", m.text},
                            {"at_us", m.at.count()}});
    }
    return {{"id", t.id},
            {"session", store.session(t.session).name},
            {"trainee", coderName(store, t.trainee)},
            {"start", an::formatSeconds(t.start)},
            {"end", an::formatSeconds(t.end)},
            {"resolved", t.resolved},
            {"released", t.releasedAt.has_value()},
            {"messages", messages}};
}

struct AuditOptions {
    std::string project, coder, session;
    std::size_t limit = 0;
    bool json = false;
};

void auditVerify(const AuditOptions& o) {
    an::Project project(o.project, an::ProjectStore::Access::ReadOnly);
    const auto result = sv::AuditTrail(project.store()).verify();
    if (o.json) {
        json document{{"file", o.project}, {"rows", result.rows}, {"intact", !result.broken}};
        if (result.broken) {
            document["broken_row"] = result.broken->seq;
            document["reason"] = result.broken->reason;
        } else {
            document["head_hash"] = result.headHash;
        }
        printJson(document);
    }
    if (result.broken) {
        fmt::print(stderr, "securebase-cli: {}: the audit trail is broken at row {}: {}\n", o.project,
                   result.broken->seq, result.broken->reason);
        throw ExitStatus(kExitBadInput);
    }
    if (!o.json) {
        fmt::print("{}: audit trail intact ({} rows)\n", o.project, result.rows);
    }
}

void auditLog(const AuditOptions& o) {
    an::Project project(o.project, an::ProjectStore::Access::ReadOnly);
    auto& store = project.store();
    sv::AuditFilter filter;
    if (!o.coder.empty()) {
        filter.actor = store.coderNamed(o.coder).id;
    }
    if (!o.session.empty()) {
        filter.session = store.sessionNamed(o.session).id;
    }
    filter.limit = o.limit;
    const auto entries = sv::AuditTrail(store).entries(filter);
    json rows = json::array();
    for (const auto& e : entries) {
        json row{{"seq", e.seq},
                 {"at_us", e.at.count()},
                 {"action", e.action},
                 {"what", e.what},
                 {"subject", e.subject},
                 {"hash", e.hash},
                 {"actor", e.actor ? json(coderName(store, *e.actor)) : json(nullptr)},
                 {"session", e.session ? json(e.session->value) : json(nullptr)}};
        row["before"] = e.before ? json::parse(*e.before) : json(nullptr);
        row["after"] = e.after ? json::parse(*e.after) : json(nullptr);
        if (o.json) {
            rows.push_back(std::move(row));
        } else {
            fmt::print("{}\t{}\t{}\t{}\t{}\t{}\n", e.seq, e.at.count(),
                       e.actor ? coderName(store, *e.actor) : std::string("-"), e.action, e.subject, e.what);
        }
    }
    if (o.json) {
        printJson(rows);
    }
}

} // namespace

void addSupervisionCommands(CLI::App& app) {
    // ---- package
    CLI::App* package = app.add_subcommand("package", "Coding packages: blinded work for one coder (.sbpkg)");
    package->require_subcommand(1);
    for (const auto kind : {sv::PackageKind::Coding, sv::PackageKind::Feedback}) {
        auto options = std::make_shared<PackageOptions>();
        const bool coding = kind == sv::PackageKind::Coding;
        CLI::App* command = package->add_subcommand(coding ? "create" : "feedback",
                                                    coding ? "Make a coding package for one coder"
                                                           : "Release feedback (threads, gold) to a trainee");
        command->add_option("project", options->project, "Project file")->required();
        command->add_option("--coder", options->coder, "The coder (trainee)")->required();
        command->add_option("--sessions", options->sessions, "Session names, comma-separated (default: all)");
        command->add_option("-o,--out", options->out, "The package file to write (.sbpkg)")->required();
        command->add_option("--as", options->as, "Acting coder for the audit trail");
        command->add_flag("--json", options->json, "One JSON document on stdout");
        command->callback([options, kind] { createPackage(*options, kind); });
    }
    {
        auto options = std::make_shared<PackageOptions>();
        CLI::App* merge = package->add_subcommand("merge", "Merge a returned package into the project");
        merge->add_option("project", options->project, "Project file")->required();
        merge->add_option("package", options->file, "Package file (.sbpkg)")->required();
        merge->add_option("--as", options->as, "Acting coder for the audit trail");
        merge->add_flag("--json", options->json, "One JSON document on stdout");
        merge->callback([options] { mergePackage(*options); });
    }
    {
        auto options = std::make_shared<PackageOptions>();
        CLI::App* check =
            package->add_subcommand("check", "Check a package against the project (changes nothing)");
        check->add_option("project", options->project, "Project file")->required();
        check->add_option("package", options->file, "Package file (.sbpkg)")->required();
        check->add_flag("--json", options->json, "One JSON document on stdout");
        check->callback([options] { checkPackage(*options); });
    }

    // ---- gold
    CLI::App* gold = app.add_subcommand("gold", "Gold-standard codings (one per session)");
    gold->require_subcommand(1);
    {
        auto options = std::make_shared<GoldOptions>();
        CLI::App* set = gold->add_subcommand("set", "Make a coder's work the session's gold standard");
        set->add_option("project", options->project, "Project file")->required();
        set->add_option("--session", options->session, "Session name")->required();
        set->add_option("--coder", options->coder, "The master or consensus coder")->required();
        set->add_option("--as", options->as, "Acting coder for the audit trail");
        set->callback([options] {
            auto project = openAs(options->project, options->as);
            auto& store = project->store();
            const auto session = store.sessionNamed(options->session);
            sv::GoldStandards(store).set(session.id, store.coderNamed(options->coder).id);
            fmt::print("{}: gold standard of '{}' is '{}'\n", options->project, session.name, options->coder);
        });
    }
    {
        auto options = std::make_shared<GoldOptions>();
        CLI::App* clear = gold->add_subcommand("clear", "Remove a session's gold standard");
        clear->add_option("project", options->project, "Project file")->required();
        clear->add_option("--session", options->session, "Session name")->required();
        clear->add_option("--as", options->as, "Acting coder for the audit trail");
        clear->callback([options] {
            auto project = openAs(options->project, options->as);
            auto& store = project->store();
            sv::GoldStandards(store).clear(store.sessionNamed(options->session).id);
        });
    }
    {
        auto options = std::make_shared<GoldOptions>();
        CLI::App* list = gold->add_subcommand("list", "Sessions with their gold-standard coder");
        list->add_option("project", options->project, "Project file")->required();
        list->add_flag("--json", options->json, "One JSON document on stdout");
        list->callback([options] {
            an::Project project(options->project, an::ProjectStore::Access::ReadOnly);
            auto& store = project.store();
            json rows = json::array();
            for (const auto& g : sv::GoldStandards(store).all()) {
                const auto session = store.session(g.session).name;
                const auto coder = coderName(store, g.coder);
                if (options->json) {
                    rows.push_back({{"session", session}, {"coder", coder}, {"set_at_us", g.setAt.count()}});
                } else {
                    fmt::print("{}\t{}\n", session, coder);
                }
            }
            if (options->json) {
                printJson(rows);
            }
        });
    }

    // ---- reveal
    {
        auto options = std::make_shared<RevealOptions>();
        CLI::App* reveal = app.add_subcommand("reveal", "Put one coder's work in another's next package");
        reveal->add_option("project", options->project, "Project file")->required();
        reveal->add_option("--viewer", options->viewer, "Who will see the work")->required();
        reveal->add_option("--owner", options->owner, "Whose work")->required();
        reveal->add_option("--session", options->session, "Only this session (default: all)");
        reveal->add_flag("--withdraw", options->withdraw, "Take the reveal back");
        reveal->add_option("--as", options->as, "Acting coder for the audit trail");
        reveal->callback([options] {
            auto project = openAs(options->project, options->as);
            auto& store = project->store();
            const auto viewer = store.coderNamed(options->viewer).id;
            const auto owner = store.coderNamed(options->owner).id;
            std::optional<an::SessionId> session;
            if (!options->session.empty()) {
                session = store.sessionNamed(options->session).id;
            }
            sv::Reveals reveals(store);
            if (options->withdraw) {
                const bool removed = reveals.withdraw(viewer, owner, session);
                fmt::print("{}: {}\n", options->project, removed ? "reveal withdrawn" : "no such reveal");
            } else {
                reveals.reveal(viewer, owner, session);
                fmt::print("{}: '{}' will see '{}''s work ({}) in their next package\n", options->project,
                           options->viewer, options->owner,
                           options->session.empty() ? std::string("every session") : options->session);
            }
        });
    }

    // ---- thread
    CLI::App* thread = app.add_subcommand("thread", "Review threads anchored to a time range");
    thread->require_subcommand(1);
    {
        auto options = std::make_shared<ThreadOptions>();
        CLI::App* add = thread->add_subcommand("add", "Open a thread about a trainee's coding of [from, to)");
        add->add_option("project", options->project, "Project file")->required();
        add->add_option("--session", options->session, "Session name")->required();
        add->add_option("--trainee", options->trainee, "Whose coding it is about")->required();
        add->add_option("--from", options->from, "Start, seconds")->required();
        add->add_option("--to", options->to, "End, seconds (after --from)")->required();
        add->add_option("--text", options->text, "The first message")->required();
        add->add_option("--as", options->as, "Author (default: the first supervisor)");
        add->add_flag("--json", options->json, "One JSON document on stdout");
        add->callback([options] {
            const auto from = secondsOption("--from", options->from);
            const auto to = secondsOption("--to", options->to);
            if (to <= from) {
                throw UsageError("--to must be after --from");
            }
            auto project = openAs(options->project, options->as);
            auto& store = project->store();
            if (!store.actor()) {
                throw UsageError("no author: give --as NAME (the project has no supervisor)");
            }
            sv::ReviewThreads threads(store);
            const auto id =
                threads.open(store.sessionNamed(options->session).id, store.coderNamed(options->trainee).id,
                             from, to, *store.actor(), options->text);
            if (options->json) {
                printJson(threadJson(store, *threads.thread(id)));
            } else {
                fmt::print("{}: thread {} opened\n", options->project, id);
            }
        });
    }
    {
        auto options = std::make_shared<ThreadOptions>();
        CLI::App* reply = thread->add_subcommand("reply", "Add a message to a thread");
        reply->add_option("project", options->project, "Project file")->required();
        reply->add_option("--thread", options->thread, "Thread id")->required();
        reply->add_option("--text", options->text, "The message")->required();
        reply->add_option("--as", options->as, "Author (default: the first supervisor)");
        reply->callback([options] {
            auto project = openAs(options->project, options->as);
            auto& store = project->store();
            if (!store.actor()) {
                throw UsageError("no author: give --as NAME (the project has no supervisor)");
            }
            const auto id = sv::ReviewThreads(store).reply(options->thread, *store.actor(), options->text);
            fmt::print("{}: message {} added to thread {}\n", options->project, id, options->thread);
        });
    }
    {
        auto options = std::make_shared<ThreadOptions>();
        CLI::App* resolve = thread->add_subcommand("resolve", "Mark a thread resolved (or --reopen it)");
        resolve->add_option("project", options->project, "Project file")->required();
        resolve->add_option("--thread", options->thread, "Thread id")->required();
        resolve->add_flag("--reopen", options->reopen, "Mark it unresolved again");
        resolve->add_option("--as", options->as, "Acting coder for the audit trail");
        resolve->callback([options] {
            auto project = openAs(options->project, options->as);
            sv::ReviewThreads(project->store()).setResolved(options->thread, !options->reopen);
        });
    }
    {
        auto options = std::make_shared<ThreadOptions>();
        CLI::App* list = thread->add_subcommand("list", "Threads with their messages");
        list->add_option("project", options->project, "Project file")->required();
        list->add_option("--session", options->session, "Only this session");
        list->add_option("--trainee", options->trainee, "Only about this trainee");
        list->add_flag("--json", options->json, "One JSON document on stdout");
        list->callback([options] {
            an::Project project(options->project, an::ProjectStore::Access::ReadOnly);
            auto& store = project.store();
            sv::ThreadFilter filter;
            if (!options->session.empty()) {
                filter.session = store.sessionNamed(options->session).id;
            }
            if (!options->trainee.empty()) {
                filter.trainee = store.coderNamed(options->trainee).id;
            }
            json rows = json::array();
            for (const auto& t : sv::ReviewThreads(store).threads(filter)) {
                if (options->json) {
                    rows.push_back(threadJson(store, t));
                } else {
                    fmt::print("{}\t{}\t{}\t{}-{}\t{}\t{} message(s)\n", t.id, store.session(t.session).name,
                               coderName(store, t.trainee), an::formatSeconds(t.start),
                               an::formatSeconds(t.end), t.resolved ? "resolved" : "open", t.messages.size());
                }
            }
            if (options->json) {
                printJson(rows);
            }
        });
    }

    // ---- audit
    CLI::App* audit = app.add_subcommand("audit", "The project's audit trail");
    audit->require_subcommand(1);
    {
        auto options = std::make_shared<AuditOptions>();
        CLI::App* verify = audit->add_subcommand("verify", "Check the hash chain: exit 0 intact, 3 broken");
        verify->add_option("project", options->project, "Project file")->required();
        verify->add_flag("--json", options->json, "One JSON document on stdout");
        verify->callback([options] { auditVerify(*options); });
    }
    {
        auto options = std::make_shared<AuditOptions>();
        CLI::App* log = audit->add_subcommand("log", "List audit rows, oldest first");
        log->add_option("project", options->project, "Project file")->required();
        log->add_option("--coder", options->coder, "Only what this coder did");
        log->add_option("--session", options->session, "Only rows about this session");
        log->add_option("--limit", options->limit, "At most N rows");
        log->add_flag("--json", options->json, "One JSON document on stdout");
        log->callback([options] { auditLog(*options); });
    }
}

} // namespace sb::cli
