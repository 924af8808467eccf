#include "tests/gui/timeline/sample_content.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <random>

namespace sb::gui::testing {

namespace {
constexpr std::int64_t kSecond = 1'000'000;

QColor paletteColour(int i) {
    static const QColor colours[] = {
        QColor("#4e79a7"), QColor("#f28e2b"), QColor("#e15759"), QColor("#76b7b2"), QColor("#59a14f"),
        QColor("#edc948"), QColor("#b07aa1"), QColor("#ff9da7"), QColor("#9c755f"), QColor("#bab0ac")};
    return colours[i % 10];
}

TimelineWaveform makeWaveform(std::int64_t duration, std::int64_t bucket) {
    TimelineWaveform waveform;
    waveform.bucket = bucket;
    const auto count = static_cast<qsizetype>(duration / bucket);
    waveform.minimum.resize(count);
    waveform.maximum.resize(count);
    std::mt19937 random(7);
    std::uniform_real_distribution<float> noise(0.0f, 1.0f);
    for (qsizetype i = 0; i < count; ++i) {
        // Speech-like bursts: an envelope of a few seconds over noise.
        const double t = static_cast<double>(i * bucket) / kSecond;
        const float envelope =
            static_cast<float>(0.15 + 0.75 * std::pow(std::sin(t * 0.9) * std::sin(t * 0.23), 2));
        const float level = envelope * (0.4f + 0.6f * noise(random));
        waveform.maximum[i] = level;
        waveform.minimum[i] = -level * (0.8f + 0.2f * noise(random));
    }
    return waveform;
}

QVector<TimelineSegment> makeEpisodes(std::int64_t duration) {
    const QStringList titles{"1 Parent and infant", "2 Stranger joins", "3 First separation",
                             "4 First reunion",     "5 Infant alone",   "6 Stranger returns",
                             "7 Second reunion"};
    QVector<TimelineSegment> segments;
    const std::int64_t length = duration / titles.size();
    for (int i = 0; i < titles.size(); ++i)
        segments.push_back({titles[i], i * length, (i + 1) * length, paletteColour(i + 3)});
    return segments;
}
} // namespace

std::int64_t snapTo40ms(std::int64_t time) {
    return time / 40'000 * 40'000;
}

TimelineContent makeSnapshotContent() {
    TimelineContent content;
    content.duration = 3 * 60 * kSecond;
    content.frameDuration = 40'000;
    content.segments = makeEpisodes(content.duration);
    content.waveform = makeWaveform(content.duration, 10'000);
    struct Code {
        const char* id;
        const char* label;
        bool point;
    };
    const Code codes[] = {{"prox", "Proximity seeking", false},
                          {"cont", "Contact maintenance", false},
                          {"resist", "Resistance", false},
                          {"avoid", "Avoidance", false},
                          {"cry", "Cry", false},
                          {"look", "Looks at parent", true},
                          {"smile", "Smile", true}};
    std::mt19937 random(42);
    std::int64_t id = 1;
    for (int c = 0; c < 7; ++c) {
        TimelineTrack track;
        track.key = QStringLiteral("code:%1").arg(codes[c].id);
        track.title = QString::fromUtf8(codes[c].label);
        track.colour = paletteColour(c);
        std::int64_t t = std::uniform_int_distribution<std::int64_t>(0, 10 * kSecond)(random);
        while (t < content.duration - 2 * kSecond) {
            TimelineItem item;
            item.id = id++;
            item.code = QString::fromUtf8(codes[c].id);
            item.coder = QStringLiteral("Ana");
            item.colour = track.colour;
            item.label = track.title;
            item.start = snapTo40ms(t);
            if (!codes[c].point) {
                const std::int64_t length =
                    std::uniform_int_distribution<std::int64_t>(kSecond / 2, 14 * kSecond)(random);
                item.end = snapTo40ms(std::min(content.duration, t + length));
                t = *item.end +
                    std::uniform_int_distribution<std::int64_t>(2 * kSecond, 25 * kSecond)(random);
            } else {
                t += std::uniform_int_distribution<std::int64_t>(kSecond, 9 * kSecond)(random);
            }
            track.items.push_back(item);
        }
        content.tracks.push_back(track);
    }
    // Another coder's lane, read-only, as a supervisor sees it after revealing.
    TimelineTrack other;
    other.key = QStringLiteral("coder:Reza/code:prox");
    other.title = QStringLiteral("Reza: Proximity seeking");
    other.colour = paletteColour(0);
    other.editable = false;
    for (const TimelineItem& item : content.tracks[0].items) {
        TimelineItem copy = item;
        copy.id = id++;
        copy.coder = QStringLiteral("Reza");
        copy.editable = false;
        copy.start = snapTo40ms(copy.start + 600'000);
        copy.end = snapTo40ms(*copy.end - 200'000);
        if (*copy.end > copy.start)
            other.items.push_back(copy);
    }
    content.tracks.push_back(other);
    return content;
}

TimelineContent makeLoadContent(int annotations, int tracks, std::int64_t duration) {
    TimelineContent content;
    content.duration = duration;
    content.frameDuration = 40'000;
    content.segments = makeEpisodes(duration);
    content.waveform = makeWaveform(duration, 10'000);
    std::mt19937_64 random(2024);
    const int perTrack = annotations / tracks;
    std::int64_t id = 1;
    for (int t = 0; t < tracks; ++t) {
        TimelineTrack track;
        track.key = QStringLiteral("code:c%1").arg(t);
        track.title = QStringLiteral("Code %1").arg(t + 1);
        track.colour = paletteColour(t);
        track.editable = t < tracks - 2; // the last two: another coder's lanes
        const bool points = t % 4 == 3;
        const bool nested = t == 1; // long states that overlap many short ones
        const int count = perTrack + (t < annotations % tracks ? 1 : 0);
        const std::int64_t spacing = duration / count;
        for (int i = 0; i < count; ++i) {
            TimelineItem item;
            item.id = id++;
            item.code = track.key;
            item.coder = track.editable ? QStringLiteral("Ana") : QStringLiteral("Reza");
            item.editable = track.editable;
            item.colour = track.colour;
            item.label = track.title;
            item.start =
                snapTo40ms(static_cast<std::int64_t>(i) * spacing +
                           static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(spacing / 2)));
            if (!points) {
                std::int64_t length = spacing / 4 + static_cast<std::int64_t>(
                                                        random() % static_cast<std::uint64_t>(spacing / 2));
                if (nested && i % 50 == 0)
                    length = 10 * 60 * kSecond; // a ten-minute state every fifty items
                item.end =
                    snapTo40ms(std::min(duration, item.start + std::max<std::int64_t>(length, 40'000)));
            }
            track.items.push_back(item);
        }
        content.tracks.push_back(track);
    }
    return content;
}

} // namespace sb::gui::testing
