#include "codecs/media_file.h"

#include "codecs/media_error.h"

#include <mutex>
#include <system_error>

namespace sb::codecs {

PacketPtr makePacket() {
    PacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    return packet;
}

FramePtr makeFrame() {
    FramePtr frame(av_frame_alloc());
    if (!frame)
        throw std::bad_alloc();
    return frame;
}

void quietFfmpegLogging() {
    static std::once_flag once;
    // Decoders print a line per damaged slice; we report damage ourselves, per file and frame.
    std::call_once(once, [] { av_log_set_level(AV_LOG_QUIET); });
}

MediaFile::MediaFile(std::filesystem::path path)
    : path_(std::move(path)) {
    quietFfmpegLogging();
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec))
        throw MediaError(path_, "open", "No such file or directory");
    if (std::filesystem::is_directory(path_, ec))
        throw MediaError(path_, "open", "is a directory, not a media file");

    AVFormatContext* raw = nullptr;
    if (const int err = avformat_open_input(&raw, path_.c_str(), nullptr, nullptr); err < 0)
        throw MediaError(path_, "open", ffmpegErrorText(err));
    format_.reset(raw);
    if (const int err = avformat_find_stream_info(format_.get(), nullptr); err < 0)
        throw MediaError(path_, "open", "cannot read stream information: " + ffmpegErrorText(err));

    videoStream_ = av_find_best_stream(format_.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    // Cover art in an audio file is a single attached picture, not a video.
    if (videoStream_ >= 0 && (format_->streams[videoStream_]->disposition & AV_DISPOSITION_ATTACHED_PIC))
        videoStream_ = -1;
    audioStream_ = av_find_best_stream(format_.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (videoStream_ < 0)
        videoStream_ = -1;
    if (audioStream_ < 0)
        audioStream_ = -1;
    if (videoStream_ < 0 && audioStream_ < 0)
        throw MediaError(path_, "open", "no video or audio stream");
}

AVStream* MediaFile::videoStream() const {
    return videoStream_ >= 0 ? format_->streams[videoStream_] : nullptr;
}

AVStream* MediaFile::audioStream() const {
    return audioStream_ >= 0 ? format_->streams[audioStream_] : nullptr;
}

CodecContextPtr MediaFile::openDecoder(const AVStream* stream, int threads) const {
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec)
        throw MediaError(path_, "open decoder",
                         std::string("no decoder for codec ") + avcodec_get_name(stream->codecpar->codec_id));
    CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context)
        throw std::bad_alloc();
    if (const int err = avcodec_parameters_to_context(context.get(), stream->codecpar); err < 0)
        throw MediaError(path_, "open decoder", ffmpegErrorText(err));
    context->pkt_timebase = stream->time_base;
    context->thread_count = threads;
    context->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    if (const int err = avcodec_open2(context.get(), codec, nullptr); err < 0)
        throw MediaError(path_, "open decoder", std::string(codec->name) + ": " + ffmpegErrorText(err));
    return context;
}

int receiveDecodedFrame(AVCodecContext* decoder, AVFrame* frame) {
    constexpr int kErrorLimit = 1024; // a decoder never queues more errors than packets in flight
    for (int errors = 0; errors < kErrorLimit; ++errors) {
        const int result = avcodec_receive_frame(decoder, frame);
        if (result >= 0 || result == AVERROR(EAGAIN) || result == AVERROR_EOF)
            return result;
    }
    return AVERROR(EAGAIN);
}

bool MediaFile::readPacket(AVPacket* packet, int* readError) const {
    // Like FFmpeg's own tools, read on past a damaged packet (a truncated MP4 lists samples
    // that are no longer there): what follows may still be good. A long run of errors is
    // taken as the end, so a hostile file cannot keep us here.
    constexpr int kConsecutiveErrorLimit = 4096;
    for (int failures = 0; failures < kConsecutiveErrorLimit; ++failures) {
        const int err = av_read_frame(format_.get(), packet);
        if (err >= 0)
            return true;
        if (err == AVERROR_EOF || err == AVERROR_EXIT)
            return false;
        if (readError)
            *readError = err;
    }
    return false;
}

} // namespace sb::codecs
