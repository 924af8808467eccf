#pragma once
// Decoded frames around the playhead, bounded by a byte budget, least recently used out first.
// It is what makes stepping backward cost about one frame instead of one GOP.

#include "codecs/decoded_frame.h"

#include <list>
#include <optional>
#include <unordered_map>

namespace sb::codecs {

class FrameCache {
public:
    explicit FrameCache(std::size_t byteBudget)
        : budget_(byteBudget) {}

    [[nodiscard]] std::optional<DecodedFrame> find(std::int64_t number); // refreshes its use
    [[nodiscard]] bool contains(std::int64_t number) const { return entries_.contains(number); }
    void insert(const DecodedFrame& frame);
    void clear();

    [[nodiscard]] std::size_t budget() const { return budget_; }
    [[nodiscard]] std::size_t bytes() const { return bytes_; }
    [[nodiscard]] std::size_t peakBytes() const { return peak_; }
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

private:
    void evictOverBudget();

    std::size_t budget_;
    std::size_t bytes_ = 0;
    std::size_t peak_ = 0;
    std::list<DecodedFrame> order_; // most recently used first
    std::unordered_map<std::int64_t, std::list<DecodedFrame>::iterator> entries_;
};

} // namespace sb::codecs
