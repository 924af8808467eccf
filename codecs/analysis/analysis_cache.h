#pragma once
// Analyses kept on disk, beside the frame index, so a session is analysed once.
//
// Same rules as codecs/frame_index_cache.h: a cached analysis is used only when its key
// matches the file now (size, modification time, MD5 of the first and last MiB, FFmpeg
// library versions) and, besides, the analysis format version, the OpenCV and swscale
// versions and the exact analysis parameters (AnalysisParameters::keyText). The
// Boost.Serialization archive sits behind an MD5 of its bytes, so a truncated or altered
// file is rebuilt, never trusted; files are written beside and renamed over.
//
// One file per media file and parameter set (the name hashes both), so turning flow on and
// off or editing a region and back does not recompute.

#include "codecs/analysis/analysis_parameters.h"
#include "codecs/analysis/motion_analysis.h"

#include <filesystem>
#include <memory>

namespace sb::analysis {

class AnalysisCache {
public:
    // `directory` is created on first store; defaultDirectory() when empty.
    explicit AnalysisCache(std::filesystem::path directory = {});

    // The cached analysis, or nullptr when there is none, it is stale or it is damaged.
    [[nodiscard]] std::shared_ptr<const MotionAnalysis> load(const std::filesystem::path& media,
                                                             const AnalysisParameters& parameters) const;
    // Best effort: a cache that cannot be written (read-only, full disk) costs the next open
    // a recomputation, nothing else.
    void store(const std::filesystem::path& media, const AnalysisParameters& parameters,
               const MotionAnalysis& analysis) const;

    [[nodiscard]] std::filesystem::path cacheFileFor(const std::filesystem::path& media,
                                                     const AnalysisParameters& parameters) const;
    [[nodiscard]] const std::filesystem::path& directory() const { return directory_; }

    // Beside the frame index: $SECUREBASE_CACHE_DIR/analysis (else under $XDG_CACHE_HOME or
    // ~/.cache/securebase, as codecs::FrameIndexCache::defaultDirectory()).
    static std::filesystem::path defaultDirectory();

private:
    std::filesystem::path directory_;
};

} // namespace sb::analysis
