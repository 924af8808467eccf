#pragma once
// The main project's identity (a uuid every package carries) and the secret that keys package
// HMACs. Made on first use, kept in project_identity (format 5), never copied into a package
// and never written to the audit trail.

#include "annotation/project_store.h"

#include <optional>
#include <string>
#include <string_view>

namespace sb::annotation::supervision {

struct ProjectIdentity {
    std::string projectId; // uuid, lowercase, no braces
    std::string secret;    // 64 hex digits (256 random bits)
};

// Reads the identity, making it first if the project has none (needs a writable project).
ProjectIdentity projectIdentity(ProjectStore& store);

// The identity if the project has one yet (never writes).
[[nodiscard]] std::optional<ProjectIdentity> findProjectIdentity(ProjectStore& store);

// Hex HMAC-SHA256 of `message` keyed with the hex `secret`.
[[nodiscard]] std::string hmacSha256Hex(std::string_view secretHex, std::string_view message);

} // namespace sb::annotation::supervision
