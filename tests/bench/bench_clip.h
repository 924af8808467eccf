#pragma once
// The benchmarks' reference clip: 2 minutes of 1080p30 H.264 with a 250-frame GOP and AAC
// audio, generated once under the build directory with Debian's ffmpeg.

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace sb::bench {

inline std::filesystem::path benchClip() {
    const std::filesystem::path file = std::filesystem::path(SB_BENCH_DIR) / "bench_1080p30_gop250.mp4";
    if (!std::filesystem::exists(file)) {
        std::filesystem::create_directories(file.parent_path());
        const std::string command =
            "ffmpeg -nostdin -v error -y -f lavfi -i testsrc2=size=1920x1080:rate=30:duration=120 "
            "-f lavfi -i sine=frequency=440:sample_rate=48000:duration=120 -c:v libx264 -preset veryfast "
            "-g 250 -keyint_min 250 -sc_threshold 0 -bf 3 -pix_fmt yuv420p -c:a aac -b:a 128k -shortest '" +
            file.string() + ".tmp.mp4' && mv '" + file.string() + ".tmp.mp4' '" + file.string() + "'";
        if (std::system(command.c_str()) != 0)
            throw std::runtime_error("ffmpeg could not generate the benchmark clip");
    }
    return file;
}

} // namespace sb::bench
