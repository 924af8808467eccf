#include "codecs/decoded_frame.h"

#include "codecs/cache_file.h"
#include "codecs/ffmpeg_handles.h"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <vector>

namespace sb::codecs {

int DecodedFrame::width() const {
    return picture ? picture->width : 0;
}

int DecodedFrame::height() const {
    return picture ? picture->height : 0;
}

std::size_t DecodedFrame::byteSize() const {
    if (!picture)
        return 0;
    const int size = av_image_get_buffer_size(static_cast<AVPixelFormat>(picture->format), picture->width,
                                              picture->height, 1);
    return size > 0 ? static_cast<std::size_t>(size) : 0;
}

std::shared_ptr<const AVFrame> shareFrame(const AVFrame* frame) {
    FramePtr copy = makeFrame();
    if (av_frame_ref(copy.get(), frame) < 0)
        throw std::bad_alloc();
    return std::shared_ptr<const AVFrame>(copy.release(), [](const AVFrame* f) {
        AVFrame* owned = const_cast<AVFrame*>(f);
        av_frame_free(&owned);
    });
}

std::string pictureMd5(const AVFrame& picture) {
    const auto format = static_cast<AVPixelFormat>(picture.format);
    const int size = av_image_get_buffer_size(format, picture.width, picture.height, 1);
    if (size <= 0)
        return {};
    std::vector<std::uint8_t> packed(static_cast<std::size_t>(size));
    av_image_copy_to_buffer(packed.data(), size, picture.data, picture.linesize, format, picture.width,
                            picture.height, 1);
    return md5Hex(packed.data(), packed.size());
}

} // namespace sb::codecs
