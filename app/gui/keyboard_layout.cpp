#include "app/gui/keyboard_layout.h"

#include <QGuiApplication>
#include <QInputMethod>
#include <QKeyEvent>

namespace sb::gui {
namespace {

bool persianLocale(const QInputMethod* method) {
    return method && method->locale().language() == QLocale::Persian;
}

int slot(int evdev, bool shifted) {
    return evdev * 2 + (shifted ? 1 : 0);
}

} // namespace

KeyboardLayout::KeyboardLayout(QObject* parent)
    : QObject(parent)
    , codes_(nativeKeyCodesOf(QGuiApplication::platformName()))
    , persian_(persianLocale(QGuiApplication::inputMethod())) {
    if (QInputMethod* method = QGuiApplication::inputMethod())
        connect(method, &QInputMethod::localeChanged, this,
                [this, method] { setPersian(persianLocale(method)); });
}

void KeyboardLayout::setPersian(bool persian) {
    if (persian == persian_)
        return;
    persian_ = persian;
    seen_.clear();
    emit changed();
}

void KeyboardLayout::observe(const QKeyEvent& event) {
    if ((event.modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) != Qt::NoModifier)
        return;
    const QString text = event.text();
    if (text.size() != 1 || !text.front().isPrint())
        return;
    // Another script than the one assumed: the layout was switched.
    if (isPersianScript(text))
        setPersian(true);
    else if (text.front().unicode() < 0x80 && text.front().isLetter())
        setPersian(false);
    const auto evdev = evdevOf(event.nativeScanCode(), codes_);
    if (!evdev)
        return;
    const int at = slot(*evdev, event.modifiers().testFlag(Qt::ShiftModifier));
    const auto known = seen_.constFind(at);
    if (known != seen_.cend() && *known == text)
        return;
    if (known != seen_.cend())
        seen_.clear(); // the same key types something else now: another layout of the same script
    seen_.insert(at, text);
    emit changed();
}

QString KeyboardLayout::typedBy(const CodingKeys::Binding& binding) const {
    if (!binding.physical ||
        (binding.modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) != Qt::NoModifier)
        return {};
    const int evdev = binding.physical->evdev;
    const bool shifted = binding.physical->shifted || binding.modifiers.testFlag(Qt::ShiftModifier);
    QString text = seen_.value(slot(evdev, shifted));
    if (text.isEmpty()) {
        const TypedCharacters table = persian_ ? persianCharacters(evdev) : usCharacters(evdev);
        text = shifted ? table.shifted : table.plain;
    }
    if (text.isEmpty() || text.compare(binding.key, Qt::CaseInsensitive) == 0)
        return {};
    const QChar c = text.front();
    if (c == QChar(0x200C))
        return tr("ZWNJ", "the zero-width non-joiner a Persian keyboard types (nim-fasele)");
    if (c == QChar(0x200D))
        return tr("ZWJ", "the zero-width joiner a Persian keyboard types");
    if (c.category() == QChar::Mark_NonSpacing)
        return QString(QChar(0x25CC)) + text; // a diacritic shown on a dotted circle
    return text;
}

QString KeyboardLayout::caption(const CodingKeys::Binding* binding) const {
    if (!binding)
        return {};
    const QString key = binding->sequence.toString(QKeySequence::NativeText);
    const QString typed = typedBy(*binding);
    // LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE: "P · ح" stays in this order in a
    // right-to-left pad and does not reorder the label beside it.
    return QChar(0x2066) + (typed.isEmpty() ? key : key + QStringLiteral(" · ") + typed) + QChar(0x2069);
}

} // namespace sb::gui
