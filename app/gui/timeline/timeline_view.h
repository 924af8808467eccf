#pragma once
// The timeline: a time ruler, the segment band, the waveform and one row per track, with the
// playhead across them. It shows a TimelineContent and asks for changes through signals; it
// never edits anything itself. The window turns the requests into undoable edit commands and
// hands back new content with setContent().
//
// Time runs left to right in every layout direction (as in media players); in a right-to-left
// layout only the column of track titles moves to the right.
//
// Mouse and keys (all times emitted are snapped with the FrameSnap):
//   click on the ruler ............ seekRequested; drag on the ruler pans; drag the playhead's
//                                   handle on the ruler to scrub
//   click on empty space .......... seekRequested and selectionChanged(0); dragging scrubs
//   click an item ................. selectionChanged(id); double-click seeks to its start
//   drag an editable item ......... moveRequested on release (Esc cancels), ghost while dragging;
//                                   holding the mouse at the strip's edge scrolls
//   drag an editable state's edge . trimRequested on release
//   Delete / Backspace ............ deleteRequested for the selected editable item
//   Ctrl+wheel .................... zoom around the mouse; + / - zoom around the playhead
//   wheel over the tracks ......... scroll the rows when they do not fit, else pan;
//   Shift+wheel, horizontal wheel,
//   wheel over ruler/bands ........ pan
// Other keys are left to the parent, so coding keys keep working while the timeline has focus.

#include "app/gui/timeline/band_painter.h"
#include "app/gui/timeline/item_hit_test.h"
#include "app/gui/timeline/time_axis.h"
#include "app/gui/timeline/timeline_data.h"
#include "app/gui/timeline/timeline_lane.h"
#include "app/gui/timeline/track_items.h"
#include "app/gui/timeline/track_layout.h"
#include "app/gui/timeline/track_painter.h"
#include "app/gui/timeline/waveform_peaks.h"

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QList>

#include <optional>
#include <vector>

class QAction;
class QTimer;

namespace sb::gui {

class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    // Replaces what is shown. Items of each track need not be sorted (they are sorted here).
    // Selection, zoom and scroll are kept; an ongoing drag continues if its item still exists.
    // Rebuilding the index costs about O(n) (a few ms for 100,000 items).
    void setContent(TimelineContent content);
    const TimelineContent& content() const { return content_; }

    // The window's lanes (filmstrip, motion and sound measures), top to bottom, shown under the
    // waveform. Not owned; a lane that is destroyed leaves the view.
    void setLanes(const QList<TimelineLane*>& lanes);
    [[nodiscard]] const QList<TimelineLane*>& lanes() const { return lanes_; }
    // A lane's strip in viewport coordinates (empty when it is not shown).
    [[nodiscard]] QRect laneRect(int lane) const;
    [[nodiscard]] const TimeAxis& axis() const { return axis_; }

    // Snaps every time the view emits to the start of a frame; without one times are not snapped.
    void setFrameSnap(FrameSnap snap);

    qint64 playhead() const { return playhead_; }
    qint64 selected() const { return selectedId_; } // 0: none

    struct TimeRange {
        qint64 from = 0;
        qint64 to = 0;
    };
    TimeRange visibleRange() const { return {axis_.start(), axis_.end()}; }
    // Shows [from, to], clamped to the session and to the zoom limits.
    void setVisibleRange(qint64 from, qint64 to);

    // Geometry in viewport coordinates, for placing menus next to items and for tests.
    double xForTime(qint64 time) const { return axis_.xAt(time); }
    qint64 timeForX(double x) const { return axis_.timeAt(x); }
    QRect trackRect(int track) const; // the row's time strip, scrolled

