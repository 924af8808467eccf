#pragma once
// An open container: the demuxer and its chosen video and audio streams.
//
// Everything that reads a media file (probe, indexer, decoders) opens it through here, so
// opening errors read the same everywhere and FFmpeg's own logging stays quiet: problems
// reach the user as MediaError messages naming the file, not as lines on stderr.

#include "codecs/ffmpeg_handles.h"

#include <filesystem>

namespace sb::codecs {

class MediaFile {
public:
    // Throws MediaError("open") when the file is missing, unreadable or not media.
    explicit MediaFile(std::filesystem::path path);

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] AVFormatContext* format() const { return format_.get(); }

    // -1 when the file has no such stream.
    [[nodiscard]] int videoStreamIndex() const { return videoStream_; }
    [[nodiscard]] int audioStreamIndex() const { return audioStream_; }
    [[nodiscard]] AVStream* videoStream() const;
    [[nodiscard]] AVStream* audioStream() const;

    // A decoder for `stream`, opened with `threads` threads (0 = FFmpeg's choice).
    // Throws MediaError("open decoder") when FFmpeg has none for the codec.
    [[nodiscard]] CodecContextPtr openDecoder(const AVStream* stream, int threads) const;

    // Reads the next packet of any stream; false at the end of the file. Damaged packets are
    // skipped and the last such error is reported through `readError` (the AVERROR; 0 when
    // there was none), so callers know the file is damaged.
    bool readPacket(AVPacket* packet, int* readError = nullptr) const;

private:
    std::filesystem::path path_;
    FormatContextPtr format_;
    int videoStream_ = -1;
    int audioStream_ = -1;
};

// avcodec_receive_frame that steps over decode errors, as FFmpeg's own tools do: with frame
// threading a damaged packet's error surfaces here, ahead of good frames still queued.
// Returns 0 with a frame, else AVERROR(EAGAIN) (send more) or AVERROR_EOF (drained).
int receiveDecodedFrame(AVCodecContext* decoder, AVFrame* frame);

// Keeps FFmpeg's logging at errors-only for the whole process (called by MediaFile).
void quietFfmpegLogging();

} // namespace sb::codecs
