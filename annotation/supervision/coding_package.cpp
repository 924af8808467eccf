// Coding and feedback packages: building one in a fresh file, sealing it, checking a returned
// one and merging it (coding_package.h, docs/supervision.md).

#include "annotation/supervision/coding_package.h"

#include "annotation/project_error.h"
#include "annotation/project_schema.h"
#include "annotation/sha256.h"
#include "annotation/sqlite/statement.h"
#include "annotation/supervision/audit_trail.h"
#include "annotation/supervision/project_identity.h"
#include "annotation/supervision/review_threads.h"
#include "annotation/supervision/supervision_error.h"

#include <QUuid>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace sb::annotation::supervision {

std::string_view toString(PackageKind kind) {
    return kind == PackageKind::Coding ? "coding" : "feedback";
}

namespace {

using nlohmann::json;

// ---- the header

std::string joinIds(const std::vector<SessionId>& sessions) {
    std::string text;
    for (const auto& s : sessions) {
        text += (text.empty() ? "" : ",") + std::to_string(s.value);
    }
    return text;
}

std::vector<SessionId> splitIds(std::string_view text) {
    std::vector<SessionId> result;
    std::size_t start = 0;
    while (start < text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string_view::npos) {
            comma = text.size();
        }
        result.push_back(SessionId{std::stoll(std::string(text.substr(start, comma - start)))});
        start = comma + 1;
    }
    return result;
}

// What the HMAC covers: every header field, and through sealedHash the package's audit chain
// up to the seal, i.e. every row written while the package was built.
std::string canonicalHeader(const PackageHeader& h) {
    return fmt::format("securebase-package-1\nproject={}\npackage={}\ncoder={}\ncoder_name={}\nkind={}\n"
                       "scheme={}\nsessions={}\ncreated_at_us={}\nsealed_seq={}\nsealed_hash={}\n",
                       h.projectId, h.packageId, h.coder.value, h.coderName, toString(h.kind), h.schemeSha256,
                       joinIds(h.sessions), h.createdAt.count(), h.sealedSeq, h.sealedHash);
}

std::optional<std::string> metaValue(sqlite::Database& db, std::string_view key) {
    auto query = db.prepare("SELECT value FROM meta WHERE key = ?1");
    query.bind(1, key);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.columnText(0);
}

