#include "app/gui/vision/vision_tools.h"
#include "app/gui/dock_sides.h"

#include "app/gui/playback.h"
#include "app/gui/scheme_text.h"
#include "app/gui/session_document.h"
#include "app/gui/timeline/timeline_view.h"
#include "app/gui/video_view.h"
#include "app/gui/vision/candidate_panel.h"
#include "app/gui/vision/filmstrip_lane.h"
#include "app/gui/vision/motion_tracks.h"
#include "app/gui/vision/poster_frames.h"
#include "app/gui/vision/region_editor.h"
#include "app/gui/vision/session_regions.h"
#include "app/gui/vision/thumbnail_source.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace sb::gui {
namespace {

constexpr int kThumbnailHeight = 54;
constexpr char kSourceText[] = "sb_visionText";

} // namespace

VisionTools::VisionTools(QMainWindow& window, SessionDocument& document, Playback& playback,
                         TimelineView& timeline)
    : QObject(&window)
    , window_(window)
    , document_(document)
    , playback_(playback)
    , timeline_(timeline) {
    setObjectName(QStringLiteral("visionTools"));
    motion_ = new MotionTracks(window.statusBar(), this);
    filmstrip_ = new FilmstripLane(this);
    filmstrip_->setObjectName(QStringLiteral("filmstrip"));
    posters_ = new PosterFrames(this);
    regions_ = new SessionRegions(document, this);
    candidates_ = new CandidatePanel(document, *motion_, &window);
    candidates_->setObjectName(QStringLiteral("candidatePanel"));
    candidateDock_ = new QDockWidget(&window);
    candidateDock_->setObjectName(QStringLiteral("candidatesDock"));
    candidateDock_->setWidget(candidates_);
    // Made with the window, before any saved arrangement is restored: on the side of its direction.
    window.addDockWidget(dockArea(Qt::RightDockWidgetArea, window.isRightToLeft()), candidateDock_);
    if (auto* details = window.findChild<QDockWidget*>(QStringLiteral("detailsDock")))
        window.tabifyDockWidget(details, candidateDock_);

    connect(motion_, &MotionTracks::lanesChanged, this, &VisionTools::updateLanes);
    connect(motion_, &MotionTracks::failed, this, &VisionTools::message);
    connect(regions_, &SessionRegions::problem, this, &VisionTools::message);
    connect(regions_, &SessionRegions::analysisRegionsChanged, this, &VisionTools::restartAnalysis);
    connect(candidates_, &CandidatePanel::seekRequested, this, [this](std::int64_t t) {
        playback_.pause();
        playback_.seek(t);
    });
    connect(&playback_, &Playback::positionChanged, this, [this](std::int64_t t) {
        for (RegionEditor* editor : std::as_const(editors_))
            editor->setSessionTime(t);
    });
    buildActions();
    window.installEventFilter(this);
    retranslateUi();
    updateLanes();
}

VisionTools::~VisionTools() {
    timeline_.setLanes({});
}

