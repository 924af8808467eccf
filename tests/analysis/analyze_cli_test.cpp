// securebase-cli analyze as scripts use it: one row per frame, each measure a column,
// ASCII decimals, and exit statuses 2 and 3 with the reason on stderr.

#include "../cli/run_cli.h"
#include "analysis_media.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <sstream>

namespace sb::test {
namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ','))
        fields.push_back(field);
    if (!line.empty() && line.back() == ',')
        fields.emplace_back();
    return fields;
}

TEST(AnalyzeCli, CsvHasOneRowPerFrameAndAColumnPerMeasure) {
    const auto clip = jumpingSquare();
    // A locale with a decimal comma must not change the output.
    const CliResult r = runCli("analyze " + shellQuote(clip.string()) +
                               " --roi left=0,0,150,240 --roi 'right=200,0,120,240' --csv");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto rows = lines(r.out);
    ASSERT_EQ(rows.size(), 91u); // header + 90 frames
    EXPECT_EQ(rows[0], "frame,time,motion,motion:left,motion:right");
    EXPECT_EQ(split(rows[1]), (std::vector<std::string>{"0", "0", "", "", ""}));
    const auto jump = split(rows[21]); // frame 20
    ASSERT_EQ(jump.size(), 5u);
    EXPECT_EQ(jump[0], "20");
    EXPECT_EQ(jump[1].substr(0, 5), "0.667"); // 20/30 s (Matroska keeps milliseconds)
    EXPECT_GT(std::stod(jump[2]), 3.0);
    EXPECT_GT(std::stod(jump[3]), 5.0);
    EXPECT_EQ(jump[4], "0");
    EXPECT_EQ(split(rows[11])[2], "0"); // frame 10 rests
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_EQ(split(rows[i]).size(), 5u) << rows[i];
}

TEST(AnalyzeCli, JsonWithFlowAndAudioToAFile) {
    const auto clip = toneBurst();
    const auto out = analysisMediaDir() / "tone.json";
    std::filesystem::remove(out);
    const CliResult r =
        runCli("analyze " + shellQuote(clip.string()) + " --flow --json -o " + shellQuote(out.string()));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
    std::ifstream in(out);
    const auto document = nlohmann::json::parse(in);
    EXPECT_EQ(document["measures"], (nlohmann::json{"motion", "flow", "audio_rms"}));
    EXPECT_EQ(document["frame_count"], 60);
    ASSERT_EQ(document["frames"].size(), 60u);
    const auto& frame = document["frames"][40];
    EXPECT_EQ(frame["frame"], 40);
    EXPECT_NEAR(frame["time"].get<double>(), 40 / 30.0, 0.001);
    EXPECT_TRUE(document["frames"][0]["motion"].is_null());
    EXPECT_EQ(frame["motion"], 0.0);
    EXPECT_NEAR(frame["audio_rms"].get<double>(), 0.3536, 0.01);
    EXPECT_LT(document["frames"][10]["audio_rms"].get<double>(), 0.001);
    EXPECT_EQ(document["source_size"], (nlohmann::json{160, 120}));
}

TEST(AnalyzeCli, SecondRunComesFromTheCacheWithTheSameRows) {
    const auto clip = slidingPattern();
    const CliResult first =
        runCli("analyze " + shellQuote(clip.string()) + " --roi path=0,168,320,64 --json");
    ASSERT_EQ(first.status, 0) << first.err;
    const CliResult second =
        runCli("analyze " + shellQuote(clip.string()) + " --roi path=0,168,320,64 --json");
    ASSERT_EQ(second.status, 0) << second.err;
    auto a = nlohmann::json::parse(first.out);
    auto b = nlohmann::json::parse(second.out);
    EXPECT_TRUE(b["from_cache"].get<bool>());
    EXPECT_EQ(a["frames"], b["frames"]);
}

TEST(AnalyzeCli, BadInputIsExplained) {
    const auto clip = jumpingSquare().string();
    // Usage: the format, the region text, a region the frame cannot hold.
    CliResult r = runCli("analyze " + shellQuote(clip));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--csv"), std::string::npos) << r.err;
    r = runCli("analyze " + shellQuote(clip) + " --csv --json");
    EXPECT_EQ(r.status, 2);
    r = runCli("analyze " + shellQuote(clip) + " --roi door=1,2,3 --csv");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("door=1,2,3"), std::string::npos) << r.err;
    r = runCli("analyze " + shellQuote(clip) + " --roi a=0,0,5,5 --roi a=5,5,5,5 --csv");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("used twice"), std::string::npos) << r.err;
    r = runCli("analyze " + shellQuote(clip) + " --roi door=300,10,100,50 --csv");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("door"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("320x240"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());

    // Input: not a video, a file without video, no file.
    const auto text = analysisMediaDir() / "not-a-video.mp4";
    {
        std::ofstream out(text);
        out << "hello\n";
    }
    r = runCli("analyze " + shellQuote(text.string()) + " --csv");
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("not-a-video.mp4"), std::string::npos) << r.err;
    const auto audioOnly =
        generated("audio_only.wav", "-f lavfi -i sine=frequency=440:sample_rate=8000:duration=1");
    r = runCli("analyze " + shellQuote(audioOnly.string()) + " --csv");
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("no video stream"), std::string::npos) << r.err;
    r = runCli("analyze /nonexistent/clip.mp4 --json");
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("/nonexistent/clip.mp4"), std::string::npos) << r.err;
}

} // namespace
} // namespace sb::test
