#include "codecs/display_scaler.h"

#include <stdexcept>

namespace sb::codecs {

void DisplayScaler::scale(const AVFrame& picture, int width, int height, std::uint8_t* destination,
                          int stride) {
    if (!context_ || picture.width != sourceWidth_ || picture.height != sourceHeight_ ||
        picture.format != sourceFormat_ || width != width_ || height != height_) {
        context_.reset(sws_getContext(picture.width, picture.height,
                                      static_cast<AVPixelFormat>(picture.format), width, height,
                                      AV_PIX_FMT_BGRA, SWS_BILINEAR, nullptr, nullptr, nullptr));
        if (!context_)
            throw std::runtime_error("cannot scale the picture for display");
        const int* coefficients =
            sws_getCoefficients(picture.colorspace == AVCOL_SPC_BT709 ||
                                        (picture.colorspace == AVCOL_SPC_UNSPECIFIED && picture.height >= 720)
                                    ? SWS_CS_ITU709
                                    : SWS_CS_ITU601);
        sws_setColorspaceDetails(context_.get(), coefficients,
                                 picture.color_range == AVCOL_RANGE_JPEG ? 1 : 0, coefficients, 1, 0, 1 << 16,
                                 1 << 16);
        sourceWidth_ = picture.width;
        sourceHeight_ = picture.height;
        sourceFormat_ = picture.format;
        width_ = width;
        height_ = height;
    }
    std::uint8_t* planes[4] = {destination, nullptr, nullptr, nullptr};
    const int strides[4] = {stride, 0, 0, 0};
    sws_scale(context_.get(), picture.data, picture.linesize, 0, picture.height, planes, strides);
}

} // namespace sb::codecs
