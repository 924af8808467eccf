// What the timeline does with the mouse and keys: seeking, selecting, moving and trimming with
// frame snapping, read-only lanes, deleting, zooming, panning and following the playhead.

#include "app/gui/timeline/timeline_view.h"
#include "tests/gui/timeline/sample_content.h"
#include "tests/gui/timeline/timeline_test_support.h"

#include <QAction>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>
#include <vector>

using namespace sb::gui;
using namespace sb::gui::testing;

namespace {
constexpr std::int64_t kSecond = 1'000'000;

TimelineItem state(std::int64_t id, std::int64_t start, std::int64_t end, bool editable = true) {
    TimelineItem item;
    item.id = id;
    item.code = QStringLiteral("c%1").arg(id);
    item.label = QStringLiteral("Item %1").arg(id);
    item.start = start;
    item.end = end;
    item.editable = editable;
    item.colour = QColor(70, 120, 200);
    return item;
}

TimelineItem point(std::int64_t id, std::int64_t at, bool editable = true) {
    TimelineItem item = state(id, at, at, editable);
    item.end.reset();
    return item;
}

// Track 0: states 1 [1 s, 2 s] and 2 [10 s, 15 s] with point 3 at 12 s inside it.
// Track 1: state 4 at the same times as 1, and 5 [20 s, 30 s] overlapping 6 [22 s, 24 s].
// Track 2: another coder's read-only lane: state 7 [1 s, 2 s], point 8 at 5 s.
TimelineContent content() {
    TimelineContent c;
    c.duration = 60 * kSecond;
    c.frameDuration = 40'000;
    TimelineTrack a;
    a.title = QStringLiteral("Proximity");
    a.items = {state(1, 1 * kSecond, 2 * kSecond), state(2, 10 * kSecond, 15 * kSecond),
               point(3, 12 * kSecond)};
    TimelineTrack b;
    b.title = QStringLiteral("Contact");
    b.items = {state(4, 1 * kSecond, 2 * kSecond), state(5, 20 * kSecond, 30 * kSecond),
               state(6, 22 * kSecond, 24 * kSecond)};
    TimelineTrack other;
    other.title = QStringLiteral("Reza: Proximity");
    other.editable = false;
    other.items = {state(7, 1 * kSecond, 2 * kSecond, false), point(8, 5 * kSecond, false)};
    c.tracks = {a, b, other};
    return c;
}

struct Trim {
    qint64 id;
    std::optional<qint64> start;
    std::optional<qint64> end;
};
} // namespace

class TimelineInteractionTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TimelineView> view;
    std::vector<qint64> seeks, selections, deletes;
    std::vector<std::pair<qint64, qint64>> moves;
    std::vector<Trim> trims;

    QWidget* surface() const { return view->viewport(); }
    QPoint at(std::int64_t time, int track) const {
        return {static_cast<int>(std::lround(view->xForTime(time))), view->trackRect(track).center().y()};
    }
    int axisWidth() const { return view->trackRect(0).width(); }
    // 2 ms per pixel from `from`.
    void showTwoMsPerPixel(std::int64_t from) { view->setVisibleRange(from, from + axisWidth() * 2'000LL); }

private slots:
    void init() {
        view = std::make_unique<TimelineView>();
        view->resize(1400, 300);
        view->setContent(content());
        view->setFrameSnap(snapTo40ms);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        seeks.clear();
        selections.clear();
        deletes.clear();
        moves.clear();
        trims.clear();
        connect(view.get(), &TimelineView::seekRequested, this, [this](qint64 t) { seeks.push_back(t); });
        connect(view.get(), &TimelineView::selectionChanged, this,
                [this](qint64 id) { selections.push_back(id); });
        connect(view.get(), &TimelineView::deleteRequested, this,
                [this](qint64 id) { deletes.push_back(id); });
        connect(view.get(), &TimelineView::moveRequested, this,
                [this](qint64 id, qint64 start) { moves.emplace_back(id, start); });
        connect(view.get(), &TimelineView::trimRequested, this,
                [this](qint64 id, std::optional<qint64> s, std::optional<qint64> e) {
                    trims.push_back({id, s, e});
                });
    }
    void cleanup() { view.reset(); }

    void startsWithTheWholeSession() {
        QCOMPARE(view->visibleRange().from, 0);
        QCOMPARE(view->visibleRange().to, 60 * kSecond);
        QVERIFY(!view->accessibleName().isEmpty());
    }

    void clickOnRulerSeeksToTheFrameUnderTheMouse() {
        const std::int64_t target = 12'345'678;
        const int x = static_cast<int>(std::lround(view->xForTime(target)));
        click(surface(), QPoint(x, 4));
        QCOMPARE(seeks.size(), 1u);
        const qint64 seek = seeks.front();
        QCOMPARE(seek % 40'000, 0); // a frame start
        const double perPixel = 60.0 * kSecond / axisWidth();
        QVERIFY2(std::abs(seek - target) <= perPixel + 40'000, qPrintable(QString::number(seek)));
        QCOMPARE(view->playhead(), seek);
    }

    void clickOnEmptySpaceSeeksAndClearsTheSelection() {
        view->setSelected(2);
        QCOMPARE(view->selected(), 2);
        showTwoMsPerPixel(40 * kSecond);
        click(surface(), at(41 * kSecond + 123'000, 0));
        QCOMPARE(seeks, std::vector<qint64>{41 * kSecond + 120'000});
        QCOMPARE(selections, std::vector<qint64>{0});
        QCOMPARE(view->selected(), 0);
        // Below the last row is empty space too.
        click(surface(), QPoint(at(42 * kSecond, 0).x(), view->trackRect(2).bottom() + 20));
        QCOMPARE(seeks.back(), 42 * kSecond);
    }

    void clickSelectsTheItemUnderTheMouse() {
        view->setVisibleRange(0, 40 * kSecond);
        const struct {
            std::int64_t time;
            int track;
            qint64 expected;
        } cases[] = {
            {1'500'000, 0, 1},    {1'500'000, 1, 4},    // same times, different tracks
            {12 * kSecond, 0, 3},                       // a point drawn over a state
            {14 * kSecond, 0, 2}, {23 * kSecond, 1, 6}, // the later of two overlapping states
            {27 * kSecond, 1, 5}, {1'500'000, 2, 7},    // read-only items can be selected
            {5 * kSecond, 2, 8},
        };
        for (const auto& c : cases) {
            click(surface(), at(c.time, c.track));
            QCOMPARE(view->selected(), c.expected);
            QCOMPARE(selections.back(), c.expected);
        }
        QVERIFY(seeks.empty()); // selecting does not seek
    }

    void doubleClickSeeksToTheItem() {
        view->setVisibleRange(0, 40 * kSecond);
        QTest::mouseDClick(surface(), Qt::LeftButton, {}, at(14 * kSecond, 0));
        QVERIFY(!seeks.empty());
        QCOMPARE(seeks.back(), 10 * kSecond);
    }

    void draggingAStateMovesItOnFrames() {
        showTwoMsPerPixel(0);
        drag(surface(), at(1'500'000, 0), at(1'500'000, 0) + QPoint(62, 0)); // +124 ms
        QCOMPARE(moves.size(), 1u);
        QCOMPARE(moves.front().first, 1);
        QCOMPARE(moves.front().second, 1'120'000); // snapped down to the frame at 1.124 s
        QVERIFY(trims.empty());
        QVERIFY(seeks.empty());
    }

    void draggingAPointMovesIt() {
        showTwoMsPerPixel(11 * kSecond);
        drag(surface(), at(12 * kSecond, 0), at(12 * kSecond, 0) + QPoint(10, 0)); // +20 ms: same frame
        QVERIFY(moves.empty());
        drag(surface(), at(12 * kSecond, 0), at(12 * kSecond, 0) + QPoint(35, 0)); // +70 ms
        QCOMPARE(moves.size(), 1u);
        QCOMPARE(moves.front(), std::make_pair(qint64{3}, qint64{12'040'000}));
    }

    void draggingEdgesTrims() {
        showTwoMsPerPixel(0);
        drag(surface(), at(1 * kSecond, 0) + QPoint(2, 0), at(1 * kSecond, 0) + QPoint(32, 0)); // +60 ms
        QCOMPARE(trims.size(), 1u);
        QCOMPARE(trims[0].id, 1);
        QCOMPARE(trims[0].start, std::optional<qint64>(1'040'000));
        QVERIFY(!trims[0].end);

        drag(surface(), at(2 * kSecond, 0) - QPoint(2, 0), at(2 * kSecond, 0) - QPoint(152, 0)); // -300 ms
        QCOMPARE(trims.size(), 2u);
        QVERIFY(!trims[1].start);
        QCOMPARE(trims[1].end, std::optional<qint64>(1'680'000));
        QVERIFY(moves.empty());
        for (const Trim& t : trims)
            QCOMPARE(t.start.value_or(t.end.value_or(0)) % 40'000, 0);
    }

    void trimmingKeepsAtLeastOneFrame() {
        showTwoMsPerPixel(0);
        drag(surface(), at(2 * kSecond, 0) - QPoint(2, 0),
             at(0, 0) + QPoint(3, 0)); // end dragged before start
        QCOMPARE(trims.size(), 1u);
        QCOMPARE(trims[0].end, std::optional<qint64>(1'040'000));
        drag(surface(), at(1 * kSecond, 0) + QPoint(2, 0),
             at(1 * kSecond, 0) + QPoint(800, 0)); // start past end
        QCOMPARE(trims.size(), 2u);
        QCOMPARE(trims[1].start, std::optional<qint64>(1'960'000));
    }

    void readOnlyItemsAreSelectedButNotMoved() {
        showTwoMsPerPixel(0);
        drag(surface(), at(1'500'000, 2), at(1'500'000, 2) + QPoint(100, 0));
        drag(surface(), at(1 * kSecond, 2) + QPoint(2, 0), at(1 * kSecond, 2) + QPoint(60, 0));
        QVERIFY(moves.empty());
        QVERIFY(trims.empty());
        QCOMPARE(view->selected(), 7);
        QTest::keyClick(view.get(), Qt::Key_Delete);
        QVERIFY(deletes.empty());
    }

    void deleteAsksToDeleteTheSelectedItem() {
        view->setFocus();
        QTest::keyClick(view.get(), Qt::Key_Delete); // nothing selected
        QVERIFY(deletes.empty());
        view->setSelected(2);
        QTest::keyClick(view.get(), Qt::Key_Delete);
        view->setSelected(3);
        QTest::keyClick(view.get(), Qt::Key_Backspace);
        QCOMPARE(deletes, (std::vector<qint64>{2, 3}));
    }

    void escapeCancelsADrag() {
        showTwoMsPerPixel(0);
        const QPoint from = at(1'500'000, 0);
        press(surface(), from);
        sendMouse(surface(), QEvent::MouseMove, from + QPoint(40, 0), Qt::NoButton, Qt::LeftButton);
        sendMouse(surface(), QEvent::MouseMove, from + QPoint(80, 0), Qt::NoButton, Qt::LeftButton);
        QTest::keyClick(view.get(), Qt::Key_Escape);
        release(surface(), from + QPoint(80, 0));
        QVERIFY(moves.empty());
    }

    void dragShowsAGhostAndSurvivesNewContent() {
        showTwoMsPerPixel(0);
        const QPoint from = at(1'500'000, 0);
        const QPoint ghostAt = at(2'300'000, 0); // empty before the drag, inside the ghost during it
        const QRgb before = view->grab().toImage().pixel(ghostAt);
        press(surface(), from);
        sendMouse(surface(), QEvent::MouseMove, from + QPoint(200, 0), Qt::NoButton, Qt::LeftButton);
        sendMouse(surface(), QEvent::MouseMove, from + QPoint(400, 0), Qt::NoButton,
                  Qt::LeftButton); // +800 ms
        const QRgb during = view->grab().toImage().pixel(ghostAt);
        QVERIFY2(before != during, "no ghost where the item is being dragged");
        view->setContent(content()); // e.g. live coding elsewhere while dragging
        release(surface(), from + QPoint(400, 0));
        QCOMPARE(moves.size(), 1u);
        QCOMPARE(moves.front().second, 1'800'000);
    }

    void zoomGoesFromTheWholeSessionToSingleFrames() {
        view->zoomToSessionAction()->trigger();
        QCOMPARE(view->visibleRange().from, 0);
        QCOMPARE(view->visibleRange().to, 60 * kSecond);
        for (int i = 0; i < 30; ++i)
            view->zoomInAction()->trigger();
        const auto fine = view->visibleRange();
        // The finest zoom: a 40 ms frame spans 48 pixels.
        QVERIFY(std::abs((fine.to - fine.from) - axisWidth() * 40'000.0 / 48) < 2);
        QVERIFY(std::abs(view->xForTime(fine.from + 40'000) - view->xForTime(fine.from) - 48) < 1e-6);
        view->zoomIn();
        QCOMPARE(view->visibleRange().to - view->visibleRange().from, fine.to - fine.from);
        for (int i = 0; i < 30; ++i)
            view->zoomOut();
        QCOMPARE(view->visibleRange().from, 0);
        QCOMPARE(view->visibleRange().to, 60 * kSecond);
    }

    void plusAndMinusKeysZoomAroundThePlayhead() {
        view->setPlayhead(30 * kSecond);
        const double x = view->xForTime(30 * kSecond);
        view->setFocus();
        QTest::keyClick(view.get(), Qt::Key_Plus);
        QCOMPARE(view->visibleRange().to - view->visibleRange().from, 30 * kSecond);
        QVERIFY(std::abs(view->xForTime(30 * kSecond) - x) < 1);
        QTest::keyClick(view.get(), Qt::Key_Minus);
        QCOMPARE(view->visibleRange().to - view->visibleRange().from, 60 * kSecond);
    }

    void ctrlWheelZoomsAroundTheMouse() {
        const QPoint mouse = at(17 * kSecond, 1);
        const std::int64_t under = view->timeForX(mouse.x());
        for (int i = 0; i < 5; ++i)
            wheel(surface(), mouse, QPoint(0, 120), Qt::ControlModifier);
        const auto range = view->visibleRange();
        QVERIFY(range.to - range.from < 60 * kSecond / 2);
        QVERIFY(std::abs(view->xForTime(under) - mouse.x()) < 1.0);
        wheel(surface(), mouse, QPoint(0, -120 * 40), Qt::ControlModifier);
        QCOMPARE(view->visibleRange().to - view->visibleRange().from, 60 * kSecond);
    }

    void wheelAndRulerDragPan() {
        view->setVisibleRange(10 * kSecond, 20 * kSecond);
        wheel(surface(), QPoint(at(15 * kSecond, 0).x(), 4), QPoint(0, -120)); // over the ruler
        QCOMPARE(view->visibleRange().from, 11 * kSecond);                     // a tenth of the view later
        wheel(surface(), at(15 * kSecond, 0), QPoint(0, 120), Qt::ShiftModifier);
        QCOMPARE(view->visibleRange().from, 10 * kSecond);

        const int x = at(15 * kSecond, 0).x();
        const double perPixel = 10.0 * kSecond / axisWidth();
        drag(surface(), QPoint(x, 4), QPoint(x - 100, 4)); // dragging the ruler left shows later times
        QVERIFY(std::abs(view->visibleRange().from - (10 * kSecond + 100 * perPixel)) <= 1);
        QVERIFY(seeks.empty()); // a drag on the ruler pans, it does not seek
    }

    void horizontalScrollBarPans() {
        view->setVisibleRange(10 * kSecond, 20 * kSecond);
        QScrollBar* bar = view->horizontalScrollBar();
        QVERIFY(bar->maximum() > 0);
        bar->setValue(0);
        QCOMPARE(view->visibleRange().from, 0);
        bar->setValue(bar->maximum());
        QCOMPARE(view->visibleRange().to, 60 * kSecond);
    }

    void playheadPagesAlongDuringPlayback() {
        view->setVisibleRange(0, 10 * kSecond);
        for (std::int64_t t = 9'800'000; t <= 10'200'000; t += 40'000)
            view->setPlayhead(t);
        const auto paged = view->visibleRange();
        QVERIFY2(paged.from > 9 * kSecond && paged.from <= 10 * kSecond,
                 qPrintable(QString::number(paged.from)));
        QCOMPARE(paged.to - paged.from, 10 * kSecond);
        view->setPlayhead(45 * kSecond); // a jump: shown with some context before it
        QVERIFY(view->visibleRange().from < 45 * kSecond && view->visibleRange().to > 45 * kSecond);
    }

    void playheadLeavesThePanningUserAlone() {
        view->setVisibleRange(0, 10 * kSecond);
        view->setPlayhead(5 * kSecond);
        wheel(surface(), QPoint(at(5 * kSecond, 0).x(), 4), QPoint(0, -120 * 5)); // pan half a view later
        const auto panned = view->visibleRange();
        view->setPlayhead(30 * kSecond);
        QCOMPARE(view->visibleRange().from, panned.from);
    }

    void selectionSurvivesNewContentAndVanishesWithItsItem() {
        view->setSelected(5);
        view->setContent(content());
        QCOMPARE(view->selected(), 5);
        QVERIFY(selections.empty());
        TimelineContent without = content();
        without.tracks[1].items.removeAt(1);
        view->setContent(without);
        QCOMPARE(view->selected(), 0);
        QCOMPARE(selections, std::vector<qint64>{0});
    }

    void rowsScrollWhenTheyDoNotFit() {
        TimelineContent many = content();
        for (int i = 0; i < 30; ++i) {
            TimelineTrack extra;
            extra.title = QStringLiteral("Extra %1").arg(i);
            extra.items = {state(100 + i, 3 * kSecond, 4 * kSecond)};
            many.tracks.push_back(extra);
        }
        view->setContent(many);
        view->setVisibleRange(0, 40 * kSecond);
        QScrollBar* bar = view->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        const int top = view->trackRect(0).top();
        wheel(surface(), at(20 * kSecond, 1), QPoint(0, -120)); // over the rows: scrolls them
        QVERIFY(view->trackRect(0).top() < top);
        QCOMPARE(view->visibleRange().from, 0); // and does not pan
        bar->setValue(bar->maximum());
        const int last = static_cast<int>(many.tracks.size()) - 1;
        QVERIFY(view->trackRect(last).bottom() <= view->viewport()->height());
        click(surface(), at(3'500'000, last));
        QCOMPARE(view->selected(), 100 + 29);
        wheel(surface(), QPoint(at(20 * kSecond, 0).x(), 4), QPoint(0, -120)); // over the ruler: pans
        QVERIFY(view->visibleRange().from > 0);
    }

    void draggingAtTheEdgeScrolls() {
        showTwoMsPerPixel(0);
        const auto before = view->visibleRange();
        const QPoint from = at(1'500'000, 0);
        const QPoint edge(view->trackRect(0).right() + 30, from.y()); // past the right edge
        press(surface(), from);
        sendMouse(surface(), QEvent::MouseMove, from + QPoint(50, 0), Qt::NoButton, Qt::LeftButton);
        sendMouse(surface(), QEvent::MouseMove, edge, Qt::NoButton, Qt::LeftButton);
        QTest::qWait(300);
        const auto scrolled = view->visibleRange();
        QVERIFY(scrolled.from > before.from);
        release(surface(), edge);
        QCOMPARE(moves.size(), 1u);
        // The item went as far as the time under the mouse, which the scrolling moved on.
        const std::int64_t underMouse = view->timeForX(edge.x()) - 500'000; // pressed 0.5 s into the item
        QVERIFY2(std::abs(moves.front().second - underMouse) <= 40'000 + 4'000,
                 qPrintable(QStringLiteral("%1 vs %2").arg(moves.front().second).arg(underMouse)));
        QCOMPARE(moves.front().second % 40'000, 0);
        const auto settled = view->visibleRange();
        QTest::qWait(100);
        QCOMPARE(view->visibleRange().from, settled.from); // stops with the drag
    }

    void timelineKeysWinOverWindowShortcutsWhileFocused() {
        QWidget window;
        auto* local = new TimelineView(&window);
        local->resize(800, 200);
        local->setContent(content());
        int windowDeletes = 0;
        auto* action = new QAction(&window);
        action->setShortcut(QKeySequence(Qt::Key_Delete));
        window.addAction(action);
        connect(action, &QAction::triggered, this, [&] { ++windowDeletes; });
        std::vector<qint64> localDeletes;
        connect(local, &TimelineView::deleteRequested, this, [&](qint64 id) { localDeletes.push_back(id); });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        local->setFocus();
        QTest::keyClick(local, Qt::Key_Delete); // nothing selected: the window's shortcut
        QCOMPARE(windowDeletes, 1);
        local->setSelected(2);
        QTest::keyClick(local, Qt::Key_Delete); // an editable selection: the timeline's
        QCOMPARE(windowDeletes, 1);
        QCOMPARE(localDeletes, std::vector<qint64>{2});
    }

    void unsortedItemsAreSorted() {
        TimelineContent c = content();
        std::reverse(c.tracks[1].items.begin(), c.tracks[1].items.end());
        view->setContent(c);
        view->setVisibleRange(0, 40 * kSecond);
        click(surface(), at(23 * kSecond, 1));
        QCOMPARE(view->selected(), 6);
    }
};

QTEST_MAIN(TimelineInteractionTest)
#include "timeline_interaction_test.moc"
