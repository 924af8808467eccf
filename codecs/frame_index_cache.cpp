#include "codecs/frame_index_cache.h"
#include "codecs/cache_file.h"

#include "codecs/frame_index_builder.h"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace sb::codecs {
namespace {

// Bump when FrameIndex's layout or meaning changes.
constexpr unsigned kIndexFormatVersion = 1;
constexpr char kMagic[8] = {'S', 'B', 'F', 'I', 'D', 'X', '1', '\n'};
constexpr std::size_t kEnds = 1 << 20;

} // namespace

FrameIndexCacheKey cacheKeyFor(const std::filesystem::path& media) {
    FrameIndexCacheKey key;
    key.size = std::filesystem::file_size(media);
    key.modified = std::filesystem::last_write_time(media).time_since_epoch().count();
    std::ifstream in(media, std::ios::binary);
    std::string ends(std::min<std::uint64_t>(key.size, kEnds), '\0');
    in.read(ends.data(), static_cast<std::streamsize>(ends.size()));
    if (key.size > kEnds) {
        std::string tail(std::min<std::uint64_t>(key.size - kEnds, kEnds), '\0');
        in.seekg(-static_cast<std::streamoff>(tail.size()), std::ios::end);
        in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
        ends += tail;
    }
    key.headTailMd5 = md5Hex(ends.data(), ends.size());
    key.avformatVersion = avformat_version();
    key.avcodecVersion = avcodec_version();
    key.formatVersion = kIndexFormatVersion;
    return key;
}

FrameIndexCache::FrameIndexCache(std::filesystem::path directory)
    : directory_(directory.empty() ? defaultDirectory() : std::move(directory)) {}

std::filesystem::path FrameIndexCache::defaultDirectory() {
    if (const char* dir = std::getenv("SECUREBASE_CACHE_DIR"); dir && *dir)
        return std::filesystem::path(dir) / "frame-index";
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "securebase" / "frame-index";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "securebase" / "frame-index";
    return std::filesystem::temp_directory_path() / "securebase" / "frame-index";
}

std::filesystem::path FrameIndexCache::cacheFileFor(const std::filesystem::path& media) const {
    const std::string absolute = std::filesystem::weakly_canonical(media).string();
    return directory_ / (md5Hex(absolute.data(), absolute.size()) + ".sbidx");
}

FrameIndexCache::Lookup FrameIndexCache::indexFor(const std::filesystem::path& media) const {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(media, ec))
        return {std::make_shared<const FrameIndex>(buildFrameIndex(media)), false}; // throws the open error
    const FrameIndexCacheKey key = cacheKeyFor(media);
    const std::filesystem::path cacheFile = cacheFileFor(media);
    if (auto cached = load(cacheFile, key))
        return {std::move(cached), true};
    auto built = std::make_shared<FrameIndex>(buildFrameIndex(media));
    store(cacheFile, key, *built);
    return {std::move(built), false};
}

std::shared_ptr<const FrameIndex> FrameIndexCache::load(const std::filesystem::path& cacheFile,
                                                        const FrameIndexCacheKey& key) const {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(cacheFile, ec))
        return nullptr;
    const std::string bytes = readWholeFile(cacheFile);
    constexpr std::size_t header = sizeof kMagic + 32;
    if (bytes.size() <= header || bytes.compare(0, sizeof kMagic, kMagic, sizeof kMagic) != 0)
        return nullptr;
    const std::string payload = bytes.substr(header);
    if (bytes.compare(sizeof kMagic, 32, md5Hex(payload.data(), payload.size())) != 0)
        return nullptr; // damaged: rebuild
    try {
        std::istringstream in(payload);
        boost::archive::binary_iarchive archive(in);
        FrameIndexCacheKey storedKey;
        auto index = std::make_shared<FrameIndex>();
        archive >> storedKey;
        if (!(storedKey == key))
            return nullptr; // the media file changed, or FFmpeg did
        archive >> *index;
        index->finalize();
        markUsed(cacheFile);
        return index;
    } catch (const std::exception&) {
        return nullptr; // unreadable archive: rebuild
    }
}

void FrameIndexCache::store(const std::filesystem::path& cacheFile, const FrameIndexCacheKey& key,
                            const FrameIndex& index) const {
    try {
        std::ostringstream out;
        {
            boost::archive::binary_oarchive archive(out);
            archive << key << index;
        }
        const std::string payload = std::move(out).str();
        std::filesystem::create_directories(cacheFile.parent_path());
        // Written beside and renamed over, so a reader never sees half a file.
        const std::filesystem::path temporary = cacheFile.string() + ".tmp" + std::to_string(::getpid());
        {
            std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
            file.write(kMagic, sizeof kMagic);
            file << md5Hex(payload.data(), payload.size()) << payload;
            if (!file)
                throw std::runtime_error("write failed");
        }
        std::filesystem::rename(temporary, cacheFile);
        // Indexes of files not opened for the longest time go first (512 MiB: hundreds of
        // hours of video).
        pruneCache(cacheFile.parent_path(), ".sbidx", cacheBudget(std::uintmax_t{512} << 20));
    } catch (const std::exception&) {
        // A cache that cannot be written (read-only home, full disk) is not an error for the
        // user: the index is in memory, and the next open rebuilds it.
    }
}

} // namespace sb::codecs
