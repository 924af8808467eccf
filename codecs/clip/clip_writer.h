#pragma once
// ClipWriter: an MP4 written through a temporary file in the target directory and renamed
// into place by finish(), so a reader never sees half a clip and a cancelled or failed
// export leaves nothing behind: the destructor deletes the temporary file unless finish()
// succeeded.
//
// Video is H.264 (libx264, yuv420p, constant quality), audio AAC (FFmpeg's encoder). The
// container carries no metadata from any source: no creation time, device, location or
// encoder tags (the muxer runs bit-exact so it adds none of its own either).

#include "codecs/ffmpeg_handles.h"
#include "codecs/rgb_image.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace sb::clip {

// An output AVFormatContext: closes its file (if open) and frees it.
struct OutputContextDeleter {
    void operator()(AVFormatContext* c) const;
};
using OutputContextPtr = std::unique_ptr<AVFormatContext, OutputContextDeleter>;

struct ClipVideoFormat {
    int width = 0; // even; odd sizes are cropped by one pixel before encoding
    int height = 0;
    AVRational timeBase{1, 25};  // of the frame times passed to writeVideo
    AVRational frameRate{25, 1}; // nominal, for rate control
    int crf = 20;
    std::string preset = "veryfast";
};

struct ClipAudioFormat {
    int sampleRate = 48000;
    int channels = 2; // 1 or 2
    int bitRate = 128000;
};

class ClipWriter {
public:
    // Creates the temporary file next to `output`. Throws codecs::MediaError(output,
    // "write clip", …) when the directory is not writable or an encoder is missing, and
    // (…, "exists") when `output` exists and `overwrite` is false.
    ClipWriter(std::filesystem::path output, const ClipVideoFormat& video, const ClipAudioFormat* audio,
               bool overwrite);
    ~ClipWriter(); // removes the temporary file unless finish() succeeded
    ClipWriter(const ClipWriter&) = delete;
    ClipWriter& operator=(const ClipWriter&) = delete;

    // One picture at `pts` (video time base, starting at 0, increasing).
    void writeVideo(const codecs::RgbImage& picture, std::int64_t pts);
    // Interleaved float samples (channels per frame as in the audio format), in order.
    void writeAudio(const float* samples, std::size_t frames);
    // Flushes the encoders, writes the trailer and renames the file to `output`.
    void finish();

    [[nodiscard]] const std::filesystem::path& temporaryFile() const { return temporary_; }
    [[nodiscard]] std::int64_t videoFramesWritten() const { return videoFrames_; }
    [[nodiscard]] std::int64_t audioSamplesWritten() const { return audioSamples_; }

private:
    void encode(AVCodecContext* encoder, AVStream* stream, const AVFrame* frame);
    void encodeAudioFrame(int samples);
    [[noreturn]] void fail(const std::string& detail) const;

    std::filesystem::path output_;
    std::filesystem::path temporary_;
    bool overwrite_ = false;
    OutputContextPtr muxer_;
    codecs::CodecContextPtr videoEncoder_;
    codecs::CodecContextPtr audioEncoder_;
    AVStream* videoStream_ = nullptr;
    AVStream* audioStream_ = nullptr;
    codecs::SwsContextPtr scaler_;
    codecs::FramePtr videoFrame_;
    codecs::FramePtr audioFrame_;
    codecs::PacketPtr packet_;
    std::vector<float> audioPending_; // interleaved, less than one encoder frame
    int audioChannels_ = 0;
    std::int64_t videoFrames_ = 0;
    std::int64_t audioSamples_ = 0;
    std::int64_t audioPts_ = 0;
    bool finished_ = false;
};

} // namespace sb::clip
