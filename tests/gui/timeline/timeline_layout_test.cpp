// Layout and pixels: time runs left to right in both layout directions, and only the track
// titles move to the reading side. Also writes snapshots (PNG) for people to look at.

#include "app/gui/timeline/timeline_view.h"
#include "tests/gui/timeline/sample_content.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QScrollBar>
#include <QTest>

#include <memory>

using namespace sb::gui;
using namespace sb::gui::testing;

namespace {
constexpr std::int64_t kSecond = 1'000'000;
const QColor kEarly(200, 30, 30);    // an item at the start of the session
const QColor kLate(30, 160, 60);     // an item at the end
const QColor kSwatch(120, 200, 230); // the track's colour: light, so title text is the only dark

TimelineContent twoItems() {
    TimelineContent c;
    c.duration = 100 * kSecond;
    TimelineTrack track;
    track.title = QStringLiteral("Proximity seeking");
    track.colour = kSwatch;
    TimelineItem early;
    early.id = 1;
    early.start = 0;
    early.end = 10 * kSecond;
    early.colour = kEarly;
    TimelineItem late = early;
    late.id = 2;
    late.start = 80 * kSecond;
    late.end = 100 * kSecond;
    late.colour = kLate;
    track.items = {early, late};
    TimelineTrack shortTitle; // a title much narrower than its cell shows the alignment
    shortTitle.title = QStringLiteral("Cry");
    shortTitle.colour = kSwatch;
    c.tracks = {track, shortTitle};
    return c;
}

// Leftmost and rightmost x of pixels of exactly `colour` on line y (-1 if none).
std::pair<int, int> span(const QImage& image, int y, const QColor& colour) {
    int first = -1;
    int last = -1;
    for (int x = 0; x < image.width(); ++x) {
        if (image.pixelColor(x, y) == colour) {
            if (first < 0)
                first = x;
            last = x;
        }
    }
    return {first, last};
}

// The leftmost and rightmost x of dark (text) pixels inside `rect`, (-1, -1) when none.
std::pair<int, int> darkPixels(const QImage& image, const QRect& rect) {
    int first = -1;
    int last = -1;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            if (qGray(image.pixel(x, y)) < 80) {
                first = first < 0 ? x : std::min(first, x);
                last = std::max(last, x);
            }
    return {first, last};
}

void saveSnapshot(TimelineView& view, const QString& name) {
    const QString dir = QStringLiteral(SB_TIMELINE_PNG_DIR);
    QDir().mkpath(dir);
    QVERIFY(view.grab().save(dir + QLatin1Char('/') + name));
}
} // namespace

class TimelineLayoutTest : public QObject {
    Q_OBJECT
private:
    struct Shown {
        QImage image;
        QRect row;  // track 0's time strip
        QRect row1; // track 1's
        int width;  // of the viewport
        double x10; // x of 10 s
        double x90; // x of 90 s
    };

    Shown show(Qt::LayoutDirection direction) {
        TimelineView view;
        view.setLayoutDirection(direction);
        view.resize(1000, 200);
        view.setContent(twoItems());
        view.setPlayhead(50 * kSecond);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            qFatal("not exposed");
        return {view.grab().toImage(),    view.trackRect(0),           view.trackRect(1),
                view.viewport()->width(), view.xForTime(10 * kSecond), view.xForTime(90 * kSecond)};
    }

private slots:
    void leftToRightPutsTitlesLeftAndTimeLeftToRight() {
        const Shown s = show(Qt::LeftToRight);
        QVERIFY(s.row.left() > 0); // titles take the left
        QCOMPARE(s.row.right(), s.width - 1);
        QVERIFY(s.x10 < s.x90);
        const int y = s.row.center().y();
        const auto early = span(s.image, y, kEarly);
        const auto late = span(s.image, y, kLate);
        QVERIFY(early.first >= s.row.left() && early.first <= s.row.left() + 2);
        QVERIFY(late.second >= s.row.right() - 2);
        QVERIFY(early.second < late.first);
        const QRect titles(0, s.row.top(), s.row.left(), s.row.height());
        const auto text = darkPixels(s.image, titles);
        QVERIFY(text.first >= 0);
        // Text starts on the left after the swatch, and does not reach the far side.
        QVERIFY2(text.first < titles.left() + 40, qPrintable(QString::number(text.first)));
        QVERIFY(text.second < titles.right() - 4);
        const auto shortText = darkPixels(s.image, QRect(0, s.row1.top(), s.row.left(), s.row1.height()));
        QVERIFY(shortText.first < titles.left() + 40);
        QVERIFY2(shortText.second < titles.center().x(), "a short title sits on the left");
        const auto swatch = span(s.image, y, kSwatch);
        QVERIFY(swatch.first >= 0 && swatch.second < titles.center().x());
    }

