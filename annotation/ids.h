#pragma once
// Row ids of the project file as distinct types, so a coder id can never be passed where a
// session id is expected. 0 means "not stored yet".

#include <compare>
#include <cstdint>
#include <functional>

namespace sb::annotation {

template <typename Tag>
struct Id {
    std::int64_t value = 0;

    [[nodiscard]] bool stored() const { return value > 0; }
    friend auto operator<=>(const Id&, const Id&) = default;
};

using SessionId = Id<struct SessionTag>;
using CoderId = Id<struct CoderTag>;
using AnnotationId = Id<struct AnnotationTag>;
using SchemeVersionId = Id<struct SchemeVersionTag>;
using SegmentInstanceId = Id<struct SegmentInstanceTag>;

} // namespace sb::annotation

template <typename Tag>
struct std::hash<sb::annotation::Id<Tag>> {
    std::size_t operator()(const sb::annotation::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
