#pragma once
// One coded behaviour on a session's timeline: a state (start, end) or a point event (start
// only), made by one coder under one exact version of the coding scheme.

#include "annotation/ids.h"
#include "annotation/time.h"

#include <map>
#include <optional>
#include <string>

namespace sb::annotation {

// Modifier set id -> value (a choice's value id, free text, or a number as text).
using Modifiers = std::map<std::string, std::string>;

struct Annotation {
    AnnotationId id;
    SessionId session;
    CoderId coder;                 // the author
    SchemeVersionId schemeVersion; // the scheme version the code ids refer to
    std::string code;
    std::optional<std::string> subject;
    Microseconds start{0};
    std::optional<Microseconds> end; // none for a point event; a state always has end > start
    Modifiers modifiers;
    std::string comment;
    Microseconds createdAt{0};  // wall clock
    Microseconds modifiedAt{0}; // wall clock

    [[nodiscard]] bool isPoint() const { return !end.has_value(); }
    // A point event counts as lasting zero time.
    [[nodiscard]] Microseconds duration() const { return end ? *end - start : Microseconds{0}; }

    friend bool operator==(const Annotation&, const Annotation&) = default;
};

// What a coder said, without the bookkeeping (ids, stamps): what an export/import round
// trip must preserve.
[[nodiscard]] bool sameContent(const Annotation& a, const Annotation& b);

} // namespace sb::annotation
