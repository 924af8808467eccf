#include "codecs/clip/clip_writer.h"

#include "codecs/media_error.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace sb::clip {
namespace {

constexpr const char* kStage = "write clip";

// An empty file with a unique name beside `output`, so the final rename stays on one file
// system (and so is atomic). Hidden, and named after the clip, so a user who sees it during
// a long export knows what it is.
std::filesystem::path createTemporary(const std::filesystem::path& output) {
    const std::filesystem::path dir =
        output.parent_path().empty() ? std::filesystem::path(".") : output.parent_path();
    std::string pattern = (dir / ("." + output.filename().string() + ".part-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throw codecs::MediaError(
            output, kStage,
            fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno)));
    ::close(fd);
    return pattern;
}

} // namespace

void OutputContextDeleter::operator()(AVFormatContext* c) const {
    if (c->pb && !(c->oformat->flags & AVFMT_NOFILE))
        avio_closep(&c->pb);
    avformat_free_context(c);
}

ClipWriter::ClipWriter(std::filesystem::path output, const ClipVideoFormat& video,
                       const ClipAudioFormat* audio, bool overwrite)
    : output_(std::move(output))
    , overwrite_(overwrite)
    , videoFrame_(codecs::makeFrame())
    , audioFrame_(codecs::makeFrame())
    , packet_(codecs::makePacket()) {
    std::error_code error;
    if (!overwrite && std::filesystem::exists(output_, error))
        throw codecs::MediaError(output_, kStage, "exists (choose another name, or allow replacing it)");
    if (video.width < 2 || video.height < 2)
        throw codecs::MediaError(output_, kStage, "the picture is too small to encode");
    temporary_ = createTemporary(output_);
    // From here on the destructor removes the temporary file on any failure.
    try {
        AVFormatContext* raw = nullptr;
        if (avformat_alloc_output_context2(&raw, nullptr, "mp4", temporary_.c_str()) < 0 || !raw)
            fail("FFmpeg has no MP4 muxer");
        muxer_.reset(raw);
        // Bit-exact: the muxer writes no encoder tag and no creation time of its own.
        muxer_->flags |= AVFMT_FLAG_BITEXACT;

        const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
        if (!h264)
            h264 = avcodec_find_encoder(AV_CODEC_ID_H264);
        if (!h264)
            fail("FFmpeg has no H.264 encoder (Debian's libavcodec brings libx264)");
        videoEncoder_.reset(avcodec_alloc_context3(h264));
        AVCodecContext* v = videoEncoder_.get();
        v->width = video.width & ~1;
        v->height = video.height & ~1;
        v->pix_fmt = AV_PIX_FMT_YUV420P;
        v->time_base = video.timeBase;
        v->framerate = video.frameRate;
        v->sample_aspect_ratio = AVRational{1, 1};
        const bool hd = v->height >= 720;
        v->colorspace = hd ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
        v->color_primaries = hd ? AVCOL_PRI_BT709 : AVCOL_PRI_SMPTE170M;
        v->color_trc = hd ? AVCOL_TRC_BT709 : AVCOL_TRC_SMPTE170M;
        v->color_range = AVCOL_RANGE_MPEG;
        v->flags |= AV_CODEC_FLAG_BITEXACT;
        if (muxer_->oformat->flags & AVFMT_GLOBALHEADER)
            v->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        av_opt_set(v->priv_data, "preset", video.preset.c_str(), 0);
        av_opt_set(v->priv_data, "crf", std::to_string(video.crf).c_str(), 0);
        if (int rc = avcodec_open2(v, h264, nullptr); rc < 0)
            fail("cannot open the H.264 encoder: " + codecs::ffmpegErrorText(rc));
        videoStream_ = avformat_new_stream(muxer_.get(), nullptr);
        if (!videoStream_)
            fail("out of memory");
        avcodec_parameters_from_context(videoStream_->codecpar, v);
        videoStream_->time_base = v->time_base;
        videoStream_->avg_frame_rate = video.frameRate;

        scaler_.reset(sws_getContext(v->width, v->height, AV_PIX_FMT_RGB24, v->width, v->height,
                                     AV_PIX_FMT_YUV420P, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr,
                                     nullptr));
        if (!scaler_)
            fail("cannot convert RGB to YUV");
        const int* matrix = sws_getCoefficients(hd ? SWS_CS_ITU709 : SWS_CS_ITU601);
        sws_setColorspaceDetails(scaler_.get(), matrix, 1, matrix, 0, 0, 1 << 16, 1 << 16);
        videoFrame_->format = v->pix_fmt;
        videoFrame_->width = v->width;
        videoFrame_->height = v->height;
        if (av_frame_get_buffer(videoFrame_.get(), 0) < 0)
            fail("out of memory");

        if (audio) {
            const AVCodec* aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
            if (!aac)
                fail("FFmpeg has no AAC encoder");
            audioEncoder_.reset(avcodec_alloc_context3(aac));
            AVCodecContext* a = audioEncoder_.get();
            a->sample_fmt = AV_SAMPLE_FMT_FLTP;
            a->sample_rate = audio->sampleRate;
            av_channel_layout_default(&a->ch_layout, audio->channels);
            a->bit_rate = audio->bitRate;
            a->time_base = AVRational{1, audio->sampleRate};
            a->flags |= AV_CODEC_FLAG_BITEXACT;
            if (muxer_->oformat->flags & AVFMT_GLOBALHEADER)
                a->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
            if (int rc = avcodec_open2(a, aac, nullptr); rc < 0)
                fail("cannot open the AAC encoder: " + codecs::ffmpegErrorText(rc));
            audioStream_ = avformat_new_stream(muxer_.get(), nullptr);
            if (!audioStream_)
                fail("out of memory");
            avcodec_parameters_from_context(audioStream_->codecpar, a);
            audioStream_->time_base = a->time_base;
            audioChannels_ = audio->channels;
        }

        if (int rc = avio_open(&muxer_->pb, temporary_.c_str(), AVIO_FLAG_WRITE); rc < 0)
            fail("cannot open the file: " + codecs::ffmpegErrorText(rc));
        AVDictionary* options = nullptr;
        av_dict_set(&options, "movflags", "+faststart", 0); // playable while it downloads
        const int rc = avformat_write_header(muxer_.get(), &options);
        av_dict_free(&options);
        if (rc < 0)
            fail("cannot write the MP4 header: " + codecs::ffmpegErrorText(rc));
    } catch (...) {
        muxer_.reset();
        std::filesystem::remove(temporary_, error);
        throw;
    }
}

