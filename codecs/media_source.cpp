#include "codecs/media_source.h"

#include "codecs/media_file.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/pixdesc.h>
}

namespace sb::codecs {
namespace {

std::string orEmpty(const char* text) {
    return text ? text : "";
}

std::chrono::microseconds toMicros(std::int64_t value, AVRational timeBase) {
    return std::chrono::microseconds(
        value == AV_NOPTS_VALUE ? 0 : av_rescale_q(value, timeBase, AVRational{1, 1000000}));
}

AudioStreamInfo describeAudio(const AVStream& stream) {
    const AVCodecParameters& par = *stream.codecpar;
    AudioStreamInfo audio;
    audio.codec = avcodec_get_name(par.codec_id);
    if (const AVCodecDescriptor* descriptor = avcodec_descriptor_get(par.codec_id))
        audio.codecLongName = orEmpty(descriptor->long_name);
    audio.sampleFormat = orEmpty(av_get_sample_fmt_name(static_cast<AVSampleFormat>(par.format)));
    audio.channels = par.ch_layout.nb_channels;
    char layout[128] = {};
    if (av_channel_layout_describe(&par.ch_layout, layout, sizeof layout) > 0)
        audio.channelLayout = layout;
    audio.sampleRate = par.sample_rate;
    audio.duration = toMicros(stream.duration, stream.time_base);
    return audio;
}

VideoStreamInfo describeVideo(const AVStream& stream, const FrameIndex& index) {
    const AVCodecParameters& par = *stream.codecpar;
    VideoStreamInfo video;
    video.codec = avcodec_get_name(par.codec_id);
    if (const AVCodecDescriptor* descriptor = avcodec_descriptor_get(par.codec_id))
        video.codecLongName = orEmpty(descriptor->long_name);
    video.pixelFormat = orEmpty(av_get_pix_fmt_name(static_cast<AVPixelFormat>(par.format)));
    video.width = par.width;
    video.height = par.height;
    video.frameCount = index.frameCount();
    video.keyframeCount = index.keyframeCount();
    video.avgFps = index.averageFps();
    video.realFps = stream.r_frame_rate.den > 0 ? av_q2d(stream.r_frame_rate) : 0.0;
    video.variableFrameRate = index.isVariableFrameRate();
    video.start = index.frameTime(0);
    video.duration = index.videoEnd() - index.frameTime(0);
    video.decodeVerified = index.decodeVerified;
    return video;
}

} // namespace

MediaSource::MediaSource(const std::filesystem::path& file, const FrameIndexCache& cache) {
    MediaFile media(file);
    info_.file = file;
    info_.container = orEmpty(media.format()->iformat->name);
    info_.bitRate = media.format()->bit_rate;
    if (media.format()->duration != AV_NOPTS_VALUE)
        info_.duration = std::chrono::microseconds(media.format()->duration);
    if (const AVStream* audio = media.audioStream())
        info_.audio = describeAudio(*audio);
    if (const AVStream* video = media.videoStream()) {
        auto lookup = cache.indexFor(file);
        index_ = std::move(lookup.index);
        indexFromCache_ = lookup.fromCache;
        info_.video = describeVideo(*video, *index_);
        info_.duration = std::max(info_.duration, index_->videoEnd());
    }
}

} // namespace sb::codecs
