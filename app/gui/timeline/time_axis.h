#pragma once
// The timeline's horizontal mapping between session time (microseconds) and widget x, with zoom
// and pan. Time always runs left to right, whatever the layout direction: media players do not
// mirror their time axis, and coders compare the timeline with the player's scrub bar.

#include <cstdint>

namespace sb::gui {

class TimeAxis {
public:
    // The strip of the widget the axis occupies: x in [left, left + width).
    void setViewport(int left, int width);
    int left() const { return left_; }
    int width() const { return width_; }

    // The session's length; the view never shows time before 0 or after the end.
    void setDuration(std::int64_t duration);
    std::int64_t duration() const { return duration_; }

    // The finest zoom in microseconds per pixel (for single frames, a frame's length over the
    // pixels one frame should cover).
    void setFinestScale(double microsecondsPerPixel);
    double finestScale() const;
    // The coarsest zoom: the whole session fits the viewport.
    double coarsestScale() const;

    double scale() const { return scale_; } // microseconds per pixel
    std::int64_t start() const;             // first visible time
    std::int64_t end() const;               // first time past the right edge

    // Widget x of a time, and the time under a widget x (clamped to the session).
    double xAt(std::int64_t time) const {
        return left_ + (static_cast<double>(time) - start_) * pixelsPerMicrosecond_;
    }
    std::int64_t timeAt(double x) const;
    // The exact (fractional, unclamped) time at widget x.
    double xToTime(double x) const { return start_ + (x - left_) * scale_; }

    void setRange(std::int64_t from, std::int64_t to);
    void setStart(double start);
    // Multiplies the scale by `factor` (< 1 zooms in) keeping the time under widget x in place.
    void zoomAround(double x, double factor);
    void panByPixels(double dx);
    void showWholeSession();

    bool atFinest() const;
    bool atCoarsest() const;

private:
    void clamp();

    int left_ = 0;
    int width_ = 1;
    std::int64_t duration_ = 0;
    double finest_ = 1.0;
    double scale_ = 1.0;
    double pixelsPerMicrosecond_ = 1.0; // 1 / scale_: xAt runs per item per repaint, so no division
    double start_ = 0.0;                // kept fractional so repeated zooms around a point do not drift
};

} // namespace sb::gui
