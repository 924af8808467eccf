#pragma once
// The session's motion and sound tracks: the analysis of the first video runs in the
// background when a session opens (codecs/analysis AnalysisJob: its cache first, then both
// cores), its progress in the status bar, and when it is done each measure becomes a lane of
// the timeline. Jumping to the next or previous peak above the threshold follows the active
// lane (the last one clicked; whole-frame motion at first).

#include "app/gui/vision/measure_lane.h"

#include "codecs/analysis/analysis_job.h"
#include "codecs/analysis/region_of_interest.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace sb::gui {

class MotionTracks : public QObject {
    Q_OBJECT
public:
    explicit MotionTracks(QStatusBar* statusBar, QObject* parent = nullptr);
    ~MotionTracks() override;

    // Analyses `file` (placed at `offset` on the session clock) with these regions; an
    // analysis already running is cancelled. Lanes go away until the new result is in.
    void start(const QString& file, std::int64_t offset, std::shared_ptr<const codecs::FrameIndex> index,
               std::vector<analysis::RegionOfInterest> regions);
    // Drops the lanes and cancels a running analysis (a session without video).
    void clear();

    [[nodiscard]] bool running() const { return job_ != nullptr; }
    [[nodiscard]] const QList<MeasureLane*>& lanes() const { return lanes_; }
    [[nodiscard]] MeasureLane* activeLane() const { return active_; }
    void setActiveLane(MeasureLane* lane);
    [[nodiscard]] std::shared_ptr<const analysis::MotionAnalysis> result() const { return result_; }
    [[nodiscard]] const QString& file() const { return file_; }

    // The session time of the next / previous peak of the active lane after / before the
    // frame on screen at `position`; nullopt when there is none.
    [[nodiscard]] std::optional<std::int64_t> nextPeak(std::int64_t position) const;
    [[nodiscard]] std::optional<std::int64_t> previousPeak(std::int64_t position) const;

signals:
    void lanesChanged();
    void activeLaneChanged(MeasureLane* lane);
    // The analysis could not run; the message names the file and the reason.
    void failed(const QString& message);
    void finished();

private:
    void onProgress(std::uint64_t generation, const analysis::AnalysisProgress& progress);
    void onFinished(std::uint64_t generation);
    void showProgress(const QString& text, int percent);
    void hideProgress();
    void dropLanes();

    QPointer<QStatusBar> statusBar_;
    QLabel* progressLabel_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    std::unique_ptr<analysis::AnalysisJob> job_;
    std::uint64_t generation_ = 0;
    QString file_;
    std::int64_t offset_ = 0;
    std::shared_ptr<const analysis::MotionAnalysis> result_;
    QList<MeasureLane*> lanes_;
    MeasureLane* active_ = nullptr;
};

} // namespace sb::gui
