#pragma once
// Frame-accurate video decoding: frame by number or by time, steps, sequential playback.
//
// To reach frame N it seeks to the keyframe the index names for N and decodes forward,
// identifying each output by the packet it came from. On a cold seek the frames before N
// that no other frame depends on are skipped undecoded (AVDISCARD_NONREF); when the caller
// steps backward, the stretch before N is decoded in full into the frame cache so the next
// steps backward are cache hits. Moving forward within reach continues decoding instead of
// seeking. Not thread-safe: one VideoDecoder per thread (async_video_decoder.h runs one off
// the caller's thread).

#include "codecs/decoded_frame.h"
#include "codecs/ffmpeg_handles.h"
#include "codecs/frame_cache.h"
#include "codecs/frame_index.h"
#include "codecs/media_file.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <unordered_map>

namespace sb::codecs {

struct VideoDecoderOptions {
    std::size_t cacheBytes = 256u << 20; // decoded frames kept around the playhead
    int threads = 0;                     // decoder threads; 0 = FFmpeg's choice (cores + 1)
};

struct VideoDecoderStats {
    std::int64_t seeks = 0;
    std::int64_t framesDecoded = 0; // frames the decoder emitted
    std::int64_t cacheHits = 0;
};

class VideoDecoder {
public:
    VideoDecoder(std::filesystem::path file, std::shared_ptr<const FrameIndex> index,
                 VideoDecoderOptions options = {});
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    // Frame n (0-based, presentation order). Throws MediaError("decode error at frame n")
    // when the file cannot produce it, std::out_of_range when n is not a frame.
    DecodedFrame frame(std::int64_t n);
    // The frame on screen at t on the file's clock; nullopt outside the video.
    std::optional<DecodedFrame> frameAt(std::chrono::microseconds t);
    // Stepping relative to the last frame returned (frame 0 when none was).
    DecodedFrame stepForward();
    DecodedFrame stepBackward();

    [[nodiscard]] const FrameIndex& index() const { return *index_; }
    [[nodiscard]] const FrameCache& cache() const { return cache_; }
    [[nodiscard]] const VideoDecoderStats& stats() const { return stats_; }
    [[nodiscard]] const std::filesystem::path& file() const { return media_.path(); }

private:
    enum class PacketKey { Position, Dts, Pts, Sequence };

    void seekToPacket(std::int32_t packet);
    bool demuxerSeek(std::int64_t timestamp);
    std::optional<std::int32_t> identify(const AVPacket& packet) const;
    // Feeds packets until `target` is emitted; frames from `keepFrom` on go to the cache.
    std::optional<DecodedFrame> decodeUntil(std::int64_t target, std::int64_t keepFrom);
    bool feedOnePacket(std::int64_t target, std::int64_t keepFrom);
    std::optional<DecodedFrame> receiveFrames(std::int64_t target, std::int64_t keepFrom);
    std::int64_t backwardWindow(std::int64_t target) const;

    MediaFile media_;
    std::shared_ptr<const FrameIndex> index_;
    VideoDecoderOptions options_;
    AVStream* stream_;
    CodecContextPtr decoder_;
    PacketPtr packet_;
    FramePtr frame_;
    FrameCache cache_;
    VideoDecoderStats stats_;

    PacketKey key_ = PacketKey::Sequence;
    std::unordered_map<std::int64_t, std::int32_t> packetByKey_;

    bool positioned_ = false;       // the decoder holds state from a seek and can go on
    bool endOfStream_ = false;      // flushed: must seek before decoding again
    std::int32_t nextPacket_ = 0;   // ordinal of the next video packet the demuxer returns
    std::int64_t lastEmitted_ = -1; // last frame number the decoder emitted since the seek
    std::unordered_map<std::int32_t, int> emittedPerPacket_;
    std::int64_t lastReturned_ = -1;
    std::optional<DecodedFrame> found_;
};

} // namespace sb::codecs
