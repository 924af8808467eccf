#include "app/gui/timeline_content.h"
#include "app/gui/scheme_text.h"

#include <QLocale>

#include <map>

namespace sb::gui {
namespace {

QString localized(const schemes::LocalizedText& text) {
    return schemeText(text);
}

} // namespace

TimelineContent buildTimelineContent(SessionDocument& document, TrackGrouping grouping, std::int64_t duration,
                                     const TimelineWaveform& waveform, std::int64_t frameDuration) {
    TimelineContent content;
    content.duration = duration;
    content.frameDuration = frameDuration;
    content.waveform = waveform;
    if (!document.isOpen())
        return content;
    const auto& scheme = document.scheme();
    auto& store = document.project().store();
    const auto me = document.coder().id;

    // Own tracks first, in the scheme's order, present even when empty.
    std::map<std::string, int> trackOf; // grouping key -> index in content.tracks
    auto addTrack = [&](const std::string& key, QString title, QColor colour, bool editable) {
        trackOf[key] = static_cast<int>(content.tracks.size());
        content.tracks.push_back(
            TimelineTrack{QString::fromStdString(key), std::move(title), colour, editable, {}});
    };
    if (grouping == TrackGrouping::ByCode) {
        for (const auto& code : scheme.codes)
            addTrack("code:" + code.id, localized(code.label), QColor::fromRgb(code.colour.rgb), true);
    } else {
        for (const auto& subject : scheme.subjects)
            addTrack("subject:" + subject.id, localized(subject.label), QColor::fromRgb(subject.colour.rgb),
                     true);
        addTrack("subject:", QObject::tr("No subject"), QColor(Qt::gray), true);
    }

    std::map<std::int64_t, QString> coderNames;
    for (const auto& coder : store.coders())
        coderNames[coder.id.value] = QString::fromStdString(coder.name);

    for (const auto& a : document.annotations()) {
        const schemes::Code* code = document.project().schemes().current().code(a.code);
        TimelineItem item;
        item.id = a.id.value;
        item.code = QString::fromStdString(a.code);
        item.subject = QString::fromStdString(a.subject.value_or(""));
        item.coder = coderNames[a.coder.value];
        item.editable = a.coder == me;
        item.start = a.start.count();
        if (a.end)
            item.end = a.end->count();
        item.colour = code ? QColor::fromRgb(code->colour.rgb) : QColor(Qt::gray);
        item.label = code ? localized(code->label) : item.code;
        std::string key;
        if (a.coder != me) {
            // Another coder's work the viewer may see: one read-only lane per coder.
            key = "coder:" + std::to_string(a.coder.value);
            if (!trackOf.contains(key))
                addTrack(key, QObject::tr("%1 (other coder)").arg(item.coder), QColor(Qt::darkGray), false);
        } else {
            key = grouping == TrackGrouping::ByCode ? "code:" + a.code : "subject:" + a.subject.value_or("");
            if (!trackOf.contains(key))
                addTrack(key, item.label, item.colour, true); // a code the current scheme lacks
        }
        content.tracks[trackOf[key]].items.push_back(std::move(item));
    }

    const auto instances = store.segmentInstances(document.session().id);
    for (std::size_t i = 0; i < instances.size(); ++i) {
        const auto& instance = instances[i];
        const schemes::Segment* segment = scheme.segment(instance.segment);
        TimelineSegment band;
        band.title = segment ? localized(segment->label) : QString::fromStdString(instance.segment);
        band.start = instance.start.count();
        band.end = instance.end ? instance.end->count()
                                : (i + 1 < instances.size() ? instances[i + 1].start.count() : duration);
        band.colour = QColor::fromHsv(static_cast<int>(i * 47 % 360), 60, 230);
        content.segments.push_back(band);
    }
    return content;
}

} // namespace sb::gui
