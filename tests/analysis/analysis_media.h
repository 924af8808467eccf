#pragma once
// Clips made for the analysis tests by Debian's ffmpeg at test time, each with a known
// answer: where a square jumps, where a pattern moves, when a tone sounds. Lossless video
// (FFV1) and PCM audio, so "at rest" means exactly zero difference.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace sb::test {

inline std::filesystem::path analysisMediaDir() {
    return std::filesystem::path(SB_ANALYSIS_MEDIA_DIR);
}

// Runs ffmpeg into a temporary name and renames, so tests running at once never see half a
// file. Returns the path; fails the test when ffmpeg fails.
inline std::filesystem::path generated(const std::string& name, const std::string& arguments) {
    const std::filesystem::path file = analysisMediaDir() / name;
    if (std::filesystem::exists(file))
        return file;
    std::filesystem::create_directories(file.parent_path());
    const std::filesystem::path temporary =
        file.parent_path() / ("tmp-" + std::to_string(::getpid()) + "-" + name);
    const std::string command = "ffmpeg -nostdin -v error -y " + arguments + " '" + temporary.string() + "'";
    if (std::system(command.c_str()) != 0) {
        ADD_FAILURE() << "ffmpeg failed: " << command;
        return file;
    }
    std::filesystem::rename(temporary, file);
    return file;
}

// 320x240, 30 fps, 90 frames: a white 40x40 square on black at y=100 that jumps at frames
// 20, 50 and 80 (x = 20, 100, 180, 260) and rests between the jumps.
inline constexpr int kJumpFrames[] = {20, 50, 80};
inline std::filesystem::path jumpingSquare() {
    return generated(
        "jumping_square.mkv",
        "-f lavfi -i \"color=c=black:s=320x240:r=30:d=3[bg];color=c=white:s=40x40:r=30:d=3[sq];"
        "[bg][sq]overlay=x='if(lt(t,0.65),20,if(lt(t,1.65),100,if(lt(t,2.65),180,260)))':y=100[out0]\" "
        "-c:v ffv1 -pix_fmt yuv420p");
}

// 320x240, 30 fps, 60 frames: SMPTE bars, still, with a 48x48 grid pattern sliding right by
// 4 px a frame along the bottom (y = 176 to 224) from frame 0 on.
inline std::filesystem::path slidingPattern() {
    return generated("sliding_pattern.mkv",
                     "-f lavfi -i \"smptebars=s=320x240:r=30:d=2[bg];"
                     "color=c=white:s=48x48:r=30:d=2,drawgrid=w=8:h=8:t=3:c=black[sq];"
                     "[bg][sq]overlay=x='20+4*n':y=176[out0]\" -c:v ffv1 -pix_fmt yuv420p");
}

// 2 s of a still grey picture at 30 fps with PCM audio at 48 kHz: silence, a 1 kHz tone of
// amplitude 0.5 from 1.0 s to 1.5 s, silence.
inline std::filesystem::path toneBurst() {
    return generated(
        "tone_burst.mkv",
        "-f lavfi -i color=c=gray:s=160x120:r=30:d=2 "
        "-f lavfi -i \"aevalsrc='if(between(t,1,1.5-1/48000),0.5*sin(2*PI*1000*t),0)':s=48000:d=2\" "
        "-c:v ffv1 -c:a pcm_s16le -shortest");
}

// 60 s of a moving test pattern (for cancellation: long enough to stop in the middle).
inline std::filesystem::path longPattern() {
    return generated("long_pattern.mp4",
                     "-f lavfi -i testsrc2=s=640x360:r=30:d=60 -c:v libx264 -preset ultrafast "
                     "-pix_fmt yuv420p");
}

} // namespace sb::test
