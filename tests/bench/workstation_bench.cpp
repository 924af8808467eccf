// Workstation benchmark (issue 4), offscreen: start to first frame, playback of the 1080p30
// reference clip at 1x and 2x with dropped-frame counts, and key press to annotation
// committed. Not a test: it prints figures. (Timeline repaint: timeline_bench.)
//
//   QT_QPA_PLATFORM=offscreen workstation_bench [FILE]

#include "app/gui/main_window.h"
#include "app/gui/video_view.h"
#include "bench_clip.h"

#include "annotation/project.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <fmt/core.h>

#include <algorithm>
#include <vector>

namespace {

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

void waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

void run(QApplication&, const std::filesystem::path& clip) {
    QTemporaryDir dir;
    const QString projectFile = dir.filePath(QStringLiteral("bench.sbproj"));
    {
        auto project = sb::annotation::Project::create(projectFile.toStdString(),
                                                       SB_SOURCE_DIR "/samples/schemes/generic.json");
        project->store().addSession(
            "bench", {sb::annotation::MediaFile{clip.string(), sb::annotation::Microseconds(0)}});
        project->store().addCoder("bench", sb::annotation::CoderRole::Coder);
    }

    for (const bool warm : {false, true}) {
        if (!warm)
            std::filesystem::remove_all(std::filesystem::path(SB_BENCH_DIR) / "workstation-cache");
        QElapsedTimer timer;
        timer.start();
        sb::gui::MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.openProject(projectFile);
        waitFor([&] { return !window.videoViews().isEmpty() && window.videoViews()[0]->shownFrame() == 0; },
                30000);
        fmt::print("start to first frame ({} index cache): {} ms\n", warm ? "warm" : "cold", timer.elapsed());
    }

    sb::gui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.openProject(projectFile);
    waitFor([&] { return window.videoViews()[0]->shownFrame() == 0; }, 30000);
    auto& playback = window.playback();
    for (const double speed : {1.0, 2.0}) {
        playback.seek(10'000'000);
        playback.setSpeed(speed);
        QCoreApplication::processEvents();
        const auto before = playback.stats();
        playback.play();
        QElapsedTimer timer;
        timer.start();
        waitFor([] { return false; }, 20000);
        playback.pause();
        const auto after = playback.stats();
        const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        const auto shown = after.framesShown - before.framesShown;
        const auto dropped = after.framesDropped - before.framesDropped;
        fmt::print("playback {}x for {:.1f} s: {} frames shown ({:.1f} per s, {} expected), {} dropped\n",
                   speed, seconds, shown, static_cast<double>(shown) / seconds,
                   static_cast<int>(30 * speed * seconds), dropped);
    }

    // Key press to annotation committed (the edit's transaction has returned), while playing.
    playback.setSpeed(1.0);
    playback.seek(30'000'000);
    playback.play();
    std::vector<double> latencies;
    for (int i = 0; i < 60; ++i) {
        waitFor([] { return false; }, 150);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_S, Qt::NoModifier, QStringLiteral("s"));
        QElapsedTimer timer;
        timer.start();
        const auto countBefore = window.document().annotations().size();
        timer.restart();
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QCoreApplication::sendEvent(target, &press);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (window.document().annotations().size() == countBefore + 1)
            latencies.push_back(ms);
    }
    playback.pause();
    fmt::print(
        "key press to annotation committed ({} presses while playing): median {:.2f} ms, p95 {:.2f} ms, max "
        "{:.2f} ms\n",
        latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.95),
        percentile(latencies, 1.0));
}

} // namespace

int main(int argc, char** argv) {
    qputenv("SECUREBASE_CACHE_DIR", QByteArray(SB_BENCH_DIR "/workstation-cache"));
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SecureBaseBench"));
    const std::filesystem::path clip = argc > 1 ? std::filesystem::path(argv[1]) : sb::bench::benchClip();
    fmt::print("file: {}\n", clip.string());
    run(app, clip);
    return 0;
}
