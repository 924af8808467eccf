#pragma once
// What the workstation sees in the picture (issue 10): the filmstrip and the motion and sound
// lanes of the timeline, peak jumping, candidate events, regions drawn on the video, poster
// frames in the project browser and the clip export. The window creates one and calls its two
// hooks (a session's media loaded, the session list rebuilt); everything else lives here, so
// the window stays a layout.
//
// Keys (application-wide, never a coding key: the scheme binds single keys):
//   Alt+Right / Alt+Left ....... next / previous peak above the threshold of the active lane
//   Ctrl+Shift+E ............... export the selected annotation (or the visible stretch) as a clip

#include "app/gui/vision/clip_export_dialog.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QListWidget;
class QMainWindow;
class QMenu;

namespace sb::gui {

class CandidatePanel;
class FilmstripLane;
class MotionTracks;
class Playback;
class PosterFrames;
class RegionEditor;
class SessionDocument;
class SessionRegions;
class ThumbnailSource;
class TimelineView;
class VideoView;

class VisionTools : public QObject {
    Q_OBJECT
public:
    VisionTools(QMainWindow& window, SessionDocument& document, Playback& playback, TimelineView& timeline);
    ~VisionTools() override;

    // Hooks for the window.
    void sessionLoaded(const QList<VideoView*>& views);
    void decorateSessions(QListWidget* sessions);

    [[nodiscard]] MotionTracks& motion() { return *motion_; }
    [[nodiscard]] FilmstripLane& filmstrip() { return *filmstrip_; }
    [[nodiscard]] ThumbnailSource* thumbnails() const { return thumbnails_; }
    [[nodiscard]] CandidatePanel& candidates() { return *candidates_; }
    [[nodiscard]] SessionRegions& regions() { return *regions_; }
    [[nodiscard]] PosterFrames& posters() { return *posters_; }
    [[nodiscard]] const QList<RegionEditor*>& regionEditors() const { return editors_; }
    [[nodiscard]] QAction* action(const QString& name) const;

public slots:
    void nextPeak();
    void previousPeak();
    // Opens the clip export dialog for session times [from, to]; `code` (a label) goes into
    // the default caption. For the supervision views too (a disagreement, a review thread).
    ClipExportDialog* exportClip(qint64 from, qint64 to, const QString& code = {});
    // The selected annotation's stretch (a point: two seconds either side), else the
    // visible part of the timeline.
    ClipExportDialog* exportSelection();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildActions();
    void retranslateUi();
    void updateLanes();
    void restartAnalysis();
    void setDrawMode(int mode);
    void message(const QString& text);

    QMainWindow& window_;
    SessionDocument& document_;
    Playback& playback_;
    TimelineView& timeline_;
    MotionTracks* motion_ = nullptr;
    FilmstripLane* filmstrip_ = nullptr;
    ThumbnailSource* thumbnails_ = nullptr;
    PosterFrames* posters_ = nullptr;
    SessionRegions* regions_ = nullptr;
    CandidatePanel* candidates_ = nullptr;
    QDockWidget* candidateDock_ = nullptr;
    QMenu* menu_ = nullptr;
    QList<QAction*> actions_;
    QList<RegionEditor*> editors_;
    QPointer<ClipExportDialog> dialog_;
};

} // namespace sb::gui
