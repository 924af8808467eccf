// Audio decodes to float PCM for playback and to waveform peaks, in every codec the issue
// names (AAC, MP3, AC-3, PCM). The clips carry FFmpeg's 440 Hz test tone at amplitude 1/8.

#include "codecs/audio_decoder.h"
#include "test_media.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sb::codecs {
namespace {

class AudioCodecs : public ::testing::TestWithParam<std::string> {};

TEST_P(AudioCodecs, DecodesTheWholeToneAtTheRightPitch) {
    AudioDecoder decoder(test::clip(GetParam()), AudioOutputFormat{48000, 1});
    std::vector<float> samples;
    while (decoder.read(samples, 8192) > 0) {
    }
    ASSERT_GT(samples.size(), 48000u * 2);
    // Count rising zero crossings over the middle second: 440 of them.
    const std::size_t from = samples.size() / 2 - 24000;
    int crossings = 0;
    for (std::size_t i = from + 1; i < from + 48000; ++i)
        crossings += samples[i - 1] < 0 && samples[i] >= 0;
    EXPECT_NEAR(crossings, 440, 2);
    const float peak = *std::max_element(samples.begin() + static_cast<std::ptrdiff_t>(from),
                                         samples.begin() + static_cast<std::ptrdiff_t>(from + 48000));
    EXPECT_NEAR(peak, 0.125f, 0.02f);
}

TEST_P(AudioCodecs, WaveformPeaksFollowTheTone) {
    const WaveformPeaks peaks = computeWaveform(test::clip(GetParam()), std::chrono::milliseconds(100));
    ASSERT_GE(peaks.maximum.size(), 25u);
    ASSERT_EQ(peaks.minimum.size(), peaks.maximum.size());
    const std::size_t middle = peaks.maximum.size() / 2;
    EXPECT_NEAR(peaks.maximum[middle], 0.125f, 0.02f);
    EXPECT_NEAR(peaks.minimum[middle], -0.125f, 0.02f);
}

INSTANTIATE_TEST_SUITE_P(Codecs, AudioCodecs,
                         ::testing::Values("h264_bframes.mp4", "h264_opengop.mkv", "mpeg4_bframes.avi",
                                           "mjpeg_pcm.avi", "audio_only.m4a"),
                         test::clipTestName);

TEST(AudioDecoder, SeekStartsReadingAtTheRequestedTime) {
    AudioDecoder decoder(test::clip("audio_only.m4a"), AudioOutputFormat{48000, 2});
    decoder.seek(std::chrono::milliseconds(1500));
    EXPECT_EQ(decoder.position(), std::chrono::milliseconds(1500));
    std::vector<float> samples;
    ASSERT_EQ(decoder.read(samples, 4800), 4800u);
    EXPECT_EQ(samples.size(), 9600u); // stereo, interleaved
    EXPECT_EQ(decoder.position(), std::chrono::milliseconds(1600));
    // The tone is in both channels.
    EXPECT_NEAR(*std::max_element(samples.begin(), samples.end()), 0.125f, 0.02f);
}

TEST(AudioDecoder, ReadingPastTheEndReturnsNothing) {
    AudioDecoder decoder(test::clip("audio_only.m4a"));
    decoder.seek(std::chrono::seconds(10));
    std::vector<float> samples;
    EXPECT_EQ(decoder.read(samples, 1024), 0u);
}

} // namespace
} // namespace sb::codecs
