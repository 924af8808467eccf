// The timeline's pure pieces: time <-> x mapping with zoom and pan, zoom limits, ruler steps,
// and the interval index against a brute-force scan.

#include "app/gui/timeline/interval_index.h"
#include "app/gui/timeline/ruler_scale.h"
#include "app/gui/timeline/time_axis.h"

#include <QTest>

#include <random>

using sb::gui::IntervalIndex;
using sb::gui::TimeAxis;

namespace {
constexpr std::int64_t kSecond = 1'000'000;
}

class TimeAxisTest : public QObject {
    Q_OBJECT
private slots:
    void wholeSessionMapsEndsToStripEdges() {
        TimeAxis axis;
        axis.setViewport(100, 1000);
        axis.setDuration(100 * kSecond);
        axis.showWholeSession();
        QCOMPARE(axis.xAt(0), 100.0);
        QCOMPARE(axis.xAt(100 * kSecond), 1100.0);
        QCOMPARE(axis.timeAt(600), 50 * kSecond);
        QCOMPARE(axis.start(), 0);
        QCOMPARE(axis.end(), 100 * kSecond);
    }

    void mappingAtSeveralZooms_data() {
        QTest::addColumn<std::int64_t>("from");
        QTest::addColumn<std::int64_t>("to");
        QTest::newRow("10 s") << 10 * kSecond << 20 * kSecond;
        QTest::newRow("1 s") << 42 * kSecond << 43 * kSecond;
        QTest::newRow("100 ms") << 70 * kSecond << 70 * kSecond + 100'000;
    }
    void mappingAtSeveralZooms() {
        QFETCH(std::int64_t, from);
        QFETCH(std::int64_t, to);
        TimeAxis axis;
        axis.setViewport(0, 1000);
        axis.setDuration(100 * kSecond);
        axis.setFinestScale(1.0);
        axis.setRange(from, to);
        QCOMPARE(axis.start(), from);
        QCOMPARE(axis.end(), to);
        const double perPixel = static_cast<double>(to - from) / 1000;
        QCOMPARE(axis.scale(), perPixel);
        for (int x : {0, 1, 250, 999}) {
            const std::int64_t t = axis.timeAt(x);
            QCOMPARE(t, from + static_cast<std::int64_t>(std::llround(x * perPixel)));
            QVERIFY(std::abs(axis.xAt(t) - x) < 1e-6);
        }
    }

    void panShiftsTheMapping() {
        TimeAxis axis;
        axis.setViewport(50, 1000);
        axis.setDuration(100 * kSecond);
        axis.setRange(10 * kSecond, 20 * kSecond); // 10 ms per pixel
        QCOMPARE(axis.xAt(15 * kSecond), 550.0);
        axis.panByPixels(100); // a second later
        QCOMPARE(axis.start(), 11 * kSecond);
        QCOMPARE(axis.xAt(15 * kSecond), 450.0);
        axis.panByPixels(-300);
        QCOMPARE(axis.start(), 8 * kSecond);
        QCOMPARE(axis.timeAt(50 + 200), 10 * kSecond);
    }

    void panStopsAtTheSessionEnds() {
        TimeAxis axis;
        axis.setViewport(0, 1000);
        axis.setDuration(100 * kSecond);
        axis.setRange(10 * kSecond, 20 * kSecond);
        axis.panByPixels(-1e6);
        QCOMPARE(axis.start(), 0);
        axis.panByPixels(1e6);
        QCOMPARE(axis.end(), 100 * kSecond);
        QCOMPARE(axis.start(), 90 * kSecond);
    }

