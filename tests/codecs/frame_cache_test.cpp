#include "codecs/ffmpeg_handles.h"
#include "codecs/frame_cache.h"

#include <gtest/gtest.h>

namespace sb::codecs {
namespace {

DecodedFrame syntheticFrame(std::int64_t number) {
    FramePtr frame = makeFrame();
    frame->width = 100;
    frame->height = 100;
    frame->format = AV_PIX_FMT_GRAY8; // 10,000 bytes
    EXPECT_EQ(av_frame_get_buffer(frame.get(), 0), 0);
    return DecodedFrame{number, std::chrono::microseconds(number * 40000), shareFrame(frame.get())};
}

TEST(FrameCache, StaysWithinItsBudgetEvictingTheLeastRecentlyUsed) {
    FrameCache cache(35'000); // room for three frames
    for (std::int64_t n = 0; n < 3; ++n)
        cache.insert(syntheticFrame(n));
    EXPECT_EQ(cache.size(), 3u);
    EXPECT_TRUE(cache.find(0)); // 0 is now the most recently used
    cache.insert(syntheticFrame(3));
    EXPECT_TRUE(cache.contains(0));
    EXPECT_FALSE(cache.contains(1)); // the least recently used went
    EXPECT_TRUE(cache.contains(2));
    EXPECT_TRUE(cache.contains(3));
    EXPECT_EQ(cache.bytes(), 30'000u);
    for (std::int64_t n = 4; n < 50; ++n)
        cache.insert(syntheticFrame(n));
    EXPECT_LE(cache.peakBytes(), cache.budget());
}

TEST(FrameCache, FrameLargerThanTheBudgetIsNotKept) {
    FrameCache cache(5'000);
    cache.insert(syntheticFrame(0));
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.bytes(), 0u);
}

TEST(FrameCache, FoundFrameSharesThePicture) {
    FrameCache cache(100'000);
    const DecodedFrame frame = syntheticFrame(7);
    cache.insert(frame);
    const auto found = cache.find(7);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->picture.get(), frame.picture.get());
    EXPECT_EQ(found->time, std::chrono::microseconds(280000));
}

} // namespace
} // namespace sb::codecs
