#include "app/gui/vision/measure_lane.h"

#include "app/gui/timeline/colour_mix.h"

#include <QPainter>
#include <QSettings>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace sb::gui {
namespace {

constexpr int kColumn = 2; // pixels per painted column
constexpr int kGrip = 4;   // pixels either side of the threshold line that grab it
constexpr int kPad = 2;

QString settingsKey(const std::string& track) {
    return QStringLiteral("analysis/threshold/") + QString::fromStdString(track);
}

} // namespace

MeasureLane::MeasureLane(std::shared_ptr<const analysis::MotionAnalysis> analysis, int track,
                         std::int64_t offset, QObject* parent)
    : TimelineLane(parent)
    , analysis_(std::move(analysis))
    , track_(track)
    , offset_(offset) {
    scale_ = analysis::scaleFor(this->track());
    // The coder's threshold per measure is remembered between sessions.
    threshold_ = std::clamp(QSettings().value(settingsKey(this->track().name), 0.5).toDouble(), 0.0, 1.0);
    findPeaks();
}

const analysis::AnalysisTrack& MeasureLane::track() const {
    return analysis_->tracks.at(static_cast<std::size_t>(track_));
}

float MeasureLane::thresholdValue() const {
    return scale_.value(static_cast<float>(threshold_));
}

void MeasureLane::setThreshold(double fraction) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (fraction == threshold_)
        return;
    threshold_ = fraction;
    QSettings().setValue(settingsKey(track().name), threshold_);
    findPeaks();
    emit thresholdChanged(threshold_);
    emit changed();
}

void MeasureLane::findPeaks() {
    analysis::PeakCriteria criteria;
    criteria.threshold = thresholdValue();
    peaks_ = analysis::findPeaks(track().values, analysis_->frameTimesUs, criteria);
}

std::int64_t MeasureLane::sessionTime(std::int64_t frame) const {
    return offset_ + analysis_->frameTime(frame).count();
}

std::int64_t MeasureLane::frameAtSession(std::int64_t t) const {
    const std::int64_t count = analysis_->frameCount();
    if (count == 0)
        return 0;
    if (t - offset_ < 0)
        return 0;
    return analysis_->frameAt(std::chrono::microseconds(t - offset_)).value_or(count - 1);
}

void MeasureLane::setActive(bool active) {
    if (active == active_)
        return;
    active_ = active;
    emit changed();
}

int MeasureLane::height(int fontHeight) const {
    return 2 * fontHeight + 8;
}

QString MeasureLane::title() const {
    const auto& t = track();
    const QString region = QString::fromStdString(t.region);
    switch (t.kind) {
    case analysis::MeasureKind::Motion:
        return region.isEmpty() ? tr("Motion") : tr("Motion: %1").arg(region);
    case analysis::MeasureKind::Flow:
        return region.isEmpty() ? tr("Flow") : tr("Flow: %1").arg(region);
    case analysis::MeasureKind::AudioRms:
        return tr("Sound");
    }
    return name();
}

QColor MeasureLane::colour() const {
    const auto& t = track();
    switch (t.kind) {
    case analysis::MeasureKind::Motion:
        return t.region.empty() ? QColor(52, 120, 200) : QColor(32, 150, 140);
    case analysis::MeasureKind::Flow:
        return QColor(130, 90, 190);
    case analysis::MeasureKind::AudioRms:
        return QColor(220, 130, 40);
    }
    return QColor(Qt::gray);
}

int MeasureLane::thresholdY(const QRect& lane, double fraction) {
    const int usable = std::max(1, lane.height() - 2 * kPad);
    return lane.bottom() - kPad - static_cast<int>(std::lround(fraction * usable));
}

double MeasureLane::fractionAt(int y, const QRect& lane) const {
    const int usable = std::max(1, lane.height() - 2 * kPad);
    return std::clamp((lane.bottom() - kPad - y) / static_cast<double>(usable), 0.0, 1.0);
}

