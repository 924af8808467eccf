#include "app/gui/main_window.h"
#include "app/gui/dock_sides.h"
#include "app/gui/scheme_text.h"

#include "app/gui/agreement_window.h"
#include "app/gui/annotation_panel.h"
#include "app/gui/history_panel.h"
#include "app/gui/keypad_panel.h"
#include "app/gui/notes_panel.h"
#include "app/gui/number_format.h"
#include "app/gui/preferences_dialog.h"
#include "app/gui/scoring_panel.h"
#include "app/gui/supervision/supervision_menu.h"
#include "app/gui/timeline/timeline_view.h"
#include "app/gui/video_view.h"
#include "app/gui/vision/vision_tools.h"

#include "annotation/annotation_commands.h"
#include "annotation/scoring_commands.h"
#include "codecs/audio_decoder.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace sb::gui {
namespace {

constexpr double kSpeeds[] = {0.125, 0.25, 0.5, 1.0, 1.5, 2.0, 4.0};
// Property holding the source (English) text of an action, menu, dock or label of the window.
constexpr const char* kSourceText = "sb_sourceText";

bool isTextInput(const QWidget* widget) {
    return qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QPlainTextEdit*>(widget) ||
           qobject_cast<const QKeySequenceEdit*>(widget) ||
           (qobject_cast<const QComboBox*>(widget) && static_cast<const QComboBox*>(widget)->isEditable());
}

// "12.5", "1:02.5", "0:01:02.5" -> microseconds; "#123" or "f123" -> frame 123 (nullopt time).
struct TimeOrFrame {
    std::optional<std::int64_t> time;
    std::optional<std::int64_t> frame;
};

TimeOrFrame parseTimeOrFrame(QString text) {
    text = text.trimmed();
    TimeOrFrame result;
    if (text.startsWith(QLatin1Char('#')) || text.startsWith(QLatin1Char('f'), Qt::CaseInsensitive)) {
        bool ok = false;
        const qlonglong frame = text.mid(1).toLongLong(&ok);
        if (ok && frame >= 0)
            result.frame = frame;
        return result;
    }
    double seconds = 0;
    for (const QString& part : text.split(QLatin1Char(':'))) {
        bool ok = false;
        const double value = QLocale::c().toDouble(part, &ok);
        if (!ok || value < 0)
            return result;
        seconds = seconds * 60 + value;
    }
    result.time = std::llround(seconds * 1e6);
    return result;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("SecureBase"));
    setObjectName(QStringLiteral("MainWindow"));
    coder_ = new LiveCoder(document_, playback_, this);

    auto* central = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(central);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    viewsArea_ = new QWidget(top);
    viewsLayout_ = new QHBoxLayout(viewsArea_);
    viewsLayout_->setContentsMargins(0, 0, 0, 0);
    // Cameras are placed by the session, not by reading direction.
    viewsArea_->setLayoutDirection(Qt::LeftToRight);
    topLayout->addWidget(viewsArea_, 1);
    topLayout->addWidget(buildTransport());
    timeline_ = new TimelineView(central);
    timeline_->setFrameSnap([this](std::int64_t t) { return playback_.snap(t); });
    central->addWidget(top);
    central->addWidget(timeline_);
    central->setStretchFactor(0, 3);
    central->setStretchFactor(1, 2);
    central->setSizes({560, 340}); // the picture first: coders watch more than they read
    setCentralWidget(central);

    // Docks are made on the side they belong to in the language's direction.
    docksMirrored_ = isRightToLeft();
    buildActions();
    buildMenus();
    buildDocks();
    vision_ = new VisionTools(*this, document_, playback_, *timeline_);

