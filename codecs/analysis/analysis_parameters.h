#pragma once
// What to measure. Part of the cache key: a cached analysis is reused only for exactly the
// same parameters (regions, flow on/off, analysis width, audio on/off).

#include "codecs/analysis/region_of_interest.h"

#include <string>
#include <vector>

namespace sb::analysis {

struct AnalysisParameters {
    // Regions measured besides the whole frame (each gets "motion:<name>", and with flow
    // "flow:<name>"). In source pixels; checked against the video's size when analysis starts.
    std::vector<RegionOfInterest> regions;
    // Dense optical flow (Farnebäck) magnitude as well: about 5x the cost of motion alone.
    bool opticalFlow = false;
    // Frames are scaled to this width (height by the frame's aspect ratio) and to grey before
    // measuring: frame differences at full size mostly measure sensor and compression noise,
    // and 160 px keeps a person's movements while making the analysis cheap. A video
    // narrower than this is analysed at its own width. Allowed: 16 to 1920.
    int analysisWidth = 160;
    // Audio RMS per frame interval, when the file has audio.
    bool audio = true;

    friend bool operator==(const AnalysisParameters&, const AnalysisParameters&) = default;

    // One canonical line of text for the cache key (every field, regions in their order).
    [[nodiscard]] std::string keyText() const;
    // Throws RegionError (bad region names) or std::invalid_argument (analysis width).
    void check() const;
};

} // namespace sb::analysis
