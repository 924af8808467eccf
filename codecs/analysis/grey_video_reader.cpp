#include "codecs/analysis/grey_video_reader.h"

#include "codecs/media_error.h"

#include <algorithm>
#include <cmath>

namespace sb::analysis {

GreyVideoReader::GreyVideoReader(const std::filesystem::path& file, const codecs::FrameIndex& index,
                                 int width, int decoderThreads)
    : media_(file)
    , index_(index)
    , stream_(media_.videoStream())
    , packet_(codecs::makePacket())
    , frame_(codecs::makeFrame())
    , emittedPerPacket_(index.packets.size(), 0) {
    if (!stream_)
        throw codecs::MediaError(file, "analysis", "no video stream");
    sourceWidth_ = stream_->codecpar->width;
    sourceHeight_ = stream_->codecpar->height;
    if (sourceWidth_ <= 0 || sourceHeight_ <= 0)
        throw codecs::MediaError(file, "analysis", "the video stream has no picture size");
    width_ = std::clamp(width, 1, sourceWidth_);
    height_ = std::max(
        1, static_cast<int>(std::lround(static_cast<double>(sourceHeight_) * width_ / sourceWidth_)));
    decoder_ = media_.openDecoder(stream_, decoderThreads);
    for (unsigned i = 0; i < media_.format()->nb_streams; ++i)
        if (static_cast<int>(i) != stream_->index)
            media_.format()->streams[i]->discard = AVDISCARD_ALL;
}

void GreyVideoReader::toGrey(const AVFrame& frame, cv::Mat& grey) {
    if (!scaler_ || frame.width != scalerWidth_ || frame.height != scalerHeight_ ||
        frame.format != scalerFormat_) {
        scaler_.reset(sws_getContext(frame.width, frame.height, static_cast<AVPixelFormat>(frame.format),
                                     width_, height_, AV_PIX_FMT_GRAY8, SWS_AREA, nullptr, nullptr, nullptr));
        if (!scaler_)
            throw codecs::MediaError(media_.path(), "analysis", "cannot scale this picture format to grey");
        scalerWidth_ = frame.width;
        scalerHeight_ = frame.height;
        scalerFormat_ = frame.format;
    }
    grey.create(height_, width_, CV_8UC1);
    std::uint8_t* planes[] = {grey.data};
    const int strides[] = {static_cast<int>(grey.step[0])};
    sws_scale(scaler_.get(), frame.data, frame.linesize, 0, frame.height, planes, strides);
}

bool GreyVideoReader::receive(std::int64_t& number, cv::Mat& grey) {
    const auto& packets = index_.packets;
    while (codecs::receiveDecodedFrame(decoder_.get(), frame_.get()) >= 0) {
        const auto ordinal = static_cast<std::int64_t>(frame_->reordered_opaque);
        if (ordinal >= 0 && static_cast<std::size_t>(ordinal) < packets.size() &&
            packets[static_cast<std::size_t>(ordinal)].frame >= 0) {
            const auto p = static_cast<std::size_t>(ordinal);
            const std::int64_t n = packets[p].frame + emittedPerPacket_[p]++;
            if (n < index_.frameCount()) {
                number = n;
                grey.release(); // a fresh buffer: the last one now belongs to the caller
                toGrey(*frame_, grey);
                av_frame_unref(frame_.get());
                return true;
            }
        }
        av_frame_unref(frame_.get());
    }
    return false;
}

bool GreyVideoReader::next(std::int64_t& number, cv::Mat& grey) {
    while (true) {
        if (receive(number, grey))
            return true;
        if (drained_)
            return false;
        if (!pending_) {
            bool read = false;
            while (!read && media_.readPacket(packet_.get())) {
                read = packet_->stream_index == stream_->index;
                if (!read)
                    av_packet_unref(packet_.get());
            }
            if (!read) {
                avcodec_send_packet(decoder_.get(), nullptr); // drain what the decoder holds
                drained_ = true;
                continue;
            }
            decoder_->reordered_opaque = nextPacket_++;
            pending_ = true;
        }
        // EAGAIN: the decoder has output to give first (receive takes it next round). Any
        // other error is a damaged packet: skipped as FFmpeg's own tools do, its frame missing.
        if (avcodec_send_packet(decoder_.get(), packet_.get()) == AVERROR(EAGAIN))
            continue;
        av_packet_unref(packet_.get());
        pending_ = false;
    }
}

} // namespace sb::analysis
