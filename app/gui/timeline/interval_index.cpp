#include "app/gui/timeline/interval_index.h"

#include <algorithm>
#include <limits>

namespace sb::gui {

void IntervalIndex::build(std::vector<std::int64_t> starts, std::vector<std::int64_t> ends) {
    starts_ = std::move(starts);
    ends_ = std::move(ends);
    leaves_ = 1;
    while (leaves_ < starts_.size())
        leaves_ *= 2;
    latestEnd_.assign(2 * leaves_, std::numeric_limits<std::int64_t>::min());
    for (std::size_t i = 0; i < ends_.size(); ++i)
        latestEnd_[leaves_ + i] = ends_[i];
    for (std::size_t n = leaves_ - 1; n >= 1; --n)
        latestEnd_[n] = std::max(latestEnd_[2 * n], latestEnd_[2 * n + 1]);
}

std::size_t IntervalIndex::countStartingBy(std::int64_t to) const {
    return static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), to) - starts_.begin());
}

std::size_t IntervalIndex::countStartingBefore(std::int64_t from) const {
    return static_cast<std::size_t>(std::lower_bound(starts_.begin(), starts_.end(), from) - starts_.begin());
}

} // namespace sb::gui
