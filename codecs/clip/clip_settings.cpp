#include "codecs/clip/clip_settings.h"

#include "codecs/frame_index.h"
#include "codecs/media_error.h"

#include <fmt/core.h>

namespace sb::clip {
namespace {

constexpr const char* kStage = "clip range";

std::string seconds(std::chrono::microseconds t) {
    return fmt::format("{:.3f} s", static_cast<double>(t.count()) / 1e6);
}

} // namespace

FrameRange frameRangeForTimes(const codecs::FrameIndex& index, std::chrono::microseconds from,
                              std::chrono::microseconds to, const std::filesystem::path& file) {
    using std::chrono::microseconds;
    if (index.frameCount() == 0)
        throw codecs::MediaError(file, kStage, "the file has no video frames");
    const microseconds end = index.videoEnd();
    if (from < microseconds(0))
        throw codecs::MediaError(file, kStage,
                                 fmt::format("--from {} is before the start of the video", seconds(from)));
    if (to <= from)
        throw codecs::MediaError(file, kStage,
                                 fmt::format("--to {} is not after --from {}", seconds(to), seconds(from)));
    if (from >= end)
        throw codecs::MediaError(
            file, kStage,
            fmt::format("--from {} is at or past the end of the video ({})", seconds(from), seconds(end)));
    if (to > end)
        throw codecs::MediaError(
            file, kStage,
            fmt::format("--to {} is past the end of the video ({})", seconds(to), seconds(end)));
    FrameRange range;
    range.first = index.frameAt(from).value_or(0);
    // The last frame that starts before `to`.
    const std::optional<std::int64_t> atTo = index.frameAt(to - microseconds(1));
    range.last = atTo.value_or(index.frameCount() - 1);
    if (range.last < range.first)
        range.last = range.first;
    return range;
}

void checkFrameRange(const codecs::FrameIndex& index, const FrameRange& range,
                     const std::filesystem::path& file) {
    if (range.count() <= 0)
        throw codecs::MediaError(file, kStage,
                                 fmt::format("frames {} to {} is an empty range", range.first, range.last));
    if (range.first < 0 || range.last >= index.frameCount())
        throw codecs::MediaError(file, kStage,
                                 fmt::format("frames {} to {} are not inside the video (frames 0 to {})",
                                             range.first, range.last, index.frameCount() - 1));
}

} // namespace sb::clip
