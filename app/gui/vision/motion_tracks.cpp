#include "app/gui/vision/motion_tracks.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

namespace sb::gui {

MotionTracks::MotionTracks(QStatusBar* statusBar, QObject* parent)
    : QObject(parent)
    , statusBar_(statusBar) {
    if (statusBar_) {
        progressLabel_ = new QLabel(statusBar_);
        progressLabel_->setObjectName(QStringLiteral("analysisProgressLabel"));
        progressBar_ = new QProgressBar(statusBar_);
        progressBar_->setObjectName(QStringLiteral("analysisProgress"));
        progressBar_->setRange(0, 100);
        progressBar_->setMaximumWidth(160);
        progressBar_->setMaximumHeight(16);
        statusBar_->addPermanentWidget(progressLabel_);
        statusBar_->addPermanentWidget(progressBar_);
        hideProgress();
    }
}

MotionTracks::~MotionTracks() {
    job_.reset(); // cancels and joins before the lanes go
}

void MotionTracks::dropLanes() {
    const QList<MeasureLane*> old = lanes_;
    lanes_.clear();
    active_ = nullptr;
    emit lanesChanged();
    qDeleteAll(old);
}

void MotionTracks::clear() {
    ++generation_;
    job_.reset();
    result_.reset();
    file_.clear();
    hideProgress();
    dropLanes();
}

void MotionTracks::start(const QString& file, std::int64_t offset,
                         std::shared_ptr<const codecs::FrameIndex> index,
                         std::vector<analysis::RegionOfInterest> regions) {
    clear();
    file_ = file;
    offset_ = offset;
    const std::uint64_t generation = ++generation_;
    analysis::AnalysisParameters parameters;
    parameters.regions = std::move(regions);
    analysis::AnalysisJobOptions options;
    options.index = std::move(index);
    QPointer<MotionTracks> self(this);
    options.progress = [self, generation](const analysis::AnalysisProgress& progress) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, generation, progress] {
            if (self)
                self->onProgress(generation, progress);
        });
    };
    options.finished = [self, generation] {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, generation] {
            if (self)
                self->onFinished(generation);
        });
    };
    showProgress(tr("Analysing motion and sound…"), 0);
    job_ = std::make_unique<analysis::AnalysisJob>(file.toStdString(), std::move(parameters),
                                                   std::move(options));
}

void MotionTracks::onProgress(std::uint64_t generation, const analysis::AnalysisProgress& progress) {
    if (generation != generation_ || !job_)
        return;
    switch (progress.stage) {
    case analysis::AnalysisProgress::Stage::Cache:
        showProgress(tr("Reading the motion analysis from the cache…"), 0);
        break;
    case analysis::AnalysisProgress::Stage::Index:
        showProgress(tr("Indexing the video for analysis…"), 0);
        break;
    case analysis::AnalysisProgress::Stage::Analyse:
        showProgress(tr("Analysing motion and sound: frame %1 of %2")
                         .arg(progress.framesDone)
                         .arg(progress.frameCount),
                     static_cast<int>(progress.fraction() * 100));
        break;
    case analysis::AnalysisProgress::Stage::Done:
        break;
    }
}

void MotionTracks::onFinished(std::uint64_t generation) {
    if (generation != generation_ || !job_)
        return;
    std::shared_ptr<const analysis::MotionAnalysis> result;
    QString problem;
    try {
        result = job_->result();
    } catch (const analysis::AnalysisCancelled&) {
        // a newer analysis replaced it
    } catch (const std::exception& e) {
        problem = tr("Motion analysis of %1 failed: %2")
                      .arg(QFileInfo(file_).fileName(), QString::fromStdString(e.what()));
    }
    job_.reset();
    hideProgress();
    if (!problem.isEmpty()) {
        emit failed(problem);
        return;
    }
    if (!result)
        return;
    result_ = result;
    dropLanes();
    for (int i = 0; i < static_cast<int>(result->tracks.size()); ++i) {
        auto* lane = new MeasureLane(result, i, offset_, this);
        lane->setObjectName(QStringLiteral("lane:") +
                            QString::fromStdString(result->tracks[static_cast<std::size_t>(i)].name));
        connect(lane, &MeasureLane::activated, this, [this, lane] { setActiveLane(lane); });
        lanes_.append(lane);
    }
    if (!lanes_.isEmpty())
        setActiveLane(lanes_.front());
    emit lanesChanged();
    if (!result->warnings.empty())
        emit failed(QString::fromStdString(result->warnings.front()));
    emit finished();
}

void MotionTracks::setActiveLane(MeasureLane* lane) {
    if (lane == active_)
        return;
    if (active_)
        active_->setActive(false);
    active_ = lane;
    if (active_)
        active_->setActive(true);
    emit activeLaneChanged(active_);
}

std::optional<std::int64_t> MotionTracks::nextPeak(std::int64_t position) const {
    if (!active_)
        return std::nullopt;
    const auto peak = analysis::nextPeak(active_->peaks(), active_->frameAtSession(position));
    if (!peak)
        return std::nullopt;
    return active_->sessionTime(peak->frame);
}

std::optional<std::int64_t> MotionTracks::previousPeak(std::int64_t position) const {
    if (!active_)
        return std::nullopt;
    const std::int64_t frame = position < active_->offset() ? -1 : active_->frameAtSession(position);
    const auto peak = analysis::previousPeak(active_->peaks(), frame);
    if (!peak)
        return std::nullopt;
    return active_->sessionTime(peak->frame);
}

void MotionTracks::showProgress(const QString& text, int percent) {
    if (!progressBar_)
        return;
    progressLabel_->setText(text);
    progressBar_->setValue(percent);
    progressLabel_->show();
    progressBar_->show();
}

void MotionTracks::hideProgress() {
    if (!progressBar_)
        return;
    progressLabel_->hide();
    progressBar_->hide();
}

} // namespace sb::gui
