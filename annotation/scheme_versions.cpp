#include "annotation/scheme_versions.h"

#include "annotation/project_store.h"
#include "schemes/scheme_loader.h"

#include <fmt/core.h>

namespace sb::annotation {

const schemes::CodingScheme& SchemeVersions::scheme(SchemeVersionId id) {
    if (const auto it = parsed_.find(id); it != parsed_.end()) {
        return *it->second;
    }
    const auto record = store_.schemeVersion(id);
    const auto source = fmt::format("{} (scheme {} {}, stored version {})", store_.fileName(),
                                    record.schemeId, record.version, id.value);
    auto parsed = std::make_unique<const schemes::CodingScheme>(
        schemes::loadSchemeTextOrThrow(record.sourceText, source));
    return *parsed_.emplace(id, std::move(parsed)).first->second;
}

SchemeVersionId SchemeVersions::currentId() {
    return store_.currentSchemeVersion();
}

} // namespace sb::annotation
