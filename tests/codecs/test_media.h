#pragma once
// The clips tests/media/generate.sh made for this test run, and FFmpeg's view of them.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace sb::test {

inline std::filesystem::path mediaDir() {
    return SB_TEST_MEDIA_DIR;
}

inline std::filesystem::path clip(const std::string& name) {
    return mediaDir() / name;
}

// Each frame FFmpeg decodes, in order: its MD5 (framemd5) and its time in seconds (ffprobe).
struct FfmpegFrames {
    std::vector<std::string> md5;
    std::vector<double> seconds;
};

inline FfmpegFrames ffmpegFrames(const std::string& name) {
    FfmpegFrames frames;
    std::ifstream md5File(clip(name + ".framemd5"));
    for (std::string line; std::getline(md5File, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        frames.md5.push_back(line.substr(line.rfind(',') + 2));
    }
    std::ifstream timeFile(clip(name + ".frametimes"));
    for (std::string line; std::getline(timeFile, line);)
        if (!line.empty())
            frames.seconds.push_back(line == "N/A" ? std::nan("")
                                                   : std::stod(line)); // time unknown to FFmpeg
    return frames;
}

// "h264_bframes.mp4" -> "h264_bframes_mp4", for parameterised test names.
inline std::string clipTestName(const ::testing::TestParamInfo<std::string>& param) {
    std::string name = param.param;
    std::replace_if(
        name.begin(), name.end(), [](unsigned char c) { return !std::isalnum(c); }, '_');
    return name;
}

} // namespace sb::test
