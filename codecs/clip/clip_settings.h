#pragma once
// What a teaching clip is made of: the source, the range, what is blurred, the audio, the
// caption hook and the encoding. One struct shared by the export, the preview and the CLI,
// so the preview shows what the export writes.
//
// Safety first: faces are blurred unless the caller turns it off (blurFaces = true by default).

#include "codecs/vision/blur.h"
#include "codecs/vision/blur_regions.h"
#include "codecs/vision/face_detector.h"
#include "codecs/vision/face_tracker.h"
#include "codecs/vision/face_tracks.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace sb::codecs {
class FrameIndex;
}

namespace sb::clip {

// Frames first..last (inclusive) by the FrameIndex's numbering: the clip holds exactly these.
struct FrameRange {
    std::int64_t first = 0;
    std::int64_t last = -1;

    [[nodiscard]] std::int64_t count() const { return last >= first ? last - first + 1 : 0; }
    friend bool operator==(const FrameRange&, const FrameRange&) = default;
};

// The frames of a time range on the file's clock: from the frame on screen at `from` to the
// last frame that starts before `to`. Throws codecs::MediaError(file, "clip range", …) when
// from < 0, to <= from, from is at or past the end of the video, or to is past its end.
FrameRange frameRangeForTimes(const codecs::FrameIndex& index, std::chrono::microseconds from,
                              std::chrono::microseconds to, const std::filesystem::path& file);
// Throws the same error when the range is empty or not inside the video.
void checkFrameRange(const codecs::FrameIndex& index, const FrameRange& range,
                     const std::filesystem::path& file);

enum class AudioMode {
    Keep, // the source's sound for the range (no audio track when the source has none)
    Mute, // a silent AAC track of the clip's length (players and editors expect a track)
    Drop  // no audio track
};

// One frame handed to the overlay callback: RGB24 pixels the callback may draw on (the
// workstation wraps them in a QImage of Format_RGB888 and paints the caption with Qt, so
// Persian text is shaped). Drawn after blurring, so a caption is never blurred.
struct OverlayFrame {
    std::uint8_t* pixels = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;                         // bytes per row
    std::int64_t sourceFrame = 0;           // frame number in the source (FrameIndex)
    std::int64_t clipFrame = 0;             // 0 = the clip's first frame
    std::chrono::microseconds sourceTime{}; // on the source file's clock
    std::chrono::microseconds clipTime{};   // 0 = the clip's start
};
// Called on the thread that renders (the export's worker thread, or the preview caller's).
using FrameOverlay = std::function<void(OverlayFrame&)>;

// Everything that finds faces; the defaults suit session tapes.
struct FaceOptions {
    vision::FaceDetectorOptions detector;
    vision::FaceTrackerOptions tracker;
    vision::FaceCoverOptions cover;
};

struct ClipSettings {
    std::filesystem::path source;
    FrameRange range;
    bool blurFaces = true;
    FaceOptions faces;
    // Hand-drawn regions, in the source's time and picture fractions. Only those for this
    // source apply (BlurRegions::forMedia is applied by the export and the preview).
    vision::BlurRegions regions;
    vision::BlurOptions blur;
    AudioMode audio = AudioMode::Keep;
    FrameOverlay overlay; // may be empty
    // Encoding: H.264 (libx264) at constant quality, AAC audio.
    int crf = 20;
    std::string preset = "veryfast";
    int audioBitRate = 128000;
    bool overwrite = false; // replace an existing output (else MediaError "exists")
};

// Progress of a background task.
struct ClipProgress {
    enum class Stage { Faces, Encoding };
    Stage stage = Stage::Faces;
    std::int64_t done = 0;  // frames
    std::int64_t total = 0; // frames
    // 0..1 over the whole task (face analysis, when it runs, is the first half).
    double fraction = 0.0;
};
// Called on the worker thread, at most every few frames.
using ProgressCallback = std::function<void(const ClipProgress&)>;

// Thrown by an export or analysis whose stop_token was triggered; nothing is left on disk.
class ClipCancelled : public std::runtime_error {
public:
    ClipCancelled()
        : std::runtime_error("cancelled") {}
};

struct ClipSummary {
    std::filesystem::path output;
    FrameRange range;
    std::int64_t framesWritten = 0;
    std::chrono::microseconds start{};    // first frame's time on the source clock
    std::chrono::microseconds duration{}; // the clip's length
    int width = 0;
    int height = 0;
    bool facesBlurred = false;
    vision::FaceStatistics faces; // zero when faces were not blurred
    std::int64_t regionAreas = 0; // hand-drawn areas blurred, over all frames
    AudioMode audio = AudioMode::Keep;
    bool audioWritten = false;     // the clip has an audio track
    std::int64_t audioSamples = 0; // per channel
    int audioSampleRate = 0;
};

} // namespace sb::clip
