// Timeline repaint time with 100,000 annotations over a 2-hour session across 20 tracks, at the
// whole-session, 10-minute, 10-second and single-frame zooms (offscreen platform). The budget is
// one 60 Hz frame, 16 ms, per full repaint. Also: rebuilding the content (what every edit costs)
// and a playback frame (only the playhead strip repaints).
//
// Usage: timeline_bench [repaints per zoom, default 50]

#include "app/gui/timeline/timeline_view.h"
#include "tests/gui/timeline/sample_content.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sb::gui;

namespace {
constexpr std::int64_t kSecond = 1'000'000;
constexpr std::int64_t kTwoHours = 2 * 3600 * kSecond;

struct Figures {
    double median;
    double max;
};

Figures summarise(std::vector<double> times) {
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times.back()};
}
} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int repaints = argc > 1 ? std::max(1, std::atoi(argv[1])) : 50;

    TimelineContent content = testing::makeLoadContent(100'000, 20, kTwoHours);
    TimelineView view;
    view.resize(1600, 900);
    view.setFrameSnap(testing::snapTo40ms);
    view.show();
    QApplication::processEvents();

    std::vector<double> rebuilds;
    for (int i = 0; i < 10; ++i) {
        TimelineContent copy = content;
        QElapsedTimer timer;
        timer.start();
        view.setContent(std::move(copy));
        rebuilds.push_back(timer.nsecsElapsed() / 1e6);
    }
    const Figures rebuild = summarise(rebuilds);
    std::printf("timeline_bench: 100,000 annotations, 20 tracks, 2 h session, %dx%d viewport, %s platform\n",
                view.viewport()->width(), view.viewport()->height(),
                qPrintable(QApplication::platformName()));
    std::printf("setContent (index rebuild):  median %6.2f ms  max %6.2f ms\n", rebuild.median, rebuild.max);

    const struct {
        const char* name;
        std::int64_t span;
    } zooms[] = {{"whole session", kTwoHours},
                 {"10 minutes", 600 * kSecond},
                 {"10 seconds", 10 * kSecond},
                 {"single frames", 1}}; // 1 µs: clamped to the finest zoom (48 px per frame)
    bool withinBudget = true;
    for (const auto& zoom : zooms) {
        std::vector<double> times;
        view.setVisibleRange(kTwoHours / 3, kTwoHours / 3 + zoom.span);
        const auto range = view.visibleRange();
        const double perPixel = static_cast<double>(range.to - range.from) / view.trackRect(0).width();
        for (int i = 0; i < repaints; ++i) {
            // Scroll a little between repaints, as page-follow and panning do.
            const auto from = static_cast<std::int64_t>(range.from + i * 7 * perPixel);
            view.setVisibleRange(from, from + (range.to - range.from));
            view.setPlayhead(from + (range.to - range.from) / 2);
            QElapsedTimer timer;
            timer.start();
            view.viewport()->repaint();
            times.push_back(timer.nsecsElapsed() / 1e6);
        }
        const Figures f = summarise(times);
        withinBudget = withinBudget && f.median < 16.0;
        std::printf("repaint at %-14s (%9.0f us/px): median %6.2f ms  max %6.2f ms  (%d repaints)\n",
                    zoom.name, perPixel, f.median, f.max, repaints);
    }

    // Playback at the 10-minute zoom: each frame moves the playhead, which repaints its strips.
    view.setVisibleRange(kTwoHours / 3, kTwoHours / 3 + 600 * kSecond);
    QApplication::processEvents();
    std::vector<double> frames;
    std::int64_t t = kTwoHours / 3 + 60 * kSecond;
    for (int i = 0; i < repaints; ++i) {
        t += 40'000;
        QElapsedTimer timer;
        timer.start();
        view.setPlayhead(t);
        QApplication::processEvents(); // delivers the update: paint and flush
        frames.push_back(timer.nsecsElapsed() / 1e6);
    }
    const Figures playback = summarise(frames);
    std::printf("playback frame (playhead strips only, incl. flush): median %6.2f ms  max %6.2f ms\n",
                playback.median, playback.max);
    std::printf("budget (median full repaint < 16 ms at every zoom): %s\n", withinBudget ? "met" : "MISSED");
    return 0;
}
