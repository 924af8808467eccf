#include "codecs/rgb_image.h"

#include "codecs/ffmpeg_handles.h"
#include "codecs/media_error.h"

#include <fstream>

namespace sb::codecs {
namespace {

int colourMatrix(const AVFrame& picture) {
    switch (picture.colorspace) {
    case AVCOL_SPC_BT709:
        return SWS_CS_ITU709;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
        return SWS_CS_BT2020;
    case AVCOL_SPC_SMPTE240M:
        return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
        return SWS_CS_ITU601;
    default:
        return picture.height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }
}

bool isFullRange(const AVFrame& picture) {
    const auto format = static_cast<AVPixelFormat>(picture.format);
    // The JPEG ("J") formats are full range by definition.
    return picture.color_range == AVCOL_RANGE_JPEG || format == AV_PIX_FMT_YUVJ420P ||
           format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUVJ444P || format == AV_PIX_FMT_YUVJ440P;
}

} // namespace

RgbImage toRgb(const AVFrame& picture, int width, int height) {
    RgbImage image;
    image.width = width > 0 ? width : picture.width;
    image.height = height > 0 ? height : picture.height;
    SwsContextPtr scaler(sws_getContext(
        picture.width, picture.height, static_cast<AVPixelFormat>(picture.format), image.width, image.height,
        AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
    if (!scaler)
        throw std::runtime_error("cannot convert the picture's pixel format to RGB");
    const int* coefficients = sws_getCoefficients(colourMatrix(picture));
    sws_setColorspaceDetails(scaler.get(), coefficients, isFullRange(picture) ? 1 : 0, coefficients, 1, 0,
                             1 << 16, 1 << 16);
    image.pixels.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3);
    std::uint8_t* planes[4] = {image.pixels.data(), nullptr, nullptr, nullptr};
    const int strides[4] = {image.width * 3, 0, 0, 0};
    sws_scale(scaler.get(), picture.data, picture.linesize, 0, picture.height, planes, strides);
    return image;
}

void writePng(const std::filesystem::path& file, const RgbImage& image) {
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    if (!codec)
        throw MediaError(file, "write PNG", "FFmpeg has no PNG encoder");
    CodecContextPtr encoder(avcodec_alloc_context3(codec));
    encoder->width = image.width;
    encoder->height = image.height;
    encoder->pix_fmt = AV_PIX_FMT_RGB24;
    encoder->time_base = AVRational{1, 25};
    if (const int err = avcodec_open2(encoder.get(), codec, nullptr); err < 0)
        throw MediaError(file, "write PNG", ffmpegErrorText(err));

    FramePtr frame = makeFrame();
    frame->width = image.width;
    frame->height = image.height;
    frame->format = AV_PIX_FMT_RGB24;
    frame->data[0] = const_cast<std::uint8_t*>(image.pixels.data()); // the encoder only reads it
    frame->linesize[0] = image.width * 3;
    PacketPtr packet = makePacket();
    int err = avcodec_send_frame(encoder.get(), frame.get());
    if (err >= 0)
        err = avcodec_receive_packet(encoder.get(), packet.get());
    if (err < 0)
        throw MediaError(file, "write PNG", ffmpegErrorText(err));

    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(packet->data), packet->size);
    if (!out)
        throw MediaError(file, "write PNG", "cannot write the file");
}

} // namespace sb::codecs
