// ProjectStore: the acting coder and the SQL functions the audit triggers call.
//
// Every audited table has triggers (annotation/project_schema.cpp, format 5) that append a row
// to audit_log for each insert, update and delete, whichever code path wrote it: edit commands
// and their undo/redo, imports, merges, the training engineer's sign-offs. The triggers ask
// this connection who is acting (sb_audit_actor), which edit is running (sb_audit_what) and for
// the chained hash (sb_audit_chain). A connection that never registered them (the sqlite3
// shell) cannot write an audited table at all: the trigger fails with "no such function".

#include "annotation/project_store.h"

#include "annotation/sha256.h"

#include <fmt/core.h>

#include <utility>

namespace sb::annotation {

namespace {

// Type-tagged and length-prefixed, so no two different rows serialise alike.
void appendField(std::string& out, const std::optional<std::int64_t>& value) {
    if (value) {
        out += fmt::format("i{};", *value);
    } else {
        out += "n;";
    }
}

void appendField(std::string& out, const std::optional<std::string>& value) {
    if (value) {
        out += fmt::format("t{}:", value->size());
        out += *value;
        out += ';';
    } else {
        out += "n;";
    }
}

std::optional<std::int64_t> intArgument(sqlite3_value* value) {
    if (sqlite3_value_type(value) == SQLITE_NULL) {
        return std::nullopt;
    }
    return sqlite3_value_int64(value);
}

std::optional<std::string> textArgument(sqlite3_value* value) {
    if (sqlite3_value_type(value) == SQLITE_NULL) {
        return std::nullopt;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return std::string(text, static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

} // namespace

std::string auditRowHash(std::string_view previousHash, const AuditRow& row) {
    std::string canonical(previousHash);
    canonical += '|';
    appendField(canonical, std::optional<std::int64_t>(row.seq));
    appendField(canonical, std::optional<std::int64_t>(row.at.count()));
    appendField(canonical, row.actor ? std::optional<std::int64_t>(row.actor->value) : std::nullopt);
    appendField(canonical, std::optional<std::string>(row.action));
    appendField(canonical, std::optional<std::string>(row.what));
    appendField(canonical, std::optional<std::string>(row.subject));
    appendField(canonical, row.session ? std::optional<std::int64_t>(row.session->value) : std::nullopt);
    appendField(canonical, row.before);
    appendField(canonical, row.after);
    return sha256Hex(canonical);
}

ProjectStore::~ProjectStore() = default;
ProjectStore::ProjectStore(ProjectStore&&) noexcept = default;
ProjectStore& ProjectStore::operator=(ProjectStore&&) noexcept = default;

void ProjectStore::setActor(std::optional<CoderId> actor) {
    audit_->actor = actor;
}

std::optional<CoderId> ProjectStore::actor() const {
    return audit_->actor;
}

ProjectStore::AuditLabel::AuditLabel(std::string* slot, std::string what)
    : slot_(slot)
    , previous_(std::exchange(*slot, std::move(what))) {}

ProjectStore::AuditLabel::~AuditLabel() {
    *slot_ = std::move(previous_);
}

ProjectStore::AuditLabel ProjectStore::auditLabel(std::string what) {
    return AuditLabel(&audit_->what, std::move(what));
}

void ProjectStore::registerAuditFunctions() {
    audit_ = std::make_unique<AuditContext>();
    sqlite3* db = database_.handle();
    // INNOCUOUS: callable from triggers even with trusted_schema off; not DETERMINISTIC: the
    // actor and label change between statements.
    constexpr int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;
    auto check = [&](int rc, const char* name) {
        if (rc != SQLITE_OK) {
            database_.fail(rc, fmt::format("registering {}", name));
        }
    };
    check(sqlite3_create_function_v2(
              db, "sb_audit_actor", 0, flags, audit_.get(),
              [](sqlite3_context* context, int, sqlite3_value**) {
                  const auto* audit = static_cast<AuditContext*>(sqlite3_user_data(context));
                  if (audit->actor) {
                      sqlite3_result_int64(context, audit->actor->value);
                  } else {
                      sqlite3_result_null(context);
                  }
              },
              nullptr, nullptr, nullptr),
          "sb_audit_actor");
    check(sqlite3_create_function_v2(
              db, "sb_audit_what", 0, flags, audit_.get(),
              [](sqlite3_context* context, int, sqlite3_value**) {
                  const auto* audit = static_cast<AuditContext*>(sqlite3_user_data(context));
                  sqlite3_result_text(context, audit->what.c_str(), static_cast<int>(audit->what.size()),
                                      SQLITE_TRANSIENT);
              },
              nullptr, nullptr, nullptr),
          "sb_audit_what");
    // sb_audit_chain(previous hash, seq, at_us, actor, action, what, subject, session, before, after)
    check(sqlite3_create_function_v2(
              db, "sb_audit_chain", 10, flags, nullptr,
              [](sqlite3_context* context, int, sqlite3_value** argv) {
                  AuditRow row;
                  row.seq = sqlite3_value_int64(argv[1]);
                  row.at = Microseconds{sqlite3_value_int64(argv[2])};
                  if (const auto actor = intArgument(argv[3])) {
                      row.actor = CoderId{*actor};
                  }
                  row.action = textArgument(argv[4]).value_or("");
                  row.what = textArgument(argv[5]).value_or("");
                  row.subject = textArgument(argv[6]).value_or("");
                  if (const auto session = intArgument(argv[7])) {
                      row.session = SessionId{*session};
                  }
                  row.before = textArgument(argv[8]);
                  row.after = textArgument(argv[9]);
                  const auto hash = auditRowHash(textArgument(argv[0]).value_or(""), row);
                  sqlite3_result_text(context, hash.c_str(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
              },
              nullptr, nullptr, nullptr),
          "sb_audit_chain");
}

} // namespace sb::annotation
