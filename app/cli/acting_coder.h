#pragma once
// Who the audit trail records as acting for a command that changes a project: `--as NAME`, or
// by default the project's first supervisor (a script run by the lab's owner). docs/supervision.md.

#include "annotation/project_store.h"

#include <string>

namespace sb::cli {

// Throws NotFound (exit 3) for an `as` that names no coder of the project.
void setActingCoder(annotation::ProjectStore& store, const std::string& as);

} // namespace sb::cli
