#include "tests/clip/clip_media.h"

#include "codecs/frame_index_builder.h"
#include "codecs/rgb_image.h"
#include "codecs/video_decoder.h"

#include <fmt/core.h>
#include <opencv2/imgproc.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace sb::test {
namespace {

cv::Mat readRaw(const std::filesystem::path& file, int width, int height) {
    std::ifstream in(file, std::ios::binary);
    cv::Mat image(height, width, CV_8UC3);
    in.read(reinterpret_cast<char*>(image.data), static_cast<std::streamsize>(image.total() * 3));
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    return image;
}

// A photograph, cropped and scaled by ffmpeg, as RGB pixels.
cv::Mat photograph(const std::string& name, const std::string& filter, int width, int height) {
    const auto raw = clipTestDir() / fmt::format(".{}-{}.rgb", name, ::getpid());
    if (run(fmt::format("ffmpeg -v error -y -i '{}' -vf '{}' -f rawvideo -pix_fmt rgb24 '{}'",
                        (opencvDataDir() / name).string(), filter, raw.string())) != 0)
        throw std::runtime_error("ffmpeg could not read " + name + " (is opencv-doc installed?)");
    cv::Mat image = readRaw(raw, width, height);
    std::filesystem::remove(raw);
    return image;
}

std::filesystem::path makeSource() {
    // Made once and shared by every test process: written under a private name, then renamed.
    const auto file = clipTestDir() / "face-source-v1.mp4";
    if (std::filesystem::exists(file))
        return file;
    const auto partial = clipTestDir() / fmt::format(".face-source-{}.mp4", ::getpid());
    const cv::Mat background = photograph("building.jpg", "scale=640:360,setsar=1", kClipWidth, kClipHeight);
    const cv::Mat patch = photograph("messi5.jpg", "crop=130:125:174:50,scale=260:250", 260, 250);
    const std::string command = fmt::format(
        "ffmpeg -v error -y -f rawvideo -pix_fmt rgb24 -s {}x{} -r {} -i - "
        "-f lavfi -i sine=frequency=440:sample_rate=48000 -t {} "
        "-c:v libx264 -preset veryfast -crf 14 -pix_fmt yuv420p -c:a aac "
        "-metadata creation_time=2024-01-02T03:04:05Z -metadata location=+35.6892+051.3890/ "
        "-metadata comment=SECRET-COMMENT -metadata make=SECRET-DEVICE -metadata model=SECRET-MODEL "
        "-metadata:s:v handler_name=SECRET-HANDLER '{}'",
        kClipWidth, kClipHeight, kClipFps, static_cast<double>(kClipFrames) / kClipFps, partial.string());
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "w"), ::pclose);
    if (!pipe)
        throw std::runtime_error("cannot run ffmpeg");
    for (int n = 0; n < kClipFrames; ++n) {
        cv::Mat frame = background.clone();
        patch.copyTo(frame(cv::Rect(patchOrigin(n), patch.size())));
        for (int b = 0; b < kCodeBits; ++b)
            frame(codeSquare(b)).setTo((n >> b) & 1 ? cv::Scalar(255, 255, 255) : cv::Scalar(0, 0, 0));
        if (std::fwrite(frame.data, 1, frame.total() * 3, pipe.get()) != frame.total() * 3)
            throw std::runtime_error("ffmpeg stopped reading frames");
    }
    if (const int status = ::pclose(pipe.release()); status != 0)
        throw std::runtime_error(fmt::format("ffmpeg failed making {} ({})", partial.string(), status));
    std::filesystem::rename(partial, file);
    return file;
}

} // namespace

std::filesystem::path opencvDataDir() {
    return "/usr/share/doc/opencv-doc/examples/data";
}

std::filesystem::path clipTestDir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::path(SB_CLIP_TEST_DIR);
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

const std::filesystem::path& sourceVideo() {
    static const std::filesystem::path file = makeSource();
    return file;
}

cv::Mat decodeFrame(const std::filesystem::path& file, std::int64_t n) {
    auto index = std::make_shared<const codecs::FrameIndex>(codecs::buildFrameIndex(file));
    codecs::VideoDecoder decoder(file, index);
    const codecs::RgbImage rgb = codecs::toRgb(*decoder.frame(n).picture);
    return cv::Mat(rgb.height, rgb.width, CV_8UC3, const_cast<std::uint8_t*>(rgb.pixels.data())).clone();
}

int readCode(const cv::Mat& rgb) {
    int n = 0;
    for (int b = 0; b < kCodeBits; ++b) {
        const cv::Rect inner = codeSquare(b) - cv::Point(-3, -3) + cv::Size(-6, -6);
        if (cv::mean(rgb(inner))[0] > 128)
            n |= 1 << b;
    }
    return n;
}

double detail(const cv::Mat& rgb, const cv::Rect& area) {
    cv::Mat grey, laplacian;
    cv::cvtColor(rgb(area), grey, cv::COLOR_RGB2GRAY);
    cv::Laplacian(grey, laplacian, CV_64F);
    cv::Scalar mean, deviation;
    cv::meanStdDev(laplacian, mean, deviation);
    return deviation[0] * deviation[0];
}

int run(const std::string& command, std::string* out) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    if (!pipe)
        return -1;
    std::array<char, 4096> buffer{};
    std::string text;
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0)
        text.append(buffer.data(), got);
    const int status = ::pclose(pipe.release());
    if (out)
        *out = std::move(text);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace sb::test