void MeasureLane::paint(QPainter& painter, const TimeAxis& axis, const QRect& lane, const QRect& exposed) {
    const QColor ground = active_ ? QColor(246, 248, 252) : QColor(238, 238, 240);
    painter.fillRect(lane.intersected(exposed), ground);
    const QColor fill = colour();
    const auto& values = track().values;
    const std::int64_t count = analysis_->frameCount();
    const int usable = std::max(1, lane.height() - 2 * kPad);
    const int left = std::max(lane.left(), exposed.left() - kColumn) / kColumn * kColumn;
    const int right = std::min(lane.right(), exposed.right() + kColumn);
    const double videoStart = static_cast<double>(offset_);
    const double videoEnd = static_cast<double>(offset_ + analysis_->videoEndUs);
    if (count > 0) {
        for (int x = left; x <= right; x += kColumn) {
            const double t0 = axis.xToTime(x);
            const double t1 = axis.xToTime(x + kColumn);
            if (t1 <= videoStart || t0 >= videoEnd)
                continue;
            const std::int64_t f0 = frameAtSession(static_cast<std::int64_t>(t0));
            const std::int64_t f1 = std::max(f0 + 1, frameAtSession(static_cast<std::int64_t>(t1)));
            float top = std::numeric_limits<float>::quiet_NaN();
            for (std::int64_t f = f0; f < f1 && f < count; ++f) {
                const float v = values[static_cast<std::size_t>(f)];
                if (!std::isnan(v) && (std::isnan(top) || v > top))
                    top = v;
            }
            if (std::isnan(top))
                continue;
            const int h = static_cast<int>(std::lround(scale_.normalise(top) * usable));
            if (h > 0)
                painter.fillRect(QRect(x, lane.bottom() - kPad - h + 1, kColumn, h), fill);
        }
    }
    // Peaks above the threshold: a tick at the top of the lane.
    painter.setPen(Qt::NoPen);
    painter.setBrush(mixColours(fill, QColor(0, 0, 0), 55));
    for (const analysis::Peak& peak : peaks_) {
        const int x = static_cast<int>(std::lround(axis.xAt(sessionTime(peak.frame))));
        if (x < exposed.left() - 5 || x > exposed.right() + 5)
            continue;
        const std::array<QPoint, 3> mark{QPoint(x - 4, lane.top() + 1), QPoint(x + 4, lane.top() + 1),
                                         QPoint(x, lane.top() + 6)};
        painter.drawConvexPolygon(mark.data(), static_cast<int>(mark.size()));
    }
    const int y = thresholdY(lane, threshold_);
    painter.setPen(QPen(QColor(200, 40, 40), active_ ? 2 : 1, Qt::DashLine));
    painter.drawLine(lane.left(), y, lane.right(), y);
    painter.setPen(QColor(200, 200, 205));
    painter.drawLine(lane.left(), lane.bottom(), lane.right(), lane.bottom());
    if (active_) {
        painter.setPen(QPen(mixColours(fill, ground, 70), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(lane.adjusted(0, 0, -1, -1));
    }
}

bool MeasureLane::grabs(QPoint pos, const QRect& lane) const {
    return std::abs(pos.y() - thresholdY(lane, threshold_)) <= kGrip;
}

bool MeasureLane::press(QPoint pos, const TimeAxis&, const QRect& lane) {
    emit activated();
    dragging_ = grabs(pos, lane);
    return dragging_; // elsewhere the timeline scrubs as usual
}

void MeasureLane::move(QPoint pos, const TimeAxis&, const QRect& lane) {
    if (dragging_)
        setThreshold(fractionAt(pos.y(), lane));
}

void MeasureLane::release(QPoint pos, const TimeAxis& axis, const QRect& lane) {
    move(pos, axis, lane);
    dragging_ = false;
}

QString MeasureLane::toolTip(QPoint pos, const TimeAxis& axis, const QRect& lane) const {
    if (grabs(pos, lane))
        return tr("Threshold %1: drag to change; %2 peaks above it")
            .arg(QString::number(thresholdValue(), 'f', 2))
            .arg(peaks_.size());
    const std::int64_t frame = frameAtSession(axis.timeAt(pos.x()));
    if (frame < 0 || frame >= analysis_->frameCount())
        return {};
    const float v = track().values[static_cast<std::size_t>(frame)];
    return tr("%1 at frame %2: %3")
        .arg(title())
        .arg(frame)
        .arg(std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 2));
}

} // namespace sb::gui
