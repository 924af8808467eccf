#include "codecs/clip/clip_export.h"

#include "codecs/audio_decoder.h"
#include "codecs/clip/clip_writer.h"
#include "codecs/clip/face_analysis.h"
#include "codecs/clip/frame_renderer.h"
#include "codecs/media_error.h"
#include "codecs/media_file.h"
#include "codecs/video_decoder.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace sb::clip {
namespace {

using std::chrono::microseconds;

// The audio track's format: the source's rate when AAC takes it, mono or stereo.
ClipAudioFormat audioFormatFor(const std::filesystem::path& source, const ClipSettings& settings,
                               bool* hasAudio) {
    ClipAudioFormat format;
    format.bitRate = settings.audioBitRate;
    codecs::MediaFile media(source);
    const AVStream* stream = media.audioStream();
    *hasAudio = stream != nullptr;
    if (!stream)
        return format;
    static constexpr int kAacRates[] = {96000, 88200, 64000, 48000, 44100, 32000,
                                        24000, 22050, 16000, 12000, 11025, 8000};
    const int rate = stream->codecpar->sample_rate;
    if (std::find(std::begin(kAacRates), std::end(kAacRates), rate) != std::end(kAacRates))
        format.sampleRate = rate;
    format.channels = std::clamp(stream->codecpar->ch_layout.nb_channels, 1, 2);
    return format;
}

// Source audio (or silence) for the clip, fed to the writer in step with the video.
class ClipAudio {
public:
    ClipAudio(const std::filesystem::path& source, const ClipAudioFormat& format, bool fromSource,
              microseconds start)
        : format_(format) {
        if (fromSource) {
            decoder_.emplace(source, codecs::AudioOutputFormat{format.sampleRate, format.channels});
            decoder_->seek(start);
        }
    }

    // Writes samples up to clip time `until` (samples are counted, so rounding never drifts).
    void writeUntil(ClipWriter& writer, microseconds until) {
        const std::int64_t target = (until.count() * format_.sampleRate + 500000) / 1000000;
        while (written_ < target) {
            const auto want = static_cast<std::size_t>(std::min<std::int64_t>(target - written_, 4096));
            buffer_.clear();
            std::size_t got = 0;
            if (decoder_ && !sourceEnded_) {
                got = decoder_->read(buffer_, want);
                if (got == 0)
                    sourceEnded_ = true; // the source's sound ends before its picture: silence
            }
            if (got == 0) {
                got = want;
                buffer_.assign(want * static_cast<std::size_t>(format_.channels), 0.0f);
            }
            writer.writeAudio(buffer_.data(), got);
            written_ += static_cast<std::int64_t>(got);
        }
    }

    [[nodiscard]] std::int64_t written() const { return written_; }

private:
    ClipAudioFormat format_;
    std::optional<codecs::AudioDecoder> decoder_;
    std::vector<float> buffer_;
    std::int64_t written_ = 0;
    bool sourceEnded_ = false;
};

} // namespace

