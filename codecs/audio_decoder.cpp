#include "codecs/audio_decoder.h"

#include "codecs/media_error.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <algorithm>

namespace sb::codecs {
namespace {

std::int64_t samplesAt(std::int64_t us, int rate) {
    return av_rescale(us, rate, 1000000);
}

} // namespace

AudioDecoder::AudioDecoder(std::filesystem::path file, AudioOutputFormat format)
    : media_(std::move(file))
    , stream_(media_.audioStream())
    , format_(format)
    , packet_(makePacket())
    , frame_(makeFrame()) {
    if (!stream_)
        throw MediaError(media_.path(), "open", "no audio stream");
    if (format_.sampleRate <= 0 || format_.channels <= 0)
        throw std::invalid_argument("audio output needs a positive sample rate and channel count");
    decoder_ = media_.openDecoder(stream_, 1);
    for (unsigned i = 0; i < media_.format()->nb_streams; ++i)
        if (static_cast<int>(i) != stream_->index)
            media_.format()->streams[i]->discard = AVDISCARD_ALL;
    originUs_ = media_.format()->start_time != AV_NOPTS_VALUE ? media_.format()->start_time : 0;

    AVChannelLayout in{};
    if (decoder_->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default(&in, decoder_->ch_layout.nb_channels);
    else
        av_channel_layout_copy(&in, &decoder_->ch_layout);
    AVChannelLayout out{};
    av_channel_layout_default(&out, format_.channels);
    SwrContext* raw = nullptr;
    const int err = swr_alloc_set_opts2(&raw, &out, AV_SAMPLE_FMT_FLT, format_.sampleRate, &in,
                                        decoder_->sample_fmt, decoder_->sample_rate, 0, nullptr);
    av_channel_layout_uninit(&in);
    av_channel_layout_uninit(&out);
    resampler_.reset(raw);
    // A mono recording plays at full level on every speaker (FFmpeg's default is -3 dB).
    if (err >= 0 && decoder_->ch_layout.nb_channels == 1 && format_.channels > 1) {
        const std::vector<double> everyChannel(static_cast<std::size_t>(format_.channels), 1.0);
        swr_set_matrix(resampler_.get(), everyChannel.data(), 1);
    }
    if (err < 0 || swr_init(resampler_.get()) < 0)
        throw MediaError(media_.path(), "open audio resampler",
                         ffmpegErrorText(err < 0 ? err : AVERROR(EINVAL)));
}

std::chrono::microseconds AudioDecoder::position() const {
    return std::chrono::microseconds(av_rescale(nextSample_, 1000000, format_.sampleRate));
}

void AudioDecoder::seek(std::chrono::microseconds t) {
    const std::int64_t target =
        av_rescale_q(t.count() + originUs_, AVRational{1, 1000000}, stream_->time_base);
    av_seek_frame(media_.format(), stream_->index, target, AVSEEK_FLAG_BACKWARD);
    avcodec_flush_buffers(decoder_.get());
    swr_init(resampler_.get()); // drops what the resampler buffered
    pending_.clear();
    pendingOffset_ = 0;
    drained_ = false;
    timeKnown_ = false;
    trimBefore_ = samplesAt(std::max<std::int64_t>(t.count(), 0), format_.sampleRate);
    nextSample_ = trimBefore_;
}

void AudioDecoder::convert(const AVFrame* frame) {
    const int room = swr_get_out_samples(resampler_.get(), frame ? frame->nb_samples : 0);
    if (room <= 0)
        return;
    const std::size_t start = pending_.size();
    pending_.resize(start + static_cast<std::size_t>(room) * static_cast<std::size_t>(format_.channels));
    auto* out = reinterpret_cast<std::uint8_t*>(pending_.data() + start);
    const int converted =
        swr_convert(resampler_.get(), &out, room,
                    frame ? const_cast<const std::uint8_t**>(frame->extended_data) : nullptr,
                    frame ? frame->nb_samples : 0);
    pending_.resize(start + static_cast<std::size_t>(std::max(converted, 0)) *
                                static_cast<std::size_t>(format_.channels));
}

bool AudioDecoder::decodeMore() {
    while (true) {
        const int got = receiveDecodedFrame(decoder_.get(), frame_.get());
        if (got >= 0) {
            if (!timeKnown_) {
                // The first frame after a seek (or the start) fixes where the stream is.
                if (frame_->best_effort_timestamp != AV_NOPTS_VALUE) {
                    const std::int64_t us = av_rescale_q(frame_->best_effort_timestamp, stream_->time_base,
                                                         AVRational{1, 1000000}) -
                                            originUs_;
                    const auto buffered =
                        static_cast<std::int64_t>(pending_.size() - pendingOffset_) / format_.channels;
                    nextSample_ = samplesAt(us, format_.sampleRate) - buffered;
                }
                timeKnown_ = true;
            }
            convert(frame_.get());
            av_frame_unref(frame_.get());
            return true;
        }
        if (got == AVERROR_EOF) {
            if (drained_)
                return false;
            drained_ = true;
            convert(nullptr); // what the resampler still holds
            return !pending_.empty();
        }
        // EAGAIN: the decoder wants a packet.
        bool fed = false;
        while (media_.readPacket(packet_.get())) {
            const bool ours = packet_->stream_index == stream_->index;
            if (ours)
                avcodec_send_packet(decoder_.get(), packet_.get()); // a damaged packet is skipped
            av_packet_unref(packet_.get());
            if (ours) {
                fed = true;
                break;
            }
        }
        if (!fed)
            avcodec_send_packet(decoder_.get(), nullptr);
    }
}

std::size_t AudioDecoder::read(std::vector<float>& out, std::size_t maxFrames) {
    const auto channels = static_cast<std::size_t>(format_.channels);
    std::size_t produced = 0;
    while (produced < maxFrames) {
        if (pendingOffset_ >= pending_.size()) {
            pending_.clear();
            pendingOffset_ = 0;
            if (!decodeMore())
                break;
            continue;
        }
        // Samples before a seek target are not the caller's.
        const std::size_t available = (pending_.size() - pendingOffset_) / channels;
        if (nextSample_ < trimBefore_) {
            const auto skip =
                std::min<std::size_t>(available, static_cast<std::size_t>(trimBefore_ - nextSample_));
            pendingOffset_ += skip * channels;
            nextSample_ += static_cast<std::int64_t>(skip);
            continue;
        }
        const std::size_t take = std::min(available, maxFrames - produced);
        out.insert(out.end(), pending_.begin() + static_cast<std::ptrdiff_t>(pendingOffset_),
                   pending_.begin() + static_cast<std::ptrdiff_t>(pendingOffset_ + take * channels));
        pendingOffset_ += take * channels;
        nextSample_ += static_cast<std::int64_t>(take);
        produced += take;
    }
    return produced;
}

WaveformPeaks computeWaveform(const std::filesystem::path& file, std::chrono::microseconds bucket) {
    if (bucket.count() <= 0)
        throw std::invalid_argument("waveform bucket must be positive");
    MediaFile probe(file);
    const AVStream* stream = probe.audioStream();
    if (!stream)
        throw MediaError(file, "waveform", "no audio stream");
    const int rate = std::max(stream->codecpar->sample_rate, 8000);
    AudioDecoder decoder(file, AudioOutputFormat{rate, 1});
    WaveformPeaks peaks;
    peaks.bucket = bucket;
    const auto perBucket = std::max<std::int64_t>(1, samplesAt(bucket.count(), rate));
    std::vector<float> chunk;
    std::int64_t inBucket = 0;
    while (true) {
        chunk.clear();
        if (decoder.read(chunk, 65536) == 0)
            break;
        for (const float sample : chunk) {
            if (inBucket == 0) {
                peaks.minimum.push_back(sample);
                peaks.maximum.push_back(sample);
            } else {
                peaks.minimum.back() = std::min(peaks.minimum.back(), sample);
                peaks.maximum.back() = std::max(peaks.maximum.back(), sample);
            }
            inBucket = (inBucket + 1) % perBucket;
        }
    }
    return peaks;
}

} // namespace sb::codecs
