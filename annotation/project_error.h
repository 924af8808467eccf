#pragma once
// What can go wrong with a project, as exceptions derived from std::runtime_error. Every
// message names the project file, so a CLI or dialog can print what() as it is.

#include <stdexcept>
#include <string>

namespace sb::annotation {

// The file cannot be used: not a project, damaged, unreadable, an SQLite failure.
class ProjectFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Another process holds the write lock longer than the busy timeout.
class ProjectBusyError : public ProjectFileError {
public:
    using ProjectFileError::ProjectFileError;
};

// Written by a newer build (or needs a migration a read-only open cannot do).
class ProjectVersionError : public ProjectFileError {
public:
    using ProjectFileError::ProjectFileError;
};

// An edit the scheme's rules forbid (unknown code, overlap in an exclusive group, …) or that
// refers to something absent. The project is unchanged.
class EditRejected : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A lookup by name or id found nothing ("no session named 'S3' in p.sbproj").
class NotFound : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The viewer may not see or change this (blind coding).
class AccessDenied : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace sb::annotation
