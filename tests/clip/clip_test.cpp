// Teaching clips: faces blurred in every frame, drawn regions blurred, exactly the frames of
// the range, no source metadata, audio kept/muted/dropped, no file left by a cancelled or
// failed export, bad input named. The source video is made at test time (clip_media.h).

#include "tests/clip/clip_media.h"

#include "codecs/audio_decoder.h"
#include "codecs/clip/clip_export.h"
#include "codecs/clip/clip_preview.h"
#include "codecs/clip/face_analysis.h"
#include "codecs/frame_index_builder.h"
#include "codecs/media_error.h"
#include "codecs/media_file.h"
#include "codecs/vision/face_detector.h"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <fstream>
#include <set>
#include <thread>
#include <unistd.h>

namespace sb::test {
namespace {

using std::chrono::microseconds;
using namespace std::chrono_literals;

std::shared_ptr<const codecs::FrameIndex> indexOf(const std::filesystem::path& file) {
    return std::make_shared<const codecs::FrameIndex>(codecs::buildFrameIndex(file));
}

// Frames 25..74 (1 s to 3 s).
clip::ClipSettings baseSettings() {
    clip::ClipSettings s;
    s.source = sourceVideo();
    s.range = {25, 74};
    return s;
}

// Per process: ctest runs each test in its own process, two at a time, and they must not
// clear each other's output.
// Directories of processes that have ended are removed on the way.
std::filesystem::path freshOutput(const std::string& name) {
    for (const auto& entry : std::filesystem::directory_iterator(clipTestDir())) {
        const std::string other = entry.path().filename().string();
        if (entry.is_directory() && other.starts_with(name + "-")) {
            const std::string pid = other.substr(name.size() + 1);
            if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos &&
                ::kill(std::stoi(pid), 0) != 0 && errno == ESRCH)
                std::filesystem::remove_all(entry.path());
        }
    }
    const auto dir = clipTestDir() / fmt::format("{}-{}", name, ::getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir / "clip.mp4";
}

// Nothing but `keep` in the directory (no temporary file, no partial clip).
std::vector<std::string> filesIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    return names;
}

// Two regions drawn by hand: a rectangle moving along the top right, an ellipse top left.
vision::BlurRegions drawnRegions() {
    return vision::BlurRegions::fromJson(R"({
      "version": 1,
      "regions": [
        {"id": "r1", "label": "door", "shape": "rectangle", "start": 0, "end": 4,
         "keyframes": [{"time": 0, "x": 0.62, "y": 0.03, "width": 0.15, "height": 0.2},
                       {"time": 4, "x": 0.80, "y": 0.03, "width": 0.15, "height": 0.2}]},
        {"id": "r2", "label": "name tag", "shape": "ellipse",
         "start": 0, "end": 4,
         "keyframes": [{"time": 1, "x": 0.02, "y": 0.72, "width": 0.25, "height": 0.2}]}
      ]})",
                                         "test regions");
}

cv::Rect pixels(const vision::RegionArea& a) {
    return {static_cast<int>(std::ceil(a.x * kClipWidth)), static_cast<int>(std::ceil(a.y * kClipHeight)),
            static_cast<int>(a.width * kClipWidth), static_cast<int>(a.height * kClipHeight)};
}

// Everything the exported clip looks like, frame by frame, against the source.
class FaceBlurExport : public ::testing::Test {
protected:
    // The export is made once per process. A failure here is recorded and fails each test in
    // SetUp: googletest would report a failing SetUpTestSuite as skipped tests.
    static void SetUpTestSuite() {
        try {
            output_ = new std::filesystem::path(freshOutput("faces"));
            clip::ClipSettings settings = baseSettings();
            settings.regions = drawnRegions();
            summary_ = new clip::ClipSummary(clip::exportClip(settings, *output_, indexOf(settings.source)));
        } catch (const std::exception& e) {
            setupError_ = e.what();
        }
    }
    static void TearDownTestSuite() {
        if (output_)
            std::filesystem::remove_all(output_->parent_path());
        delete output_;
        delete summary_;
    }
    void SetUp() override { ASSERT_TRUE(setupError_.empty()) << "making the clip failed: " << setupError_; }
    static std::filesystem::path* output_;
    static clip::ClipSummary* summary_;
    static std::string setupError_;
};
std::filesystem::path* FaceBlurExport::output_ = nullptr;
clip::ClipSummary* FaceBlurExport::summary_ = nullptr;
std::string FaceBlurExport::setupError_;

