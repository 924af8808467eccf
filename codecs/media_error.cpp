#include "codecs/media_error.h"

extern "C" {
#include <libavutil/error.h>
}

namespace sb::codecs {

MediaError::MediaError(const std::filesystem::path& file, std::string stage, std::string detail)
    : std::runtime_error(file.string() + ": " + stage + (detail.empty() ? "" : ": " + detail))
    , file_(file)
    , stage_(std::move(stage))
    , detail_(std::move(detail)) {}

std::string ffmpegErrorText(int averror) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, text, sizeof text);
    return text;
}

} // namespace sb::codecs