ClipSummary exportClip(const ClipSettings& settings, const std::filesystem::path& output,
                       std::shared_ptr<const codecs::FrameIndex> index,
                       std::shared_ptr<const vision::FaceTracks> faces, const ProgressCallback& progress,
                       std::stop_token stop) {
    if (!index)
        throw codecs::MediaError(settings.source, "clip", "no frame index");
    const FrameRange range = settings.range;
    checkFrameRange(*index, range, settings.source);
    if (output.empty())
        throw codecs::MediaError(output, "write clip", "no output file named");
    settings.regions.validate(settings.source);
    const std::int64_t count = range.count();

    // Faces first (face_tracks.h: the whole range is seen before anything is blurred).
    const bool analyse = settings.blurFaces && !faces;
    const double encodeFrom = analyse ? 0.5 : 0.0;
    if (analyse) {
        auto report = [&](const ClipProgress& p) {
            if (progress)
                progress({ClipProgress::Stage::Faces, p.done, p.total, p.fraction * 0.5});
        };
        faces = analyseFaces(settings.source, index, range, settings.faces, report, stop);
    }
    if (settings.blurFaces && faces->frameCount() != count)
        throw std::invalid_argument(
            fmt::format("the face tracks cover {} frames, the range {}", faces->frameCount(), count));
    if (stop.stop_requested())
        throw ClipCancelled();

    codecs::VideoDecoder decoder(settings.source, index, codecs::VideoDecoderOptions{32u << 20, 0});
    const codecs::DecodedFrame first = decoder.frame(range.first);

    ClipVideoFormat video;
    video.width = first.width();
    video.height = first.height();
    video.timeBase = AVRational{index->timeBaseNum, index->timeBaseDen};
    const double fps = index->averageFps();
    video.frameRate = fps > 0 ? av_d2q(fps, 100000) : AVRational{25, 1};
    video.crf = settings.crf;
    video.preset = settings.preset;

    bool sourceHasAudio = false;
    const ClipAudioFormat audioFormat = audioFormatFor(settings.source, settings, &sourceHasAudio);
    const bool withAudio =
        settings.audio == AudioMode::Mute || (settings.audio == AudioMode::Keep && sourceHasAudio);

    const microseconds clipStart = index->frameTime(range.first);
    const microseconds clipEnd = index->frameTime(range.last) + index->frameDuration(range.last);
    ClipWriter writer(output, video, withAudio ? &audioFormat : nullptr, settings.overwrite);
    std::optional<ClipAudio> audio;
    if (withAudio)
        audio.emplace(settings.source, audioFormat, settings.audio == AudioMode::Keep, clipStart);

    FrameRenderer renderer(settings);
    static const std::vector<vision::FaceCover> noFaces;
    ClipSummary summary;
    const std::int64_t firstPts = index->frames[static_cast<std::size_t>(range.first)].pts;
    std::int64_t lastPts = -1;
    for (std::int64_t i = 0; i < count; ++i) {
        if (stop.stop_requested())
            throw ClipCancelled(); // the writer's destructor removes the temporary file
        const std::int64_t n = range.first + i;
        const codecs::DecodedFrame frame = i == 0 ? first : decoder.stepForward();
        if (frame.number != n)
            throw codecs::MediaError(settings.source, fmt::format("decode error at frame {}", n),
                                     fmt::format("the decoder returned frame {}", frame.number));
        const RenderedFrame rendered = renderer.render(frame, index->frameDuration(n), i, clipStart,
                                                       settings.blurFaces ? faces->at(i) : noFaces);
        summary.regionAreas += rendered.regionAreas;
        // Source timestamps, shifted to start at 0: variable frame rates stay as they were.
        std::int64_t pts = index->frames[static_cast<std::size_t>(n)].pts - firstPts;
        if (pts <= lastPts)
            pts = lastPts + 1;
        lastPts = pts;
        writer.writeVideo(rendered.image, pts);
        if (audio)
            audio->writeUntil(writer, index->frameTime(n) + index->frameDuration(n) - clipStart);
        if (progress && (i % 4 == 0 || i + 1 == count))
            progress({ClipProgress::Stage::Encoding, i + 1, count,
                      encodeFrom + (1.0 - encodeFrom) * static_cast<double>(i + 1) / count});
    }
    if (stop.stop_requested())
        throw ClipCancelled();
    writer.finish();

    summary.output = output;
    summary.range = range;
    summary.framesWritten = writer.videoFramesWritten();
    summary.start = clipStart;
    summary.duration = clipEnd - clipStart;
    summary.width = video.width & ~1;
    summary.height = video.height & ~1;
    summary.facesBlurred = settings.blurFaces;
    if (settings.blurFaces)
        summary.faces = faces->statistics();
    summary.audio = settings.audio;
    summary.audioWritten = withAudio;
    summary.audioSamples = audio ? audio->written() : 0;
    summary.audioSampleRate = withAudio ? audioFormat.sampleRate : 0;
    return summary;
}

std::unique_ptr<ClipExportJob> startClipExport(ClipSettings settings, std::filesystem::path output,
                                               std::shared_ptr<const codecs::FrameIndex> index,
                                               std::shared_ptr<const vision::FaceTracks> faces,
                                               std::function<void()> finished) {
    return std::make_unique<ClipExportJob>(
        [settings = std::move(settings), output = std::move(output), index = std::move(index),
         faces = std::move(faces)](const ProgressCallback& progress, std::stop_token stop) {
            return exportClip(settings, output, index, faces, progress, stop);
        },
        std::move(finished));
}

std::unique_ptr<FaceAnalysisJob> startFaceAnalysis(ClipSettings settings,
                                                   std::shared_ptr<const codecs::FrameIndex> index,
                                                   std::function<void()> finished) {
    return std::make_unique<FaceAnalysisJob>(
        [settings = std::move(settings), index = std::move(index)](const ProgressCallback& progress,
                                                                   std::stop_token stop) {
            return analyseFaces(settings.source, index, settings.range, settings.faces, progress, stop);
        },
        std::move(finished));
}

} // namespace sb::clip