TEST(ClipSource, ThePhotographsFaceIsDetected) {
    vision::FaceDetector detector;
    // On the source video's first frame, where the patch with the face sits at patchOrigin(0).
    const cv::Mat frame = decodeFrame(sourceVideo(), 0);
    const auto faces = detector.detect(frame);
    ASSERT_FALSE(faces.empty());
    const cv::Rect truth = faceOn(0);
    bool found = false;
    for (const auto& f : faces)
        found = found || (f.box & truth).area() > 0.5 * truth.area();
    EXPECT_TRUE(found) << "the detector's boxes miss the face at " << truth;
    EXPECT_EQ(readCode(frame), 0);
    EXPECT_EQ(readCode(decodeFrame(sourceVideo(), 57)), 57);
}

TEST_F(FaceBlurExport, HasExactlyTheFramesOfTheRange) {
    const auto index = indexOf(*output_);
    ASSERT_EQ(index->frameCount(), 50);
    EXPECT_EQ(summary_->framesWritten, 50);
    EXPECT_EQ(readCode(decodeFrame(*output_, 0)), 25);
    EXPECT_EQ(readCode(decodeFrame(*output_, 49)), 74);
    EXPECT_EQ(index->frameTime(0), 0us);
    EXPECT_EQ(index->videoEnd(), 2s);
}

TEST_F(FaceBlurExport, EveryFrameLosesTheFaceAndKeepsTheRest) {
    const auto clipIndex = indexOf(*output_);
    const auto sourceIndex = indexOf(sourceVideo());
    codecs::VideoDecoder clipDecoder(*output_, clipIndex);
    codecs::VideoDecoder sourceDecoder(sourceVideo(), sourceIndex);
    const vision::BlurRegions regions = drawnRegions();
    const cv::Rect control(0, 300, kClipWidth, 30); // below the face's blur, above the code squares
    double worstFace = 0, worstRegion = 0, worstControl = 1e9;
    for (std::int64_t i = 0; i < 50; ++i) {
        const std::int64_t n = 25 + i;
        const auto clipRgb =
            codecs::toRgb(*(i == 0 ? clipDecoder.frame(0) : clipDecoder.stepForward()).picture);
        const auto sourceRgb = codecs::toRgb(*sourceDecoder.frame(n).picture);
        const cv::Mat out(clipRgb.height, clipRgb.width, CV_8UC3,
                          const_cast<std::uint8_t*>(clipRgb.pixels.data()));
        const cv::Mat in(sourceRgb.height, sourceRgb.width, CV_8UC3,
                         const_cast<std::uint8_t*>(sourceRgb.pixels.data()));
        ASSERT_EQ(readCode(out), n) << "clip frame " << i;

        const double faceRatio = detail(out, faceOn(n)) / detail(in, faceOn(n));
        EXPECT_LT(faceRatio, 0.05) << "face visible on source frame " << n;
        worstFace = std::max(worstFace, faceRatio);

        for (const auto& area : regions.at(sourceIndex->frameTime(n))) {
            const cv::Rect box = pixels(area) - cv::Point(-4, -4) + cv::Size(-8, -8);
            cv::Rect inner = box;
            if (area.shape == vision::RegionShape::Ellipse) // the middle of the ellipse
                inner =
                    cv::Rect(box.x + box.width / 4, box.y + box.height / 4, box.width / 2, box.height / 2);
            const double ratio = detail(out, inner) / detail(in, inner);
            EXPECT_LT(ratio, 0.05) << "region " << area.id << " visible on source frame " << n;
            worstRegion = std::max(worstRegion, ratio);
        }
        const double keep = detail(out, control) / detail(in, control);
        EXPECT_GT(keep, 0.5) << "detail lost outside faces and regions on frame " << n;
        worstControl = std::min(worstControl, keep);
    }
    RecordProperty("worst_face_detail_ratio", fmt::format("{:.4f}", worstFace));
    RecordProperty("worst_region_detail_ratio", fmt::format("{:.4f}", worstRegion));
    RecordProperty("worst_control_detail_ratio", fmt::format("{:.3f}", worstControl));
    std::printf("face detail ratio <= %.4f, regions <= %.4f, rest of frame >= %.3f\n", worstFace, worstRegion,
                worstControl);
    EXPECT_EQ(summary_->faces.framesWithFaces, 50);
    EXPECT_GT(summary_->regionAreas, 50);
}

