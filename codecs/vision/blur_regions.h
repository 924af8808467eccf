#pragma once
// BlurRegions: areas a supervisor draws by hand over a video to hide what face detection
// missed, moved over time.
//
// A region is a rectangle or an ellipse with keyframes (time, x, y, w, h); between two
// keyframes it moves and resizes linearly, before the first and after the last it holds
// still, and it is blurred from `start` to `end` (default: its first and last keyframe).
// Coordinates are fractions of the picture (0..1 from the top-left), so regions drawn on a
// scaled preview fit the full-size picture; times are seconds on the media file's clock
// (codecs/frame_index.h: 0 = the container's start). `media` names the file a region was
// drawn on (its file name), for sessions with several cameras; empty means every file.
//
// The JSON text is the one format of these regions: the CLI reads it from
// `clip --regions FILE.json`, the workstation keeps it in the project with
// ProjectStore::putSessionDocument(session, "blur-regions", json). Format: docs/clips.md.
// No OpenCV here, so the workstation can draw and edit regions with this header alone.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sb::vision {

enum class RegionShape { Rectangle, Ellipse };

struct RegionKeyframe {
    std::chrono::microseconds time{0};
    double x = 0, y = 0, width = 0, height = 0; // fractions of the picture

    friend bool operator==(const RegionKeyframe&, const RegionKeyframe&) = default;
};

struct BlurRegion {
    std::string id;    // unique within the document ("r1"); ASCII
    std::string label; // what it hides ("mother", "name tag"); free Unicode text
    RegionShape shape = RegionShape::Rectangle;
    std::string media;                     // file name it belongs to; empty = every file
    std::chrono::microseconds start{0};    // blurred from…
    std::chrono::microseconds end{0};      // …to, inclusive
    std::vector<RegionKeyframe> keyframes; // sorted by time, at least one

    friend bool operator==(const BlurRegion&, const BlurRegion&) = default;
};

// Where a region is at one time.
struct RegionArea {
    std::string id;
    RegionShape shape = RegionShape::Rectangle;
    double x = 0, y = 0, width = 0, height = 0; // fractions of the picture
};

class BlurRegions {
public:
    static constexpr int kFormatVersion = 1;

    std::vector<BlurRegion> regions;

    // Parses the JSON text. `source` names it in errors (a file path, or e.g.
    // "session SSP 014: blur-regions"). Throws codecs::MediaError(source, "blur regions",
    // "/regions/2/keyframes/0/width: must be a number in (0, 1]") naming the field.
    static BlurRegions fromJson(std::string_view text, const std::filesystem::path& source);
    // Reads and parses a file; unreadable is MediaError(file, "blur regions", …).
    static BlurRegions load(const std::filesystem::path& file);
    // Pretty-printed JSON with ASCII digits, keyframes in time order; fromJson(toJson()) == *this.
    [[nodiscard]] std::string toJson() const;

    // Checks every region as fromJson does (ids unique, keyframes sorted, sizes in range);
    // throws MediaError(source, "blur regions", …) naming the region. For regions built in code.
    void validate(const std::filesystem::path& source) const;

    // The regions that apply to `media` (matching file name, or no media named).
    [[nodiscard]] BlurRegions forMedia(const std::filesystem::path& media) const;
    // Where each region blurred at time t is.
    [[nodiscard]] std::vector<RegionArea> at(std::chrono::microseconds t) const;
    // For a frame shown from `from` until `to`: each region blurred at any moment of it,
    // where it is at the moment nearest `from` within its start..end. A frame that is on
    // screen when a region starts is covered, so a region never comes in a frame late.
    [[nodiscard]] std::vector<RegionArea> during(std::chrono::microseconds from,
                                                 std::chrono::microseconds to) const;
    [[nodiscard]] bool empty() const { return regions.empty(); }

    friend bool operator==(const BlurRegions&, const BlurRegions&) = default;
};

// Position of one region at t (interpolated between keyframes, held outside them); ignores
// start/end.
RegionArea regionAt(const BlurRegion& region, std::chrono::microseconds t);

} // namespace sb::vision
