#pragma once
// ELAN files into a project (docs/interchange.md, "ELAN"). Tiers become coders' annotations in
// one of two ways, chosen by the user because no rule can tell from the file:
//
//   TierMapping::Coder  one tier per coder: the tier's ANNOTATOR (or, when it has none, its
//                       name) is the coder, each annotation value is a code. What ELAN coding
//                       templates with one tier per rater look like, and what our export writes.
//   TierMapping::Code   one tier per code: the tier name is the code, the coder is given, the
//                       annotation value becomes the comment. Fits transcription files.
//
// A tier's PARTICIPANT is the subject when the scheme has a subject of that id or label.
// Values are matched to codes by id, then by label, then by the id the value would get when
// made into one (schemeIdFrom). Unknown codes are an error listing them all, unless addCodes
// adds them (as states) to a new version of the scheme. A code that is a point event in the
// scheme takes the annotation's begin time. Companion tiers "<tier>#modifiers" and
// "<tier>#comment" (Symbolic_Association children, as the exporter writes them) give the
// annotation's modifiers and comment.
//
// All or nothing: the session (created with the file's media when it does not exist), new
// coders, a new scheme version and every annotation are written in one transaction; the
// first problem throws ImportError naming the file and line, and the project is unchanged.

#include "annotation/io/eaf_document.h"
#include "annotation/project.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sb::annotation::io {

enum class TierMapping { Coder, Code };

struct EafImportOptions {
    TierMapping mapping = TierMapping::Coder;
    std::string coder;              // TierMapping::Code: whose annotations these are
    std::string session;            // the session to import into or create; "" for the file's stem
    std::vector<std::string> tiers; // only these; empty for every tier with annotations
    bool addCodes = false;          // add unknown codes to a new scheme version
    bool addCoders = true;          // make coders the project lacks (else: unknown coder error)
    std::optional<std::filesystem::path> mediaRoot; // media must lie in this folder
};

struct EafImportSummary {
    std::string session;
    bool sessionCreated = false;
    std::size_t media = 0;
    std::size_t annotations = 0;
    std::vector<std::string> codersAdded;
    std::vector<std::string> codesAdded;
    std::vector<std::string> notes; // what was read differently than it was written (for stderr)
};

EafImportSummary importEaf(Project& project, const std::filesystem::path& file,
                           const EafImportOptions& options);
// `baseDir` is where relative media paths are resolved from (the file's folder).
EafImportSummary importEafText(Project& project, std::string_view text, const std::string& fileName,
                               const std::filesystem::path& baseDir, const EafImportOptions& options);

// A new project whose scheme is made from the file (docs/interchange.md): with the Coder
// mapping, each controlled vocabulary's entries become codes in an exclusive group and other
// values ungrouped codes; with the Code mapping, each tier a code; participants become
// subjects. The file is then imported as a session. Nothing is left behind on failure.
std::unique_ptr<Project> createProjectFromEaf(const std::filesystem::path& projectFile,
                                              const std::filesystem::path& eafFile,
                                              const EafImportOptions& options,
                                              EafImportSummary* summary = nullptr);

} // namespace sb::annotation::io