TEST_F(FaceBlurExport, CarriesNoSourceMetadata) {
    std::string out;
    ASSERT_EQ(run(fmt::format("ffprobe -v error -show_format -show_streams -of json '{}'", output_->string()),
                  &out),
              0);
    for (const char* secret : {"SECRET", "2024-01-02", "+35.6892", "Lavf"})
        EXPECT_EQ(out.find(secret), std::string::npos) << secret << " in\n" << out;
    // Only the tags every MP4 has: no creation time, location, comment, device, encoder.
    const std::set<std::string> structural{"language",    "handler_name",  "vendor_id",
                                           "major_brand", "minor_version", "compatible_brands"};
    const auto probe = nlohmann::json::parse(out);
    auto check = [&](const nlohmann::json& tags, const std::string& where) {
        for (const auto& [key, value] : tags.items())
            EXPECT_TRUE(structural.count(key)) << where << " carries the tag " << key << "=" << value;
    };
    check(probe["format"].value("tags", nlohmann::json::object()), "the container");
    for (const auto& stream : probe["streams"])
        check(stream.value("tags", nlohmann::json::object()), "a stream");
    // The source did carry them.
    ASSERT_EQ(run(fmt::format("ffprobe -v error -show_format -of json '{}'", sourceVideo().string()), &out),
              0);
    EXPECT_NE(out.find("creation_time"), std::string::npos);
    EXPECT_NE(out.find("+35.6892"), std::string::npos);
    EXPECT_EQ(probe["streams"][0]["codec_name"], "h264");
    EXPECT_EQ(probe["streams"][1]["codec_name"], "aac");
}

TEST_F(FaceBlurExport, PreviewIsTheClip) {
    clip::ClipSettings settings = baseSettings();
    settings.regions = drawnRegions();
    const auto index = indexOf(settings.source);
    auto faces = clip::analyseFaces(settings.source, index, settings.range, settings.faces);
    clip::ClipPreview preview(settings, index, faces);
    ASSERT_TRUE(preview.exact());
    for (std::int64_t i : {0, 17, 49}) {
        auto frame = preview.frame(i);
        const cv::Mat shown(frame.image.height, frame.image.width, CV_8UC3, frame.image.pixels.data());
        const cv::Mat written = decodeFrame(*output_, i);
        EXPECT_GT(cv::PSNR(shown, written), 30.0) << "preview frame " << i << " differs from the clip";
        EXPECT_EQ(readCode(shown), 25 + i);
    }
}

TEST(ClipPreview, BlursFacesBeforeAnalysis) {
    clip::ClipSettings settings = baseSettings();
    const auto index = indexOf(settings.source);
    clip::ClipPreview preview(settings, index);
    EXPECT_FALSE(preview.exact());
    auto frame = preview.frame(10);
    const cv::Mat shown(frame.image.height, frame.image.width, CV_8UC3, frame.image.pixels.data());
    const cv::Mat source = decodeFrame(sourceVideo(), 35);
    EXPECT_GE(frame.faceAreas, 1);
    EXPECT_LT(detail(shown, faceOn(35)) / detail(source, faceOn(35)), 0.05);
}