void putMeta(sqlite::Database& db, std::string_view key, std::string_view value) {
    db.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = "
               "excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

PackageHeader readHeader(sqlite::Database& db) {
    const auto need = [&](std::string_view key) {
        auto value = metaValue(db, key);
        if (!value) {
            throw PackageRefused(
                fmt::format("{}: not a SecureBase package (no {} in its header)", db.fileName(), key));
        }
        return *value;
    };
    PackageHeader h;
    try {
        h.packageId = need("package.id");
        h.projectId = need("package.project_id");
        h.coder = CoderId{std::stoll(need("package.coder_id"))};
        h.coderName = need("package.coder_name");
        const auto kind = need("package.kind");
        if (kind != "coding" && kind != "feedback") {
            throw PackageRefused(fmt::format("{}: unknown package kind '{}'", db.fileName(), kind));
        }
        h.kind = kind == "coding" ? PackageKind::Coding : PackageKind::Feedback;
        h.schemeSha256 = need("package.scheme_sha256");
        h.sessions = splitIds(need("package.sessions"));
        h.createdAt = Microseconds{std::stoll(need("package.created_at_us"))};
        h.sealedSeq = std::stoll(need("package.sealed_seq"));
        h.sealedHash = need("package.sealed_hash");
        h.hmac = need("package.hmac");
    } catch (const std::logic_error&) { // stoll on a damaged number
        throw PackageRefused(fmt::format("{}: the package header is damaged", db.fileName()));
    }
    return h;
}

// ---- building

// Removes a half-made package unless dismissed.
class PartialFile {
public:
    explicit PartialFile(std::filesystem::path file)
        : file_(std::move(file)) {}
    ~PartialFile() {
        if (!keep_) {
            std::error_code ignored;
            std::filesystem::remove(file_, ignored);
            std::filesystem::remove(file_.string() + "-wal", ignored);
            std::filesystem::remove(file_.string() + "-shm", ignored);
        }
    }
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;
    void keep() { keep_ = true; }

private:
    std::filesystem::path file_;
    bool keep_ = false;
};

// Whose work besides the coder's own may go into the package: a condition over a row's
// coder (C) and session (S). Constant SQL fragments, never data.
std::string othersVisible(PackageKind kind, std::string_view coderColumn, std::string_view sessionColumn) {
    if (kind == PackageKind::Coding) {
        return fmt::format("EXISTS (SELECT 1 FROM src.reveals r WHERE r.viewer_id = ?1 AND r.owner_id = {0} "
                           "AND (r.session_id IS NULL OR r.session_id = {1}))",
                           coderColumn, sessionColumn);
    }
    return fmt::format(
        "EXISTS (SELECT 1 FROM src.gold_standards g WHERE g.coder_id = {0} AND g.session_id = {1})",
        coderColumn, sessionColumn);
}

struct BuildCounts {
    int own = 0;
    int others = 0;
    int threads = 0;
};

// Copies the package's content from the attached main project (src) into the fresh package
// (main). ?1 = the coder, ?2 = the sessions as a JSON array, ?3 = the placeholder coder id
// that stands for every other author (segment marks, supervisor messages).
BuildCounts copyContent(sqlite::Database& pkg, PackageKind kind, CoderId coder,
                        const std::string& sessionsJson, std::int64_t placeholder) {
    const std::string inSessions = "IN (SELECT value FROM json_each(?2))";
    auto exec = [&](const std::string& sql, bool withSessions, bool withPlaceholder) {
        auto statement = pkg.prepare(sql);
        statement.bind(1, coder.value);
        if (withSessions) {
            statement.bind(2, sessionsJson);
        }
        if (withPlaceholder) {
            statement.bind(3, placeholder);
        }
        statement.run();
        return pkg.changes();
    };

    BuildCounts counts;
    exec(
        "INSERT INTO scheme_versions SELECT id, scheme_id, version, content_sha256, source_text, added_at_us "
        "FROM src.scheme_versions WHERE ?1 IS NOT NULL ORDER BY id",
        false, false);
    // The coder, and whoever's work the package shows (under a neutral name for gold).
    exec("INSERT INTO coders (id, name, role, created_at_us) SELECT id, name, 'coder', created_at_us "
         "FROM src.coders WHERE id = ?1",
         false, false);
    if (kind == PackageKind::Coding) {
        exec("INSERT INTO coders (id, name, role, created_at_us) SELECT c.id, c.name, 'coder', "
             "c.created_at_us "
             "FROM src.coders c WHERE c.id <> ?1 AND EXISTS (SELECT 1 FROM src.reveals r WHERE r.viewer_id = "
             "?1 "
             "AND r.owner_id = c.id AND (r.session_id IS NULL OR r.session_id " +
                 inSessions + "))",
             true, false);
    } else {
        exec("INSERT INTO coders (id, name, role, created_at_us) SELECT c.id, "
             "'gold standard' || CASE WHEN row_number() OVER (ORDER BY c.id) > 1 "
             "THEN ' ' || row_number() OVER (ORDER BY c.id) ELSE '' END, 'coder', 0 "
             "FROM src.coders c WHERE c.id <> ?1 AND EXISTS (SELECT 1 FROM src.gold_standards g "
             "WHERE g.coder_id = c.id AND g.session_id " +
                 inSessions + ")",
             true, false);
    }
    exec("INSERT INTO coders (id, name, role, created_at_us) SELECT ?3, 'supervisor', 'supervisor', 0 "
         "WHERE ?1 IS NOT NULL",
         false, true);

    exec("INSERT INTO sessions (id, name, created_at_us) SELECT id, name, created_at_us FROM src.sessions "
         "WHERE ?1 IS NOT NULL AND id " +
             inSessions + " ORDER BY id",
         true, false);
    exec("INSERT INTO media_files SELECT session_id, position, path, offset_us FROM src.media_files "
         "WHERE ?1 IS NOT NULL AND session_id " +
             inSessions + " ORDER BY session_id, position",
         true, false);
    exec("INSERT INTO segment_instances SELECT id, session_id, segment_id, start_us, end_us, "
         "CASE WHEN author_id = ?1 THEN ?1 ELSE ?3 END, scheme_version_id, modified_at_us "
         "FROM src.segment_instances WHERE session_id " +
             inSessions + " ORDER BY id",
         true, true);

    const auto visible = othersVisible(kind, "a.coder_id", "a.session_id");
    counts.own =
        exec("INSERT INTO annotations SELECT a.id, a.session_id, a.coder_id, a.scheme_version_id, a.code_id, "
             "a.subject_id, a.start_us, a.end_us, a.modifiers, a.comment, a.created_at_us, a.modified_at_us "
             "FROM src.annotations a WHERE a.session_id " +
                 inSessions + " AND a.coder_id = ?1 ORDER BY a.id",
             true, false);
    counts.others =
        exec("INSERT INTO annotations SELECT a.id, a.session_id, a.coder_id, a.scheme_version_id, a.code_id, "
             "a.subject_id, a.start_us, a.end_us, a.modifiers, a.comment, a.created_at_us, a.modified_at_us "
             "FROM src.annotations a WHERE a.session_id " +
                 inSessions + " AND a.coder_id <> ?1 AND " + visible + " ORDER BY a.id",
             true, false);
    exec(
        "INSERT INTO scale_scores SELECT s.segment_instance_id, s.scale_id, s.target_subject_id, s.coder_id, "
        "s.value, s.scheme_version_id, s.modified_at_us FROM src.scale_scores s "
        "JOIN src.segment_instances i ON i.id = s.segment_instance_id WHERE i.session_id " +
            inSessions + " AND (s.coder_id = ?1 OR " + othersVisible(kind, "s.coder_id", "i.session_id") +
            ")",
        true, false);
    exec("INSERT INTO judgements SELECT j.session_id, j.coder_id, j.judgement_id, j.value, "
         "j.scheme_version_id, "
         "j.modified_at_us FROM src.judgements j WHERE j.session_id " +
             inSessions + " AND (j.coder_id = ?1 OR " + othersVisible(kind, "j.coder_id", "j.session_id") +
             ")",
         true, false);
    // Notes are the coder's own comments: never anyone else's.
    exec("INSERT INTO session_notes SELECT id, session_id, coder_id, at_us, text, created_at_us, "
         "modified_at_us "
         "FROM src.session_notes WHERE coder_id = ?1 AND session_id " +
             inSessions + " ORDER BY id",
         true, false);

    if (kind == PackageKind::Feedback) {
        exec("INSERT INTO gold_standards SELECT session_id, coder_id, set_at_us FROM src.gold_standards "
             "WHERE ?1 IS NOT NULL AND session_id " +
                 inSessions,
             true, false);
        counts.threads =
            exec("INSERT INTO review_threads SELECT id, session_id, trainee_id, start_us, end_us, resolved, "
                 "CASE WHEN created_by = ?1 THEN ?1 ELSE ?3 END, created_at_us, released_at_us "
                 "FROM src.review_threads WHERE trainee_id = ?1 AND session_id " +
                     inSessions + " ORDER BY id",
                 true, true);
        exec("INSERT INTO thread_messages SELECT m.id, m.thread_id, CASE WHEN m.author_id = ?1 THEN ?1 ELSE "
             "?3 END, "
             "m.text, m.at_us FROM src.thread_messages m JOIN src.review_threads t ON t.id = m.thread_id "
             "WHERE t.trainee_id = ?1 AND t.session_id " +
                 inSessions + " ORDER BY m.id",
             true, true);
    }
    return counts;
}

// Rows of others (revealed work, the gold standard) are read-only in the package: the store
// itself refuses to change them, whatever program opens it.
void protectOthersWork(sqlite::Database& pkg, CoderId coder) {
    struct Guarded {
        const char* table;
        const char* column;
    };
    for (const auto& [table, column] :
         {Guarded{"annotations", "coder_id"}, Guarded{"scale_scores", "coder_id"},
          Guarded{"judgements", "coder_id"}, Guarded{"session_notes", "coder_id"}}) {
        for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
            const std::string row = std::string_view(event) == "INSERT" ? "NEW" : "OLD";
            // The coder id is our own integer; table names are constants.
            pkg.execute(
                fmt::format("CREATE TRIGGER package_readonly_{0}_{1} BEFORE {1} ON {0} WHEN {2}.{3} <> {4} "
                            "BEGIN SELECT RAISE(ABORT, 'this is someone else''s work: read-only in a "
                            "coding package'); END",
                            table, event, row, column, coder.value));
        }
    }
}

