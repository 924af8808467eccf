#include "app/gui/timeline/label_cache.h"

#include <QTransform>

namespace sb::gui {

namespace {
constexpr int kElideStep = 8;              // pixels: elided forms for nearby widths are shared
constexpr int kMinimumElided = 36;         // pixels: below this an elided label is mostly "…"
constexpr qsizetype kMaximumLabels = 4096; // a safety bound; schemes have tens of codes
} // namespace

LabelCache::LabelCache(const QFont& font)
    : font_(font)
    , metrics_(font) {}

void LabelCache::setFont(const QFont& font) {
    font_ = font;
    metrics_ = QFontMetrics(font);
    entries_.clear();
}

QStaticText LabelCache::prepared(const QString& text) const {
    QStaticText result(text);
    result.setTextFormat(Qt::PlainText);
    result.setPerformanceHint(QStaticText::AggressiveCaching);
    result.prepare(QTransform(), font_);
    return result;
}

const QStaticText* LabelCache::fitting(const QString& label, int available) {
    auto found = entries_.find(label);
    if (found == entries_.end()) {
        if (entries_.size() >= kMaximumLabels)
            entries_.clear();
        Entry entry;
        entry.width = metrics_.horizontalAdvance(label);
        entry.whole = prepared(label);
        found = entries_.insert(label, entry);
    }
    Entry& entry = *found;
    if (entry.width <= available)
        return &entry.whole;
    if (available < kMinimumElided)
        return nullptr;
    const int width = available / kElideStep * kElideStep;
    auto elided = entry.elided.find(width);
    if (elided == entry.elided.end())
        elided = entry.elided.insert(width, prepared(metrics_.elidedText(label, Qt::ElideRight, width)));
    return &*elided;
}

} // namespace sb::gui