    connect(&document_, &SessionDocument::changed, this, [this] {
        refreshTimeline();
        refreshActions();
    });
    connect(&document_, &SessionDocument::rejected, this, &MainWindow::showMessage);
    connect(&playback_, &Playback::positionChanged, this, &MainWindow::onPosition);
    connect(&playback_, &Playback::frameReady, this,
            [this](int view, const QImage& image, std::int64_t frame) {
                if (view < views_.size())
                    views_[view]->setFrame(image, frame);
            });
    connect(&playback_, &Playback::mediaProblem, this, &MainWindow::showMessage);
    connect(&playback_, &Playback::playingChanged, this, [this](bool playing) {
        actions_[QStringLiteral("play")]->setText(playing ? tr("Pause") : tr("Play"));
        if (!playing)
            onPosition(playback_.position()); // the last position, which the throttle may have skipped
        if (playing && !playback_.audioAvailable() && !toldNoAudio_) {
            toldNoAudio_ = true; // said once, not on every play
            showMessage(tr("No audio output device: playing without sound."));
        }
    });
    connect(&playback_, &Playback::speedChanged, this, [this](double speed) {
        const int index = speedBox_->findData(std::abs(speed));
        if (index >= 0)
            speedBox_->setCurrentIndex(index);
    });
    connect(timeline_, &TimelineView::seekRequested, this, [this](qint64 t) { playback_.seek(t); });
    connect(timeline_, &TimelineView::selectionChanged, this, [this](qint64 id) {
        selected_ = id;
        details_->showAnnotation(id);
    });
    connect(timeline_, &TimelineView::moveRequested, this, [this](qint64 id, qint64 start) {
        document_.apply(std::make_unique<annotation::MoveAnnotation>(annotation::AnnotationId{id},
                                                                     annotation::Microseconds(start)));
    });
    connect(timeline_, &TimelineView::trimRequested, this,
            [this](qint64 id, std::optional<qint64> start, std::optional<qint64> end) {
                std::optional<annotation::Microseconds> s, e;
                if (start)
                    s = annotation::Microseconds(*start);
                if (end)
                    e = annotation::Microseconds(*end);
                document_.apply(
                    std::make_unique<annotation::TrimAnnotation>(annotation::AnnotationId{id}, s, e));
            });
    connect(timeline_, &TimelineView::deleteRequested, this, [this](qint64 id) {
        document_.apply(std::make_unique<annotation::RemoveAnnotation>(annotation::AnnotationId{id}));
    });

    qApp->installEventFilter(this);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        docksMirrored_ = settings.value(QStringLiteral("window/docksMirrored"), false).toBool();
    syncDockSides();
    playback_.setSpeed(settings.value(QStringLiteral("playback/speed"), 1.0).toDouble());
    refreshActions();
}

MainWindow::~MainWindow() {
    qApp->removeEventFilter(this);
}

QWidget* MainWindow::buildTransport() {
    auto* bar = new QWidget(this);
    // Transport runs left to right in every language, as in media players.
    bar->setLayoutDirection(Qt::LeftToRight);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(6, 2, 6, 2);
    auto button = [&](const QString& name) {
        auto* b = new QToolButton(bar);
        b->setObjectName(name);
        b->setFocusPolicy(Qt::NoFocus);
        layout->addWidget(b);
        return b;
    };
    // Actions are made later; buttons pick them up in buildActions().
    for (const char* name :
         {"jumpBack10", "jumpBack1", "stepBack", "play", "stepForward", "jumpForward1", "jumpForward10"})
        button(QString::fromLatin1(name));
    speedBox_ = new QComboBox(bar);
    speedBox_->setFocusPolicy(Qt::NoFocus);
    speedBox_->setAccessibleName(tr("Playback speed"));
    for (const double s : kSpeeds)
        speedBox_->addItem(
            s < 1 ? QStringLiteral("1/%1×").arg(std::lround(1 / s)) : QStringLiteral("%1×").arg(s), s);
    speedBox_->setCurrentIndex(speedBox_->findData(1.0));
    connect(speedBox_, &QComboBox::activated, this,
            [this](int i) { playback_.setSpeed(speedBox_->itemData(i).toDouble()); });
    layout->addWidget(speedBox_);
    timeLabel_ = new QLabel(bar);
    timeLabel_->setObjectName(QStringLiteral("timeLabel"));
    QFont mono = timeLabel_->font();
    mono.setFamily(QStringLiteral("monospace"));
    timeLabel_->setFont(mono);
    layout->addWidget(timeLabel_);
    layout->addStretch();
    return bar;
}

