#pragma once
// The result of analysing one media file: per video frame, its time and every measure.
//
// Frame n is the n-th frame of the file's FrameIndex (codecs/frame_index.h), the same
// "frame N" as everywhere else in SecureBase, so a value can be drawn on the timeline at
// frameTimesUs[n] and a peak jumped to with the video decoder's frame(n).
//
// Measures (docs/analysis.md has the definitions):
//   "motion", "motion:<region>"  mean absolute difference of frame n and frame n-1, in grey
//                                levels (0-255), after scaling to the analysis width
//   "flow", "flow:<region>"      mean Farnebäck optical-flow magnitude from frame n-1 to n, in
//                                source pixels per frame
//   "audio_rms"                  RMS of the mono mix of the samples in [time(n), time(n+1)),
//                                linear, full scale = 1.0 (a full-scale sine is 0.707);
//                                dbfs() converts
// A value is NaN where it is not defined: frame 0 of motion and flow (no previous frame), a
// frame the decoder could not produce and the frame after it, audio past the audio's end.

#include "codecs/analysis/analysis_parameters.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sb::analysis {

enum class MeasureKind { Motion, Flow, AudioRms };

struct AnalysisTrack {
    std::string name; // "motion", "motion:infant", "flow", "flow:infant", "audio_rms"
    MeasureKind kind = MeasureKind::Motion;
    std::string region;        // the region's name; empty for the whole frame and for audio
    std::vector<float> values; // one per frame

    template <class Archive>
    void serialize(Archive& ar, unsigned /*version*/) {
        ar& name& kind& region& values;
    }
};

struct MotionAnalysis {
    std::vector<std::int64_t> frameTimesUs; // FrameIndex::frameTime(n) (file clock, µs)
    std::int64_t videoEndUs = 0;            // end of the last frame
    int sourceWidth = 0, sourceHeight = 0;  // the video's size (regions are in these pixels)
    int analysisWidth = 0, analysisHeight = 0;
    AnalysisParameters parameters;
    // "motion", then "motion:<region>" per region in the parameters' order, then (with flow)
    // "flow" and "flow:<region>", then (with audio in the file and the parameters) "audio_rms".
    std::vector<AnalysisTrack> tracks;
    std::int64_t framesNotDecoded = 0; // frames of the index the decoder did not produce
    // What the analysis could not do although asked, for the user ("audio: cannot decode:
    // ..." when the audio track is missing for that reason). Empty when all went well.
    std::vector<std::string> warnings;

    [[nodiscard]] std::int64_t frameCount() const { return static_cast<std::int64_t>(frameTimesUs.size()); }
    // nullptr when there is no such track.
    [[nodiscard]] const AnalysisTrack* track(std::string_view name) const;
    // The frame on screen at t (as FrameIndex::frameAt): nullopt before 0 or at/after the end.
    [[nodiscard]] std::optional<std::int64_t> frameAt(std::chrono::microseconds t) const;
    [[nodiscard]] std::chrono::microseconds frameTime(std::int64_t n) const {
        return std::chrono::microseconds(frameTimesUs.at(static_cast<std::size_t>(n)));
    }
};

// 20*log10(rms); -inf for 0, NaN stays NaN.
float dbfs(float rms);

// How a track is drawn: values mapped onto 0..1 for a lane of any height, and back, so that
// a threshold the coder drags on the drawn track becomes a threshold on the values.
//  - motion, flow: linear from 0 to a robust top (the 99.5th percentile of the defined values,
//    so one cut or flash does not flatten the rest), never below a floor (motion 4 grey levels,
//    flow 1 px/frame) so a still video's noise is not blown up to full height; above the top
//    is 1.
//  - audio: dBFS, linear from -60 dB (0) to 0 dB (1).
struct TrackScale {
    MeasureKind kind = MeasureKind::Motion;
    float top = 1.0f; // the value drawn at 1 (motion, flow)

    [[nodiscard]] float normalise(float value) const; // NaN stays NaN; clamped to 0..1
    [[nodiscard]] float value(float fraction) const;  // inverse of normalise on 0..1
};
TrackScale scaleFor(const AnalysisTrack& track);
std::vector<float> normalised(const AnalysisTrack& track); // scaleFor(track).normalise of each value

// For drawing a long track in a few hundred pixels: the largest defined value in each of
// `buckets` equal runs of frames [begin, end) (NaN where a run holds none), so no peak is
// lost when zoomed out.
std::vector<float> bucketMaxima(std::span<const float> values, std::int64_t begin, std::int64_t end,
                                int buckets);

} // namespace sb::analysis
