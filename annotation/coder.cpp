#include "annotation/coder.h"

namespace sb::annotation {

std::string_view toString(CoderRole role) {
    return role == CoderRole::Supervisor ? "supervisor" : "coder";
}

std::optional<CoderRole> parseCoderRole(std::string_view text) {
    if (text == "coder") {
        return CoderRole::Coder;
    }
    if (text == "supervisor") {
        return CoderRole::Supervisor;
    }
    return std::nullopt;
}

} // namespace sb::annotation
