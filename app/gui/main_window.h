#pragma once
// The workstation window: video views and transport on top, the timeline below, the coding
// pad, the selected annotation and the edit history at the sides. Keys first: the scheme's
// keys code, the transport has its own keys, and a help overlay lists them all.

#include "app/gui/live_coder.h"
#include "app/gui/playback.h"
#include "app/gui/session_document.h"
#include "app/gui/timeline_content.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QHBoxLayout;

namespace sb::gui {

class AgreementWindow;
class AnnotationPanel;
class HistoryPanel;
class KeypadPanel;
class NotesPanel;
class SupervisionMenu;
class TimelineView;
class VideoView;
class VisionTools;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project at a session as a coder; false (with the reason shown) when it cannot.
    bool openProject(const QString& file, const QString& session = {}, const QString& coder = {});

    // For tests and the benchmark.
    [[nodiscard]] SessionDocument& document() { return document_; }
    [[nodiscard]] Playback& playback() { return playback_; }
    [[nodiscard]] LiveCoder& liveCoder() { return *coder_; }
    [[nodiscard]] TimelineView* timeline() const { return timeline_; }
    [[nodiscard]] NotesPanel* notes() const { return notes_; }
    [[nodiscard]] VisionTools* vision() const { return vision_; }
    // The Supervision menu: packages, review mode, progress, audit (app/gui/supervision/).
    [[nodiscard]] SupervisionMenu* supervision() const { return supervision_; }
    // Rebuilds the timeline's content (review mode changes what it shows).
    void refreshTimeline();
    // Opens (or raises) the agreement window for the open session.
    AgreementWindow* showAgreement();
    [[nodiscard]] const QList<VideoView*>& videoViews() const { return views_; }
    [[nodiscard]] QAction* action(const QString& name) const;
    // Where a dock placed in `area` of the left-to-right layout goes now: left and right swap
    // while the window is laid out right to left (dock_sides.h).
    [[nodiscard]] Qt::DockWidgetArea dockSide(Qt::DockWidgetArea area) const;
    [[nodiscard]] QStringList shadowedShortcuts() const { return shadowed_; }
    [[nodiscard]] QString lastMessage() const { return lastMessage_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildDocks();
    void syncDockSides(); // mirrors the docks when the direction changed since they were laid out
    QWidget* buildTransport();
    void loadSessionMedia();
    void refreshActions();
    void refreshSessions();
    void refreshTitle();
    void refreshSegmentsMenu();
    // Texts again in the interface language (on QEvent::LanguageChange).
    void retranslateUi();
    void applyShortcuts();
    void showMessage(const QString& message);
    void showShortcutHelp();
    void editShortcuts();
    void goToTimeOrFrame();
    void markSegment(const QString& segment);
    void locateMissingMedia();
    void computeWaveform();
    void onPosition(std::int64_t position);
    void chooseProject();

    SessionDocument document_;
    Playback playback_;
    LiveCoder* coder_ = nullptr;
    TimelineView* timeline_ = nullptr;
    AnnotationPanel* details_ = nullptr;
    KeypadPanel* keypad_ = nullptr;
    HistoryPanel* history_ = nullptr;
    NotesPanel* notes_ = nullptr;
    AgreementWindow* agreement_ = nullptr;
    VisionTools* vision_ = nullptr; // filmstrip, motion lanes, regions, clip export (app/gui/vision/)
    SupervisionMenu* supervision_ = nullptr;
    QListWidget* sessions_ = nullptr;
    QComboBox* coders_ = nullptr;
    QWidget* viewsArea_ = nullptr;
    QHBoxLayout* viewsLayout_ = nullptr;
    QList<VideoView*> views_;
    QLabel* timeLabel_ = nullptr;
    QComboBox* speedBox_ = nullptr;
    QMap<QString, QAction*> actions_;
    QMap<QString, QKeySequence> defaultShortcuts_;
    QStringList shadowed_;
    TrackGrouping grouping_ = TrackGrouping::ByCode;
    TimelineWaveform waveform_;
    QString lastMessage_;
    bool toldNoAudio_ = false;
    // The docks' sides are swapped for right-to-left (dock_sides.h); kept with the saved state.
    bool docksMirrored_ = false;
    std::int64_t selected_ = 0;
    QElapsedTimer positionShown_;
};

} // namespace sb::gui
