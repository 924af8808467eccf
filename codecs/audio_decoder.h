#pragma once
// Audio for playback and for the timeline's waveform: decoded and resampled to interleaved
// float PCM, streaming (never the whole file in memory).

#include "codecs/ffmpeg_handles.h"
#include "codecs/media_file.h"

#include <chrono>
#include <filesystem>
#include <vector>

namespace sb::codecs {

struct AudioOutputFormat {
    int sampleRate = 48000;
    int channels = 2; // 1 mixes down
};

class AudioDecoder {
public:
    // Throws MediaError("open", "no audio stream") for a file without audio.
    explicit AudioDecoder(std::filesystem::path file, AudioOutputFormat format = {});

    // The next read starts at t on the file's clock (samples before t are trimmed).
    void seek(std::chrono::microseconds t);
    // Appends up to `maxFrames` sample frames (one sample per channel each) to `out`;
    // returns how many, 0 at the end of the stream.
    std::size_t read(std::vector<float>& out, std::size_t maxFrames);
    // Time of the next sample read() returns.
    [[nodiscard]] std::chrono::microseconds position() const;
    [[nodiscard]] const AudioOutputFormat& format() const { return format_; }

private:
    bool decodeMore();
    void convert(const AVFrame* frame);

    MediaFile media_;
    AVStream* stream_;
    AudioOutputFormat format_;
    CodecContextPtr decoder_;
    SwrContextPtr resampler_;
    PacketPtr packet_;
    FramePtr frame_;
    std::vector<float> pending_;    // converted, not yet read
    std::size_t pendingOffset_ = 0; // in floats
    std::int64_t nextSample_ = 0;   // output-rate sample index of the next sample read() returns
    std::int64_t trimBefore_ = 0;   // samples before this index are dropped after a seek
    bool timeKnown_ = false;        // nextSample_ was set from a decoded frame's timestamp
    bool drained_ = false;
    std::int64_t originUs_ = 0;
};

// Min and max of the mono mix per bucket of `bucket` duration, for a waveform track.
struct WaveformPeaks {
    std::chrono::microseconds bucket{0};
    std::vector<float> minimum;
    std::vector<float> maximum;
};

WaveformPeaks computeWaveform(const std::filesystem::path& file, std::chrono::microseconds bucket);

} // namespace sb::codecs
