#pragma once
// An open project: the file, its parsed scheme versions and the edit history. What the GUI
// holds for a window and what the CLI opens per command.

#include "annotation/edit_command.h"
#include "annotation/project_store.h"
#include "annotation/scheme_versions.h"
#include "annotation/undo_stack.h"

#include <filesystem>
#include <memory>
#include <string_view>

namespace sb::annotation {

class Project {
public:
    // Creates `file` (never overwriting it) with the scheme file as its current scheme.
    // Throws schemes::SchemeError for an invalid scheme, before anything is created.
    static std::unique_ptr<Project> create(const std::filesystem::path& file,
                                           const std::filesystem::path& schemeFile,
                                           ProjectStore::Clock clock = systemWallClock);
    // The same from scheme text; `sourceName` is what scheme errors call it.
    static std::unique_ptr<Project> createFromSchemeText(const std::filesystem::path& file,
                                                         std::string_view schemeText,
                                                         std::string_view sourceName,
                                                         ProjectStore::Clock clock = systemWallClock);

    explicit Project(const std::filesystem::path& file,
                     ProjectStore::Access access = ProjectStore::Access::ReadWrite,
                     ProjectStore::Clock clock = systemWallClock);
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    [[nodiscard]] ProjectStore& store() { return store_; }
    [[nodiscard]] SchemeVersions& schemes() { return schemes_; }
    [[nodiscard]] UndoStack& history() { return history_; }
    [[nodiscard]] EditContext& editContext() { return context_; }
    // The scheme new annotations are made with.
    [[nodiscard]] const schemes::CodingScheme& scheme() { return schemes_.current(); }

private:
    explicit Project(ProjectStore store);

    ProjectStore store_;
    SchemeVersions schemes_;
    EditContext context_;
    UndoStack history_;
};

} // namespace sb::annotation
