#include "codecs/analysis/analysis_cache.h"
#include "codecs/cache_file.h"

#include "codecs/frame_index_cache.h"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

extern "C" {
#include <libswscale/swscale.h>
}

#include <opencv2/core/version.hpp>

#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace boost::serialization {

template <class Archive>
void serialize(Archive& ar, sb::analysis::RegionOfInterest& r, unsigned /*version*/) {
    ar& r.name& r.x& r.y& r.width& r.height;
}

template <class Archive>
void serialize(Archive& ar, sb::analysis::AnalysisParameters& p, unsigned /*version*/) {
    ar& p.regions& p.opticalFlow& p.analysisWidth& p.audio;
}

template <class Archive>
void serialize(Archive& ar, sb::analysis::MotionAnalysis& a, unsigned /*version*/) {
    ar& a.frameTimesUs& a.videoEndUs& a.sourceWidth& a.sourceHeight& a.analysisWidth& a.analysisHeight& a
        .parameters& a.tracks& a.framesNotDecoded& a.warnings;
}

} // namespace boost::serialization

namespace sb::analysis {
namespace {

// Bump when MotionAnalysis's layout or a measure's definition changes.
constexpr unsigned kAnalysisFormatVersion = 1;
constexpr char kMagic[8] = {'S', 'B', 'A', 'N', 'A', '0', '1', '\n'};

struct AnalysisCacheKey {
    codecs::FrameIndexCacheKey media;
    unsigned formatVersion = kAnalysisFormatVersion;
    std::string opencvVersion = CV_VERSION;
    unsigned swscaleVersion = swscale_version();
    std::string parameters;

    friend bool operator==(const AnalysisCacheKey&, const AnalysisCacheKey&) = default;

    template <class Archive>
    void serialize(Archive& ar, unsigned /*version*/) {
        ar& media& formatVersion& opencvVersion& swscaleVersion& parameters;
    }
};

} // namespace

AnalysisCache::AnalysisCache(std::filesystem::path directory)
    : directory_(directory.empty() ? defaultDirectory() : std::move(directory)) {}

std::filesystem::path AnalysisCache::defaultDirectory() {
    return codecs::FrameIndexCache::defaultDirectory().parent_path() / "analysis";
}

std::filesystem::path AnalysisCache::cacheFileFor(const std::filesystem::path& media,
                                                  const AnalysisParameters& parameters) const {
    const std::string name = std::filesystem::weakly_canonical(media).string() + '\n' + parameters.keyText();
    return directory_ / (codecs::md5Hex(name.data(), name.size()) + ".sbana");
}

std::shared_ptr<const MotionAnalysis> AnalysisCache::load(const std::filesystem::path& media,
                                                          const AnalysisParameters& parameters) const {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(media, ec))
        return nullptr;
    const std::filesystem::path cacheFile = cacheFileFor(media, parameters);
    if (!std::filesystem::is_regular_file(cacheFile, ec))
        return nullptr;
    try {
        AnalysisCacheKey key;
        key.media = codecs::cacheKeyFor(media);
        key.parameters = parameters.keyText();
        const std::string bytes = codecs::readWholeFile(cacheFile);
        constexpr std::size_t header = sizeof kMagic + 32;
        if (bytes.size() <= header || bytes.compare(0, sizeof kMagic, kMagic, sizeof kMagic) != 0)
            return nullptr;
        const std::string_view payload = std::string_view(bytes).substr(header);
        if (bytes.compare(sizeof kMagic, 32, codecs::md5Hex(payload.data(), payload.size())) != 0)
            return nullptr; // damaged: recompute
        std::istringstream in{std::string(payload)};
        boost::archive::binary_iarchive archive(in);
        AnalysisCacheKey storedKey;
        archive >> storedKey;
        if (!(storedKey == key))
            return nullptr; // the file, a library or the parameters changed
        auto analysis = std::make_shared<MotionAnalysis>();
        archive >> *analysis;
        // A consistent archive: one value per frame in every track.
        for (const AnalysisTrack& track : analysis->tracks)
            if (track.values.size() != analysis->frameTimesUs.size())
                return nullptr;
        if (!(analysis->parameters == parameters))
            return nullptr;
        codecs::markUsed(cacheFile);
        return analysis;
    } catch (const std::exception&) {
        return nullptr; // unreadable archive or media: recompute
    }
}

void AnalysisCache::store(const std::filesystem::path& media, const AnalysisParameters& parameters,
                          const MotionAnalysis& analysis) const {
    try {
        AnalysisCacheKey key;
        key.media = codecs::cacheKeyFor(media);
        key.parameters = parameters.keyText();
        std::ostringstream out;
        {
            boost::archive::binary_oarchive archive(out);
            archive << key << analysis;
        }
        const std::string payload = std::move(out).str();
        const std::filesystem::path cacheFile = cacheFileFor(media, parameters);
        std::filesystem::create_directories(cacheFile.parent_path());
        // Written beside and renamed over, so a reader never sees half a file.
        const std::filesystem::path temporary =
            cacheFile.string() + ".tmp" + std::to_string(::getpid()) + "-" +
            std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
        {
            std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
            file.write(kMagic, sizeof kMagic);
            file << codecs::md5Hex(payload.data(), payload.size()) << payload;
            if (!file) {
                file.close();
                std::filesystem::remove(temporary);
                return;
            }
        }
        std::filesystem::rename(temporary, cacheFile);
        // Tracks of tapes not opened for the longest time go first (2 GiB: some 1,500
        // twenty-minute sessions with flow).
        codecs::pruneCache(cacheFile.parent_path(), ".sbana", codecs::cacheBudget(std::uintmax_t{2} << 30));
    } catch (const std::exception&) {
        // Not the user's problem: the analysis is in memory and the next open recomputes it.
    }
}

} // namespace sb::analysis
