#pragma once
// The one error type of codecs/: what failed, on which file, and where.
//
// Messages read "FILE: STAGE: detail", e.g. "clip.mp4: open: No such file or directory" or
// "clip.mp4: decode error at frame 1234: Invalid data found when processing input", so a
// user (and a log) always knows which file and which step went wrong.

#include <filesystem>
#include <stdexcept>
#include <string>

namespace sb::codecs {

class MediaError : public std::runtime_error {
public:
    MediaError(const std::filesystem::path& file, std::string stage, std::string detail);

    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    [[nodiscard]] const std::string& stage() const { return stage_; }
    [[nodiscard]] const std::string& detail() const { return detail_; }

private:
    std::filesystem::path file_;
    std::string stage_;
    std::string detail_;
};

// FFmpeg's text for an AVERROR code.
std::string ffmpegErrorText(int averror);

} // namespace sb::codecs
