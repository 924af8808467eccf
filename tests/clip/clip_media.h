#pragma once
// The test video for clip tests, made at test time from photographs Debian ships
// (opencv-doc): a face cut from messi5.jpg moving across building.jpg, its true position
// known for every frame, the frame number written into the picture as a row of black and
// white squares, a 440 Hz tone, and metadata a clip must not carry.

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

namespace sb::test {

inline constexpr int kClipWidth = 640;
inline constexpr int kClipHeight = 360;
inline constexpr int kClipFps = 25;
inline constexpr int kClipFrames = 100; // 4 s
inline constexpr int kCodeBits = 8;

// Where the photograph's face is in the patch that moves (messi5.jpg's face at
// (213, 87, 52 x 50), cut at (174, 50, 130 x 125) and scaled x2).
inline const cv::Rect kFaceInPatch(78, 74, 104, 100);
inline const cv::Rect kFaceInPhoto(213, 87, 52, 50);

// The patch's top-left on frame n.
inline cv::Point patchOrigin(std::int64_t n) {
    return {20 + 3 * static_cast<int>(n), 60};
}
// The true face box on frame n.
inline cv::Rect faceOn(std::int64_t n) {
    return kFaceInPatch + patchOrigin(n);
}
// The frame-number squares: bit b at (8 + 20 b, 336), 16 x 16.
inline cv::Rect codeSquare(int bit) {
    return {8 + 20 * bit, 336, 16, 16};
}

std::filesystem::path opencvDataDir(); // /usr/share/doc/opencv-doc/examples/data
std::filesystem::path clipTestDir();   // scratch directory of the clip tests

// The source video (made once per test run): H.264 + AAC in MP4 with creation_time,
// location, comment and device tags.
const std::filesystem::path& sourceVideo();

// RGB24 pixels of a media file's frame, via our decoder.
cv::Mat decodeFrame(const std::filesystem::path& file, std::int64_t n);
// The frame number written in the squares.
int readCode(const cv::Mat& rgb);
// Variance of the Laplacian of the grey picture inside `area`: fine detail.
double detail(const cv::Mat& rgb, const cv::Rect& area);

// Runs a shell command; returns its exit status; stdout into *out when given.
int run(const std::string& command, std::string* out = nullptr);

} // namespace sb::test
