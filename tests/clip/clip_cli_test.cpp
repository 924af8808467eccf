// securebase-cli clip as scripts use it: faces blurred by default, --blur-faces as written in
// the contract, regions, audio modes, the JSON summary, exit statuses and messages.

#include "tests/cli/run_cli.h"
#include "tests/clip/clip_media.h"

#include "codecs/frame_index_builder.h"
#include "codecs/media_file.h"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace sb::test {
namespace {

std::filesystem::path cliDir(const std::string& name) {
    const auto dir = clipTestDir() / ("cli-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string src() {
    return shellQuote(sourceVideo().string());
}

bool faceBlurred(const std::filesystem::path& clip, std::int64_t clipFrame, std::int64_t sourceFrame) {
    return detail(decodeFrame(clip, clipFrame), faceOn(sourceFrame)) <
           0.05 * detail(decodeFrame(sourceVideo(), sourceFrame), faceOn(sourceFrame));
}

TEST(ClipCli, BlursFacesByDefaultAndWithTheFlag) {
    const auto dir = cliDir("default");
    for (const std::string flag : {"", "--blur-faces"}) {
        const auto out = dir / fmt::format("clip{}.mp4", flag.size());
        const auto r = runCli(
            fmt::format("clip {} --from 2 --to 2.4 {} --json -o {}", src(), flag, shellQuote(out.string())));
        ASSERT_EQ(r.status, 0) << r.err;
        const auto summary = nlohmann::json::parse(r.out);
        EXPECT_EQ(summary["frames_written"], 10);
        EXPECT_EQ(summary["first_frame"], 50);
        EXPECT_EQ(summary["last_frame"], 59);
        EXPECT_EQ(summary["faces_blurred"], true);
        EXPECT_EQ(summary["faces"]["frames_with_faces"], 10);
        EXPECT_EQ(summary["audio"], "keep");
        EXPECT_TRUE(faceBlurred(out, 0, 50));
        EXPECT_TRUE(faceBlurred(out, 9, 59));
        EXPECT_NE(r.err.find("clip: encoding"), std::string::npos) << "progress on stderr";
    }
}

TEST(ClipCli, NoBlurFacesKeepsTheFaceButBlursRegions) {
    const auto dir = cliDir("regions");
    const auto regions = dir / "regions.json";
    std::ofstream(regions) << R"({"version": 1, "regions": [{"id": "door", "start": 0, "end": 4,
        "keyframes": [{"time": 0, "x": 0.7, "y": 0.05, "width": 0.2, "height": 0.2}]}]})";
    const auto out = dir / "clip.mp4";
    const auto r =
        runCli(fmt::format("clip {} --from 1 --to 1.2 --no-blur-faces --regions {} --audio drop --json -o {}",
                           src(), shellQuote(regions.string()), shellQuote(out.string())));
    ASSERT_EQ(r.status, 0) << r.err;
    const auto summary = nlohmann::json::parse(r.out);
    EXPECT_EQ(summary["faces_blurred"], false);
    EXPECT_EQ(summary["region_areas"], 5);
    EXPECT_EQ(summary["audio_track"], false);
    EXPECT_FALSE(faceBlurred(out, 0, 25));
    const cv::Rect door(452, 22, 120, 64);
    EXPECT_LT(detail(decodeFrame(out, 0), door), 0.05 * detail(decodeFrame(sourceVideo(), 25), door));
    codecs::MediaFile media(out);
    EXPECT_EQ(media.audioStream(), nullptr);
}

TEST(ClipCli, BadInputIsNamed) {
    const auto dir = cliDir("bad");
    const auto out = dir / "clip.mp4";
    const std::string o = "-o " + shellQuote(out.string());

    auto r = runCli(fmt::format("clip {} --from 3 --to 2 {}", src(), o));
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("--to 2 must be after --from 3"), std::string::npos) << r.err;

    r = runCli(fmt::format("clip {} --from 3 --to 9 {}", src(), o));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(
        r.err.find("face-source-v1.mp4: clip range: --to 9.000 s is past the end of the video (4.000 s)"),
        std::string::npos)
        << r.err;

    r = runCli(fmt::format("clip {} --from 1 --to 2 --audio loud {}", src(), o));
    EXPECT_EQ(r.status, 2);

    const auto regions = dir / "bad.json";
    std::ofstream(regions) << R"({"version": 1, "regions": [{"id": "a", "keyframes": [
        {"time": 0, "x": 0.1, "y": 0.1, "width": "wide", "height": 0.2}]}]})";
    r = runCli(
        fmt::format("clip {} --from 1 --to 2 --regions {} {}", src(), shellQuote(regions.string()), o));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("bad.json: blur regions: /regions/0/keyframes/0/width: must be a number"),
              std::string::npos)
        << r.err;

    r = runCli(fmt::format("clip {} --from 1 --to 2 -o /nonexistent-directory/clip.mp4", src()));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("cannot create a file in /nonexistent-directory"), std::string::npos) << r.err;

    r = runCli(fmt::format("clip /nonexistent/tape.mp4 --from 1 --to 2 {}", o));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("/nonexistent/tape.mp4"), std::string::npos) << r.err;

    // Nothing was written by any of them.
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        files += entry.path().extension() == ".json" ? 0 : 1;
    EXPECT_EQ(files, 0u);

    // An existing output is kept (exit 2) unless --force.
    std::ofstream(out) << "precious";
    r = runCli(fmt::format("clip {} --from 1 --to 1.2 --no-blur-faces {}", src(), o));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("exists (--force replaces it)"), std::string::npos) << r.err;
    r = runCli(fmt::format("clip {} --from 1 --to 1.2 --no-blur-faces --force {}", src(), o));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(codecs::buildFrameIndex(out).frameCount(), 5);
}

} // namespace
} // namespace sb::test