    void zoomKeepsTheAnchorInPlace() {
        TimeAxis axis;
        axis.setViewport(200, 800);
        axis.setDuration(600 * kSecond);
        axis.setFinestScale(40'000 / 48.0);
        axis.showWholeSession();
        const double x = 437;
        const std::int64_t anchor = axis.timeAt(x);
        for (int i = 0; i < 30; ++i) {
            axis.zoomAround(x, 0.7);
            QVERIFY2(std::abs(axis.xAt(anchor) - x) < 0.5, qPrintable(QString::number(axis.xAt(anchor))));
        }
        QVERIFY(axis.atFinest());
    }

    void zoomLimitsAreWholeSessionAndSingleFrames() {
        TimeAxis axis;
        axis.setViewport(0, 960);
        axis.setDuration(7200 * kSecond);
        axis.setFinestScale(40'000 / 48.0); // a 40 ms frame is 48 pixels wide at the finest zoom
        axis.showWholeSession();
        QVERIFY(axis.atCoarsest());
        axis.zoomAround(480, 10.0); // cannot zoom out past the whole session
        QCOMPARE(axis.start(), 0);
        QCOMPARE(axis.end(), 7200 * kSecond);
        for (int i = 0; i < 100; ++i)
            axis.zoomAround(480, 0.5);
        QVERIFY(axis.atFinest());
        QCOMPARE(axis.end() - axis.start(), 20 * 40'000); // 960 px / 48 px per frame = 20 frames
        QCOMPARE(axis.xAt(axis.start() + 40'000) - axis.xAt(axis.start()), 48.0);
    }

    void shortSessionClampsTheFinestZoom() {
        TimeAxis axis;
        axis.setViewport(0, 1000);
        axis.setDuration(200'000); // shorter than the finest span
        axis.setFinestScale(1000.0);
        axis.setRange(0, 1000);
        QCOMPARE(axis.start(), 0);
        QCOMPARE(axis.end(), 200'000);
        QVERIFY(axis.atFinest() && axis.atCoarsest());
    }

    void rulerStepsKeepLabelsApart() {
        for (double perPixel : {100.0, 833.0, 10'000.0, 400'000.0, 4.8e6, 1e9}) {
            const sb::gui::RulerScale scale = sb::gui::chooseRulerScale(perPixel, 90);
            QVERIFY(scale.major >= perPixel * 90 || scale.major == 480LL * 60 * kSecond);
            QVERIFY(scale.major % scale.minor == 0);
        }
        QCOMPARE(sb::gui::chooseRulerScale(4.8e6, 90).major, 10LL * 60 * kSecond);
    }

    void rulerLabels() {
        using sb::gui::formatRulerTime;
        QCOMPARE(formatRulerTime(3723 * kSecond, kSecond, true), QStringLiteral("1:02:03"));
        QCOMPARE(formatRulerTime(123 * kSecond, kSecond, false), QStringLiteral("2:03"));
        QCOMPARE(formatRulerTime(123 * kSecond + 250'000, 50'000, false), QStringLiteral("2:03.25"));
        QCOMPARE(formatRulerTime(123 * kSecond + 200'000, 200'000, false), QStringLiteral("2:03.2"));
        QCOMPARE(formatRulerTime(7 * kSecond + 40'000, 1'000, false), QStringLiteral("0:07.040"));
    }

    void intervalIndexMatchesBruteForce() {
        std::mt19937_64 random(5);
        std::vector<std::int64_t> starts;
        std::vector<std::int64_t> ends;
        for (int i = 0; i < 5000; ++i) {
            const auto start = static_cast<std::int64_t>(random() % 1'000'000);
            starts.push_back(start);
        }
        std::sort(starts.begin(), starts.end());
        for (std::int64_t s : starts) {
            const auto kind = random() % 10;
            const std::int64_t length = kind == 0   ? 0
                                        : kind == 1 ? static_cast<std::int64_t>(random() % 500'000)
                                                    : static_cast<std::int64_t>(random() % 2'000);
            ends.push_back(s + length);
        }
        IntervalIndex index;
        index.build(starts, ends);
        for (int q = 0; q < 500; ++q) {
            const auto from = static_cast<std::int64_t>(random() % 1'100'000) - 50'000;
            const std::int64_t to = from + static_cast<std::int64_t>(random() % (q % 2 ? 1'000 : 200'000));
            std::vector<std::size_t> expected;
            for (std::size_t i = 0; i < starts.size(); ++i)
                if (starts[i] <= to && ends[i] >= from)
                    expected.push_back(i);
            std::vector<std::size_t> found;
            index.forEachOverlapping(from, to, [&](std::size_t i) { found.push_back(i); });
            QCOMPARE(found, expected); // same items, in start order
        }
    }

    void intervalIndexEdgeCases() {
        IntervalIndex empty;
        empty.build({}, {});
        int calls = 0;
        empty.forEachOverlapping(0, 100, [&](std::size_t) { ++calls; });
        QCOMPARE(calls, 0);
        IntervalIndex one;
        one.build({10}, {20});
        one.forEachOverlapping(20, 30, [&](std::size_t) { ++calls; }); // touching the end counts
        one.forEachOverlapping(21, 30, [&](std::size_t) { ++calls; });
        one.forEachOverlapping(0, 9, [&](std::size_t) { ++calls; });
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TimeAxisTest)
#include "time_axis_test.moc"
