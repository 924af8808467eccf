#pragma once
// Row ids of the project file as distinct types, so a coder id can never be passed where a
// session id is expected. 0 means "not stored yet".

#include <cstdint>
#include <functional>

namespace sb::annotation {

template <typename Tag>
struct Id {
    std::int64_t value = 0;

    [[nodiscard]] bool stored() const { return value > 0; }
    // Spelled out rather than a defaulted <=>: Qt 6.4's moc cannot parse <compare>, and the
    // GUI's Q_OBJECT headers see these types.
    friend bool operator==(const Id&, const Id&) = default;
    friend bool operator<(const Id& a, const Id& b) { return a.value < b.value; }
    friend bool operator>(const Id& a, const Id& b) { return b < a; }
    friend bool operator<=(const Id& a, const Id& b) { return !(b < a); }
    friend bool operator>=(const Id& a, const Id& b) { return !(a < b); }
};

using SessionId = Id<struct SessionTag>;
using CoderId = Id<struct CoderTag>;
using AnnotationId = Id<struct AnnotationTag>;
using SchemeVersionId = Id<struct SchemeVersionTag>;
using SegmentInstanceId = Id<struct SegmentInstanceTag>;
using SessionNoteId = Id<struct SessionNoteTag>;

} // namespace sb::annotation

template <typename Tag>
struct std::hash<sb::annotation::Id<Tag>> {
    std::size_t operator()(const sb::annotation::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