TEST(ClipRange, TimesSelectTheFramesOnScreen) {
    const auto index = indexOf(sourceVideo());
    EXPECT_EQ(clip::frameRangeForTimes(*index, 1s, 3s, "f"), (clip::FrameRange{25, 74}));
    EXPECT_EQ(clip::frameRangeForTimes(*index, 1010ms, 3010ms, "f"), (clip::FrameRange{25, 75}));
    EXPECT_EQ(clip::frameRangeForTimes(*index, 0s, 4s, "f"), (clip::FrameRange{0, 99}));
    auto message = [&](microseconds from, microseconds to) {
        try {
            (void)clip::frameRangeForTimes(*index, from, to, "in.mp4");
        } catch (const codecs::MediaError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message(2s, 5s).find("past the end of the video (4.000 s)"), std::string::npos)
        << message(2s, 5s);
    EXPECT_NE(message(3s, 2s).find("is not after"), std::string::npos);
    EXPECT_NE(message(4s, 5s).find("at or past the end"), std::string::npos);
}

double rms(const std::filesystem::path& file, int channels) {
    codecs::AudioDecoder decoder(file, {48000, channels});
    std::vector<float> samples;
    while (decoder.read(samples, 4096) > 0) {
    }
    double sum = 0;
    for (float s : samples)
        sum += static_cast<double>(s) * s;
    return samples.empty() ? -1 : std::sqrt(sum / static_cast<double>(samples.size()));
}

TEST(ClipAudio, KeepMuteDrop) {
    const auto index = indexOf(sourceVideo());
    for (auto mode : {clip::AudioMode::Keep, clip::AudioMode::Mute, clip::AudioMode::Drop}) {
        clip::ClipSettings settings = baseSettings();
        settings.blurFaces = false;
        settings.audio = mode;
        const auto output = freshOutput(fmt::format("audio-{}", static_cast<int>(mode)));
        const auto summary = clip::exportClip(settings, output, index);
        codecs::MediaFile media(output);
        if (mode == clip::AudioMode::Drop) {
            EXPECT_EQ(media.audioStream(), nullptr);
            EXPECT_FALSE(summary.audioWritten);
            continue;
        }
        ASSERT_NE(media.audioStream(), nullptr);
        EXPECT_EQ(summary.audioSamples, 2 * 48000); // exactly the clip's 2 s
        const double level = rms(output, 1);
        if (mode == clip::AudioMode::Keep)
            EXPECT_NEAR(level, 0.125 / std::sqrt(2.0), 0.02); // FFmpeg's sine source: amplitude 1/8
        else
            EXPECT_LT(level, 1e-4);
        const double seconds =
            static_cast<double>(media.audioStream()->duration) * av_q2d(media.audioStream()->time_base);
        EXPECT_NEAR(seconds, 2.0, 0.03);
    }
}

TEST(ClipFailure, CancelledExportLeavesNoFile) {
    const auto index = indexOf(sourceVideo());
    // Cancelled while finding faces, and while encoding (the temporary file exists then).
    for (const bool faces : {true, false}) {
        const auto output = freshOutput(faces ? "cancel-faces" : "cancel-encoding");
        clip::ClipSettings settings = baseSettings();
        settings.range = {0, 99};
        settings.blurFaces = faces;
        auto job = clip::startClipExport(settings, output, index);
        while (!job->done() && job->progress().done < 8)
            std::this_thread::sleep_for(5ms);
        if (!faces) {
            bool temporarySeen = false;
            for (const auto& name : filesIn(output.parent_path()))
                temporarySeen = temporarySeen || name.find(".clip.mp4.part-") == 0;
            EXPECT_TRUE(temporarySeen) << "the clip is written beside its target while encoding";
        }
        job->cancel();
        job->wait();
        EXPECT_TRUE(job->cancelled()) << job->error();
        EXPECT_FALSE(job->result().has_value());
        EXPECT_TRUE(filesIn(output.parent_path()).empty());
    }
}

TEST(ClipFailure, FailedExportLeavesNoFile) {
    const auto output = freshOutput("fail");
    clip::ClipSettings settings = baseSettings();
    settings.blurFaces = false;
    // The export fails halfway through writing (an overlay that throws stands in for a full disk).
    settings.overlay = [](clip::OverlayFrame& f) {
        if (f.clipFrame == 20)
            throw std::runtime_error("disk full");
    };
    EXPECT_THROW(clip::exportClip(settings, output, indexOf(settings.source)), std::runtime_error);
    EXPECT_TRUE(filesIn(output.parent_path()).empty());

    settings.overlay = {};
    try {
        clip::exportClip(settings, "/nonexistent-directory/clip.mp4", indexOf(settings.source));
        ADD_FAILURE() << "wrote into a missing directory";
    } catch (const codecs::MediaError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot create a file in /nonexistent-directory"),
                  std::string::npos)
            << e.what();
    }
    settings.range = {90, 120};
    EXPECT_THROW(clip::exportClip(settings, output, indexOf(settings.source)), codecs::MediaError);
    EXPECT_TRUE(filesIn(output.parent_path()).empty());
}

TEST(ClipFailure, ExistingOutputIsKeptUnlessReplacing) {
    const auto output = freshOutput("exists");
    { std::ofstream(output) << "precious"; }
    clip::ClipSettings settings = baseSettings();
    settings.blurFaces = false;
    settings.range = {0, 4};
    EXPECT_THROW(clip::exportClip(settings, output, indexOf(settings.source)), codecs::MediaError);
    EXPECT_EQ(std::filesystem::file_size(output), 8u);
    settings.overwrite = true;
    clip::exportClip(settings, output, indexOf(settings.source));
    EXPECT_EQ(indexOf(output)->frameCount(), 5);
    EXPECT_EQ(filesIn(output.parent_path()).size(), 1u);
}

TEST(ClipOverlay, IsDrawnAfterBlurWithFrameAndTime) {
    const auto output = freshOutput("overlay");
    clip::ClipSettings settings = baseSettings();
    settings.blurFaces = false;
    settings.range = {40, 44};
    std::vector<std::int64_t> seen;
    settings.overlay = [&](clip::OverlayFrame& f) {
        seen.push_back(f.sourceFrame);
        EXPECT_EQ(f.clipTime, microseconds(f.clipFrame * 40000));
        cv::Mat(f.height, f.width, CV_8UC3, f.pixels,
                static_cast<std::size_t>(f.stride))(cv::Rect(300, 320, 60, 30))
            .setTo(cv::Scalar(255, 0, 0));
    };
    clip::exportClip(settings, output, indexOf(settings.source));
    EXPECT_EQ(seen, (std::vector<std::int64_t>{40, 41, 42, 43, 44}));
    const cv::Scalar mean = cv::mean(decodeFrame(output, 2)(cv::Rect(305, 325, 50, 20)));
    EXPECT_GT(mean[0], 200);
    EXPECT_LT(mean[1], 40);
}

} // namespace
} // namespace sb::test
