#pragma once
// A timestamped note on a session by one coder: what the comments panel lists beside the
// timeline ("door opens", "check this with Sue"). Not an annotation: it has no code and no
// scheme version, and agreement never looks at it.

#include "annotation/ids.h"
#include "annotation/time.h"

#include <string>

namespace sb::annotation {

struct SessionNote {
    SessionNoteId id;
    SessionId session;
    CoderId author;
    Microseconds at{0}; // session clock
    std::string text;
    Microseconds createdAt{0};
    Microseconds modifiedAt{0};

    friend bool operator==(const SessionNote&, const SessionNote&) = default;
};

} // namespace sb::annotation
