#pragma once
// The project file (.sbproj): one SQLite database holding the scheme versions, sessions,
// coders, annotations, scale scores and judgements of a project (docs/project-file.md).
//
// Each public write is atomic on its own; an edit command groups several inside one
// transaction (beginTransaction), so an edit is one commit: a crash loses nothing committed
// and never leaves the file half-edited. The store checks the file's integrity rules (ids
// exist, end > start) but not the coding scheme's: that is AnnotationRules' job, called by
// the edit commands and importers before they write.
//
// Reads of coded work take a Viewer: while the project is blind, a coder sees only their own
// annotations, scores and judgements, and asking for another's is refused (AccessDenied).

#include "annotation/annotation.h"
#include "annotation/annotation_query.h"
#include "annotation/coder.h"
#include "annotation/ids.h"
#include "annotation/scoring.h"
#include "annotation/session.h"
#include "annotation/session_note.h"
#include "annotation/sqlite/database.h"
#include "annotation/sqlite/transaction.h"
#include "annotation/time.h"
#include "annotation/viewer.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation {

struct SchemeVersionRecord {
    SchemeVersionId id;
    std::string schemeId;
    std::string version;
    std::string contentSha256; // of sourceText, hex
    std::string sourceText;    // the scheme file exactly as it was added
    Microseconds addedAt{0};
};

// One row of the audit trail (annotation/supervision/audit_trail.h reads, filters and verifies
// them). Written by triggers on every audited table and by AuditTrail::record.
struct AuditRow {
    std::int64_t seq = 0;
    Microseconds at{0};              // wall clock, millisecond resolution
    std::optional<CoderId> actor;    // none: SecureBase itself, or a tool that set no actor
    std::string action;              // "annotations.insert", "package.merge", …
    std::string what;                // the edit that made it ("Add 'cry'", "Undo Move 'fuss'")
    std::string subject;             // the row's key as a JSON array, or what a record is about
    std::optional<SessionId> session;
    std::optional<std::string> before; // JSON
    std::optional<std::string> after;  // JSON
    std::string hash;                  // 64 hex digits
};

// hash_n = SHA-256(hash_{n-1} || canonical(row n)), hex; "" before the first row. The one
// definition both the writer (an SQL function of every store connection) and the verifier use.
[[nodiscard]] std::string auditRowHash(std::string_view previousHash, const AuditRow& row);

class ProjectStore {
public:
    using Access = sqlite::Database::Access;
    using Clock = std::function<Microseconds()>;

    // Creates a new project file holding `schemeText` as its first (and current) scheme
    // version. Never overwrites: fails if `file` exists. The caller has validated the scheme.
    static ProjectStore create(const std::filesystem::path& file, std::string_view schemeText,
                               std::string_view schemeId, std::string_view schemeVersion,
                               Clock clock = systemWallClock);

    // Creates a project file with the schema and no content at all (no scheme, no settings):
    // what a coding package is built in, row by row, so nothing else is ever in the file.
    static ProjectStore createEmpty(const std::filesystem::path& file, Clock clock = systemWallClock);

    // Opens an existing project, migrating an older format (ReadWrite only).
    explicit ProjectStore(const std::filesystem::path& file, Access access = Access::ReadWrite,
                          Clock clock = systemWallClock);
    ~ProjectStore();
    ProjectStore(ProjectStore&&) noexcept;
    ProjectStore& operator=(ProjectStore&&) noexcept;

    // ---- who is acting: every change is recorded in the audit trail under this coder (the GUI
    // sets the coder at the window, the CLI its --as coder); none = SecureBase itself.
    void setActor(std::optional<CoderId> actor);
    [[nodiscard]] std::optional<CoderId> actor() const;
    // While alive, audit rows say that they were made by `what` (an edit's description);
    // restores the previous label when destroyed, so labels nest (an undo around a command).
    class AuditLabel {
    public:
        ~AuditLabel();
        AuditLabel(const AuditLabel&) = delete;
        AuditLabel& operator=(const AuditLabel&) = delete;

    private:
        friend class ProjectStore;
        AuditLabel(std::string* slot, std::string what);
        std::string* slot_;
        std::string previous_;
    };
    [[nodiscard]] AuditLabel auditLabel(std::string what);

    [[nodiscard]] const std::string& fileName() const { return database_.fileName(); }
    [[nodiscard]] sqlite::Database& database() { return database_; }
    // Groups several writes into one commit (a savepoint when one is already open).
    [[nodiscard]] sqlite::Transaction beginTransaction() { return sqlite::Transaction(database_); }
    [[nodiscard]] Microseconds now() const { return clock_(); }

    // ---- project settings
    [[nodiscard]] int formatVersion();
    [[nodiscard]] bool blind();
    void setBlind(bool blind);

    // ---- scheme versions
    // Adds the text as a scheme version unless identical text is already stored; returns its id.
    SchemeVersionId addSchemeVersion(std::string_view sourceText, std::string_view schemeId,
                                     std::string_view version);
    [[nodiscard]] SchemeVersionRecord schemeVersion(SchemeVersionId id);
    [[nodiscard]] std::vector<SchemeVersionRecord> schemeVersions();
    // The version new annotations are made with.
    [[nodiscard]] SchemeVersionId currentSchemeVersion();
    void setCurrentSchemeVersion(SchemeVersionId id);

    // ---- sessions and coders (names are unique; a duplicate is EditRejected)
    SessionId addSession(std::string_view name, const std::vector<MediaFile>& media);
    // Replaces a session's media list (a moved file located again); the annotations stay.
    void setSessionMedia(SessionId session, const std::vector<MediaFile>& media);
    [[nodiscard]] std::vector<Session> sessions();
    [[nodiscard]] Session session(SessionId id);
    [[nodiscard]] std::optional<Session> findSession(std::string_view name);
    // Like findSession, but NotFound names the file and the session.
    [[nodiscard]] Session sessionNamed(std::string_view name);

