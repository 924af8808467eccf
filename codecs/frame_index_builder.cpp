#include "codecs/frame_index_builder.h"

#include "codecs/media_error.h"
#include "codecs/media_file.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace sb::codecs {
namespace {

// Enough decoded frames to be past any leading frames the decoder drops at the start
// (H.264 reorders at most 16 frames).
constexpr int kHeadProbeFrames = 24;

struct DecodedOutput {
    std::int32_t packet;
    std::int64_t pts;
};

// Decodes the video stream from the start, tagging each packet with its ordinal so every
// output frame names its packet. Stops after `maxOutputs` frames (0 = the whole stream).
std::vector<DecodedOutput> decodeOutputs(const std::filesystem::path& file, std::size_t maxOutputs) {
    MediaFile media(file);
    AVStream* stream = media.videoStream();
    CodecContextPtr decoder = media.openDecoder(stream, 0);
    PacketPtr packet = makePacket();
    FramePtr frame = makeFrame();
    std::vector<DecodedOutput> outputs;
    std::int32_t ordinal = 0;

    auto drain = [&] {
        while (receiveDecodedFrame(decoder.get(), frame.get()) >= 0) {
            outputs.push_back(
                {static_cast<std::int32_t>(frame->reordered_opaque), frame->best_effort_timestamp});
            av_frame_unref(frame.get());
        }
    };
    auto full = [&] { return maxOutputs != 0 && outputs.size() >= maxOutputs; };

    while (!full() && media.readPacket(packet.get())) {
        if (packet->stream_index == stream->index) {
            decoder->reordered_opaque = ordinal++;
            while (avcodec_send_packet(decoder.get(), packet.get()) == AVERROR(EAGAIN))
                drain(); // output is waiting; take it, then the packet goes in
            drain();
        }
        av_packet_unref(packet.get());
    }
    if (!full()) {
        avcodec_send_packet(decoder.get(), nullptr);
        drain();
    }
    return outputs;
}

struct DemuxPass {
    std::vector<IndexedPacket> packets;
    std::vector<bool> discarded; // the container says: decode, but do not show
    bool needsDecodePass = false;
};

DemuxPass demux(const MediaFile& media) {
    DemuxPass pass;
    const AVStream* stream = media.videoStream();
    PacketPtr packet = makePacket();
    int readError = 0;
    while (media.readPacket(packet.get(), &readError)) {
        if (packet->stream_index == stream->index) {
            IndexedPacket entry;
            entry.pos = packet->pos;
            entry.dts = packet->dts;
            entry.pts = packet->pts;
            entry.keyframe = (packet->flags & AV_PKT_FLAG_KEY) != 0;
            pass.packets.push_back(entry);
            pass.discarded.push_back((packet->flags & AV_PKT_FLAG_DISCARD) != 0);
            if (packet->pts == AV_NOPTS_VALUE || (packet->flags & AV_PKT_FLAG_CORRUPT))
                pass.needsDecodePass = true;
        }
        av_packet_unref(packet.get());
    }
    if (readError != 0)
        pass.needsDecodePass = true; // damage mid-file: only decoding tells which frames survive
    return pass;
}

// Frames from a full decode: exactly the decoder's output sequence.
void indexFromDecode(FrameIndex& index, const std::vector<DecodedOutput>& outputs) {
    std::int64_t previous = INT64_MIN;
    for (const DecodedOutput& out : outputs) {
        if (out.packet < 0 || static_cast<std::size_t>(out.packet) >= index.packets.size())
            continue; // not one of ours (cannot happen with a sane decoder)
        std::int64_t pts = out.pts;
        if (pts == AV_NOPTS_VALUE || pts <= previous)
            pts = previous == INT64_MIN ? 0 : previous + 1; // keep times strictly increasing
        previous = pts;
        IndexedPacket& packet = index.packets[static_cast<std::size_t>(out.packet)];
        if (packet.frame < 0)
            packet.frame = static_cast<std::int32_t>(index.frames.size());
        index.frames.push_back({pts, out.packet});
    }
}

// Frames from packet timestamps, less what the decoder drops at the start.
void indexFromTimestamps(FrameIndex& index, const DemuxPass& pass, const std::filesystem::path& file) {
    std::vector<bool> yields(pass.packets.size());
    for (std::size_t p = 0; p < yields.size(); ++p)
        yields[p] = !pass.discarded[p];

    const std::vector<DecodedOutput> head = decodeOutputs(file, kHeadProbeFrames);
    if (head.empty())
        throw MediaError(file, "index", "no frame of the video stream could be decoded");
    std::unordered_set<std::int32_t> produced;
    std::int64_t latestProduced = INT64_MIN;
    for (const DecodedOutput& out : head) {
        produced.insert(out.packet);
        if (out.packet >= 0 && static_cast<std::size_t>(out.packet) < index.packets.size())
            latestProduced =
                std::max(latestProduced, index.packets[static_cast<std::size_t>(out.packet)].pts);
    }
    // Anything presented before the last frame the decoder produced, yet not produced, is a
    // frame the decoder drops (undecodable start, leading frames of an open GOP).
    for (std::size_t p = 0; p < yields.size(); ++p)
        if (yields[p] && index.packets[p].pts < latestProduced &&
            !produced.contains(static_cast<std::int32_t>(p)))
            yields[p] = false;

    std::vector<std::int32_t> order;
    for (std::size_t p = 0; p < yields.size(); ++p)
        if (yields[p])
            order.push_back(static_cast<std::int32_t>(p));
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        return index.packets[static_cast<std::size_t>(a)].pts <
               index.packets[static_cast<std::size_t>(b)].pts;
    });
    for (const std::int32_t p : order) {
        index.packets[static_cast<std::size_t>(p)].frame = static_cast<std::int32_t>(index.frames.size());
        index.frames.push_back({index.packets[static_cast<std::size_t>(p)].pts, p});
    }
}

bool hasDuplicateTimestamps(const std::vector<IndexedPacket>& packets) {
    std::unordered_set<std::int64_t> seen;
    for (const IndexedPacket& p : packets)
        if (!seen.insert(p.pts).second)
            return true;
    return false;
}

} // namespace

FrameIndex buildFrameIndex(const std::filesystem::path& file) {
    MediaFile media(file);
    const AVStream* stream = media.videoStream();
    if (!stream)
        throw MediaError(file, "index", "no video stream");

    FrameIndex index;
    index.timeBaseNum = stream->time_base.num;
    index.timeBaseDen = stream->time_base.den;
    DemuxPass pass = demux(media);
    index.packets = pass.packets;
    if (index.packets.empty())
        throw MediaError(file, "index", "the video stream has no packets");

    if (pass.needsDecodePass || hasDuplicateTimestamps(index.packets)) {
        index.decodeVerified = true;
        indexFromDecode(index, decodeOutputs(file, 0));
        if (index.frames.empty())
            throw MediaError(file, "index", "no frame of the video stream could be decoded");
    } else {
        indexFromTimestamps(index, pass, file);
    }

    const AVFormatContext* format = media.format();
    if (format->start_time != AV_NOPTS_VALUE) {
        index.originUs = format->start_time; // AV_TIME_BASE is microseconds
    } else {
        index.originUs = av_rescale_q(index.frames.front().pts, stream->time_base, AVRational{1, 1000000});
    }
    index.finalize();
    return index;
}

} // namespace sb::codecs
