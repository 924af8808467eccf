#pragma once
// One measure of the analysis (whole-frame motion, a region's motion, flow, sound) as a
// timeline lane: the values drawn as a filled curve on the track's own scale (motion_analysis.h
// TrackScale), the coder's threshold as a line across it that can be dragged, and the peaks
// above the threshold marked. The peaks are what the next/previous-peak keys jump between
// and what candidate events are made of.

#include "app/gui/timeline/timeline_lane.h"

#include "codecs/analysis/motion_analysis.h"
#include "codecs/analysis/peaks.h"

#include <memory>
#include <vector>

namespace sb::gui {

class MeasureLane : public TimelineLane {
    Q_OBJECT
public:
    // `offset`: where the file's time zero sits on the session clock.
    MeasureLane(std::shared_ptr<const analysis::MotionAnalysis> analysis, int track, std::int64_t offset,
                QObject* parent = nullptr);

    [[nodiscard]] const analysis::AnalysisTrack& track() const;
    [[nodiscard]] QString name() const { return QString::fromStdString(track().name); }
    [[nodiscard]] std::int64_t offset() const { return offset_; }
    [[nodiscard]] const analysis::MotionAnalysis& analysis() const { return *analysis_; }

    // The threshold as a fraction of the lane's height (0..1) and as a value of the measure.
    [[nodiscard]] double threshold() const { return threshold_; }
    [[nodiscard]] float thresholdValue() const;
    void setThreshold(double fraction);
    // Peaks above the threshold, by frame (recomputed when the threshold moves).
    [[nodiscard]] const std::vector<analysis::Peak>& peaks() const { return peaks_; }
    // Session time of a frame of the analysed file.
    [[nodiscard]] std::int64_t sessionTime(std::int64_t frame) const;
    // The analysed file's frame on screen at session time t (clamped into the video).
    [[nodiscard]] std::int64_t frameAtSession(std::int64_t t) const;

    // The lane the peak keys follow is drawn highlighted.
    void setActive(bool active);
    [[nodiscard]] bool active() const { return active_; }

    [[nodiscard]] int height(int fontHeight) const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] QColor colour() const override;
    void paint(QPainter& painter, const TimeAxis& axis, const QRect& lane, const QRect& exposed) override;
    bool press(QPoint pos, const TimeAxis& axis, const QRect& lane) override;
    void move(QPoint pos, const TimeAxis& axis, const QRect& lane) override;
    void release(QPoint pos, const TimeAxis& axis, const QRect& lane) override;
    [[nodiscard]] bool grabs(QPoint pos, const QRect& lane) const override;
    [[nodiscard]] QString toolTip(QPoint pos, const TimeAxis& axis, const QRect& lane) const override;

    // The y of the threshold line in a lane rectangle.
    [[nodiscard]] static int thresholdY(const QRect& lane, double fraction);

signals:
    void thresholdChanged(double fraction);
    // The coder clicked the lane: it becomes the one the peak keys follow.
    void activated();

private:
    void findPeaks();
    [[nodiscard]] double fractionAt(int y, const QRect& lane) const;

    std::shared_ptr<const analysis::MotionAnalysis> analysis_;
    int track_ = 0;
    std::int64_t offset_ = 0;
    analysis::TrackScale scale_;
    double threshold_ = 0.5;
    std::vector<analysis::Peak> peaks_;
    bool active_ = false;
    bool dragging_ = false;
    std::vector<float> buckets_; // scratch for painting
};

} // namespace sb::gui