void MainWindow::buildActions() {
    // Texts are source strings (QT_TR_NOOP) kept on the action, so retranslateUi() can read
    // them again in another language.
    auto make = [this](const QString& name, const char* text, const QKeySequence& key, auto slot,
                       bool autoRepeat = false) {
        auto* action = new QAction(tr(text), this);
        action->setProperty(kSourceText, QByteArray(text));
        action->setObjectName(name);
        action->setShortcut(key);
        action->setAutoRepeat(autoRepeat);
        action->setShortcutContext(Qt::ApplicationShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        actions_.insert(name, action);
        defaultShortcuts_.insert(name, key);
        return action;
    };
    make(QStringLiteral("open"), QT_TR_NOOP("&Open project…"), QKeySequence::Open,
         [this] { chooseProject(); });
    make(QStringLiteral("quit"), QT_TR_NOOP("&Quit"), QKeySequence::Quit, [this] { close(); });
    make(QStringLiteral("undo"), QT_TR_NOOP("&Undo"), QKeySequence(QStringLiteral("Ctrl+Z")),
         [this] { document_.undo(); });
    make(QStringLiteral("redo"), QT_TR_NOOP("&Redo"), QKeySequence(QStringLiteral("Ctrl+Shift+Z")),
         [this] { document_.redo(); });
    make(QStringLiteral("delete"), QT_TR_NOOP("&Delete selected annotation"), QKeySequence::Delete, [this] {
        if (selected_ != 0)
            details_->removeShown();
    });
    make(QStringLiteral("split"), QT_TR_NOOP("&Split selected at playhead"),
         QKeySequence(QStringLiteral("Ctrl+K")), [this] { details_->splitAtPlayhead(); });
    make(QStringLiteral("play"), QT_TR_NOOP("Play"), QKeySequence(Qt::Key_Space),
         [this] { playback_.togglePlay(); });
    make(
        QStringLiteral("stepForward"), QT_TR_NOOP("Next frame"), QKeySequence(Qt::Key_Right),
        [this] { playback_.stepFrames(1); }, true);
    make(
        QStringLiteral("stepBack"), QT_TR_NOOP("Previous frame"), QKeySequence(Qt::Key_Left),
        [this] { playback_.stepFrames(-1); }, true);
    make(
        QStringLiteral("jumpForward1"), QT_TR_NOOP("Forward 1 s"),
        QKeySequence(QStringLiteral("Shift+Right")), [this] { playback_.jump(1'000'000); }, true);
    make(
        QStringLiteral("jumpBack1"), QT_TR_NOOP("Back 1 s"), QKeySequence(QStringLiteral("Shift+Left")),
        [this] { playback_.jump(-1'000'000); }, true);
    make(
        QStringLiteral("jumpForward10"), QT_TR_NOOP("Forward 10 s"),
        QKeySequence(QStringLiteral("Ctrl+Right")), [this] { playback_.jump(10'000'000); }, true);
    make(
        QStringLiteral("jumpBack10"), QT_TR_NOOP("Back 10 s"), QKeySequence(QStringLiteral("Ctrl+Left")),
        [this] { playback_.jump(-10'000'000); }, true);
    make(QStringLiteral("shuttleBack"), QT_TR_NOOP("Shuttle backward (J)"), QKeySequence(Qt::Key_J),
         [this] { playback_.shuttle(-1); });
    make(QStringLiteral("shuttleStop"), QT_TR_NOOP("Shuttle stop (K)"), QKeySequence(Qt::Key_K),
         [this] { playback_.shuttle(0); });
    make(QStringLiteral("shuttleForward"), QT_TR_NOOP("Shuttle forward (L)"), QKeySequence(Qt::Key_L),
         [this] { playback_.shuttle(1); });
    make(QStringLiteral("slower"), QT_TR_NOOP("Slower"), QKeySequence(Qt::Key_BracketLeft),
         [this] { playback_.setSpeed(std::max(0.125, std::abs(playback_.speed()) / 2)); });
    make(QStringLiteral("faster"), QT_TR_NOOP("Faster"), QKeySequence(Qt::Key_BracketRight),
         [this] { playback_.setSpeed(std::min(4.0, std::abs(playback_.speed()) * 2)); });
    make(QStringLiteral("comment"), QT_TR_NOOP("&Comment at playhead"),
         QKeySequence(QStringLiteral("Ctrl+M")), [this] {
             playback_.pause();
             findChild<QDockWidget*>(QStringLiteral("notesDock"))->raise();
             notes_->focusEntry();
         });
    make(QStringLiteral("agreement"), QT_TR_NOOP("&Agreement between coders…"),
         QKeySequence(QStringLiteral("Ctrl+Shift+A")), [this] { showAgreement(); });
    make(QStringLiteral("nextDisagreement"), QT_TR_NOOP("&Next disagreement"),
         QKeySequence(QStringLiteral("Ctrl+]")), [this] {
             if (agreement_)
                 agreement_->nextDisagreement();
         });
    make(QStringLiteral("previousDisagreement"), QT_TR_NOOP("&Previous disagreement"),
         QKeySequence(QStringLiteral("Ctrl+[")), [this] {
             if (agreement_)
                 agreement_->previousDisagreement();
         });
    make(QStringLiteral("goTo"), QT_TR_NOOP("&Go to time or frame…"), QKeySequence(QStringLiteral("Ctrl+G")),
         [this] { goToTimeOrFrame(); });
    make(QStringLiteral("loop"), QT_TR_NOOP("&Loop selected annotation"),
         QKeySequence(QStringLiteral("Ctrl+L")), [this] {
             auto* loop = actions_[QStringLiteral("loop")];
             std::optional<annotation::Annotation> a;
             if (selected_ != 0 && loop->isChecked())
                 a = document_.project().store().annotation(document_.viewer(),
                                                            annotation::AnnotationId{selected_});
             if (a && a->end) {
                 playback_.setLoop(std::make_pair(a->start.count(), a->end->count()));
                 playback_.seek(a->start.count());
                 playback_.play();
             } else {
                 loop->setChecked(false);
                 playback_.setLoop(std::nullopt);
             }
         });
    actions_[QStringLiteral("loop")]->setCheckable(true);
    make(QStringLiteral("overlay"), QT_TR_NOOP("Frame and time &overlay"),
         QKeySequence(QStringLiteral("Ctrl+I")), [this] {
             for (auto* view : views_)
                 view->setOverlayVisible(actions_[QStringLiteral("overlay")]->isChecked());
         });
    actions_[QStringLiteral("overlay")]->setCheckable(true);
    actions_[QStringLiteral("overlay")]->setChecked(true);
    make(QStringLiteral("bySubject"), QT_TR_NOOP("Tracks by &subject"), QKeySequence(), [this] {
        grouping_ = actions_[QStringLiteral("bySubject")]->isChecked() ? TrackGrouping::BySubject
                                                                       : TrackGrouping::ByCode;
        refreshTimeline();
    });
    actions_[QStringLiteral("bySubject")]->setCheckable(true);
    make(QStringLiteral("help"), QT_TR_NOOP("&Keyboard shortcuts"), QKeySequence(QStringLiteral("Ctrl+H")),
         [this] { showShortcutHelp(); });
    make(QStringLiteral("editShortcuts"), QT_TR_NOOP("&Change shortcuts…"), QKeySequence(),
         [this] { editShortcuts(); });
    make(QStringLiteral("locate"), QT_TR_NOOP("&Locate missing media…"), QKeySequence(),
         [this] { locateMissingMedia(); });
    make(QStringLiteral("preferences"), QT_TR_NOOP("&Preferences…"), QKeySequence::Preferences, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });

    for (auto* b : findChildren<QToolButton*>()) {
        if (auto* action = actions_.value(b->objectName()))
            b->setDefaultAction(action);
    }
    // Saved changes to the shortcuts.
    QSettings settings;
    for (auto it = actions_.begin(); it != actions_.end(); ++it) {
        const QVariant saved = settings.value(QStringLiteral("shortcuts/") + it.key());
        if (saved.isValid())
            it.value()->setShortcut(QKeySequence(saved.toString(), QKeySequence::PortableText));
    }
}

