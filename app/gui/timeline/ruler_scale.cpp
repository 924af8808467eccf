#include "app/gui/timeline/ruler_scale.h"

#include <array>

namespace sb::gui {

namespace {
constexpr std::int64_t ms = 1'000;
constexpr std::int64_t s = 1'000'000;
constexpr std::int64_t min = 60 * s;

// Minor ticks split each major step into parts a reader counts without thinking.
constexpr std::array kScales{
    RulerScale{1 * ms, 200},         RulerScale{2 * ms, 500},         RulerScale{5 * ms, 1 * ms},
    RulerScale{10 * ms, 2 * ms},     RulerScale{20 * ms, 5 * ms},     RulerScale{50 * ms, 10 * ms},
    RulerScale{100 * ms, 20 * ms},   RulerScale{200 * ms, 50 * ms},   RulerScale{500 * ms, 100 * ms},
    RulerScale{1 * s, 200 * ms},     RulerScale{2 * s, 500 * ms},     RulerScale{5 * s, 1 * s},
    RulerScale{10 * s, 2 * s},       RulerScale{15 * s, 5 * s},       RulerScale{30 * s, 10 * s},
    RulerScale{1 * min, 10 * s},     RulerScale{2 * min, 30 * s},     RulerScale{5 * min, 1 * min},
    RulerScale{10 * min, 2 * min},   RulerScale{15 * min, 5 * min},   RulerScale{30 * min, 10 * min},
    RulerScale{60 * min, 10 * min},  RulerScale{120 * min, 30 * min}, RulerScale{240 * min, 60 * min},
    RulerScale{480 * min, 120 * min}};
} // namespace

RulerScale chooseRulerScale(double microsecondsPerPixel, double minimumLabelSpacing) {
    const double wanted = microsecondsPerPixel * minimumLabelSpacing;
    for (const RulerScale& scale : kScales)
        if (static_cast<double>(scale.major) >= wanted)
            return scale;
    return kScales.back();
}

QString formatRulerTime(std::int64_t time, std::int64_t step, bool showHours) {
    const bool negative = time < 0;
    const std::int64_t t = negative ? -time : time;
    const std::int64_t hours = t / (60 * min);
    const std::int64_t minutes = (t / min) % 60;
    const std::int64_t seconds = (t / s) % 60;
    QString text;
    if (showHours)
        text = QStringLiteral("%1:%2:%3")
                   .arg(hours)
                   .arg(minutes, 2, 10, QLatin1Char('0'))
                   .arg(seconds, 2, 10, QLatin1Char('0'));
    else
        text = QStringLiteral("%1:%2").arg(hours * 60 + minutes).arg(seconds, 2, 10, QLatin1Char('0'));
    if (step < s) {
        const int decimals = step >= 100 * ms ? 1 : step >= 10 * ms ? 2 : 3;
        std::int64_t fraction = t % s;
        for (int d = decimals; d < 6; ++d)
            fraction /= 10;
        text += QLatin1Char('.') + QStringLiteral("%1").arg(fraction, decimals, 10, QLatin1Char('0'));
    }
    return negative ? QLatin1Char('-') + text : text;
}

} // namespace sb::gui
