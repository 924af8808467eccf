#include "codecs/video_decoder.h"

#include "codecs/media_error.h"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <fmt/core.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

namespace sb::codecs {
namespace {

// How far back to retry when a seek lands past the keyframe it asked for.
constexpr int kSeekAttempts = 3;

template <class Field>
bool uniqueAndPresent(const std::vector<IndexedPacket>& packets, Field field, std::int64_t absent) {
    std::unordered_set<std::int64_t> seen;
    seen.reserve(packets.size());
    for (const IndexedPacket& p : packets)
        if (field(p) == absent || !seen.insert(field(p)).second)
            return false;
    return true;
}

} // namespace

VideoDecoder::VideoDecoder(std::filesystem::path file, std::shared_ptr<const FrameIndex> index,
                           VideoDecoderOptions options)
    : media_(std::move(file))
    , index_(std::move(index))
    , options_(options)
    , stream_(media_.videoStream())
    , packet_(makePacket())
    , frame_(makeFrame())
    , cache_(options.cacheBytes) {
    if (!stream_)
        throw MediaError(media_.path(), "open", "no video stream");
    if (!index_ || index_->frames.empty())
        throw MediaError(media_.path(), "open", "the frame index is empty");
    decoder_ = media_.openDecoder(stream_, options_.threads);
    for (unsigned i = 0; i < media_.format()->nb_streams; ++i)
        if (static_cast<int>(i) != stream_->index)
            media_.format()->streams[i]->discard = AVDISCARD_ALL; // the demuxer may skip them

    // After a seek the demuxer's packets are recognised by the most reliable field the
    // index has: byte position, else decode timestamp, else presentation timestamp.
    const auto& packets = index_->packets;
    auto record = [&](PacketKey key, auto field) {
        key_ = key;
        for (std::size_t p = 0; p < packets.size(); ++p)
            packetByKey_.emplace(field(packets[p]), static_cast<std::int32_t>(p));
    };
    auto pos = [](const IndexedPacket& p) { return p.pos; };
    auto dts = [](const IndexedPacket& p) { return p.dts; };
    auto pts = [](const IndexedPacket& p) { return p.pts; };
    if (uniqueAndPresent(packets, pos, -1))
        record(PacketKey::Position, pos);
    else if (uniqueAndPresent(packets, dts, AV_NOPTS_VALUE))
        record(PacketKey::Dts, dts);
    else if (uniqueAndPresent(packets, pts, AV_NOPTS_VALUE))
        record(PacketKey::Pts, pts);
}

VideoDecoder::~VideoDecoder() = default;

std::optional<std::int32_t> VideoDecoder::identify(const AVPacket& packet) const {
    std::int64_t value = 0;
    switch (key_) {
    case PacketKey::Position:
        value = packet.pos;
        break;
    case PacketKey::Dts:
        value = packet.dts;
        break;
    case PacketKey::Pts:
        value = packet.pts;
        break;
    case PacketKey::Sequence:
        return std::nullopt;
    }
    const auto it = packetByKey_.find(value);
    if (it == packetByKey_.end())
        return std::nullopt;
    return it->second;
}

bool VideoDecoder::demuxerSeek(std::int64_t timestamp) {
    return av_seek_frame(media_.format(), stream_->index, timestamp, AVSEEK_FLAG_BACKWARD) >= 0;
}

void VideoDecoder::seekToPacket(std::int32_t target) {
    ++stats_.seeks;
    avcodec_flush_buffers(decoder_.get());
    emittedPerPacket_.clear();
    lastEmitted_ = -1;
    endOfStream_ = false;
    positioned_ = false;
    av_packet_unref(packet_.get());

    const auto& packets = index_->packets;
    auto timestampOf = [&](std::int32_t p) {
        const IndexedPacket& entry = packets[static_cast<std::size_t>(p)];
        return entry.dts != AV_NOPTS_VALUE ? entry.dts : entry.pts;
    };
    // Seek at or before `target`, then read forward to it without feeding the decoder.
    // A landing past the target retries from an earlier keyframe, finally from the start.
    std::int32_t aim = target;
    for (int attempt = 0; attempt <= kSeekAttempts; ++attempt) {
        const bool fromStart = attempt == kSeekAttempts || key_ == PacketKey::Sequence || aim == 0;
        const bool sought = fromStart ? (demuxerSeek(timestampOf(0)) ||
                                         av_seek_frame(media_.format(), -1, 0, AVSEEK_FLAG_BYTE) >= 0)
                                      : demuxerSeek(timestampOf(aim));
        if (!sought && !fromStart) {
            aim = 0;
            continue;
        }
        std::int32_t sequence = 0; // for files whose packets cannot be recognised
        bool overshot = false;
        while (media_.readPacket(packet_.get())) {
            if (packet_->stream_index != stream_->index) {
                av_packet_unref(packet_.get());
                continue;
            }
            const auto ordinal = key_ == PacketKey::Sequence ? std::optional(sequence++) : identify(*packet_);
            if (ordinal && *ordinal == target) {
                nextPacket_ = target;
                positioned_ = true; // packet_ holds the keyframe, fed first by feedOnePacket
                return;
            }
            av_packet_unref(packet_.get());
            if (ordinal && *ordinal > target) {
                overshot = true;
                break;
            }
        }
        if (!overshot)
            break; // the file ended before the packet: nothing earlier will help
        // Try one keyframe earlier (the demuxer's own index may be coarser than ours).
        std::int32_t earlier = aim - 1;
        while (earlier > 0 && !packets[static_cast<std::size_t>(earlier)].keyframe)
            --earlier;
        aim = std::max(earlier, 0);
    }
    throw MediaError(media_.path(), fmt::format("seek to packet {}", target),
                     "the demuxer could not return to it");
}

std::optional<DecodedFrame> VideoDecoder::receiveFrames(std::int64_t target, std::int64_t keepFrom) {
    const auto& packets = index_->packets;
    while (receiveDecodedFrame(decoder_.get(), frame_.get()) >= 0) {
        const auto ordinal = static_cast<std::int32_t>(frame_->reordered_opaque);
        if (ordinal >= 0 && static_cast<std::size_t>(ordinal) < packets.size() &&
            packets[static_cast<std::size_t>(ordinal)].frame >= 0) {
            const std::int64_t number =
                packets[static_cast<std::size_t>(ordinal)].frame + emittedPerPacket_[ordinal]++;
            ++stats_.framesDecoded;
            lastEmitted_ = number;
            if (number < index_->frameCount() && (number >= keepFrom || number == target)) {
                DecodedFrame decoded{number, index_->frameTime(number), shareFrame(frame_.get())};
                cache_.insert(decoded);
                if (number == target)
                    found_ = decoded;
            }
        }
        av_frame_unref(frame_.get());
    }
    return found_;
}

bool VideoDecoder::feedOnePacket(std::int64_t target, std::int64_t keepFrom) {
    // packet_ may already hold the keyframe a seek stopped at.
    while (!packet_->data || packet_->stream_index != stream_->index) {
        av_packet_unref(packet_.get());
        if (!media_.readPacket(packet_.get())) {
            avcodec_send_packet(decoder_.get(), nullptr); // drain what the decoder holds
            receiveFrames(target, keepFrom);
            endOfStream_ = true;
            return false;
        }
    }
    const std::int32_t ordinal = identify(*packet_).value_or(nextPacket_);
    nextPacket_ = ordinal + 1;
    const auto& packets = index_->packets;
    const std::int32_t yields = static_cast<std::size_t>(ordinal) < packets.size()
                                    ? packets[static_cast<std::size_t>(ordinal)].frame
                                    : -1;
    // Frames before the ones we keep are needed only as references, if at all.
    decoder_->skip_frame = (yields >= 0 && yields < keepFrom) ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
    decoder_->reordered_opaque = ordinal;
    while (avcodec_send_packet(decoder_.get(), packet_.get()) == AVERROR(EAGAIN))
        receiveFrames(target, keepFrom);
    // Any other send error is a damaged packet: like FFmpeg itself, go on without its frame.
    av_packet_unref(packet_.get());
    receiveFrames(target, keepFrom);
    return true;
}

std::optional<DecodedFrame> VideoDecoder::decodeUntil(std::int64_t target, std::int64_t keepFrom) {
    found_.reset();
    while (!found_ && lastEmitted_ <= target && !endOfStream_)
        feedOnePacket(target, keepFrom);
    return found_;
}

std::int64_t VideoDecoder::backwardWindow(std::int64_t target) const {
    const AVCodecParameters* par = stream_->codecpar;
    const int frameBytes =
        av_image_get_buffer_size(static_cast<AVPixelFormat>(par->format), par->width, par->height, 1);
    if (frameBytes <= 0)
        return 0;
    // Half the budget, so the frames just stepped through stay cached too.
    const auto frames = static_cast<std::int64_t>(cache_.budget() / static_cast<std::size_t>(frameBytes) / 2);
    return std::clamp<std::int64_t>(frames, 0, target);
}

DecodedFrame VideoDecoder::frame(std::int64_t n) {
    if (n < 0 || n >= index_->frameCount())
        throw std::out_of_range(fmt::format("{}: frame {} does not exist (the video has {} frames)",
                                            media_.path().string(), n, index_->frameCount()));
    if (auto hit = cache_.find(n)) {
        ++stats_.cacheHits;
        lastReturned_ = n;
        return *hit;
    }
    // Stepping backward: decode the stretch before n fully, so the next steps are cache hits.
    const bool steppingBackward = cache_.contains(n + 1);
    const std::int64_t keepFrom = steppingBackward ? n - backwardWindow(n) : n;
    const std::int32_t keyPacket = index_->seekPacketFor(n);
    const bool canContinue = positioned_ && !endOfStream_ && n > lastEmitted_ && keyPacket <= nextPacket_;
    if (!canContinue)
        seekToPacket(keyPacket);
    auto decoded = decodeUntil(n, keepFrom);
    if (!decoded && keyPacket > 0) {
        seekToPacket(0); // the keyframe did not lead to n: try the slow, sure way once
        decoded = decodeUntil(n, keepFrom);
    }
    if (!decoded) {
        positioned_ = false;
        throw MediaError(media_.path(), fmt::format("decode error at frame {}", n),
                         "the decoder did not produce this frame");
    }
    lastReturned_ = n;
    return *decoded;
}

std::optional<DecodedFrame> VideoDecoder::frameAt(std::chrono::microseconds t) {
    const auto n = index_->frameAt(t);
    if (!n)
        return std::nullopt;
    return frame(*n);
}

DecodedFrame VideoDecoder::stepForward() {
    return frame(std::min(lastReturned_ + 1, index_->frameCount() - 1));
}

DecodedFrame VideoDecoder::stepBackward() {
    return frame(std::max<std::int64_t>(lastReturned_ - 1, 0));
}

} // namespace sb::codecs
