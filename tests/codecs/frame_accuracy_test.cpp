// Frame N from VideoDecoder is the frame FFmpeg decodes N-th, whatever the access order,
// on every format the issue names (digests from `ffmpeg -f framemd5`, as FFMS2's tests do).

#include "codecs/decoded_frame.h"
#include "codecs/frame_index_builder.h"
#include "codecs/video_decoder.h"
#include "test_media.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace sb::codecs {
namespace {

class FrameAccuracy : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        expected_ = test::ffmpegFrames(GetParam());
        ASSERT_FALSE(expected_.md5.empty()) << "no FFmpeg digests for " << GetParam();
        index_ = std::make_shared<const FrameIndex>(buildFrameIndex(test::clip(GetParam())));
    }

    // A cache of a few frames only, so the test exercises seeking rather than the cache.
    VideoDecoder smallCacheDecoder() const {
        return VideoDecoder(test::clip(GetParam()), index_, VideoDecoderOptions{400'000, 0});
    }

    void expectFrame(VideoDecoder& decoder, std::int64_t n) const {
        const DecodedFrame frame = decoder.frame(n);
        ASSERT_EQ(frame.number, n);
        EXPECT_EQ(pictureMd5(*frame.picture), expected_.md5[static_cast<std::size_t>(n)])
            << GetParam() << " frame " << n;
    }

    test::FfmpegFrames expected_;
    std::shared_ptr<const FrameIndex> index_;
};

TEST_P(FrameAccuracy, FrameCountEqualsFfmpegDecodedCount) {
    EXPECT_EQ(index_->frameCount(), static_cast<std::int64_t>(expected_.md5.size()));
}

TEST_P(FrameAccuracy, SequentialFramesMatchFfmpeg) {
    VideoDecoder decoder(test::clip(GetParam()), index_);
    for (std::int64_t n = 0; n < index_->frameCount(); ++n)
        expectFrame(decoder, n);
    EXPECT_LE(decoder.stats().seeks, 1);
}

TEST_P(FrameAccuracy, RandomFramesMatchFfmpeg) {
    VideoDecoder decoder = smallCacheDecoder();
    std::mt19937 random(20261123);
    std::uniform_int_distribution<std::int64_t> pick(0, index_->frameCount() - 1);
    for (int i = 0; i < 60; ++i)
        expectFrame(decoder, pick(random));
}

TEST_P(FrameAccuracy, ReverseFramesMatchFfmpeg) {
    VideoDecoder decoder = smallCacheDecoder();
    for (std::int64_t n = index_->frameCount() - 1; n >= 0; --n)
        expectFrame(decoder, n);
}

TEST_P(FrameAccuracy, SteppingBackwardWithDefaultCacheMatchesFfmpeg) {
    VideoDecoder decoder(test::clip(GetParam()), index_);
    decoder.frame(index_->frameCount() - 1);
    for (std::int64_t n = index_->frameCount() - 2; n >= 0; --n) {
        const DecodedFrame frame = decoder.stepBackward();
        ASSERT_EQ(frame.number, n);
        EXPECT_EQ(pictureMd5(*frame.picture), expected_.md5[static_cast<std::size_t>(n)]) << "frame " << n;
    }
}

TEST_P(FrameAccuracy, FrameTimesMatchFfmpeg) {
    ASSERT_EQ(expected_.seconds.size(), expected_.md5.size());
    const double first = expected_.seconds.front();
    for (std::int64_t n = 0; n < index_->frameCount(); ++n) {
        const double ffmpegOffset = expected_.seconds[static_cast<std::size_t>(n)] - first;
        if (std::isnan(ffmpegOffset))
            continue; // FFmpeg could not tell this frame's time either
        const double ourOffset =
            static_cast<double>((index_->frameTime(n) - index_->frameTime(0)).count()) / 1e6;
        EXPECT_NEAR(ourOffset, ffmpegOffset, 2e-6) << "frame " << n;
    }
}

TEST_P(FrameAccuracy, TimeMapsToTheFrameOnScreen) {
    for (std::int64_t n = 0; n < index_->frameCount(); ++n) {
        const auto start = index_->frameTime(n);
        EXPECT_EQ(index_->frameAt(start), n);
        EXPECT_EQ(index_->frameAt(start + index_->frameDuration(n) - std::chrono::microseconds(1)), n);
        if (n > 0) {
            EXPECT_EQ(index_->frameAt(start - std::chrono::microseconds(1)), n - 1);
        }
    }
    EXPECT_EQ(index_->frameAt(std::chrono::microseconds(-1)), std::nullopt);
    EXPECT_EQ(index_->frameAt(index_->videoEnd()), std::nullopt);
}

TEST_P(FrameAccuracy, FramesByTimeMatchFfmpeg) {
    VideoDecoder decoder = smallCacheDecoder();
    for (std::int64_t n : {index_->frameCount() / 2, std::int64_t{0}, index_->frameCount() - 1}) {
        const auto frame = decoder.frameAt(index_->frameTime(n) + index_->frameDuration(n) / 2);
        ASSERT_TRUE(frame);
        EXPECT_EQ(frame->number, n);
        EXPECT_EQ(pictureMd5(*frame->picture), expected_.md5[static_cast<std::size_t>(n)]);
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, FrameAccuracy,
                         ::testing::Values("h264_bframes.mp4", "h264_opengop.mkv", "mpeg4_bframes.avi",
                                           "mjpeg_pcm.avi", "vp9.webm", "ntsc_2997.mp4", "vfr.mp4",
                                           "damaged_start.ts", "truncated.mp4"),
                         test::clipTestName);

TEST(FrameIndexProperties, VariableFrameRateIsDetected) {
    EXPECT_TRUE(buildFrameIndex(test::clip("vfr.mp4")).isVariableFrameRate());
    EXPECT_FALSE(buildFrameIndex(test::clip("ntsc_2997.mp4")).isVariableFrameRate());
    EXPECT_FALSE(buildFrameIndex(test::clip("h264_opengop.mkv")).isVariableFrameRate());
}

TEST(FrameIndexProperties, OddFrameRateIsExact) {
    const FrameIndex index = buildFrameIndex(test::clip("ntsc_2997.mp4"));
    EXPECT_NEAR(index.averageFps(), 30000.0 / 1001.0, 1e-3);
    // Frame 60 starts at 60 * 1001/30000 s = 2.002 s after frame 0, to the microsecond.
    EXPECT_EQ((index.frameTime(60) - index.frameTime(0)).count(), 2'002'000);
}

TEST(FrameIndexProperties, DamagedStartDropsUndecodableFrames) {
    const FrameIndex index = buildFrameIndex(test::clip("damaged_start.ts"));
    EXPECT_LT(index.frameCount(), static_cast<std::int64_t>(index.packets.size()));
    EXPECT_EQ(index.packets.front().frame, -1);
}

TEST(FrameIndexProperties, PacketsWithoutTimestampsAreIndexedByDecoding) {
    EXPECT_TRUE(buildFrameIndex(test::clip("mpeg4_bframes.avi")).decodeVerified);
    EXPECT_FALSE(buildFrameIndex(test::clip("h264_bframes.mp4")).decodeVerified);
}

} // namespace
} // namespace sb::codecs