void MainWindow::buildMenus() {
    const auto titled = [](QMenu* menu, const char* title) {
        menu->setTitle(tr(title));
        menu->setProperty(kSourceText, QByteArray(title)); // retranslateUi() sets it again
        return menu;
    };
    auto* file = titled(menuBar()->addMenu(QString()), QT_TR_NOOP("&File"));
    file->addAction(actions_[QStringLiteral("open")]);
    file->addAction(actions_[QStringLiteral("locate")]);
    file->addSeparator();
    file->addAction(actions_[QStringLiteral("preferences")]);
    file->addSeparator();
    file->addAction(actions_[QStringLiteral("quit")]);
    auto* edit = titled(menuBar()->addMenu(QString()), QT_TR_NOOP("&Edit"));
    for (const char* name : {"undo", "redo", "delete", "split", "comment"})
        edit->addAction(actions_[QString::fromLatin1(name)]);
    auto* segments = titled(edit->addMenu(QString()), QT_TR_NOOP("Mark segment start at playhead"));
    segments->setObjectName(QStringLiteral("segmentsMenu"));
    auto* play = titled(menuBar()->addMenu(QString()), QT_TR_NOOP("&Playback"));
    for (const char* name :
         {"play", "stepForward", "stepBack", "jumpForward1", "jumpBack1", "jumpForward10", "jumpBack10",
          "shuttleBack", "shuttleStop", "shuttleForward", "slower", "faster", "goTo", "loop"})
        play->addAction(actions_[QString::fromLatin1(name)]);
    auto* view = titled(menuBar()->addMenu(QString()), QT_TR_NOOP("&View"));
    view->addAction(actions_[QStringLiteral("overlay")]);
    view->addAction(actions_[QStringLiteral("bySubject")]);
    auto* reliability = titled(menuBar()->addMenu(QString()), QT_TR_NOOP("&Reliability"));
    for (const char* name : {"agreement", "nextDisagreement", "previousDisagreement"})
        reliability->addAction(actions_[QString::fromLatin1(name)]);
    menuBar()->addMenu(supervision_ = new SupervisionMenu(*this)); // titles and retranslates itself
    auto* help = titled(menuBar()->addMenu(QString()), QT_TR_NOOP("&Help"));
    help->addAction(actions_[QStringLiteral("help")]);
    help->addAction(actions_[QStringLiteral("editShortcuts")]);
}

