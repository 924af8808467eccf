#include "codecs/async_video_decoder.h"

#include <algorithm>

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

void AsyncVideoDecoder::setPrefetch(int frames) {
    {
        std::lock_guard lock(mutex_);
        prefetch_ = std::max(frames, 0);
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
        bool prefetching = false;
        {
            std::unique_lock lock(mutex_);
            auto nextToPrefetch = [this] {
                for (int ahead = 1; ahead <= prefetch_; ++ahead) {
                    const std::int64_t n = lastServed_ + ahead;
                    if (lastServed_ >= 0 && n < decoder_->index().frameCount() &&
                        !decoder_->cache().contains(n))
                        return n;
                }
                return std::int64_t{-1};
            };
            wake_.wait(lock, [&] { return stopping_ || pending_.has_value() || nextToPrefetch() >= 0; });
            if (stopping_)
                return;
            if (pending_) {
                wanted = *pending_;
                pending_.reset();
            } else {
                wanted = nextToPrefetch();
                prefetching = true;
            }
        }
        FrameResult result;
        result.requested = wanted;
        try {
            result.frame = decoder_->frame(wanted);
        } catch (const std::exception& e) {
            result.error = e.what();
        }
        if (prefetching) {
            if (!result.error.empty()) {
                std::lock_guard lock(mutex_);
                prefetch_ = 0; // damage ahead: the request that reaches it will report it
            }
            continue;
        }
        {
            std::lock_guard lock(mutex_);
            lastServed_ = wanted;
        }
        onFrame_(std::move(result));
    }
}

} // namespace sb::codecs