    // Zoom actions (Ctrl++ / Ctrl+-, whole session Ctrl+0) for the window's View menu.
    QAction* zoomInAction() const { return zoomIn_; }
    QAction* zoomOutAction() const { return zoomOut_; }
    QAction* zoomToSessionAction() const { return zoomToSession_; }

public slots:
    // Moves the playhead; the view pages along when it leaves the visible range, unless the
    // user has been panning or zooming in the last moments.
    void setPlayhead(qint64 time);
    // Selects an item by id (0: none). Does not emit selectionChanged.
    void setSelected(qint64 id);
    void zoomIn();
    void zoomOut();
    void zoomToSession();

signals:
    void seekRequested(qint64 time);
    // The user selected an item (0: none), or the selected item vanished from the content.
    void selectionChanged(qint64 id);
    void moveRequested(qint64 id, qint64 newStart);
    // Only the edge that was dragged is set.
    void trimRequested(qint64 id, std::optional<qint64> start, std::optional<qint64> end);
    void deleteRequested(qint64 id);
    void visibleRangeChanged(qint64 from, qint64 to);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void retranslateUi(); // texts of the interface language (on QEvent::LanguageChange)
    struct ItemRef {
        int track = -1;
        int index = -1;
        explicit operator bool() const { return track >= 0; }
    };
    enum class Gesture { None, RulerPress, Pan, Scrub, ItemPress, Move, TrimStart, TrimEnd, Lane };
    struct Drag {
        Gesture gesture = Gesture::None;
        QPoint pressPos;
        std::int64_t panStart = 0; // the view's first time when a pan began
        std::int64_t id = 0;
        int track = -1;
        std::int64_t start = 0; // the item's times when the drag began
        std::optional<std::int64_t> end;
        // The time under the press: drags follow the time under the mouse, so they stay right
        // while the view scrolls at the edges (or zooms) under them.
        double pressTime = 0;
        QPoint lastPos;
        Gesture itemGesture = Gesture::None; // what an ItemPress becomes once it moves
        std::int64_t ghostStart = 0;         // where the item would go, snapped
        std::optional<std::int64_t> ghostEnd;
        int lane = -1; // Gesture::Lane: the lane that took the press
    };

    void buildIndex();
    void relayout();
    void updateMetrics();
    void syncScrollBars();
    void axisChanged(bool byUser);
    void zoomBy(double factor, double anchorX, bool byUser);
    double zoomAnchor() const;
    bool userIsNavigating() const;

    ItemRef find(std::int64_t id) const;
    const TimelineItem* item(ItemRef ref) const;
    ItemRef itemAt(QPoint pos, ItemHit* hit) const;
    std::int64_t snap(std::int64_t time) const;
    std::int64_t frameAfter(std::int64_t time) const;
    std::int64_t frameDuration() const;
    void select(std::int64_t id, bool byUser);
    void seekTo(double x);
    void updateDrag(QPoint pos);
    bool draggingItem() const;
    int edgeOvershoot(int x) const;
    void followEdge(QPoint pos);
    void edgeScrollStep();
    void cancelDrag();
    void updateCursor(QPoint pos);
    void updatePlayheadStrip(std::int64_t time);

    void paintTitles(QPainter& painter, const QRect& exposed);
    void paintLanes(QPainter& painter, const QRect& exposed);
    int laneAt(QPoint pos) const;
    void lanesChanged();
    void paintTracks(QPainter& painter, const QRect& exposed);
    void paintGhost(QPainter& painter);
    void paintPlayhead(QPainter& painter, const QRect& exposed);
    QString itemToolTip(const TimelineItem& item) const;

    TimelineContent content_;
    QList<TimelineLane*> lanes_;
    std::vector<TrackItems> index_; // one per track, rebuilt by setContent
    WaveformPeaks peaks_;
    FrameSnap snap_;
    TimeAxis axis_;
    TrackLayout layout_;
    TrackPainter trackPainter_;
    BandPainter bandPainter_;
    std::int64_t playhead_ = 0;
    std::int64_t selectedId_ = 0;
    ItemRef selectedRef_;
    Drag drag_;
    int scroll_ = 0;
    bool syncing_ = false; // scroll bars are being set from the axis, not by the user
    QElapsedTimer lastNavigation_;
    QTimer* edgeScroll_ = nullptr; // scrolls while a drag holds the mouse at the strip's edge
    QAction* zoomIn_ = nullptr;
    QAction* zoomOut_ = nullptr;
    QAction* zoomToSession_ = nullptr;
};

} // namespace sb::gui