    CoderId addCoder(std::string_view name, CoderRole role);
    [[nodiscard]] std::vector<Coder> coders();
    [[nodiscard]] Coder coder(CoderId id);
    [[nodiscard]] std::optional<Coder> findCoder(std::string_view name);
    [[nodiscard]] Coder coderNamed(std::string_view name);

    // ---- annotations: writes (rules are checked by the caller, see AnnotationRules)
    // Inserts with annotation.id when it is set (undo restores the same id), else a new id,
    // which is written back.
    void insertAnnotation(Annotation& annotation);
    // Bulk load inside the caller's transaction (imports, benchmarks): one prepared statement.
    void insertAnnotations(std::vector<Annotation>& annotations);
    void updateAnnotation(const Annotation& annotation);
    void removeAnnotation(AnnotationId id);
    // Removes one coder's annotations in a session (import --replace); returns how many.
    std::int64_t removeAnnotations(SessionId session, CoderId coder);

    // ---- annotations: reads
    [[nodiscard]] std::optional<Annotation> annotation(const Viewer& viewer, AnnotationId id);
    // Ordered by start, then id.
    [[nodiscard]] std::vector<Annotation> annotations(const Viewer& viewer, const AnnotationFilter& filter);
    // States running at t (start <= t < end), optionally of one coder.
    [[nodiscard]] std::vector<Annotation> activeStates(const Viewer& viewer, SessionId session,
                                                       Microseconds t,
                                                       std::optional<CoderId> coder = std::nullopt);
    // Per code, ordered by code id.
    [[nodiscard]] std::vector<CodeSummary> codeSummary(const Viewer& viewer, SessionId session,
                                                       std::optional<CoderId> coder = std::nullopt);
    [[nodiscard]] std::int64_t annotationCount(const Viewer& viewer,
                                               std::optional<SessionId> session = std::nullopt,
                                               std::optional<CoderId> coder = std::nullopt);

    // ---- segment instances (shared by the session's coders)
    void insertSegmentInstance(SegmentInstance& instance); // id as for insertAnnotation
    void updateSegmentInstance(const SegmentInstance& instance);
    void removeSegmentInstance(SegmentInstanceId id);
    [[nodiscard]] std::optional<SegmentInstance> segmentInstance(SegmentInstanceId id);
    [[nodiscard]] std::vector<SegmentInstance> segmentInstances(SessionId session); // by start

    // ---- scale scores, keyed by (instance, scale, target subject, coder)
    void putScaleScore(const ScaleScore& score); // insert or replace
    void removeScaleScore(SegmentInstanceId instance, std::string_view scale, std::string_view targetSubject,
                          CoderId coder);
    [[nodiscard]] std::optional<ScaleScore> scaleScore(const Viewer& viewer, SegmentInstanceId instance,
                                                       std::string_view scale, std::string_view targetSubject,
                                                       CoderId coder);
    [[nodiscard]] std::vector<ScaleScore> scaleScores(const Viewer& viewer, SessionId session,
                                                      std::optional<CoderId> coder = std::nullopt);

    // ---- session judgements, keyed by (session, coder, judgement)
    void putJudgement(const SessionJudgement& judgement);
    void removeJudgement(SessionId session, CoderId coder, std::string_view judgement);
    [[nodiscard]] std::optional<SessionJudgement> judgement(const Viewer& viewer, SessionId session,
                                                            CoderId coder, std::string_view judgement);
    [[nodiscard]] std::vector<SessionJudgement> judgements(const Viewer& viewer, SessionId session,
                                                           std::optional<CoderId> coder = std::nullopt);

    // ---- session notes (blind like annotations: a coder sees their own while blind)
    void insertNote(SessionNote& note); // id as for insertAnnotation; empty text is EditRejected
    void updateNote(const SessionNote& note);
    void removeNote(SessionNoteId id);
    [[nodiscard]] std::optional<SessionNote> note(const Viewer& viewer, SessionNoteId id);
    [[nodiscard]] std::vector<SessionNote> notes(const Viewer& viewer, SessionId session); // by time

    // ---- per-session documents of the media tools (blur regions, analysis regions): JSON
    // text the store keeps but does not interpret. Writing replaces; empty json removes.
    void putSessionDocument(SessionId session, std::string_view name, std::string_view json);
    [[nodiscard]] std::optional<std::string> sessionDocument(SessionId session, std::string_view name);

private:
    ProjectStore(sqlite::Database database, Clock clock);

    // The coder whose work alone `viewer` may see, or none for everything. Throws
    // AccessDenied when `asked` names someone else's work.
    [[nodiscard]] std::optional<CoderId> visibleOnly(const Viewer& viewer, std::optional<CoderId> asked);
    [[nodiscard]] std::string meta(std::string_view key, std::string_view fallback);
    // The media rows of a session, in order (the caller holds a transaction).
    void writeSessionMedia(SessionId session, const std::vector<MediaFile>& media);
    void setMeta(std::string_view key, std::string_view value);

    // Registers the connection functions the audit triggers call (sb_audit_actor,
    // sb_audit_what, sb_audit_chain); a connection without them cannot write audited tables.
    void registerAuditFunctions();

    struct AuditContext {
        std::optional<CoderId> actor;
        std::string what;
    };
    sqlite::Database database_;
    Clock clock_;
    std::unique_ptr<AuditContext> audit_; // on the heap: SQLite holds a pointer to it
};

} // namespace sb::annotation
