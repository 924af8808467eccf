// The on-disk frame index is reused while valid and rebuilt when the media or the cache
// file changes.

#include "codecs/cache_file.h"
#include "codecs/frame_index_cache.h"
#include "test_media.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <thread>

namespace sb::codecs {
namespace {

class FrameIndexCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::path(::testing::TempDir()) / (std::string("index-cache-") + info->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        media_ = dir_ / "clip.mkv";
        std::filesystem::copy_file(test::clip("h264_opengop.mkv"), media_);
    }

    std::filesystem::path dir_;
    std::filesystem::path media_;
};

// A cache folder keeps within its budget by dropping the files used longest ago; a read
// counts as a use.
TEST_F(FrameIndexCacheTest, PruningDropsTheLeastRecentlyUsedFilesOnly) {
    const auto folder = dir_ / "prune";
    std::filesystem::create_directories(folder);
    const auto now = std::filesystem::file_time_type::clock::now();
    const auto make = [&](const char* name, int hoursAgo) {
        std::ofstream(folder / name, std::ios::binary) << std::string(100, 'x');
        std::filesystem::last_write_time(folder / name, now - std::chrono::hours(hoursAgo));
    };
    make("a.sbidx", 30);
    make("b.sbidx", 20);
    make("c.sbidx", 10);
    make("d.sbidx", 1);
    make("notes.txt", 99);        // not the cache's
    markUsed(folder / "a.sbidx"); // read just now: the newest
    EXPECT_EQ(pruneCache(folder, ".sbidx", 250), 200U);
    EXPECT_TRUE(std::filesystem::exists(folder / "a.sbidx"));
    EXPECT_FALSE(std::filesystem::exists(folder / "b.sbidx"));
    EXPECT_FALSE(std::filesystem::exists(folder / "c.sbidx"));
    EXPECT_TRUE(std::filesystem::exists(folder / "d.sbidx"));
    EXPECT_TRUE(std::filesystem::exists(folder / "notes.txt"));
    EXPECT_EQ(pruneCache(folder, ".sbidx", 250), 0U);
    EXPECT_EQ(pruneCache(dir_ / "no such folder", ".sbidx", 0), 0U);

    // Folders of thumbnails: the one in use stays whatever its age.
    const auto thumbs = dir_ / "thumbnails";
    for (const auto& [name, hoursAgo] : {std::pair{"old", 30}, std::pair{"mid", 20}, std::pair{"new", 1}}) {
        std::filesystem::create_directories(thumbs / name);
        std::ofstream(thumbs / name / "54-1.jpg", std::ios::binary) << std::string(100, 'x');
        std::ofstream(thumbs / name / "54-2.jpg", std::ios::binary) << std::string(100, 'x');
        std::filesystem::last_write_time(thumbs / name, now - std::chrono::hours(hoursAgo));
    }
    EXPECT_EQ(pruneCacheFolders(thumbs, 400, thumbs / "old"), 200U);
    EXPECT_TRUE(std::filesystem::exists(thumbs / "old"));
    EXPECT_FALSE(std::filesystem::exists(thumbs / "mid"));
    EXPECT_TRUE(std::filesystem::exists(thumbs / "new"));

    ::setenv("SECUREBASE_CACHE_LIMIT_MB", "3", 1);
    EXPECT_EQ(cacheBudget(7), 3U << 20);
    ::setenv("SECUREBASE_CACHE_LIMIT_MB", "lots", 1);
    EXPECT_EQ(cacheBudget(7), 7U);
    ::unsetenv("SECUREBASE_CACHE_LIMIT_MB");
    EXPECT_EQ(cacheBudget(7), 7U);
}

TEST_F(FrameIndexCacheTest, SecondOpenReusesTheIndex) {
    const FrameIndexCache cache(dir_ / "cache");
    const auto first = cache.indexFor(media_);
    EXPECT_FALSE(first.fromCache);
    ASSERT_TRUE(std::filesystem::exists(cache.cacheFileFor(media_)));
    const auto second = cache.indexFor(media_);
    EXPECT_TRUE(second.fromCache);
    EXPECT_EQ(second.index->frameCount(), first.index->frameCount());
    EXPECT_EQ(second.index->frameTime(100), first.index->frameTime(100));
    EXPECT_EQ(second.index->seekPacketFor(200), first.index->seekPacketFor(200));
}

TEST_F(FrameIndexCacheTest, ChangedMediaIsReindexed) {
    const FrameIndexCache cache(dir_ / "cache");
    const auto first = cache.indexFor(media_);
    // Same size, other content: another clip's bytes over the end.
    std::filesystem::copy_file(test::clip("damaged_start.ts"), media_,
                               std::filesystem::copy_options::overwrite_existing);
    const auto second = cache.indexFor(media_);
    EXPECT_FALSE(second.fromCache);
    EXPECT_NE(second.index->frameCount(), first.index->frameCount());
}

TEST_F(FrameIndexCacheTest, TouchedMediaIsReindexed) {
    const FrameIndexCache cache(dir_ / "cache");
    cache.indexFor(media_);
    std::filesystem::last_write_time(media_,
                                     std::filesystem::last_write_time(media_) + std::chrono::seconds(5));
    EXPECT_FALSE(cache.indexFor(media_).fromCache);
    EXPECT_TRUE(cache.indexFor(media_).fromCache);
}

TEST_F(FrameIndexCacheTest, CorruptCacheIsRebuiltNotTrusted) {
    const FrameIndexCache cache(dir_ / "cache");
    const auto first = cache.indexFor(media_);
    const auto cacheFile = cache.cacheFileFor(media_);
    {
        std::fstream file(cacheFile, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(cacheFile) - 20));
        file.write("\xff\xff\xff\xff", 4);
    }
    const auto second = cache.indexFor(media_);
    EXPECT_FALSE(second.fromCache);
    EXPECT_EQ(second.index->frameCount(), first.index->frameCount());
    EXPECT_TRUE(cache.indexFor(media_).fromCache); // and the rebuilt one was stored
}

TEST_F(FrameIndexCacheTest, TruncatedAndEmptyCachesAreRebuilt) {
    const FrameIndexCache cache(dir_ / "cache");
    cache.indexFor(media_);
    const auto cacheFile = cache.cacheFileFor(media_);
    std::filesystem::resize_file(cacheFile, std::filesystem::file_size(cacheFile) / 2);
    EXPECT_FALSE(cache.indexFor(media_).fromCache);
    std::filesystem::resize_file(cacheFile, 0);
    EXPECT_FALSE(cache.indexFor(media_).fromCache);
}

TEST_F(FrameIndexCacheTest, UnwritableCacheDirectoryStillIndexes) {
    const auto blocker = dir_ / "not-a-directory";
    std::ofstream(blocker) << "x";
    const FrameIndexCache cache(blocker / "cache");
    const auto lookup = cache.indexFor(media_);
    EXPECT_FALSE(lookup.fromCache);
    EXPECT_GT(lookup.index->frameCount(), 0);
}

} // namespace
} // namespace sb::codecs