ClipWriter::~ClipWriter() {
    if (finished_)
        return;
    muxer_.reset(); // closes the file first
    std::error_code error;
    std::filesystem::remove(temporary_, error);
}

void ClipWriter::fail(const std::string& detail) const {
    throw codecs::MediaError(output_, kStage, detail);
}

void ClipWriter::encode(AVCodecContext* encoder, AVStream* stream, const AVFrame* frame) {
    if (int rc = avcodec_send_frame(encoder, frame); rc < 0)
        fail("encoding failed: " + codecs::ffmpegErrorText(rc));
    for (;;) {
        const int rc = avcodec_receive_packet(encoder, packet_.get());
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
            return;
        if (rc < 0)
            fail("encoding failed: " + codecs::ffmpegErrorText(rc));
        av_packet_rescale_ts(packet_.get(), encoder->time_base, stream->time_base);
        packet_->stream_index = stream->index;
        if (int w = av_interleaved_write_frame(muxer_.get(), packet_.get()); w < 0)
            fail("cannot write to the file: " + codecs::ffmpegErrorText(w));
    }
}

void ClipWriter::writeVideo(const codecs::RgbImage& picture, std::int64_t pts) {
    AVCodecContext* v = videoEncoder_.get();
    if (picture.width < v->width || picture.height < v->height)
        fail("a picture is smaller than the clip's first");
    if (av_frame_make_writable(videoFrame_.get()) < 0)
        fail("out of memory");
    const std::uint8_t* source[4] = {picture.pixels.data(), nullptr, nullptr, nullptr};
    const int strides[4] = {picture.width * 3, 0, 0, 0};
    sws_scale(scaler_.get(), source, strides, 0, v->height, videoFrame_->data, videoFrame_->linesize);
    videoFrame_->pts = pts;
    encode(v, videoStream_, videoFrame_.get());
    ++videoFrames_;
}