    void rightToLeftKeepsTimeLeftToRightAndPutsTitlesRight() {
        const Shown s = show(Qt::RightToLeft);
        QCOMPARE(s.row.left(), 0); // the time strip starts at the left edge
        QVERIFY(s.row.right() < s.width - 100);
        QVERIFY(s.x10 < s.x90); // time is not mirrored
        const int y = s.row.center().y();
        const auto early = span(s.image, y, kEarly);
        const auto late = span(s.image, y, kLate);
        QVERIFY2(early.first >= 0 && early.first <= 2, qPrintable(QString::number(early.first)));
        QVERIFY(std::abs(late.second - s.row.right()) <= 2);
        QVERIFY(early.second < late.first);
        const QRect titles(s.row.right() + 1, s.row.top(), s.width - s.row.right() - 1, s.row.height());
        const auto text = darkPixels(s.image, titles);
        QVERIFY(text.first >= 0);
        // Text ends on the right (the reading side starts there) before the swatch.
        QVERIFY2(text.second > titles.right() - 40, qPrintable(QString::number(text.second)));
        QVERIFY(text.first > titles.left() + 4);
        const auto shortText =
            darkPixels(s.image, QRect(titles.left(), s.row1.top(), titles.width(), s.row1.height()));
        QVERIFY(shortText.second > titles.right() - 40);
        QVERIFY2(shortText.first > titles.center().x(), "a short title sits on the right");
        const auto swatch = span(s.image, y, kSwatch);
        QVERIFY(swatch.first > titles.center().x());
        // Nothing of the titles on the left: the strip there shows the early item.
        QCOMPARE(s.image.pixelColor(s.row.left() + 20, y), kEarly);
    }

    void rightToLeftApplicationLayout() {
        QApplication::setLayoutDirection(Qt::RightToLeft);
        {
            TimelineView view;
            view.resize(800, 200);
            view.setContent(twoItems());
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.isRightToLeft());
            QCOMPARE(view.trackRect(0).left(), 0);
            QVERIFY(view.xForTime(10 * kSecond) < view.xForTime(90 * kSecond));
            // The scroll bar along time does not mirror either.
            QCOMPARE(view.horizontalScrollBar()->layoutDirection(), Qt::LeftToRight);
            view.setVisibleRange(0, 10 * kSecond);
            QCOMPARE(view.horizontalScrollBar()->value(), 0);
        }
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }

    void switchingDirectionMovesOnlyTheTitles() {
        TimelineView view;
        view.resize(900, 200);
        view.setContent(twoItems());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto before = view.visibleRange();
        const int width = view.trackRect(0).width();
        view.setLayoutDirection(Qt::RightToLeft);
        QCOMPARE(view.trackRect(0).left(), 0);
        QCOMPARE(view.trackRect(0).width(), width);
        QCOMPARE(view.visibleRange().from, before.from);
        QCOMPARE(view.visibleRange().to, before.to);
    }

    void snapshots() {
        for (const Qt::LayoutDirection direction : {Qt::LeftToRight, Qt::RightToLeft}) {
            const bool rtl = direction == Qt::RightToLeft;
            TimelineContent content = makeSnapshotContent();
            if (rtl) { // as a Persian interface would name the tracks
                const char* persian[] = {"نزدیکی‌جویی",
                                         "حفظ تماس",
                                         "مقاومت",
                                         "اجتناب",
                                         "گریه",
                                         "نگاه به والد",
                                         "لبخند",
                                         "رضا: نزدیکی‌جویی"};
                for (int t = 0; t < content.tracks.size(); ++t)
                    content.tracks[t].title = QString::fromUtf8(persian[t]);
            }
            TimelineView view;
            view.setLayoutDirection(direction);
            view.resize(1400, 400);
            view.setContent(content);
            view.setFrameSnap(snapTo40ms);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.setPlayhead(83 * kSecond);
            view.setSelected(content.tracks[1].items[3].id);
            const QString side = rtl ? QStringLiteral("rtl") : QStringLiteral("ltr");
            saveSnapshot(view, QStringLiteral("timeline-%1-session.png").arg(side));
            view.setVisibleRange(60 * kSecond, 100 * kSecond);
            saveSnapshot(view, QStringLiteral("timeline-%1-40s.png").arg(side));
            for (int i = 0; i < 20; ++i)
                view.zoomIn();
            saveSnapshot(view, QStringLiteral("timeline-%1-frames.png").arg(side));
        }
    }
};

QTEST_MAIN(TimelineLayoutTest)
#include "timeline_layout_test.moc"
