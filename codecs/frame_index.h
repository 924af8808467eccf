#pragma once
// FrameIndex: every video frame of a file, in presentation order, with its real time.
//
// "Frame N" is the N-th frame FFmpeg's decoder emits when the file is decoded from the start
// (what `ffmpeg -i F -fps_mode passthrough -vf "select=eq(n\,N)"` yields), so damaged starts,
// dropped frames, B-frames, open GOPs and variable frame rates are exact. Frames are tied to
// the packet (in demux order) that carries them: after a seek the decoder tells which packet
// each output frame came from, so no timestamp guessing is involved in finding frame N.
//
// Built once per file by frame_index_builder.h and cached on disk (frame_index_cache.h).

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace sb::codecs {

using std::chrono::microseconds;

// A video packet in demux order, as the demuxer reported it.
struct IndexedPacket {
    std::int64_t pos = -1;        // byte position, -1 when the demuxer does not know it
    std::int64_t dts = INT64_MIN; // stream time base; INT64_MIN when absent (AV_NOPTS_VALUE)
    std::int64_t pts = INT64_MIN;
    bool keyframe = false;
    std::int32_t frame = -1; // the frame it yields, -1 when the decoder emits none for it

    template <class Archive>
    void serialize(Archive& ar, unsigned /*version*/) {
        ar& pos& dts& pts& keyframe& frame;
    }
};

// A frame in presentation order.
struct IndexedFrame {
    std::int64_t pts = 0;    // stream time base, as the decoder reports it
    std::int32_t packet = 0; // ordinal of the packet that carries it

    template <class Archive>
    void serialize(Archive& ar, unsigned /*version*/) {
        ar& pts& packet;
    }
};

class FrameIndex {
public:
    // Filled by the builder (and the cache loader).
    int timeBaseNum = 1;
    int timeBaseDen = 1;
    std::int64_t originUs = 0;          // session-clock zero of this file: the container's start time
    bool decodeVerified = false;        // built by decoding every frame (damaged or pts-less files)
    std::vector<IndexedPacket> packets; // demux order
    std::vector<IndexedFrame> frames;   // presentation order

    [[nodiscard]] std::int64_t frameCount() const { return static_cast<std::int64_t>(frames.size()); }
    [[nodiscard]] std::int64_t keyframeCount() const;

    // Presentation time of frame n on the file's clock (0 = the container's start).
    [[nodiscard]] microseconds frameTime(std::int64_t n) const;
    // Until the next frame; the last frame lasts the typical frame interval.
    [[nodiscard]] microseconds frameDuration(std::int64_t n) const;
    // End of the last frame.
    [[nodiscard]] microseconds videoEnd() const;
    // The frame on screen at t: the last frame starting at or before t (frame 0 before the
    // first frame starts). nullopt for t < 0, t at or past the end, or no frames.
    [[nodiscard]] std::optional<std::int64_t> frameAt(microseconds t) const;

    // The packet to start decoding at to obtain frame n: the latest keyframe at or before
    // it in decode order whose own frame is not after frame n (open GOPs).
    [[nodiscard]] std::int32_t seekPacketFor(std::int64_t n) const;

    // Median interval between frames; the frame rate when it is constant.
    [[nodiscard]] microseconds typicalFrameInterval() const;
    // frames / time they span.
    [[nodiscard]] double averageFps() const;
    // True when intervals differ by more than timestamp rounding (over 1.5 ms and 5 %).
    [[nodiscard]] bool isVariableFrameRate() const;

    // Rebuilds lookup tables after the data members were filled.
    void finalize();

    template <class Archive>
    void serialize(Archive& ar, unsigned /*version*/) {
        ar& timeBaseNum& timeBaseDen& originUs& decodeVerified& packets& frames;
    }

private:
    std::vector<std::int32_t> keyPackets_;   // ordinals of key packets that yield a frame
    std::vector<std::int64_t> frameTimesUs_; // frameTime(n), for binary search
    std::int64_t typicalIntervalUs_ = 0;
};

} // namespace sb::codecs