PackageSummary buildPackage(Project& project, PackageKind kind, CoderId coderId,
                            std::vector<SessionId> sessions, const std::filesystem::path& out) {
    auto& store = project.store();
    const auto coder = store.coder(coderId);
    if (sessions.empty()) {
        throw PackageRefused(
            fmt::format("{}: no sessions to put in a package for '{}'", store.fileName(), coder.name));
    }
    std::sort(sessions.begin(), sessions.end());
    sessions.erase(std::unique(sessions.begin(), sessions.end()), sessions.end());
    for (const auto& s : sessions) {
        static_cast<void>(store.session(s)); // NotFound
    }
    const auto identity = projectIdentity(store);
    const auto scheme = store.schemeVersion(store.currentSchemeVersion());

    PackageHeader header;
    header.projectId = identity.projectId;
    header.packageId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    header.coder = coder.id;
    header.coderName = coder.name;
    header.kind = kind;
    header.schemeSha256 = scheme.contentSha256;
    header.sessions = sessions;
    header.createdAt = store.now();

    json sessionsJson = json::array();
    for (const auto& s : sessions) {
        sessionsJson.push_back(s.value);
    }
    const std::int64_t placeholder = store.database().queryInt("SELECT coalesce(max(id), 0) + 1 FROM coders");

    PackageSummary summary;
    summary.file = out;
    {
        auto pkgStore = ProjectStore::createEmpty(out);
        PartialFile partial(out);
        auto& pkg = pkgStore.database();
        // Overwrite freed pages with zeros: nothing deleted may linger in the file.
        pkg.execute("PRAGMA secure_delete = ON");
        const auto label = pkgStore.auditLabel(fmt::format("Make {} package", toString(kind)));
        auto attach = pkg.prepare("ATTACH DATABASE ?1 AS src");
        attach.bind(1, store.fileName()).run();
        {
            auto transaction = pkgStore.beginTransaction();
            const auto counts = copyContent(pkg, kind, coder.id, sessionsJson.dump(), placeholder);
            summary.annotations = counts.own;
            summary.revealedAnnotations = counts.others;
            summary.threads = counts.threads;
            putMeta(pkg, "created_at_us", std::to_string(header.createdAt.count()));
            // Not blind: everything in the file is the coder's to see (what they may not see is
            // not in it), and revealed work and the gold standard must show in the workstation.
            putMeta(pkg, "blind", "0");
            putMeta(pkg, "current_scheme_version", std::to_string(scheme.id.value));
            putMeta(pkg, "package.id", header.packageId);
            putMeta(pkg, "package.project_id", header.projectId);
            putMeta(pkg, "package.coder_id", std::to_string(header.coder.value));
            putMeta(pkg, "package.coder_name", header.coderName);
            putMeta(pkg, "package.kind", toString(kind));
            putMeta(pkg, "package.scheme_sha256", header.schemeSha256);
            putMeta(pkg, "package.sessions", joinIds(sessions));
            putMeta(pkg, "package.created_at_us", std::to_string(header.createdAt.count()));
            transaction.commit();
        }
        pkg.execute("DETACH DATABASE src");
        protectOthersWork(pkg, coder.id);
        {
            auto transaction = pkgStore.beginTransaction();
            auto head = pkg.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
            if (!head.step()) {
                throw ProjectFileError(fmt::format("{}: the package's audit trail is empty", out.string()));
            }
            header.sealedSeq = head.columnInt(0);
            header.sealedHash = head.columnText(1);
            header.hmac = hmacSha256Hex(identity.secret, canonicalHeader(header));
            putMeta(pkg, "package.sealed_seq", std::to_string(header.sealedSeq));
            putMeta(pkg, "package.sealed_hash", header.sealedHash);
            putMeta(pkg, "package.hmac", header.hmac);
            transaction.commit();
        }
        // One self-contained file: everything checkpointed out of the WAL.
        pkg.execute("PRAGMA wal_checkpoint(TRUNCATE)");

        // The main project's record of it.
        const auto mainLabel = store.auditLabel(
            fmt::format("Make {} package {} for '{}'", toString(kind), header.packageId, coder.name));
        auto transaction = store.beginTransaction();
        store.database()
            .prepare("INSERT INTO packages (id, coder_id, kind, scheme_sha256, sessions_json, created_at_us) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            .bind(1, header.packageId)
            .bind(2, coder.id.value)
            .bind(3, toString(kind))
            .bind(4, header.schemeSha256)
            .bind(5, sessionsJson.dump())
            .bind(6, header.createdAt.count())
            .run();
        if (kind == PackageKind::Feedback) {
            ReviewThreads threads(store);
            std::vector<std::int64_t> ids;
            for (const auto& s : sessions) {
                for (const auto& t : threads.threads({.session = s, .trainee = coder.id})) {
                    ids.push_back(t.id);
                }
                store.database()
                    .prepare(
                        "INSERT INTO feedback_releases (session_id, trainee_id, package_id, released_at_us) "
                        "VALUES (?1, ?2, ?3, ?4)")
                    .bind(1, s.value)
                    .bind(2, coder.id.value)
                    .bind(3, header.packageId)
                    .bind(4, store.now().count())
                    .run();
            }
            threads.release(ids);
        }
        AuditTrail(store).record(std::nullopt, fmt::format("package.create.{}", toString(kind)), std::nullopt,
                                 header.packageId, std::nullopt,
                                 json{{"package", header.packageId},
                                      {"kind", toString(kind)},
                                      {"coder", coder.id.value},
                                      {"sessions", sessionsJson},
                                      {"annotations", summary.annotations},
                                      {"others_annotations", summary.revealedAnnotations},
                                      {"threads", summary.threads}}
                                     .dump());
        transaction.commit();
        partial.keep();
    }
    summary.header = header;
    return summary;
}

// ---- checking

using RowMap = std::map<std::string, std::string>; // key JSON -> row JSON
using TableMap = std::map<std::string, RowMap, std::less<>>;

TableMap currentRows(sqlite::Database& db) {
    TableMap result;
    for (const auto& table : auditedTables()) {
        std::string keys;
        for (std::size_t start = 0; start <= table.keyColumns.size();) {
            auto comma = table.keyColumns.find(',', start);
            if (comma == std::string_view::npos) {
                comma = table.keyColumns.size();
            }
            keys += (keys.empty() ? "" : ", ") + std::string(table.keyColumns.substr(start, comma - start));
            start = comma + 1;
        }
        std::string object;
        for (std::size_t start = 0; start <= table.columns.size();) {
            auto comma = table.columns.find(',', start);
            if (comma == std::string_view::npos) {
                comma = table.columns.size();
            }
            const auto column = std::string(table.columns.substr(start, comma - start));
            object += fmt::format("{}'{}', {}", object.empty() ? "" : ", ", column, column);
            start = comma + 1;
        }
        auto query = db.prepare(
            fmt::format("SELECT json_array({}), json_object({}) FROM {}", keys, object, table.name));
        auto& rows = result[std::string(table.name)];
        while (query.step()) {
            rows[query.columnText(0)] = query.columnText(1);
        }
    }
    return result;
}

std::optional<std::int64_t> coderOf(const std::string& rowJson) {
    const auto row = json::parse(rowJson);
    if (row.contains("coder_id") && row["coder_id"].is_number_integer()) {
        return row["coder_id"].get<std::int64_t>();
    }
    return std::nullopt;
}

constexpr const char* kWorkTables[] = {"annotations", "scale_scores", "judgements", "session_notes"};

struct CheckedPackage {
    PackageHeader header;
    TableMap rows;             // the package's rows now, per audited table
    std::string contentSha256; // of the coder's work and replies: what idempotency compares
};

CheckedPackage checkOpenedPackage(ProjectStore& store, ProjectStore& pkgStore, const std::string& name) {
    auto& pkg = pkgStore.database();
    const auto refuse = [&](const std::string& reason) {
        return PackageRefused(fmt::format("{}: refused: {}", name, reason));
    };
    CheckedPackage checked;
    auto& h = checked.header;
    h = readHeader(pkg);

    // 1. This project's?
    const auto found = findProjectIdentity(store);
    if (!found) {
        throw refuse(fmt::format("the package was made by another project ({}); {} has made no packages",
                                 h.projectId, store.fileName()));
    }
    const auto& identity = *found;
    if (h.projectId != identity.projectId) {
        throw refuse(fmt::format("the package was made by another project ({}), not by {} ({})", h.projectId,
                                 store.fileName(), identity.projectId));
    }
    // 2. Sealed by this project, unchanged since?
    if (hmacSha256Hex(identity.secret, canonicalHeader(h)) != h.hmac) {
        throw refuse("the package was altered outside SecureBase: its keyed hash (HMAC) does not match its "
                     "header and content");
    }
    // 3. Recorded here, for the coder it claims?
    auto record = store.database().prepare("SELECT coder_id, kind FROM packages WHERE id = ?1");
    record.bind(1, h.packageId);
    if (!record.step()) {
        throw refuse(fmt::format("this project has no record of package {}", h.packageId));
    }
    if (record.columnInt(0) != h.coder.value || record.columnText(1) != toString(h.kind)) {
        throw refuse(fmt::format("package {} was made for coder {} ({}), but claims coder {} ({})",
                                 h.packageId, record.columnInt(0), record.columnText(1), h.coder.value,
                                 toString(h.kind)));
    }
    const auto coder = store.findCoder(h.coderName);
    if (!coder || coder->id != h.coder) {
        throw refuse(
            fmt::format("the package claims coder '{}' (id {}), who is not that coder in this project",
                        h.coderName, h.coder.value));
    }
    // 4. The scheme version the project codes with now?
    const auto scheme = store.schemeVersion(store.currentSchemeVersion());
    if (scheme.contentSha256 != h.schemeSha256) {
        throw refuse(
            fmt::format("the package was made with another scheme version (sha256 {}); the project now "
                        "codes with {} {} (sha256 {})",
                        h.schemeSha256.substr(0, 12), scheme.schemeId, scheme.version,
                        scheme.contentSha256.substr(0, 12)));
    }
    // 5. The package's own audit chain intact, and anchored at the seal?
    AuditTrail trail(pkgStore);
    const auto verification = trail.verify();
    if (verification.broken) {
        throw refuse(
            fmt::format("the package was altered outside SecureBase: {}", verification.broken->reason));
    }
    auto sealed = pkg.prepare("SELECT hash FROM audit_log WHERE seq = ?1");
    sealed.bind(1, h.sealedSeq);
    if (!sealed.step() || sealed.columnText(0) != h.sealedHash) {
        throw refuse("the package was altered outside SecureBase: its history does not reach its seal");
    }
    // 6. Replaying the history gives exactly the rows in the file?
    TableMap replayed;
    TableMap atSeal;
    auto history = pkg.prepare("SELECT seq, action, subject, after_json FROM audit_log ORDER BY seq");
    while (history.step()) {
        const auto action = history.columnText(1);
        const auto dot = action.rfind('.');
        if (dot != std::string::npos) {
            const auto table = action.substr(0, dot);
            const auto op = action.substr(dot + 1);
            if (op == "insert" || op == "update") {
                replayed[table][history.columnText(2)] = history.columnOptionalText(3).value_or("");
            } else if (op == "delete") {
                replayed[table].erase(history.columnText(2));
            }
        }
        if (history.columnInt(0) == h.sealedSeq) {
            atSeal = replayed;
        }
    }
    checked.rows = currentRows(pkg);
    for (const auto& [table, rows] : checked.rows) {
        const auto& expected = replayed[table];
        if (rows == expected) {
            continue;
        }
        std::string key = "?";
        for (const auto& [k, v] : rows) {
            const auto expectedRow = expected.find(k);
            if (expectedRow == expected.end() || expectedRow->second != v) {
                key = k;
                break;
            }
        }
        if (key == "?") {
            for (const auto& [k, v] : expected) {
                if (!rows.contains(k)) {
                    key = k;
                    break;
                }
            }
        }
        throw refuse(fmt::format("the package was altered outside SecureBase: {} row {} differs from the "
                                 "package's recorded history",
                                 table, key));
    }
    // 7. Only the coder's own work may have changed since the seal.
    for (const char* table : kWorkTables) {
        const auto& now = checked.rows[table];
        const auto& then = atSeal[table];
        for (const auto& [key, row] : now) {
            const auto owner = coderOf(row);
            if (owner && *owner != h.coder.value) {
                const auto was = then.find(key);
                if (was == then.end() || was->second != row) {
                    throw refuse(
                        fmt::format("the package holds {} of coder {} ({} {}), not of '{}': a package "
                                    "returns only its coder's work",
                                    table, *owner, table, key, h.coderName));
                }
            }
        }
        for (const auto& [key, row] : then) {
            const auto owner = coderOf(row);
            if (owner && *owner != h.coder.value && !now.contains(key)) {
                throw refuse(fmt::format("the package lost read-only {} {} of coder {}", table, key, *owner));
            }
        }
    }
    // What a merge would bring: the coder's work and messages.
    std::string content;
    for (const char* table : kWorkTables) {
        for (const auto& [key, row] : checked.rows[table]) {
            if (coderOf(row) == h.coder.value) {
                content += fmt::format("{}|{}|{}\n", table, key, row);
            }
        }
    }
    for (const auto& [key, row] : checked.rows["thread_messages"]) {
        if (json::parse(row).value("author_id", std::int64_t{0}) == h.coder.value) {
            content += fmt::format("thread_messages|{}|{}\n", key, row);
        }
    }
    checked.contentSha256 = sha256Hex(content);
    return checked;
}

std::unique_ptr<ProjectStore> openPackage(const std::filesystem::path& packageFile) {
    if (!std::filesystem::is_regular_file(packageFile)) {
        throw PackageRefused(fmt::format("{}: no such package file", packageFile.string()));
    }
    try {
        auto pkg = std::make_unique<ProjectStore>(packageFile, ProjectStore::Access::ReadOnly);
        auto check = pkg->database().prepare("PRAGMA quick_check");
        if (!check.step() || check.columnText(0) != "ok") {
            throw PackageRefused(fmt::format("{}: refused: the package file is damaged ({})",
                                             packageFile.string(), check.columnText(0)));
        }
        return pkg;
    } catch (const ProjectFileError& e) {
        throw PackageRefused(fmt::format("{}: refused: not a readable SecureBase package ({})",
                                         packageFile.string(), e.what()));
    }
}

} // namespace