void MainWindow::buildDocks() {
    auto dock = [this](const QString& name, const char* title, QWidget* content, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(tr(title), this);
        d->setProperty(kSourceText, QByteArray(title));
        d->setObjectName(name);
        d->setWidget(content);
        addDockWidget(dockSide(area), d);
        return d;
    };
    keypad_ = new KeypadPanel(document_, *coder_, this);
    dock(QStringLiteral("keypadDock"), QT_TR_NOOP("Coding pad"), keypad_, Qt::RightDockWidgetArea);
    details_ = new AnnotationPanel(
        document_, [this] { return playback_.snap(playback_.position()); }, this);
    auto* detailsDock =
        dock(QStringLiteral("detailsDock"), QT_TR_NOOP("Annotation"), details_, Qt::RightDockWidgetArea);
    auto* scoring = new ScoringPanel(document_, this);
    scoring->setObjectName(QStringLiteral("scoring"));
    auto* scoringDock = dock(QStringLiteral("scoringDock"), QT_TR_NOOP("Scales and judgements"), scoring,
                             Qt::RightDockWidgetArea);
    tabifyDockWidget(detailsDock, scoringDock);
    detailsDock->raise();

    auto* browser = new QWidget(this);
    auto* layout = new QVBoxLayout(browser);
    const auto label = [browser](const char* text) {
        auto* l = new QLabel(tr(text), browser);
        l->setProperty(kSourceText, QByteArray(text));
        return l;
    };
    layout->addWidget(label(QT_TR_NOOP("Coding as")));
    coders_ = new QComboBox(browser);
    coders_->setObjectName(QStringLiteral("coders"));
    layout->addWidget(coders_);
    layout->addWidget(label(QT_TR_NOOP("Sessions")));
    sessions_ = new QListWidget(browser);
    sessions_->setObjectName(QStringLiteral("sessions"));
    layout->addWidget(sessions_);
    dock(QStringLiteral("sessionsDock"), QT_TR_NOOP("Project"), browser, Qt::LeftDockWidgetArea);
    connect(sessions_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        coder_->closeRunning();
        document_.switchSession(annotation::SessionId{item->data(Qt::UserRole).toLongLong()});
        loadSessionMedia();
    });
    connect(coders_, &QComboBox::activated, this, [this](int index) {
        coder_->closeRunning();
        document_.switchCoder(annotation::CoderId{coders_->itemData(index).toLongLong()});
    });
    history_ = new HistoryPanel(document_, this);
    auto* historyDock =
        dock(QStringLiteral("historyDock"), QT_TR_NOOP("History"), history_, Qt::LeftDockWidgetArea);
    notes_ = new NotesPanel(
        document_, [this] { return playback_.snap(playback_.position()); }, this);
    auto* notesDock =
        dock(QStringLiteral("notesDock"), QT_TR_NOOP("Comments"), notes_, Qt::LeftDockWidgetArea);
    tabifyDockWidget(historyDock, notesDock);
    connect(notes_, &NotesPanel::seekRequested, this, [this](std::int64_t t) { playback_.seek(t); });
    auto* keypadDock = findChild<QDockWidget*>(QStringLiteral("keypadDock"));
    resizeDocks({keypadDock, historyDock}, {380, 200}, Qt::Horizontal);
}

QAction* MainWindow::action(const QString& name) const {
    return actions_.value(name);
}

bool MainWindow::openProject(const QString& file, const QString& session, const QString& coder) {
    try {
        coder_->closeRunning();
        document_.open(file, session, SupervisionMenu::coderForOpening(file, coder)); // a package: its coder
    } catch (const std::exception& e) {
        showMessage(tr("Cannot open %1: %2").arg(file, QString::fromStdString(e.what())));
        return false;
    }
    QSettings().setValue(QStringLiteral("project/last"), QFileInfo(file).absoluteFilePath());
    refreshTitle();
    keypad_->rebuild();
    applyShortcuts();
    refreshSessions();
    loadSessionMedia();
    refreshSegmentsMenu();
    supervision_->projectOpened();
    return true;
}

void MainWindow::refreshTitle() {
    setWindowTitle(document_.isOpen() ? tr("SecureBase — %1 — %2")
                                                .arg(QString::fromStdString(document_.session().name),
                                                     QString::fromStdString(document_.coder().name)) +
                                            (supervision_ ? supervision_->titleSuffix() : QString())
                                      : tr("SecureBase"));
}

void MainWindow::refreshSegmentsMenu() {
    auto* segments = menuBar()->findChild<QMenu*>(QStringLiteral("segmentsMenu"));
    segments->clear();
    for (const auto& segment : document_.scheme().segments) {
        const QString id = QString::fromStdString(segment.id);
        segments->addAction(schemeText(segment.label), this, [this, id] { markSegment(id); });
    }
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::LayoutDirectionChange)
        syncDockSides();
    QMainWindow::changeEvent(event);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    syncDockSides(); // a saved arrangement of the other direction, now that its tabs are known
}

