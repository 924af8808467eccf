#pragma once
// Shared by the interchange tests: the annotation tests' fixture (scheme with groups, points,
// every modifier kind; session S1; coders ana, ben, sue), "is the project unchanged" snapshots
// and the real sample files.

#include "annotation/project.h"
#include "tests/annotation/test_support.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sb::annotation::test {

// Everything an import may touch, to compare before and after a failed one.
struct ProjectSnapshot {
    std::size_t sessions = 0;
    std::size_t coders = 0;
    std::size_t schemeVersions = 0;
    SchemeVersionId current;
    std::int64_t annotations = 0;
    friend bool operator==(const ProjectSnapshot&, const ProjectSnapshot&) = default;
};
ProjectSnapshot snapshot(Project& project);

// Every annotation of a session as CSV text with a coder column (the contract format).
std::string sessionCsv(Project& project, const std::string& session);

// ../shared/interop-samples/<relative>, or none when the samples are not there.
std::optional<std::filesystem::path> sample(const std::string& relative);

// The message of the exception `f` throws, "" when it throws none.
template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

} // namespace sb::annotation::test