PackageHeader readPackageHeader(const std::filesystem::path& packageFile) {
    auto pkg = openPackage(packageFile);
    return readHeader(pkg->database());
}

std::optional<PackageHeader> packageHeaderOf(ProjectStore& store) {
    if (!metaValue(store.database(), "package.id")) {
        return std::nullopt;
    }
    return readHeader(store.database());
}

PackageSummary createCodingPackage(Project& project, const PackageOptions& options,
                                   const std::filesystem::path& out) {
    auto sessions = options.sessions;
    if (sessions.empty()) {
        for (const auto& s : project.store().sessions()) {
            sessions.push_back(s.id);
        }
    }
    return buildPackage(project, PackageKind::Coding, options.coder, sessions, out);
}

PackageSummary createFeedbackPackage(Project& project, const PackageOptions& options,
                                     const std::filesystem::path& out) {
    auto& store = project.store();
    const auto coder = store.coder(options.coder);
    auto sessions = options.sessions;
    if (sessions.empty()) {
        for (const auto& s : submissions(store, coder.id)) {
            sessions.push_back(s.session);
        }
        if (sessions.empty()) {
            throw PackageRefused(
                fmt::format("{}: refused: '{}' has submitted no session yet; feedback is released "
                            "only after the trainee submits",
                            store.fileName(), coder.name));
        }
    }
    for (const auto& s : sessions) {
        if (!submitted(store, s, coder.id)) {
            throw PackageRefused(
                fmt::format("{}: refused: '{}' has not submitted session '{}' yet; feedback is "
                            "released only after the trainee submits",
                            store.fileName(), coder.name, store.session(s).name));
        }
    }
    return buildPackage(project, PackageKind::Feedback, coder.id, sessions, out);
}

