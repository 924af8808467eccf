#pragma once
// Coding packages (.sbpkg): what a coder takes home, and brings back.
//
// A package is a project file of the same format (ProjectStore/Project open it, and so does the
// workstation), built row by row in a fresh file with PRAGMA secure_delete, so that it holds
// the package's content and nothing else: the scheme version(s), the assigned sessions with
// their media references and segment instances, the coder's own earlier work on them
// (annotations, scale scores, judgements, notes) and, only where the supervisor chose, work
// revealed to the coder (reveals.h) or, in a feedback package, the gold standard (under the
// name "gold standard") and the released review threads. No other coder's rows, names or
// comments are anywhere in the file, free pages included.
//
// The package header lives in its meta table (keys "package.*"): project identity, package id,
// coder, kind, scheme hash, sessions. Its creation content is sealed: the package's own audit
// chain records every row written while building it, and an HMAC-SHA256 keyed with the main
// project's secret (never in the package) covers the header and the chain's hash at the seal.
// Merging checks the HMAC, the chain, and that replaying the chain gives exactly the rows the
// file now holds, so a row edited with another tool is found (docs/supervision.md).
//
// Merge semantics: per session of the package, the coder's work in the main project is
// replaced by the package's, in one transaction, and the session is marked submitted.
// Merging the same package content again changes nothing (recorded by content hash); a
// package older than one already merged for that coder and session is refused as superseded.

#include "annotation/ids.h"
#include "annotation/project.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sb::annotation::supervision {

enum class PackageKind { Coding, Feedback };
[[nodiscard]] std::string_view toString(PackageKind kind);

// What a package file says about itself (read without the project's secret).
struct PackageHeader {
    std::string projectId; // the main project's uuid
    std::string packageId; // this package's uuid
    CoderId coder;         // the coder's id in the main project
    std::string coderName;
    PackageKind kind = PackageKind::Coding;
    std::string schemeSha256; // the scheme version the coder codes with
    std::vector<SessionId> sessions;
    Microseconds createdAt{0};
    std::int64_t sealedSeq = 0; // the package's audit row at which creation ended
    std::string sealedHash;     // its hash
    std::string hmac;           // hex HMAC-SHA256 over the canonical header
};

// Reads the header of a package file; ProjectFileError for a file that is not a package.
[[nodiscard]] PackageHeader readPackageHeader(const std::filesystem::path& packageFile);

// The header of an open project if it is a package (the workstation shows "coding package for
// ana" and which lanes are read-only); none for a main project.
[[nodiscard]] std::optional<PackageHeader> packageHeaderOf(ProjectStore& store);

struct PackageOptions {
    CoderId coder;
    // Sessions to include; empty: a coding package takes every session, a feedback package
    // every session the coder has submitted.
    std::vector<SessionId> sessions;
};

struct PackageSummary {
    PackageHeader header;
    std::filesystem::path file;
    int annotations = 0;         // the coder's own
    int revealedAnnotations = 0; // others' (reveals) or the gold standard's (feedback)
    int threads = 0;             // review threads (feedback)
};

// Makes a coding package for one coder. Never overwrites `out` (ProjectFileError if it
// exists); a failure leaves no file. Recorded in the project (packages, audit trail).
PackageSummary createCodingPackage(Project& project, const PackageOptions& options,
                                   const std::filesystem::path& out);

// Makes a feedback package: the trainee's submitted sessions with their gold standard and the
// review threads about the trainee, which are released by it. PackageRefused for a session
// the trainee has not submitted, or when there is none. The release is recorded.
PackageSummary createFeedbackPackage(Project& project, const PackageOptions& options,
                                     const std::filesystem::path& out);

struct MergeResult {
    PackageHeader header;
    bool alreadyMerged = false; // the same content was merged before: nothing changed
    int sessions = 0;
    int annotations = 0; // the coder's annotations now in those sessions
    int scores = 0;
    int judgements = 0;
    int notes = 0;
    int threadReplies = 0; // new messages in review threads
};

// Checks a returned package and merges it (one transaction). PackageRefused, with the
// reason, for a package of another project, another coder, another scheme version, one
// altered outside SecureBase or superseded; nothing is changed then.
MergeResult mergePackage(Project& project, const std::filesystem::path& packageFile);

// Checks a package against the project without changing anything (what merge checks first).
PackageHeader checkPackage(Project& project, const std::filesystem::path& packageFile);

struct Submission {
    SessionId session;
    CoderId coder;
    std::string packageId;
    Microseconds submittedAt{0};
};
[[nodiscard]] std::vector<Submission> submissions(ProjectStore& store, std::optional<CoderId> coder = {});
[[nodiscard]] bool submitted(ProjectStore& store, SessionId session, CoderId coder);

} // namespace sb::annotation::supervision
