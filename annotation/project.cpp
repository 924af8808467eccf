#include "annotation/project.h"

#include "annotation/project_error.h"
#include "schemes/scheme_loader.h"

#include <fmt/core.h>

#include <fstream>
#include <sstream>

namespace sb::annotation {

Project::Project(ProjectStore store)
    : store_(std::move(store))
    , schemes_(store_)
    , context_{store_, schemes_}
    , history_(context_) {}

Project::Project(const std::filesystem::path& file, ProjectStore::Access access, ProjectStore::Clock clock)
    : Project(ProjectStore(file, access, std::move(clock))) {}

std::unique_ptr<Project> Project::createFromSchemeText(const std::filesystem::path& file,
                                                       std::string_view schemeText,
                                                       std::string_view sourceName,
                                                       ProjectStore::Clock clock) {
    const auto scheme = schemes::loadSchemeTextOrThrow(schemeText, sourceName);
    return std::unique_ptr<Project>(
        new Project(ProjectStore::create(file, schemeText, scheme.id, scheme.version, std::move(clock))));
}

std::unique_ptr<Project> Project::create(const std::filesystem::path& file,
                                         const std::filesystem::path& schemeFile, ProjectStore::Clock clock) {
    // Read the bytes ourselves: the project keeps the exact text, and its hash identifies it.
    std::ifstream in(schemeFile, std::ios::binary);
    if (!in) {
        throw ProjectFileError(fmt::format("{}: cannot read the scheme file", schemeFile.string()));
    }
    std::ostringstream text;
    text << in.rdbuf();
    return createFromSchemeText(file, text.str(), schemeFile.string(), std::move(clock));
}

} // namespace sb::annotation
