#pragma once
// Item labels shaped once and drawn many times. Shaping text is the dearest part of painting a
// zoomed-in timeline, and labels repeat (one per code): each distinct label, and each elided
// form of it (for widths rounded down to a few pixels), is laid out once as a QStaticText.

#include <QFont>
#include <QFontMetrics>
#include <QHash>
#include <QStaticText>
#include <QString>

namespace sb::gui {

class LabelCache {
public:
    explicit LabelCache(const QFont& font);
    void setFont(const QFont& font);
    const QFont& font() const { return font_; }
    const QFontMetrics& metrics() const { return metrics_; }

    // The label as it fits in `available` pixels: whole, elided, or nullptr when too few
    // characters would fit to be worth reading.
    const QStaticText* fitting(const QString& label, int available);

private:
    struct Entry {
        int width = 0;
        QStaticText whole;
        QHash<int, QStaticText> elided; // by available width, rounded down to kElideStep
    };
    QStaticText prepared(const QString& text) const;

    QFont font_;
    QFontMetrics metrics_;
    QHash<QString, Entry> entries_;
};

} // namespace sb::gui
