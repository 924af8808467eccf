#pragma once
// Which items of a track overlap a stretch of time, without looking at the others.
//
// Items are sorted by start; a long state that began well before the visible range still
// overlaps it, so "start in range" is not enough and a plain binary search would either miss it
// or have to scan back to the beginning. The index keeps an implicit binary tree over the sorted
// items where every node knows the latest end below it: a query walks only the subtrees that can
// reach into the range, so it costs O(log n + k) for k overlapping items and visits them in
// start order (which the painter's per-pixel coalescing relies on).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sb::gui {

class IntervalIndex {
public:
    // `starts` ascending; `ends[i] >= starts[i]` (a point has end == start).
    void build(std::vector<std::int64_t> starts, std::vector<std::int64_t> ends);

    std::size_t size() const { return starts_.size(); }
    std::int64_t start(std::size_t i) const { return starts_[i]; }
    std::int64_t end(std::size_t i) const { return ends_[i]; }

    // Calls fn(i), in ascending i, for every item with start <= to and end >= from.
    template <class Fn>
    void forEachOverlapping(std::int64_t from, std::int64_t to, Fn&& fn) const;

private:
    std::size_t countStartingBy(std::int64_t to) const;
    std::size_t countStartingBefore(std::int64_t from) const;

    std::vector<std::int64_t> starts_;
    std::vector<std::int64_t> ends_;
    std::vector<std::int64_t> latestEnd_; // node 1 is the root; node n has children 2n and 2n+1
    std::size_t leaves_ = 0;              // a power of two >= size()
};

template <class Fn>
void IntervalIndex::forEachOverlapping(std::int64_t from, std::int64_t to, Fn&& fn) const {
    if (from > to)
        return;
    const std::size_t last = countStartingBy(to);
    // Items starting inside [from, to] overlap it whatever their end: a plain loop, which is
    // most of the work when zoomed out. Only those starting earlier need the tree.
    const std::size_t inside = std::min(last, countStartingBefore(from));
    if (inside > 0) {
        struct Node {
            std::size_t index, lo, hi;
        };
        // Depth-first, left child first; at most one pending right sibling per level.
        Node stack[2 * 64];
        int top = 0;
        stack[top++] = {1, 0, leaves_};
        while (top > 0) {
            const Node node = stack[--top];
            if (node.lo >= inside || latestEnd_[node.index] < from)
                continue;
            if (node.hi - node.lo == 1) {
                fn(node.lo);
                continue;
            }
            const std::size_t mid = node.lo + (node.hi - node.lo) / 2;
            stack[top++] = {2 * node.index + 1, mid, node.hi};
            stack[top++] = {2 * node.index, node.lo, mid};
        }
    }
    for (std::size_t i = inside; i < last; ++i)
        fn(i);
}

} // namespace sb::gui
