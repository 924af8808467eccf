#pragma once
// The frame index of each media file, kept on disk so a file is indexed once.
//
// A cached index is used only when its key matches the file now: size, modification time,
// MD5 of the first and last MiB, the FFmpeg library versions and our index format version.
// The archive (Boost.Serialization) is stored behind an MD5 of its own bytes, so a truncated
// or altered cache file is detected before it is parsed, and then rebuilt, never trusted.

#include "codecs/frame_index.h"

#include <filesystem>
#include <memory>
#include <string>

namespace sb::codecs {

struct FrameIndexCacheKey {
    std::uint64_t size = 0;
    std::int64_t modified = 0; // file_clock ticks
    std::string headTailMd5;
    unsigned avformatVersion = 0;
    unsigned avcodecVersion = 0;
    unsigned formatVersion = 0;

    friend bool operator==(const FrameIndexCacheKey&, const FrameIndexCacheKey&) = default;

    template <class Archive>
    void serialize(Archive& ar, unsigned /*version*/) {
        ar& size& modified& headTailMd5& avformatVersion& avcodecVersion& formatVersion;
    }
};

FrameIndexCacheKey cacheKeyFor(const std::filesystem::path& media);

class FrameIndexCache {
public:
    // `directory` is created on first store. defaultDirectory() when empty.
    explicit FrameIndexCache(std::filesystem::path directory = {});

    struct Lookup {
        std::shared_ptr<const FrameIndex> index;
        bool fromCache = false;
    };
    // The cached index when valid, else a freshly built one (which is then stored; a cache
    // that cannot be written only costs the next open a rebuild).
    Lookup indexFor(const std::filesystem::path& media) const;

    [[nodiscard]] std::filesystem::path cacheFileFor(const std::filesystem::path& media) const;
    [[nodiscard]] const std::filesystem::path& directory() const { return directory_; }

    // $SECUREBASE_CACHE_DIR, else $XDG_CACHE_HOME/securebase, else ~/.cache/securebase;
    // with "frame-index" appended.
    static std::filesystem::path defaultDirectory();

private:
    std::shared_ptr<const FrameIndex> load(const std::filesystem::path& cacheFile,
                                           const FrameIndexCacheKey& key) const;
    void store(const std::filesystem::path& cacheFile, const FrameIndexCacheKey& key,
               const FrameIndex& index) const;

    std::filesystem::path directory_;
};

} // namespace sb::codecs