void MainWindow::syncDockSides() {
    // Only on screen: which tab is in front, and the sizes, are known then.
    if (isRightToLeft() == docksMirrored_ || !isVisible())
        return;
    mirrorDockSides(*this);
    docksMirrored_ = isRightToLeft();
}

Qt::DockWidgetArea MainWindow::dockSide(Qt::DockWidgetArea area) const {
    return dockArea(area, docksMirrored_);
}

void MainWindow::retranslateUi() {
    // Actions, menus, docks and labels made from source strings read them again.
    for (QObject* object : findChildren<QObject*>()) {
        const QByteArray source = object->property(kSourceText).toByteArray();
        if (source.isEmpty())
            continue;
        const QString text = tr(source.constData());
        if (auto* action = qobject_cast<QAction*>(object))
            action->setText(text);
        else if (auto* menu = qobject_cast<QMenu*>(object))
            menu->setTitle(text);
        else if (auto* dock = qobject_cast<QDockWidget*>(object))
            dock->setWindowTitle(text);
        else if (auto* label = qobject_cast<QLabel*>(object))
            label->setText(text);
    }
    // Texts that depend on state, and scheme labels, which follow QLocale().
    actions_[QStringLiteral("play")]->setText(playback_.playing() ? tr("Pause") : tr("Play"));
    speedBox_->setAccessibleName(tr("Playback speed"));
    refreshTitle();
    refreshActions();
    if (document_.isOpen()) {
        keypad_->rebuild();
        refreshSessions();
        refreshSegmentsMenu();
        refreshTimeline();
    }
    onPosition(playback_.position());
}

void MainWindow::refreshSessions() {
    sessions_->clear();
    for (const auto& s : document_.project().store().sessions()) {
        auto* item = new QListWidgetItem(QString::fromStdString(s.name), sessions_);
        item->setData(Qt::UserRole, static_cast<qlonglong>(s.id.value));
        if (s.createdAt.count() > 0)
            item->setToolTip(
                tr("Added on %1")
                    .arg(displayDate(QDateTime::fromMSecsSinceEpoch(s.createdAt.count() / 1000, Qt::UTC))));
        if (s.id == document_.session().id)
            sessions_->setCurrentItem(item);
    }
    vision_->decorateSessions(sessions_); // poster frames
    coders_->clear();
    for (const auto& c : document_.project().store().coders()) {
        coders_->addItem(c.role == annotation::CoderRole::Supervisor
                             ? tr("%1 (supervisor)").arg(QString::fromStdString(c.name))
                             : QString::fromStdString(c.name),
                         static_cast<qlonglong>(c.id.value));
        if (c.id == document_.coder().id)
            coders_->setCurrentIndex(coders_->count() - 1);
    }
}

void MainWindow::applyShortcuts() {
    // The scheme's keys are what the coder presses all day: where one collides with a
    // transport key, the scheme wins and the transport action keeps its menu entry only.
    shadowed_.clear();
    QSettings settings;
    for (auto it = actions_.begin(); it != actions_.end(); ++it) {
        const QVariant saved = settings.value(QStringLiteral("shortcuts/") + it.key());
        const QKeySequence wanted = saved.isValid()
                                        ? QKeySequence(saved.toString(), QKeySequence::PortableText)
                                        : defaultShortcuts_.value(it.key());
        if (coder_->isSchemeKey(wanted)) {
            shadowed_ << tr("%1 (%2) is a coding key in this scheme")
                             .arg(it.value()->text().remove(QLatin1Char('&')),
                                  wanted.toString(QKeySequence::NativeText));
            it.value()->setShortcut({});
        } else {
            it.value()->setShortcut(wanted);
        }
    }
    if (!shadowed_.isEmpty())
        showMessage(tr("Some playback keys are coding keys in this scheme; see Help ▸ Keyboard shortcuts."));
}

void MainWindow::loadSessionMedia() {
    for (auto* view : views_)
        view->deleteLater();
    views_.clear();
    std::vector<std::pair<QString, std::int64_t>> media;
    for (const auto& m : document_.session().media)
        media.emplace_back(QString::fromStdString(m.path), m.offset.count());
    playback_.load(media, QFileInfo(document_.projectFile()).absolutePath());
    for (int i = 0; i < playback_.viewCount(); ++i) {
        auto* view = new VideoView(viewsArea_);
        view->setObjectName(QStringLiteral("video%1").arg(i));
        const auto& info = playback_.viewMedia(i).info;
        if (info && info->video)
            view->setAspect(QSize(info->video->width, info->video->height));
        connect(view, &VideoView::displaySizeChanged, this,
                [this, i](QSize size) { playback_.setDisplaySize(i, size); });
        viewsLayout_->addWidget(view);
        views_.append(view);
    }
    QStringList problems;
    for (const auto& m : playback_.media())
        if (!m.problem.isEmpty())
            problems << m.problem;
    if (views_.isEmpty()) {
        // Still a session: its annotations are all there; say what is missing.
        auto* view = new VideoView(viewsArea_);
        view->setObjectName(QStringLiteral("video0"));
        view->setProblem(problems.isEmpty() ? tr("This session has no video.")
                                            : problems.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                                                  tr("File ▸ Locate missing media… to find it."));
        viewsLayout_->addWidget(view);
        views_.append(view);
    }
    actions_[QStringLiteral("locate")]->setEnabled(!problems.isEmpty());
    vision_->sessionLoaded(views_);
    waveform_ = {};
    computeWaveform();
    refreshTimeline();
    onPosition(playback_.position());
}