void ClipWriter::encodeAudioFrame(int samples) {
    AVCodecContext* a = audioEncoder_.get();
    AVFrame* f = audioFrame_.get();
    av_frame_unref(f);
    f->format = a->sample_fmt;
    f->sample_rate = a->sample_rate;
    av_channel_layout_copy(&f->ch_layout, &a->ch_layout);
    f->nb_samples = samples;
    if (av_frame_get_buffer(f, 0) < 0)
        fail("out of memory");
    for (int c = 0; c < audioChannels_; ++c) {
        auto* plane = reinterpret_cast<float*>(f->data[c]);
        for (int s = 0; s < samples; ++s)
            plane[s] = audioPending_[static_cast<std::size_t>(s * audioChannels_ + c)];
    }
    audioPending_.erase(audioPending_.begin(),
                        audioPending_.begin() + static_cast<std::ptrdiff_t>(samples) * audioChannels_);
    f->pts = audioPts_;
    audioPts_ += samples;
    encode(a, audioStream_, f);
}

void ClipWriter::writeAudio(const float* samples, std::size_t frames) {
    if (!audioEncoder_)
        fail("the clip has no audio track");
    audioPending_.insert(audioPending_.end(), samples,
                         samples + frames * static_cast<std::size_t>(audioChannels_));
    audioSamples_ += static_cast<std::int64_t>(frames);
    const int frameSize = audioEncoder_->frame_size > 0 ? audioEncoder_->frame_size : 1024;
    while (audioPending_.size() >= static_cast<std::size_t>(frameSize * audioChannels_))
        encodeAudioFrame(frameSize);
}

void ClipWriter::finish() {
    if (finished_)
        return;
    encode(videoEncoder_.get(), videoStream_, nullptr);
    if (audioEncoder_) {
        if (!audioPending_.empty()) {
            const int frameSize = audioEncoder_->frame_size > 0 ? audioEncoder_->frame_size : 1024;
            const int left = static_cast<int>(audioPending_.size()) / audioChannels_;
            if (!(audioEncoder_->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME))
                audioPending_.resize(static_cast<std::size_t>(frameSize * audioChannels_), 0.0f);
            encodeAudioFrame(audioEncoder_->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME ? left
                                                                                                : frameSize);
        }
        encode(audioEncoder_.get(), audioStream_, nullptr);
    }
    if (int rc = av_write_trailer(muxer_.get()); rc < 0)
        fail("cannot finish the file: " + codecs::ffmpegErrorText(rc));
    if (int rc = avio_closep(&muxer_->pb); rc < 0)
        fail("cannot close the file: " + codecs::ffmpegErrorText(rc));
    std::error_code error;
    // Into place: replacing (atomic rename), or never replacing (link fails if the name was
    // taken since the export started).
    if (overwrite_) {
        std::filesystem::rename(temporary_, output_, error);
    } else if (::link(temporary_.c_str(), output_.c_str()) == 0) {
        std::filesystem::remove(temporary_, error);
        error.clear();
    } else if (errno == EEXIST) {
        fail("exists (it was created while the clip was exported)");
    } else if (!std::filesystem::exists(output_, error)) {
        std::filesystem::rename(temporary_, output_, error); // a file system without hard links
    } else {
        fail("exists (it was created while the clip was exported)");
    }
    if (error)
        fail("cannot move the finished clip into place: " + error.message());
    finished_ = true;
}

} // namespace sb::clip
