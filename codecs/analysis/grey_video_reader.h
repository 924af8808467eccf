#pragma once
// Reads a video once from the start and hands out each frame small and grey, numbered as
// the FrameIndex numbers it. The fast path of the analysis: FFmpeg decodes with its own
// threads and swscale does the scaling and the grey conversion in one pass (area averaging,
// which also removes most pixel noise before frames are compared).

#include "codecs/ffmpeg_handles.h"
#include "codecs/frame_index.h"
#include "codecs/media_file.h"

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace sb::analysis {

class GreyVideoReader {
public:
    // Throws codecs::MediaError ("open", "analysis: no video stream").
    // `width` is the analysis width (clamped to the video's own width).
    GreyVideoReader(const std::filesystem::path& file, const codecs::FrameIndex& index, int width,
                    int decoderThreads);

    // The next frame the decoder produces: its number in the index and its grey image
    // (a new Mat each time, safe to hand to another thread). false at the end of the video.
    bool next(std::int64_t& number, cv::Mat& grey);

    [[nodiscard]] bool fileHasAudio() const { return media_.audioStream() != nullptr; }
    [[nodiscard]] int sourceWidth() const { return sourceWidth_; }
    [[nodiscard]] int sourceHeight() const { return sourceHeight_; }
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }

private:
    bool receive(std::int64_t& number, cv::Mat& grey);
    void toGrey(const AVFrame& frame, cv::Mat& grey);

    codecs::MediaFile media_;
    const codecs::FrameIndex& index_;
    AVStream* stream_;
    codecs::CodecContextPtr decoder_;
    codecs::PacketPtr packet_;
    codecs::FramePtr frame_;
    codecs::SwsContextPtr scaler_;
    int scalerWidth_ = 0, scalerHeight_ = 0, scalerFormat_ = -1;
    int sourceWidth_ = 0, sourceHeight_ = 0, width_ = 0, height_ = 0;
    std::int32_t nextPacket_ = 0;       // ordinal of the next video packet read
    std::vector<int> emittedPerPacket_; // frames already emitted from each packet
    bool pending_ = false;              // packet_ holds a video packet not yet sent
    bool drained_ = false;              // flush packet sent
};

} // namespace sb::analysis