void MainWindow::computeWaveform() {
    QString audioFile;
    std::int64_t offset = 0;
    for (const auto& m : playback_.media())
        if (m.problem.isEmpty() && m.info && m.info->audio) {
            audioFile = m.resolved;
            offset = m.offset;
            break;
        }
    if (audioFile.isEmpty())
        return;
    // Off the GUI thread; the timeline shows the waveform when it is ready.
    QPointer<MainWindow> self(this);
    QThread* worker = QThread::create([self, audioFile, offset] {
        try {
            const auto peaks =
                codecs::computeWaveform(audioFile.toStdString(), std::chrono::milliseconds(20));
            TimelineWaveform waveform;
            waveform.bucket = peaks.bucket.count();
            // The file's zero sits at its offset on the session clock: pad the start.
            const auto pad = static_cast<int>(std::max<std::int64_t>(0, offset) / waveform.bucket);
            waveform.minimum = QVector<float>(pad, 0.0f);
            waveform.maximum = QVector<float>(pad, 0.0f);
            waveform.minimum.append(QVector<float>(peaks.minimum.begin(), peaks.minimum.end()));
            waveform.maximum.append(QVector<float>(peaks.maximum.begin(), peaks.maximum.end()));
            QMetaObject::invokeMethod(qApp, [self, waveform] {
                if (self) {
                    self->waveform_ = waveform;
                    self->refreshTimeline();
                }
            });
        } catch (const std::exception&) {
            // No waveform for audio that cannot be decoded; playback reports the problem.
        }
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void MainWindow::refreshTimeline() {
    if (!document_.isOpen())
        return;
    TimelineContent content = buildTimelineContent(document_, grouping_, playback_.duration(), waveform_,
                                                   playback_.frameInterval());
    if (supervision_)
        supervision_->decorateTimeline(content); // review mode: the trainee's and the reference's lanes
    timeline_->setContent(std::move(content));
    timeline_->setSelected(selected_);
}

void MainWindow::refreshActions() {
    auto* undo = actions_[QStringLiteral("undo")];
    auto* redo = actions_[QStringLiteral("redo")];
    undo->setEnabled(document_.canUndo());
    redo->setEnabled(document_.canRedo());
    undo->setText(document_.canUndo() ? tr("&Undo %1").arg(document_.undoText()) : tr("&Undo"));
    redo->setText(document_.canRedo() ? tr("&Redo %1").arg(document_.redoText()) : tr("&Redo"));
}

void MainWindow::onPosition(std::int64_t position) {
    // The clock ticks every few milliseconds; repainting faster than the screen helps no one.
    if (playback_.playing() && positionShown_.isValid() && positionShown_.elapsed() < 15)
        return;
    positionShown_.start();
    timeline_->setPlayhead(position);
    for (auto* view : views_)
        view->setTime(position);
    const std::int64_t frame = playback_.currentFrame();
    timeLabel_->setText(frame >= 0 ? tr("%1  frame %2").arg(formatTime(position), displayNumber(frame))
                                   : formatTime(position));
}

void MainWindow::showMessage(const QString& message) {
    lastMessage_ = message;
    statusBar()->showMessage(message, 8000);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress && isActiveWindow() &&
        QApplication::activeModalWidget() == nullptr) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // Typing in a field is typing, not coding.
        if (!isTextInput(QApplication::focusWidget()) && coder_->handleKey(*key))
            return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Nothing coded is lost: a running state ends at the current frame.
    coder_->closeRunning();
    playback_.pause();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/docksMirrored"), docksMirrored_);
    settings.setValue(QStringLiteral("playback/speed"), std::abs(playback_.speed()));
    event->accept();
}

void MainWindow::chooseProject() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open project"), QString(),
        tr("SecureBase projects and coding packages (*.sbproj *.sbpkg);;All files (*)"));
    if (!file.isEmpty())
        openProject(file);
}

