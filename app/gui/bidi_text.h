#pragma once
// Text whose direction comes from what it says, not from the window: people write comments and
// answers in Persian or in English whatever the interface language, and key names such as
// "Shift+N" sit inside Persian sentences.

#include <QString>
#include <QTextEdit>

namespace sb::gui {

// A plain-text editor whose every paragraph runs in the direction of its first strong letter
// (a Persian comment right to left and right-aligned in an English window, an English one left
// to right in a Persian window), as the Unicode bidirectional algorithm's paragraph rule says.
// A QTextEdit that takes no rich text: QPlainTextEdit gives every paragraph the widget's
// direction and always aligns it left.
class FreeTextEdit : public QTextEdit {
    Q_OBJECT
public:
    explicit FreeTextEdit(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void followContent();
};

// `text` wrapped in a left-to-right isolate (U+2066 … U+2069), so that a key sequence or a time
// range keeps its order inside a right-to-left sentence and does not reorder the words around it.
[[nodiscard]] QString leftToRight(const QString& text);

// `text` opened with a mark of `widget`'s direction (U+200F or U+200E): a sentence that starts
// with a symbol or a Latin letter ("κ = 0.8 …") is still laid out and aligned as the interface
// reads.
[[nodiscard]] QString inDirectionOf(const QWidget* widget, const QString& text);

} // namespace sb::gui
