#pragma once
// FaceDetector: where faces are in one picture, with the Haar cascades Debian ships in
// opencv-data (/usr/share/opencv4/haarcascades).
//
// Three passes, because a face that is missed is a face that is shown: the frontal cascade,
// the profile cascade (trained on faces looking one way), and the profile cascade again on
// the mirrored picture (faces looking the other way). Overlapping hits of the passes are
// merged. The picture is searched at a reduced width (detection cost grows with the pixel
// count, and faces in session tapes are large), and boxes come back in the picture's own
// pixel coordinates. Not thread-safe (OpenCV's cascade classifier keeps scratch state): one
// detector per thread.

#include <opencv2/core.hpp>

#include <filesystem>
#include <memory>
#include <vector>

namespace sb::vision {

struct FaceDetectorOptions {
    // Where haarcascade_frontalface_alt2.xml and haarcascade_profileface.xml are; empty means
    // $SECUREBASE_CASCADE_DIR, else /usr/share/opencv4/haarcascades.
    std::filesystem::path cascadeDirectory;
    bool profiles = true;          // also run the profile cascade, plain and mirrored
    int searchWidth = 640;         // the picture is searched scaled down to this width (0 = full size)
    double scaleFactor = 1.1;      // OpenCV's image-pyramid step
    int minNeighbors = 3;          // hits needed to accept a face; lower finds more and errs more
    double minFaceFraction = 0.04; // smallest face searched, as a fraction of the picture height
};

// Why a box was found, for statistics and tests.
enum class FacePose { Frontal, ProfileLeft, ProfileRight };

struct DetectedFace {
    cv::Rect box; // tight around the face, picture pixels
    FacePose pose = FacePose::Frontal;
};

class FaceDetector {
public:
    // Throws codecs::MediaError(cascade file, "load face cascade", …) when a cascade is
    // missing or unreadable: exporting without face detection must never happen silently.
    explicit FaceDetector(FaceDetectorOptions options = {});
    ~FaceDetector();
    FaceDetector(FaceDetector&&) noexcept;
    FaceDetector& operator=(FaceDetector&&) noexcept;

    // Faces in an 8-bit picture: 3 channels (RGB or BGR, colour order does not matter for
    // the grey search) or 1 channel (grey).
    [[nodiscard]] std::vector<DetectedFace> detect(const cv::Mat& picture);

    [[nodiscard]] const FaceDetectorOptions& options() const { return options_; }

    // The directory used when the options name none.
    static std::filesystem::path defaultCascadeDirectory();

private:
    struct Cascades;
    FaceDetectorOptions options_;
    std::unique_ptr<Cascades> cascades_;
};

} // namespace sb::vision
