#pragma once
// A person who codes sessions. Supervisors review and may see every coder's work;
// coders may be kept blind to each other (viewer.h).

#include "annotation/ids.h"
#include "annotation/time.h"

#include <optional>
#include <string>
#include <string_view>

namespace sb::annotation {

enum class CoderRole { Coder, Supervisor };

[[nodiscard]] std::string_view toString(CoderRole role);
// "coder" or "supervisor"; none for anything else.
[[nodiscard]] std::optional<CoderRole> parseCoderRole(std::string_view text);

struct Coder {
    CoderId id;
    std::string name; // unique within the project
    CoderRole role = CoderRole::Coder;
    Microseconds createdAt{0};
};

} // namespace sb::annotation
