#include "codecs/async_video_decoder.h"

namespace sb::codecs {

AsyncVideoDecoder::AsyncVideoDecoder(std::filesystem::path file, std::shared_ptr<const FrameIndex> index,
                                     VideoDecoderOptions options, Callback onFrame)
    : decoder_(std::make_unique<VideoDecoder>(std::move(file), std::move(index), options))
    , onFrame_(std::move(onFrame))
    , worker_([this] { run(); }) {}

AsyncVideoDecoder::~AsyncVideoDecoder() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    worker_.join();
}

void AsyncVideoDecoder::request(std::int64_t frame) {
    {
        std::lock_guard lock(mutex_);
        if (pending_)
            ++dropped_; // superseded before it started
        pending_ = frame;
    }
    wake_.notify_one();
}

std::int64_t AsyncVideoDecoder::droppedRequests() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

void AsyncVideoDecoder::run() {
    while (true) {
        std::int64_t wanted = 0;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || pending_.has_value(); });
            if (stopping_)
                return;
            wanted = *pending_;
            pending_.reset();
        }
        FrameResult result;
        result.requested = wanted;
        try {
            result.frame = decoder_->frame(wanted);
        } catch (const std::exception& e) {
            result.error = e.what();
        }
        onFrame_(std::move(result));
    }
}

} // namespace sb::codecs
