#pragma once
// Analyses one media file: every frame decoded once, in order, into the measures of
// motion_analysis.h.
//
// Three threads share the work so both cores are busy: one demuxes and decodes the video
// (FFmpeg's frame threads on top) and lets swscale turn each frame into a small grey image;
// the calling thread measures differences and optical flow on those images; a third decodes
// the audio. A bounded queue between decoding and measuring keeps memory flat on long tapes.

#include "codecs/analysis/analysis_parameters.h"
#include "codecs/analysis/motion_analysis.h"
#include "codecs/frame_index.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <stop_token>

namespace sb::analysis {

struct AnalysisProgress {
    enum class Stage { Cache, Index, Analyse, Done };
    Stage stage = Stage::Analyse;
    std::int64_t framesDone = 0;
    std::int64_t frameCount = 0;

    [[nodiscard]] double fraction() const {
        return frameCount > 0 ? static_cast<double>(framesDone) / static_cast<double>(frameCount) : 0.0;
    }
};

// Called from a worker thread, at most about ten times a second and once at the end of each
// stage; it must not block (the workstation posts it to its event loop).
using ProgressCallback = std::function<void(const AnalysisProgress&)>;

// Thrown when the stop token was triggered; nothing is stored or returned.
class AnalysisCancelled : public std::runtime_error {
public:
    AnalysisCancelled()
        : std::runtime_error("analysis cancelled") {}
};

// Throws codecs::MediaError for a file that cannot be read ("open", "no video stream",
// "analysis: ..."), RegionError when a region does not fit the video (or params are bad),
// AnalysisCancelled when `stop` is requested. `index` must be the file's frame index.
MotionAnalysis analyzeMedia(const std::filesystem::path& file, const codecs::FrameIndex& index,
                            const AnalysisParameters& parameters, const ProgressCallback& progress = {},
                            std::stop_token stop = {});

} // namespace sb::analysis
