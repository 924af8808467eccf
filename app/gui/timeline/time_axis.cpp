#include "app/gui/timeline/time_axis.h"

#include <algorithm>
#include <cmath>

namespace sb::gui {

namespace {
// Shown when there is no session yet, so the ruler still reads sensibly.
constexpr std::int64_t kEmptySessionSpan = 60'000'000;
} // namespace

void TimeAxis::setViewport(int left, int width) {
    left_ = left;
    width_ = std::max(1, width);
    clamp();
}

void TimeAxis::setDuration(std::int64_t duration) {
    duration_ = std::max<std::int64_t>(0, duration);
    clamp();
}

void TimeAxis::setFinestScale(double microsecondsPerPixel) {
    finest_ = std::max(1e-3, microsecondsPerPixel);
    clamp();
}

double TimeAxis::finestScale() const {
    return std::min(finest_, coarsestScale());
}

double TimeAxis::coarsestScale() const {
    const std::int64_t span = duration_ > 0 ? duration_ : kEmptySessionSpan;
    return static_cast<double>(span) / width_;
}

std::int64_t TimeAxis::start() const {
    return std::llround(start_);
}

std::int64_t TimeAxis::end() const {
    return std::llround(start_ + scale_ * width_);
}

std::int64_t TimeAxis::timeAt(double x) const {
    const double t = start_ + (x - left_) * scale_;
    const double last = static_cast<double>(duration_ > 0 ? duration_ : kEmptySessionSpan);
    return std::llround(std::clamp(t, 0.0, last));
}

void TimeAxis::setRange(std::int64_t from, std::int64_t to) {
    if (to < from)
        std::swap(from, to);
    scale_ = static_cast<double>(std::max<std::int64_t>(1, to - from)) / width_;
    start_ = static_cast<double>(from);
    clamp();
}

void TimeAxis::setStart(double start) {
    start_ = start;
    clamp();
}

void TimeAxis::zoomAround(double x, double factor) {
    const double anchor = start_ + (x - left_) * scale_;
    scale_ = std::clamp(scale_ * factor, finestScale(), coarsestScale());
    start_ = anchor - (x - left_) * scale_;
    clamp();
}

void TimeAxis::panByPixels(double dx) {
    start_ += dx * scale_;
    clamp();
}

void TimeAxis::showWholeSession() {
    scale_ = coarsestScale();
    start_ = 0;
    pixelsPerMicrosecond_ = 1.0 / scale_;
}

// A relative tolerance: zoom steps multiply, so exact equality would depend on rounding.
bool TimeAxis::atFinest() const {
    return scale_ <= finestScale() * (1 + 1e-9);
}

bool TimeAxis::atCoarsest() const {
    return scale_ >= coarsestScale() * (1 - 1e-9);
}

void TimeAxis::clamp() {
    scale_ = std::clamp(scale_, finestScale(), coarsestScale());
    const double span = scale_ * width_;
    const double last = static_cast<double>(duration_ > 0 ? duration_ : kEmptySessionSpan);
    start_ = std::clamp(start_, 0.0, std::max(0.0, last - span));
    pixelsPerMicrosecond_ = 1.0 / scale_;
}

} // namespace sb::gui
