#pragma once
// Pictures scaled for display: to 32-bit BGRA (what Qt's Format_RGB32 holds on little-endian
// machines) at the size of the view, with a conversion context kept between frames. Faster
// and softer than toRgb(), which is for exact, full-size output.

#include "codecs/ffmpeg_handles.h"

#include <cstdint>

namespace sb::codecs {

class DisplayScaler {
public:
    // Writes `width` x `height` BGRA pixels into `destination` (rows `stride` bytes apart).
    void scale(const AVFrame& picture, int width, int height, std::uint8_t* destination, int stride);

private:
    SwsContextPtr context_;
    int sourceWidth_ = 0, sourceHeight_ = 0, sourceFormat_ = -1, width_ = 0, height_ = 0;
};

} // namespace sb::codecs
