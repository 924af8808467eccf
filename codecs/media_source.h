#pragma once
// MediaSource: a media file opened for use, with what its streams are and its frame index.

#include "codecs/frame_index.h"
#include "codecs/frame_index_cache.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace sb::codecs {

struct VideoStreamInfo {
    std::string codec; // FFmpeg's short name: "h264", "mpeg4", "vp9", "mjpeg"…
    std::string codecLongName;
    std::string pixelFormat;
    int width = 0;
    int height = 0;
    std::int64_t frameCount = 0; // frames the decoder emits (FrameIndex)
    std::int64_t keyframeCount = 0;
    double avgFps = 0.0;  // frames / the time they span
    double realFps = 0.0; // FFmpeg's r_frame_rate: the base rate timestamps are multiples of
    bool variableFrameRate = false;
    std::chrono::microseconds start{0};    // first frame on the file's clock
    std::chrono::microseconds duration{0}; // first frame to the end of the last
    bool decodeVerified = false;           // index built by a full decode (damaged or pts-less)
};

struct AudioStreamInfo {
    std::string codec;
    std::string codecLongName;
    std::string sampleFormat;
    std::string channelLayout;
    int channels = 0;
    int sampleRate = 0;
    std::chrono::microseconds duration{0}; // 0 when the container does not say
};

struct MediaInfo {
    std::filesystem::path file;
    std::string container; // FFmpeg's demuxer name(s): "mov,mp4,m4a,3gp,3g2,mj2"
    std::chrono::microseconds duration{0};
    std::int64_t bitRate = 0;
    std::optional<VideoStreamInfo> video;
    std::optional<AudioStreamInfo> audio;
};

class MediaSource {
public:
    // Opens and probes `file`, indexing its video through `cache` (built once, then reused).
    // Throws MediaError naming the file and what failed.
    MediaSource(const std::filesystem::path& file, const FrameIndexCache& cache);

    [[nodiscard]] const MediaInfo& info() const { return info_; }
    // Null for an audio-only file.
    [[nodiscard]] std::shared_ptr<const FrameIndex> frameIndex() const { return index_; }
    [[nodiscard]] bool indexFromCache() const { return indexFromCache_; }

private:
    MediaInfo info_;
    std::shared_ptr<const FrameIndex> index_;
    bool indexFromCache_ = false;
};

} // namespace sb::codecs
