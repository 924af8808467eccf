#include "codecs/clip/face_analysis.h"

#include "codecs/rgb_image.h"
#include "codecs/video_decoder.h"
#include "codecs/vision/face_detector.h"
#include "codecs/vision/face_tracker.h"

extern "C" {
#include <libavutil/frame.h>
}

#include <algorithm>

namespace sb::clip {
namespace {

// Faces are searched on a copy at most this wide (the detector would scale down anyway);
// converting the full picture to RGB first would only cost time.
constexpr int kAnalysisWidth = 640;

cv::Rect scaleRect(const cv::Rect& r, double fx, double fy) {
    return {static_cast<int>(r.x * fx), static_cast<int>(r.y * fy), static_cast<int>(std::ceil(r.width * fx)),
            static_cast<int>(std::ceil(r.height * fy))};
}

} // namespace

std::shared_ptr<const vision::FaceTracks> analyseFaces(const std::filesystem::path& source,
                                                       std::shared_ptr<const codecs::FrameIndex> index,
                                                       const FrameRange& range, const FaceOptions& options,
                                                       const ProgressCallback& progress,
                                                       std::stop_token stop) {
    checkFrameRange(*index, range, source);
    vision::FaceDetector detector(options.detector);
    vision::FaceTracker tracker(detector, options.tracker);
    codecs::VideoDecoder decoder(source, index, codecs::VideoDecoderOptions{32u << 20, 0});

    const std::int64_t count = range.count();
    std::vector<std::vector<vision::TrackedFace>> observed;
    observed.reserve(static_cast<std::size_t>(count));
    cv::Size pictureSize;
    for (std::int64_t i = 0; i < count; ++i) {
        if (stop.stop_requested())
            throw ClipCancelled();
        const codecs::DecodedFrame frame = i == 0 ? decoder.frame(range.first) : decoder.stepForward();
        const int width = frame.width();
        const int height = frame.height();
        pictureSize = cv::Size(width, height);
        const int aw = std::min(width, kAnalysisWidth);
        const int ah = std::max(2, static_cast<int>(static_cast<double>(height) * aw / width + 0.5));
        codecs::RgbImage small = codecs::toRgb(*frame.picture, aw, ah);
        const cv::Mat picture(small.height, small.width, CV_8UC3, small.pixels.data());
        std::vector<vision::TrackedFace> faces = tracker.update(picture);
        const double fx = static_cast<double>(width) / aw;
        const double fy = static_cast<double>(height) / ah;
        for (vision::TrackedFace& face : faces)
            face.box = scaleRect(face.box, fx, fy) & cv::Rect(0, 0, width, height);
        observed.push_back(std::move(faces));
        if (progress && (i % 4 == 0 || i + 1 == count))
            progress({ClipProgress::Stage::Faces, i + 1, count, static_cast<double>(i + 1) / count});
    }
    return std::make_shared<vision::FaceTracks>(observed, pictureSize, options.cover);
}

} // namespace sb::clip
