#pragma once
// How the time ruler is divided at a given zoom: a labelled major step far enough apart for
// its labels, minor ticks in between, and how to write a time at that precision.

#include <QString>

#include <cstdint>

namespace sb::gui {

struct RulerScale {
    std::int64_t major = 1'000'000; // microseconds between labelled ticks
    std::int64_t minor = 200'000;   // microseconds between unlabelled ticks
};

// The finest "round" step (1, 2, 5 ms ... 10 s, 15 s, 30 s, 1 min ... 1 h) whose labels are at
// least `minimumLabelSpacing` pixels apart at `microsecondsPerPixel`.
RulerScale chooseRulerScale(double microsecondsPerPixel, double minimumLabelSpacing);

// A ruler label: "1:02:03" for sessions of an hour or more, "2:03" below; steps under a second
// add as many decimals as the step needs ("2:03.25").
QString formatRulerTime(std::int64_t time, std::int64_t step, bool showHours);

} // namespace sb::gui
