#pragma once
// Hand-built timelines for the timeline agreement tests, with times in seconds for legibility.

#include "annotation/agreement/timeline.h"

#include <cmath>
#include <string>

namespace sb::agreement::test {

inline Microseconds seconds(double s) {
    return Microseconds{std::llround(s * 1e6)};
}

inline TimelineEvent state(std::string code, double start, double end) {
    return {std::move(code), seconds(start), seconds(end)};
}

inline TimelineEvent point(std::string code, double at) {
    return {std::move(code), seconds(at), std::nullopt};
}

} // namespace sb::agreement::test