void VisionTools::buildActions() {
    auto make = [this](const QString& name, const char* text, const QKeySequence& key) {
        auto* action = new QAction(&window_);
        action->setObjectName(name);
        action->setProperty(kSourceText, QByteArray(text));
        action->setShortcut(key);
        action->setShortcutContext(Qt::ApplicationShortcut);
        window_.addAction(action);
        actions_.append(action);
        return action;
    };
    connect(make(QStringLiteral("nextPeak"), QT_TR_NOOP("Next &peak above the threshold"),
                 QKeySequence(QStringLiteral("Alt+Right"))),
            &QAction::triggered, this, &VisionTools::nextPeak);
    connect(make(QStringLiteral("previousPeak"), QT_TR_NOOP("Previous p&eak above the threshold"),
                 QKeySequence(QStringLiteral("Alt+Left"))),
            &QAction::triggered, this, &VisionTools::previousPeak);
    auto* group = new QActionGroup(this);
    group->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    const struct {
        const char* name;
        const char* text;
        RegionEditor::Mode mode;
    } modes[] = {
        {"drawAnalysisRegion", QT_TR_NOOP("Draw &analysis region"), RegionEditor::Mode::AnalysisRegion},
        {"drawBlurRectangle", QT_TR_NOOP("Draw &blur rectangle"), RegionEditor::Mode::BlurRectangle},
        {"drawBlurEllipse", QT_TR_NOOP("Draw blur &ellipse"), RegionEditor::Mode::BlurEllipse}};
    for (const auto& m : modes) {
        QAction* action = make(QString::fromLatin1(m.name), m.text, QKeySequence());
        action->setCheckable(true);
        group->addAction(action);
        const int mode = static_cast<int>(m.mode);
        connect(action, &QAction::toggled, this, [this, mode](bool on) {
            if (on)
                setDrawMode(mode);
            else if (std::none_of(actions_.begin(), actions_.end(),
                                  [](QAction* a) { return a->isChecked() && a->actionGroup() != nullptr; }))
                setDrawMode(static_cast<int>(RegionEditor::Mode::Off));
        });
    }
    QAction* show =
        make(QStringLiteral("showRegions"), QT_TR_NOOP("Show &regions on the video"), QKeySequence());
    show->setCheckable(true);
    show->setChecked(true);
    connect(show, &QAction::toggled, this, [this](bool on) {
        for (RegionEditor* editor : std::as_const(editors_))
            editor->setRegionsVisible(on);
    });
    connect(make(QStringLiteral("exportClip"), QT_TR_NOOP("E&xport clip…"),
                 QKeySequence(QStringLiteral("Ctrl+Shift+E"))),
            &QAction::triggered, this, [this] { exportSelection(); });

    menu_ = window_.menuBar()->addMenu(QString());
    menu_->setObjectName(QStringLiteral("analysisMenu"));
    for (QAction* action : std::as_const(actions_)) {
        menu_->addAction(action);
        if (action->objectName() == QStringLiteral("previousPeak") ||
            action->objectName() == QStringLiteral("showRegions"))
            menu_->addSeparator();
    }
    // Before Help, where menus of the same kind sit.
    const auto menus = window_.menuBar()->actions();
    if (menus.size() >= 2)
        window_.menuBar()->insertAction(menus[menus.size() - 2], menu_->menuAction());
}

QAction* VisionTools::action(const QString& name) const {
    for (QAction* a : actions_)
        if (a->objectName() == name)
            return a;
    return nullptr;
}

bool VisionTools::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &window_ && event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::eventFilter(watched, event);
}

void VisionTools::retranslateUi() {
    for (QAction* action : std::as_const(actions_))
        action->setText(tr(action->property(kSourceText).toByteArray().constData()));
    menu_->setTitle(tr("&Analysis"));
    candidateDock_->setWindowTitle(tr("Candidates"));
    emit filmstrip_->layoutChanged(); // lane titles
}

void VisionTools::message(const QString& text) {
    window_.statusBar()->showMessage(text, 8000);
}

void VisionTools::updateLanes() {
    QList<TimelineLane*> lanes{filmstrip_};
    for (MeasureLane* lane : motion_->lanes())
        lanes.append(lane);
    timeline_.setLanes(lanes);
}

void VisionTools::sessionLoaded(const QList<VideoView*>& views) {
    editors_.clear(); // they belonged to the old views
    ThumbnailSource* old = thumbnails_;
    thumbnails_ = nullptr;
    if (playback_.viewCount() > 0) {
        const PlaybackMedia& media = playback_.viewMedia(0);
        QSize size;
        if (media.info && media.info->video)
            size = QSize(media.info->video->width, media.info->video->height);
        thumbnails_ = new ThumbnailSource(media.resolved, media.index, size, kThumbnailHeight, this);
        filmstrip_->setSource(thumbnails_, media.offset);
    } else {
        filmstrip_->setSource(nullptr, 0);
    }
    delete old;
    for (int i = 0; i < views.size() && i < playback_.viewCount(); ++i) {
        const PlaybackMedia& media = playback_.viewMedia(i);
        QSize size;
        if (media.info && media.info->video)
            size = QSize(media.info->video->width, media.info->video->height);
        auto* editor =
            new RegionEditor(views[i], *regions_, QFileInfo(media.resolved).fileName(), media.offset, size,
                             media.index ? media.index->videoEnd().count() : 0);
        editor->setRegionsVisible(action(QStringLiteral("showRegions"))->isChecked());
        editor->setSessionTime(playback_.position());
        connect(editor, &RegionEditor::message, this, &VisionTools::message);
        editors_.append(editor);
    }
    for (QAction* a : std::as_const(actions_))
        if (a->isCheckable() && a->actionGroup())
            a->setChecked(false);
    regions_->load(); // starts the analysis with the session's regions
}

