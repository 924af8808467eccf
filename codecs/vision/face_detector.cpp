#include "codecs/vision/face_detector.h"

#include "codecs/media_error.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cstdlib>

namespace sb::vision {
namespace {

constexpr const char* kFrontalCascade = "haarcascade_frontalface_alt2.xml";
constexpr const char* kProfileCascade = "haarcascade_profileface.xml";

cv::CascadeClassifier loadCascade(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        throw codecs::MediaError(file, "load face cascade",
                                 "not found (Debian's opencv-data package installs the cascades)");
    cv::CascadeClassifier cascade;
    if (!cascade.load(file.string()) || cascade.empty())
        throw codecs::MediaError(file, "load face cascade", "not a cascade OpenCV can read");
    return cascade;
}

double overlap(const cv::Rect& a, const cv::Rect& b) {
    const double shared = (a & b).area();
    const double smaller = std::min(a.area(), b.area());
    return smaller > 0 ? shared / smaller : 0.0;
}

} // namespace

struct FaceDetector::Cascades {
    cv::CascadeClassifier frontal;
    cv::CascadeClassifier profile;
};

std::filesystem::path FaceDetector::defaultCascadeDirectory() {
    if (const char* dir = std::getenv("SECUREBASE_CASCADE_DIR"); dir && *dir)
        return dir;
    return "/usr/share/opencv4/haarcascades";
}

FaceDetector::FaceDetector(FaceDetectorOptions options)
    : options_(std::move(options))
    , cascades_(std::make_unique<Cascades>()) {
    if (options_.cascadeDirectory.empty())
        options_.cascadeDirectory = defaultCascadeDirectory();
    cascades_->frontal = loadCascade(options_.cascadeDirectory / kFrontalCascade);
    if (options_.profiles)
        cascades_->profile = loadCascade(options_.cascadeDirectory / kProfileCascade);
}

FaceDetector::~FaceDetector() = default;
FaceDetector::FaceDetector(FaceDetector&&) noexcept = default;
FaceDetector& FaceDetector::operator=(FaceDetector&&) noexcept = default;

std::vector<DetectedFace> FaceDetector::detect(const cv::Mat& picture) {
    if (picture.empty())
        return {};
    cv::Mat grey;
    if (picture.channels() == 3)
        cv::cvtColor(picture, grey, cv::COLOR_RGB2GRAY);
    else if (picture.channels() == 4)
        cv::cvtColor(picture, grey, cv::COLOR_RGBA2GRAY);
    else
        grey = picture;

    double scale = 1.0;
    if (options_.searchWidth > 0 && grey.cols > options_.searchWidth) {
        scale = static_cast<double>(grey.cols) / options_.searchWidth;
        cv::Mat small;
        cv::resize(grey, small,
                   cv::Size(options_.searchWidth, std::max(1, static_cast<int>(grey.rows / scale + 0.5))), 0,
                   0, cv::INTER_AREA);
        grey = small;
    }
    cv::Mat equalised;
    cv::equalizeHist(grey, equalised);

    const int minSide = std::max(12, static_cast<int>(equalised.rows * options_.minFaceFraction));
    const cv::Size minSize(minSide, minSide);
    std::vector<DetectedFace> found;
    auto run = [&](cv::CascadeClassifier& cascade, const cv::Mat& image, FacePose pose, bool mirrored) {
        std::vector<cv::Rect> boxes;
        cascade.detectMultiScale(image, boxes, options_.scaleFactor, options_.minNeighbors,
                                 cv::CASCADE_SCALE_IMAGE, minSize);
        for (cv::Rect box : boxes) {
            if (mirrored)
                box.x = image.cols - box.x - box.width;
            found.push_back({box, pose});
        }
    };
    run(cascades_->frontal, equalised, FacePose::Frontal, false);
    if (options_.profiles) {
        // The cascade is trained on faces turned to one side (looking to the picture's left);
        // the mirrored picture shows it the faces turned the other way.
        run(cascades_->profile, equalised, FacePose::ProfileLeft, false);
        cv::Mat mirrored;
        cv::flip(equalised, mirrored, 1);
        run(cascades_->profile, mirrored, FacePose::ProfileRight, true);
    }

    // Merge hits of the passes that cover the same face: keep the union of the boxes.
    std::vector<DetectedFace> merged;
    for (const DetectedFace& face : found) {
        auto same = std::find_if(merged.begin(), merged.end(),
                                 [&](const DetectedFace& m) { return overlap(m.box, face.box) > 0.5; });
        if (same == merged.end())
            merged.push_back(face);
        else
            same->box |= face.box;
    }
    const cv::Rect bounds(0, 0, picture.cols, picture.rows);
    for (DetectedFace& face : merged) {
        cv::Rect& b = face.box;
        b = cv::Rect(static_cast<int>(b.x * scale), static_cast<int>(b.y * scale),
                     static_cast<int>(b.width * scale + 0.5), static_cast<int>(b.height * scale + 0.5)) &
            bounds;
    }
    return merged;
}

} // namespace sb::vision
