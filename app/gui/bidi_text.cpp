#include "app/gui/bidi_text.h"

#include <QEvent>
#include <QTextDocument>
#include <QTextOption>

namespace sb::gui {

FreeTextEdit::FreeTextEdit(QWidget* parent)
    : QTextEdit(parent) {
    setAcceptRichText(false);
    followContent();
}

void FreeTextEdit::changeEvent(QEvent* event) {
    QTextEdit::changeEvent(event);
    // The text control gives the document the widget's direction here; take it back.
    if (event->type() == QEvent::LayoutDirectionChange)
        followContent();
}

void FreeTextEdit::followContent() {
    QTextOption option = document()->defaultTextOption();
    option.setTextDirection(Qt::LayoutDirectionAuto);
    document()->setDefaultTextOption(option);
}

QString inDirectionOf(const QWidget* widget, const QString& text) {
    return QChar(widget->isRightToLeft() ? 0x200F : 0x200E) + text;
}

QString leftToRight(const QString& text) {
    return QChar(0x2066) + text + QChar(0x2069);
}
} // namespace sb::gui
