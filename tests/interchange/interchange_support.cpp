#include "tests/interchange/interchange_support.h"

#include "annotation/io/annotation_transfer.h"

#include <sstream>

namespace sb::annotation::test {

ProjectSnapshot snapshot(Project& project) {
    auto& store = project.store();
    return {store.sessions().size(), store.coders().size(), store.schemeVersions().size(),
            store.currentSchemeVersion(), store.annotationCount(Viewer::wholeProject())};
}

std::string sessionCsv(Project& project, const std::string& session) {
    std::ostringstream out;
    io::exportAnnotations(project, project.store().sessionNamed(session).id, std::nullopt,
                          *io::findFormat("csv"), out);
    return out.str();
}

std::optional<std::filesystem::path> sample(const std::string& relative) {
    const auto path = std::filesystem::path(SB_SAMPLES_DIR) / relative;
    if (!std::filesystem::exists(path)) {
        return std::nullopt;
    }
    return path;
}

} // namespace sb::annotation::test