void MainWindow::goToTimeOrFrame() {
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Go to"), tr("Time (seconds, or m:ss.sss) or #frame:"), QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    const TimeOrFrame target = parseTimeOrFrame(text);
    if (target.frame) {
        if (const auto t = playback_.frameStart(*target.frame))
            playback_.seek(*t);
        else
            showMessage(tr("There is no frame %1.").arg(*target.frame));
    } else if (target.time) {
        playback_.seek(*target.time);
    } else {
        showMessage(tr("“%1” is neither a time nor a frame number.").arg(text));
    }
}

void MainWindow::markSegment(const QString& segment) {
    document_.apply(std::make_unique<annotation::MarkSegmentBoundary>(
        document_.session().id, segment.toStdString(),
        annotation::Microseconds(playback_.snap(playback_.position())), document_.coder().id));
}

void MainWindow::locateMissingMedia() {
    for (const auto& m : playback_.media()) {
        if (m.problem.isEmpty())
            continue;
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Locate %1").arg(m.path), QString(),
            tr("Media files (*.mp4 *.mov *.mkv *.avi *.webm *.mts *.m4v *.mpg);;All files (*)"));
        if (file.isEmpty())
            return;
        std::vector<annotation::MediaFile> media = document_.session().media;
        for (auto& entry : media)
            if (QString::fromStdString(entry.path) == m.path)
                entry.path = file.toStdString();
        try {
            document_.project().store().setSessionMedia(document_.session().id, media);
            document_.switchSession(document_.session().id);
        } catch (const std::exception& e) {
            showMessage(QString::fromStdString(e.what()));
        }
        loadSessionMedia();
        return;
    }
}

AgreementWindow* MainWindow::showAgreement() {
    if (!document_.isOpen())
        return nullptr;
    if (!agreement_) {
        agreement_ = new AgreementWindow(document_, this);
        // A disagreement is looked at on the video, with every coder's lane the viewer may see.
        connect(agreement_, &AgreementWindow::jumpRequested, this, [this](std::int64_t t) {
            playback_.pause();
            playback_.seek(t);
        });
        connect(&document_, &SessionDocument::opened, agreement_, &AgreementWindow::reload);
    }
    agreement_->show();
    agreement_->raise();
    return agreement_;
}

void MainWindow::showShortcutHelp() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* table = new QTableWidget(&dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Key")});
    auto add = [&](const QString& what, const QString& key) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(what));
        table->setItem(row, 1, new QTableWidgetItem(key));
    };
    // The window's own actions first, then those the vision tools and review mode add (peak
    // jumps, clip export, the review walk), each once.
    QList<QAction*> listed = actions_.values();
    for (auto* action : findChildren<QAction*>())
        if (!listed.contains(action))
            listed << action;
    for (auto* action : std::as_const(listed))
        if (!action->shortcut().isEmpty())
            add(action->text().remove(QLatin1Char('&')),
                action->shortcut().toString(QKeySequence::NativeText));
    if (document_.isOpen()) {
        // Coding keys with what they type in the active layout ("P · ح").
        const std::string language = interfaceLanguage();
        for (const auto& code : document_.scheme().codes)
            if (!code.key.empty())
                add(tr("Code: %1").arg(QString::fromStdString(code.label.in(language))),
                    coder_->keyCaption(QString::fromStdString(code.id)));
        for (const auto& subject : document_.scheme().subjects)
            if (!subject.key.empty())
                add(tr("Subject: %1").arg(QString::fromStdString(subject.label.in(language))),
                    coder_->keyCaption(QStringLiteral("subject:") + QString::fromStdString(subject.id)));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();
    layout->addWidget(table);
    if (!shadowed_.isEmpty())
        layout->addWidget(new QLabel(shadowed_.join(QLatin1Char('\n')), &dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(520, 600);
    dialog.exec();
}

void MainWindow::editShortcuts() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Change shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* table = new QTableWidget(static_cast<int>(actions_.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Key")});
    QMap<QString, QKeySequenceEdit*> edits;
    int row = 0;
    for (auto it = actions_.begin(); it != actions_.end(); ++it, ++row) {
        table->setItem(row, 0, new QTableWidgetItem(it.value()->text().remove(QLatin1Char('&'))));
        auto* edit = new QKeySequenceEdit(it.value()->shortcut(), table);
        table->setCellWidget(row, 1, edit);
        edits.insert(it.key(), edit);
    }
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, &dialog, [&] {
        for (auto it = edits.begin(); it != edits.end(); ++it)
            it.value()->setKeySequence(defaultShortcuts_.value(it.key()));
    });
    layout->addWidget(buttons);
    dialog.resize(520, 600);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    for (auto it = edits.begin(); it != edits.end(); ++it)
        settings.setValue(QStringLiteral("shortcuts/") + it.key(),
                          it.value()->keySequence().toString(QKeySequence::PortableText));
    applyShortcuts();
}

} // namespace sb::gui