void VisionTools::restartAnalysis() {
    if (playback_.viewCount() == 0) {
        motion_->clear();
        return;
    }
    const PlaybackMedia& media = playback_.viewMedia(0);
    motion_->start(media.resolved, media.offset, media.index, regions_->analysisRegions());
}

void VisionTools::setDrawMode(int mode) {
    for (int i = 0; i < editors_.size(); ++i) {
        // Analysis regions are measured on the first camera only.
        const auto m = static_cast<RegionEditor::Mode>(mode);
        editors_[i]->setMode(m == RegionEditor::Mode::AnalysisRegion && i > 0 ? RegionEditor::Mode::Off : m);
    }
}

void VisionTools::decorateSessions(QListWidget* sessions) {
    if (!document_.isOpen())
        return;
    const QDir base = QFileInfo(document_.projectFile()).absoluteDir();
    std::vector<PosterFrames::Entry> entries;
    for (const auto& s : document_.project().store().sessions()) {
        PosterFrames::Entry entry;
        entry.session = static_cast<qlonglong>(s.id.value);
        if (!s.media.empty())
            entry.media = QFileInfo(base, QString::fromStdString(s.media.front().path)).absoluteFilePath();
        entries.push_back(entry);
    }
    posters_->decorate(sessions, entries);
}

void VisionTools::nextPeak() {
    if (const auto t = motion_->nextPeak(playback_.position())) {
        playback_.pause();
        playback_.seek(*t);
    } else {
        message(motion_->activeLane() ? tr("No peak above the threshold after this frame.")
                                      : tr("The motion and sound tracks are not ready yet."));
    }
}

void VisionTools::previousPeak() {
    if (const auto t = motion_->previousPeak(playback_.position())) {
        playback_.pause();
        playback_.seek(*t);
    } else {
        message(motion_->activeLane() ? tr("No peak above the threshold before this frame.")
                                      : tr("The motion and sound tracks are not ready yet."));
    }
}

ClipExportDialog* VisionTools::exportClip(qint64 from, qint64 to, const QString& code) {
    if (!document_.isOpen() || playback_.viewCount() == 0) {
        message(tr("This session has no video to export."));
        return nullptr;
    }
    if (dialog_)
        dialog_->close();
    const PlaybackMedia& media = playback_.viewMedia(0);
    ClipSource source{media.resolved, media.offset, media.index};
    ClipRequest request{from, to, QString::fromStdString(document_.session().name), code};
    auto* dialog = new ClipExportDialog(source, request, regions_->blurRegions(), &window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog_ = dialog;
    playback_.pause();
    dialog->show();
    return dialog;
}

ClipExportDialog* VisionTools::exportSelection() {
    if (!document_.isOpen())
        return nullptr;
    if (const qint64 id = timeline_.selected(); id != 0) {
        const auto a =
            document_.project().store().annotation(document_.viewer(), annotation::AnnotationId{id});
        if (a) {
            const schemes::Code* code = document_.scheme().code(a->code);
            const QString label = code ? schemeText(code->label) : QString::fromStdString(a->code);
            if (a->end)
                return exportClip(a->start.count(), a->end->count(), label);
            return exportClip(std::max<qint64>(0, a->start.count() - 2'000'000),
                              std::min<qint64>(playback_.duration(), a->start.count() + 2'000'000), label);
        }
    }
    const auto visible = timeline_.visibleRange();
    return exportClip(visible.from, std::min<qint64>(visible.to, playback_.duration()));
}

} // namespace sb::gui
