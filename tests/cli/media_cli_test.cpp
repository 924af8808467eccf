// The public contract of `securebase-cli probe` and `frame` (README, "Command line").

#include "../codecs/test_media.h"
#include "codecs/decoded_frame.h"
#include "codecs/frame_index_builder.h"
#include "codecs/media_file.h"
#include "codecs/rgb_image.h"
#include "codecs/video_decoder.h"
#include "run_cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace sb::test {
namespace {

std::string q(const std::filesystem::path& path) {
    return shellQuote(path.string());
}

std::filesystem::path freshDir(const std::string& name) {
    const auto dir = std::filesystem::path(::testing::TempDir()) / name;
    std::filesystem::remove_all(dir);
    return dir;
}

// Decodes a PNG written by the CLI back to RGB, through FFmpeg's PNG decoder.
codecs::RgbImage readPng(const std::filesystem::path& file) {
    codecs::MediaFile png(file);
    auto decoder = png.openDecoder(png.videoStream(), 1);
    auto packet = codecs::makePacket();
    auto frame = codecs::makeFrame();
    EXPECT_TRUE(png.readPacket(packet.get()));
    EXPECT_EQ(avcodec_send_packet(decoder.get(), packet.get()), 0);
    EXPECT_EQ(avcodec_receive_frame(decoder.get(), frame.get()), 0);
    EXPECT_EQ(frame->format, AV_PIX_FMT_RGB24);
    return codecs::toRgb(*frame);
}

TEST(ProbeCommand, JsonHasTheContractFields) {
    const CliResult r = runCli("probe " + q(clip("h264_bframes.mp4")) + " --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["video"]["codec"], "h264");
    EXPECT_EQ(json["video"]["width"], 320);
    EXPECT_EQ(json["video"]["height"], 240);
    EXPECT_EQ(json["video"]["frame_count"], ffmpegFrames("h264_bframes.mp4").md5.size());
    EXPECT_NEAR(json["video"]["avg_fps"].get<double>(), 30.0, 0.01);
    EXPECT_EQ(json["video"]["variable_frame_rate"], false);
    EXPECT_EQ(json["video"]["keyframe_count"], 3); // 121 frames, a keyframe every 48
    EXPECT_EQ(json["audio"]["codec"], "aac");
    EXPECT_EQ(json["audio"]["sample_rate"], 48000);
    EXPECT_EQ(json["audio"]["channels"], 1);
    EXPECT_GT(json["duration_us"].get<std::int64_t>(), 3'900'000);
}

TEST(ProbeCommand, AudioOnlyHasNullVideo) {
    const CliResult r = runCli("probe " + q(clip("audio_only.m4a")) + " --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_TRUE(json["video"].is_null());
    EXPECT_EQ(json["audio"]["codec"], "aac");
}

TEST(ProbeCommand, VariableFrameRateIsReported) {
    const CliResult r = runCli("probe " + q(clip("vfr.mp4")) + " --json");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["video"]["variable_frame_rate"], true);
}

TEST(ProbeCommand, UnreadableInputExitsThreeNamingTheFile) {
    for (const char* name : {"not_a_video.mp4", "no_such_file.mkv"}) {
        const CliResult r = runCli("probe " + q(clip(name)));
        EXPECT_EQ(r.status, 3) << name;
        EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
    }
}

TEST(ProbeCommand, UsageErrorsExitTwo) {
    EXPECT_EQ(runCli("probe").status, 2);
    EXPECT_EQ(runCli("probe a b c").status, 2);
    EXPECT_EQ(runCli("no-such-command").status, 2);
    EXPECT_EQ(runCli("").status, 2);
}

TEST(FrameCommand, WritesExactFramesInTheOrderGiven) {
    const auto out = freshDir("frame-cli");
    const CliResult r =
        runCli("frame " + q(clip("h264_opengop.mkv")) + " --index 250,3,0,120 --out " + q(out));
    ASSERT_EQ(r.status, 0) << r.err;
    auto index =
        std::make_shared<const codecs::FrameIndex>(codecs::buildFrameIndex(clip("h264_opengop.mkv")));
    codecs::VideoDecoder decoder(clip("h264_opengop.mkv"), index);
    const auto md5 = ffmpegFrames("h264_opengop.mkv").md5;
    for (const int n : {250, 3, 0, 120}) {
        const auto png = out / ("frame-" + std::to_string(n) + ".png");
        ASSERT_TRUE(std::filesystem::exists(png)) << png;
        const codecs::DecodedFrame frame = decoder.frame(n);
        ASSERT_EQ(codecs::pictureMd5(*frame.picture), md5[static_cast<std::size_t>(n)]);
        const codecs::RgbImage written = readPng(png);
        EXPECT_EQ(written.width, 320);
        EXPECT_EQ(written.height, 240);
        EXPECT_EQ(written.pixels, codecs::toRgb(*frame.picture).pixels) << "frame " << n;
    }
}

TEST(FrameCommand, TimeSelectsTheFrameOnScreen) {
    const auto out = freshDir("frame-cli-time");
    // The video starts 25 ms after the audio, so at 25 fps frame 26 starts at 1.065 s on the
    // file's clock: 1.064999 s still shows frame 25.
    auto index =
        std::make_shared<const codecs::FrameIndex>(codecs::buildFrameIndex(clip("h264_opengop.mkv")));
    ASSERT_EQ(index->frameTime(26).count(), 1'065'000);
    const CliResult r =
        runCli("frame " + q(clip("h264_opengop.mkv")) + " --time 1.064999,1.065 --out " + q(out));
    ASSERT_EQ(r.status, 0) << r.err;
    codecs::VideoDecoder decoder(clip("h264_opengop.mkv"), index);
    EXPECT_EQ(readPng(out / "frame-1.064999.png").pixels, codecs::toRgb(*decoder.frame(25).picture).pixels);
    EXPECT_EQ(readPng(out / "frame-1.065.png").pixels, codecs::toRgb(*decoder.frame(26).picture).pixels);
}

TEST(FrameCommand, BadRequestsExitWithTheContractStatus) {
    const auto out = freshDir("frame-cli-bad");
    const std::string file = q(clip("vp9.webm"));
    EXPECT_EQ(runCli("frame " + file + " --out " + q(out)).status, 2);                    // neither
    EXPECT_EQ(runCli("frame " + file + " --index 1 --time 1 --out " + q(out)).status, 2); // both
    EXPECT_EQ(runCli("frame " + file + " --index x --out " + q(out)).status, 2);          // not a number
    EXPECT_EQ(runCli("frame " + file + " --index 1").status, 2);                          // no --out
    EXPECT_EQ(runCli("frame " + file + " --time -3 --out " + q(out)).status, 2);          // negative
    const CliResult beyond = runCli("frame " + file + " --index 100000 --out " + q(out));
    EXPECT_EQ(beyond.status, 3);
    EXPECT_NE(beyond.err.find("vp9.webm"), std::string::npos) << beyond.err;
    EXPECT_EQ(runCli("frame " + file + " --time 99 --out " + q(out)).status, 3);
    EXPECT_EQ(runCli("frame " + q(clip("audio_only.m4a")) + " --index 0 --out " + q(out)).status, 3);
    EXPECT_EQ(runCli("frame " + q(clip("not_a_video.mp4")) + " --index 0 --out " + q(out)).status, 3);
}

} // namespace
} // namespace sb::test