PackageHeader checkPackage(Project& project, const std::filesystem::path& packageFile) {
    auto pkg = openPackage(packageFile);
    return checkOpenedPackage(project.store(), *pkg, packageFile.string()).header;
}

MergeResult mergePackage(Project& project, const std::filesystem::path& packageFile) {
    auto& store = project.store();
    auto pkgStore = openPackage(packageFile);
    const auto name = packageFile.string();
    auto checked = checkOpenedPackage(store, *pkgStore, name);
    const auto& h = checked.header;
    MergeResult result;
    result.header = h;

    auto& db = store.database();
    {
        auto seen = db.prepare("SELECT 1 FROM package_merges WHERE package_id = ?1 AND content_sha256 = ?2");
        seen.bind(1, h.packageId).bind(2, checked.contentSha256);
        if (seen.step()) {
            result.alreadyMerged = true;
            return result;
        }
    }
    const auto label = store.auditLabel(fmt::format("Merge {} package {}", toString(h.kind), h.packageId));
    auto transaction = store.beginTransaction();
    auto& pkg = pkgStore->database();
    const auto whole = Viewer::wholeProject();

    if (h.kind == PackageKind::Coding) {
        for (const auto& sessionId : h.sessions) {
            const auto session = store.session(sessionId);
            // A newer package already merged for this coder and session wins.
            auto newer =
                db.prepare("SELECT package_id, package_created_at_us FROM submissions WHERE session_id = ?1 "
                           "AND coder_id = ?2 AND package_created_at_us > ?3 AND package_id <> ?4");
            newer.bind(1, sessionId.value)
                .bind(2, h.coder.value)
                .bind(3, h.createdAt.count())
                .bind(4, h.packageId);
            if (newer.step()) {
                throw PackageRefused(
                    fmt::format("{}: refused: superseded: a newer package ({}) for '{}' was already "
                                "merged for session '{}'",
                                name, newer.columnText(0), h.coderName, session.name));
            }
            // Annotations: the coder's work in the session becomes the package's. Ids the coder's
            // annotations had here are kept; annotations new in the package get new ids.
            std::set<AnnotationId> ownIds;
            for (const auto& a : store.annotations(whole, {.session = sessionId, .coder = h.coder})) {
                ownIds.insert(a.id);
            }
            store.removeAnnotations(sessionId, h.coder);
            auto incoming = pkgStore->annotations(whole, {.session = sessionId, .coder = h.coder});
            for (auto& a : incoming) {
                if (!ownIds.contains(a.id)) {
                    a.id = AnnotationId{};
                }
                store.insertAnnotation(a);
            }
            result.annotations += static_cast<int>(incoming.size());

            // Scale scores on the session's segment instances (segments belong to the project).
            for (const auto& s : store.scaleScores(whole, sessionId, h.coder)) {
                store.removeScaleScore(s.segmentInstance, s.scale, s.targetSubject, s.coder);
            }
            for (const auto& s : pkgStore->scaleScores(whole, sessionId, h.coder)) {
                const auto instance = store.segmentInstance(s.segmentInstance);
                if (!instance || instance->session != sessionId) {
                    throw PackageRefused(
                        fmt::format("{}: refused: a score refers to segment {} of session '{}', "
                                    "which the project does not have (segments are marked in the "
                                    "project)",
                                    name, s.segmentInstance.value, session.name));
                }
                store.putScaleScore(s);
                ++result.scores;
            }
            for (const auto& j : store.judgements(whole, sessionId, h.coder)) {
                store.removeJudgement(sessionId, h.coder, j.judgement);
            }
            for (const auto& j : pkgStore->judgements(whole, sessionId, h.coder)) {
                store.putJudgement(j);
                ++result.judgements;
            }
            std::set<SessionNoteId> ownNotes;
            for (const auto& n : store.notes(whole, sessionId)) {
                if (n.author == h.coder) {
                    ownNotes.insert(n.id);
                    store.removeNote(n.id);
                }
            }
            for (auto n : pkgStore->notes(whole, sessionId)) {
                if (n.author != h.coder) {
                    continue;
                }
                if (!ownNotes.contains(n.id)) {
                    n.id = SessionNoteId{};
                }
                store.insertNote(n);
                ++result.notes;
            }
            db.prepare(
                  "INSERT INTO submissions (session_id, coder_id, package_id, package_created_at_us, "
                  "submitted_at_us) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (session_id, coder_id) DO UPDATE "
                  "SET package_id = excluded.package_id, package_created_at_us = "
                  "excluded.package_created_at_us, "
                  "submitted_at_us = excluded.submitted_at_us")
                .bind(1, sessionId.value)
                .bind(2, h.coder.value)
                .bind(3, h.packageId)
                .bind(4, h.createdAt.count())
                .bind(5, store.now().count())
                .run();
            ++result.sessions;
        }
    }

    // Replies to review threads: the coder's messages the project does not have yet.
    auto messages =
        pkg.prepare("SELECT thread_id, text, at_us FROM thread_messages WHERE author_id = ?1 ORDER BY id");
    messages.bind(1, h.coder.value);
    while (messages.step()) {
        const auto thread = messages.columnInt(0);
        auto known = db.prepare(
            "SELECT t.trainee_id, (SELECT count(*) FROM thread_messages m WHERE m.thread_id = t.id "
            "AND m.author_id = ?2 AND m.text = ?3 AND m.at_us = ?4) FROM review_threads t "
            "WHERE t.id = ?1");
        known.bind(1, thread)
            .bind(2, h.coder.value)
            .bind(3, messages.columnText(1))
            .bind(4, messages.columnInt(2));
        if (!known.step() || known.columnInt(0) != h.coder.value) {
            throw PackageRefused(
                fmt::format("{}: refused: a reply to review thread {}, which is not a thread about '{}' here",
                            name, thread, h.coderName));
        }
        if (known.columnInt(1) > 0) {
            continue;
        }
        db.prepare("INSERT INTO thread_messages (thread_id, author_id, text, at_us) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, thread)
            .bind(2, h.coder.value)
            .bind(3, messages.columnText(1))
            .bind(4, messages.columnInt(2))
            .run();
        ++result.threadReplies;
    }

    db.prepare("INSERT INTO package_merges (package_id, content_sha256, merged_at_us) VALUES (?1, ?2, ?3)")
        .bind(1, h.packageId)
        .bind(2, checked.contentSha256)
        .bind(3, store.now().count())
        .run();
    AuditTrail(store).record(std::nullopt, fmt::format("package.merge.{}", toString(h.kind)), std::nullopt,
                             h.packageId, std::nullopt,
                             json{{"package", h.packageId},
                                  {"coder", h.coder.value},
                                  {"content_sha256", checked.contentSha256},
                                  {"sessions", result.sessions},
                                  {"annotations", result.annotations},
                                  {"scores", result.scores},
                                  {"judgements", result.judgements},
                                  {"notes", result.notes},
                                  {"thread_replies", result.threadReplies}}
                                 .dump());
    transaction.commit();
    return result;
}

std::vector<Submission> submissions(ProjectStore& store, std::optional<CoderId> coder) {
    auto query =
        store.database().prepare("SELECT session_id, coder_id, package_id, submitted_at_us FROM submissions "
                                 "WHERE ?1 IS NULL OR coder_id = ?1 ORDER BY session_id, coder_id");
    coder ? query.bind(1, coder->value) : query.bindNull(1);
    std::vector<Submission> result;
    while (query.step()) {
        result.push_back({SessionId{query.columnInt(0)}, CoderId{query.columnInt(1)}, query.columnText(2),
                          Microseconds{query.columnInt(3)}});
    }
    return result;
}

bool submitted(ProjectStore& store, SessionId session, CoderId coder) {
    auto query =
        store.database().prepare("SELECT 1 FROM submissions WHERE session_id = ?1 AND coder_id = ?2");
    query.bind(1, session.value).bind(2, coder.value);
    return query.step();
}

} // namespace sb::annotation::supervision
