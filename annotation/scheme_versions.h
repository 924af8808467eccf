#pragma once
// The scheme versions of a project, parsed once each. An annotation names the exact version
// it was made with; new work uses the current version (ProjectStore::currentSchemeVersion).

#include "annotation/ids.h"
#include "schemes/coding_scheme.h"

#include <map>
#include <memory>

namespace sb::annotation {

class ProjectStore;

class SchemeVersions {
public:
    explicit SchemeVersions(ProjectStore& store)
        : store_(store) {}

    // Throws schemes::SchemeError if this build's loader rejects a stored text.
    [[nodiscard]] const schemes::CodingScheme& scheme(SchemeVersionId id);
    [[nodiscard]] SchemeVersionId currentId();
    [[nodiscard]] const schemes::CodingScheme& current() { return scheme(currentId()); }

private:
    ProjectStore& store_;
    std::map<SchemeVersionId, std::unique_ptr<const schemes::CodingScheme>> parsed_;
};

} // namespace sb::annotation
