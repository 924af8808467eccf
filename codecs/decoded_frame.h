#pragma once
// A decoded video frame in the decoder's own pixel format, shared by reference (the
// picture's buffers are reference-counted by FFmpeg, so copies are cheap).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

extern "C" {
struct AVFrame;
}

namespace sb::codecs {

struct DecodedFrame {
    std::int64_t number = -1;         // frame number in presentation order (FrameIndex)
    std::chrono::microseconds time{}; // presentation time on the file's clock
    std::shared_ptr<const AVFrame> picture;

    [[nodiscard]] int width() const;
    [[nodiscard]] int height() const;
    // Bytes the picture occupies, for the cache's budget.
    [[nodiscard]] std::size_t byteSize() const;
};

// Wraps a new reference to `frame` (the caller keeps its own).
std::shared_ptr<const AVFrame> shareFrame(const AVFrame* frame);

// MD5 of the picture's planes packed without padding, in the decoder's pixel format: the
// same digest `ffmpeg -f framemd5` prints for that frame, so tests compare frames with
// FFmpeg's own decode.
std::string pictureMd5(const AVFrame& picture);

} // namespace sb::codecs
