// Bad input gets an error that names the file and what failed, or as much media as decodes;
// never a crash or a hang.

#include "codecs/audio_decoder.h"
#include "codecs/frame_index_builder.h"
#include "codecs/media_error.h"
#include "codecs/media_source.h"
#include "codecs/video_decoder.h"
#include "test_media.h"

#include <gtest/gtest.h>

namespace sb::codecs {
namespace {

FrameIndexCache scratchCache() {
    return FrameIndexCache(std::filesystem::path(::testing::TempDir()) / "broken-media-cache");
}

void expectMediaError(const std::function<void()>& action, const std::string& file, const std::string& stage,
                      const std::string& detail) {
    try {
        action();
        ADD_FAILURE() << "no error for " << file;
    } catch (const MediaError& e) {
        EXPECT_EQ(e.file().filename().string(), file);
        EXPECT_EQ(e.stage(), stage);
        EXPECT_NE(std::string(e.what()).find(detail), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
    }
}

TEST(BrokenMedia, MissingFileNamesFileAndOpen) {
    const auto cache = scratchCache();
    expectMediaError([&] { MediaSource(test::clip("no_such_clip.mp4"), cache); }, "no_such_clip.mp4", "open",
                     "No such file");
}

TEST(BrokenMedia, TextFileNamedMp4IsRejectedAtOpen) {
    const auto cache = scratchCache();
    expectMediaError([&] { MediaSource(test::clip("not_a_video.mp4"), cache); }, "not_a_video.mp4", "open",
                     "Invalid data");
}

TEST(BrokenMedia, DirectoryIsNotMedia) {
    expectMediaError([&] { buildFrameIndex(test::mediaDir()); }, test::mediaDir().filename().string(), "open",
                     "directory");
}

TEST(BrokenMedia, TruncatedFileYieldsTheFramesThatExist) {
    const auto cache = scratchCache();
    const MediaSource source(test::clip("truncated.mp4"), cache);
    ASSERT_TRUE(source.info().video);
    EXPECT_GT(source.info().video->frameCount, 0);
    EXPECT_LT(source.info().video->frameCount, 100); // 4 s at 25 fps before the cut
    VideoDecoder decoder(test::clip("truncated.mp4"), source.frameIndex());
    decoder.frame(source.info().video->frameCount - 1);
}

TEST(BrokenMedia, AudioOnlyFileHasNoVideo) {
    const auto cache = scratchCache();
    const MediaSource source(test::clip("audio_only.m4a"), cache);
    EXPECT_FALSE(source.info().video);
    ASSERT_TRUE(source.info().audio);
    EXPECT_EQ(source.info().audio->codec, "aac");
    EXPECT_EQ(source.frameIndex(), nullptr);
    expectMediaError([&] { buildFrameIndex(test::clip("audio_only.m4a")); }, "audio_only.m4a", "index",
                     "no video stream");
}

TEST(BrokenMedia, VideoWithoutAudioHasNoAudioDecoder) {
    expectMediaError([&] { AudioDecoder(test::clip("vp9.webm")); }, "vp9.webm", "open", "no audio stream");
}

TEST(BrokenMedia, FrameOutsideTheVideoIsOutOfRange) {
    auto index = std::make_shared<const FrameIndex>(buildFrameIndex(test::clip("vp9.webm")));
    VideoDecoder decoder(test::clip("vp9.webm"), index);
    EXPECT_THROW(decoder.frame(index->frameCount()), std::out_of_range);
    EXPECT_THROW(decoder.frame(-1), std::out_of_range);
}

// A stretch of garbage in the middle of a transport stream: the index keeps what decodes.
TEST(BrokenMedia, DamagedMiddleDecodesAroundTheDamage) {
    const auto source = test::clip("damaged_start.ts");
    const auto damaged = std::filesystem::path(::testing::TempDir()) / "damaged_middle.ts";
    std::filesystem::copy_file(source, damaged, std::filesystem::copy_options::overwrite_existing);
    {
        std::fstream file(damaged, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(damaged) / 2));
        const std::string garbage(188 * 40, '\x5a');
        file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    auto index = std::make_shared<const FrameIndex>(buildFrameIndex(damaged));
    EXPECT_GT(index->frameCount(), 10);
    VideoDecoder decoder(damaged, index);
    for (std::int64_t n = 0; n < index->frameCount(); n += 7)
        EXPECT_EQ(decoder.frame(n).number, n);
}

} // namespace
} // namespace sb::codecs
