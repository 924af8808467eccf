#include "codecs/frame_cache.h"

#include <algorithm>

namespace sb::codecs {

std::optional<DecodedFrame> FrameCache::find(std::int64_t number) {
    const auto it = entries_.find(number);
    if (it == entries_.end())
        return std::nullopt;
    order_.splice(order_.begin(), order_, it->second);
    return *it->second;
}

void FrameCache::insert(const DecodedFrame& frame) {
    if (const auto it = entries_.find(frame.number); it != entries_.end()) {
        order_.splice(order_.begin(), order_, it->second);
        return;
    }
    const std::size_t size = frame.byteSize();
    if (size > budget_)
        return; // a frame larger than the whole budget is never kept
    order_.push_front(frame);
    entries_.emplace(frame.number, order_.begin());
    bytes_ += size;
    evictOverBudget();
    peak_ = std::max(peak_, bytes_);
}

void FrameCache::evictOverBudget() {
    while (bytes_ > budget_ && order_.size() > 1) {
        bytes_ -= order_.back().byteSize();
        entries_.erase(order_.back().number);
        order_.pop_back();
    }
}

void FrameCache::clear() {
    order_.clear();
    entries_.clear();
    bytes_ = 0;
}

} // namespace sb::codecs
