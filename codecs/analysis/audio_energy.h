#pragma once
// Sound energy per video frame: the RMS of the audio samples that play while each frame is
// on screen, so a burst of crying lines up with the frames it belongs to.

#include <cstdint>
#include <filesystem>
#include <span>
#include <stop_token>
#include <vector>

namespace sb::analysis {

// One value per frame: sqrt(mean of the squares of every channel's samples in
// [frameTimesUs[n], frameTimesUs[n+1]) ), the last frame ending at videoEndUs; linear, full
// scale 1.0; NaN for a frame during which no audio plays. Samples are taken at the stream's
// own rate and channel count (no mixing, which would change the level). Throws
// codecs::MediaError when the audio cannot be decoded; stops early (returning what it has)
// when `stop` is requested.
std::vector<float> audioRmsPerFrame(const std::filesystem::path& file,
                                    std::span<const std::int64_t> frameTimesUs, std::int64_t videoEndUs,
                                    std::stop_token stop = {});

} // namespace sb::analysis
