#pragma once
// Decoded pictures as 8-bit RGB, and RGB images saved as PNG (FFmpeg's own PNG encoder).

#include <cstdint>
#include <filesystem>
#include <vector>

extern "C" {
struct AVFrame;
}

namespace sb::codecs {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // RGB24, rows packed without padding

    [[nodiscard]] const std::uint8_t* pixel(int x, int y) const {
        return pixels.data() +
               (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) *
                   3;
    }
};

// Converts with the picture's own colour matrix and range (BT.601 for SD and BT.709 for HD
// when the file does not say). width/height 0 keep the picture's size.
RgbImage toRgb(const AVFrame& picture, int width = 0, int height = 0);

// Throws MediaError("write PNG") on failure.
void writePng(const std::filesystem::path& file, const RgbImage& image);

} // namespace sb::codecs
