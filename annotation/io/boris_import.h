#pragma once
// BORIS projects into SecureBase (docs/interchange.md, "BORIS").
//
// Each observation becomes a session of the same name (created with its media when it does
// not exist), its events one coder's annotations. BORIS stores no start/stop flag: events of
// a state behaviour are paired per (subject, behaviour, modifier text) in time order, first
// start, then stop, as BORIS does. An odd one out is an error naming the observation and the
// event index, unless closeUnpaired closes it at the observation's end (its time interval's
// stop, else the length of player 1's media, else its last event; 1 ms after the start when
// that is not later).
//
// A new project (createProjectFromBoris) gets a scheme made from the ethogram: behaviours as
// point or state codes with their keys (a key already taken is dropped, with a note),
// description and category; subjects; modifier sets by name (single choice -> choice, numeric
// -> number, multiple choice and external data -> text); BORIS exclusions as exclusive groups
// where the excluded behaviours form a clique (every pair excludes each other), else not
// (with a note). Importing into an existing project matches behaviours, subjects, modifier
// sets and values to the scheme by id, label, or the id their name would get.
//
// All or nothing, one transaction, as for every import.

#include "annotation/io/boris_project.h"
#include "annotation/project.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sb::annotation::io {

struct BorisImportOptions {
    std::string coder;                     // whose events these are (created when missing)
    std::vector<std::string> observations; // only these; empty for all
    bool closeUnpaired = false;
    std::optional<std::filesystem::path> mediaRoot;
};

struct BorisImportSummary {
    struct Observation {
        std::string session;
        bool created = false;
        std::size_t events = 0;
        std::size_t annotations = 0;
        std::size_t closed = 0; // unpaired states closed at the end
    };
    std::vector<Observation> observations;
    std::size_t annotations = 0;
    std::vector<std::string> notes;
};

BorisImportSummary importBoris(Project& project, const std::filesystem::path& file,
                               const BorisImportOptions& options);
BorisImportSummary importBorisText(Project& project, std::string_view text, const std::string& fileName,
                                   const std::filesystem::path& baseDir, const BorisImportOptions& options);

std::unique_ptr<Project> createProjectFromBoris(const std::filesystem::path& projectFile,
                                                const std::filesystem::path& borisFile,
                                                const BorisImportOptions& options,
                                                BorisImportSummary* summary = nullptr);

} // namespace sb::annotation::io
