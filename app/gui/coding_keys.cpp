#include "app/gui/coding_keys.h"

#include "schemes/key_binding.h"

#include <QKeyEvent>

namespace sb::gui {
namespace {

constexpr Qt::KeyboardModifiers kModifiers =
    Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier | Qt::MetaModifier;

} // namespace

QKeySequence schemeKey(const std::string& key) {
    if (key.empty())
        return {};
    const auto canonical = schemes::normaliseKey(key);
    return QKeySequence(QString::fromStdString(canonical.value_or(key)), QKeySequence::PortableText);
}

void CodingKeys::bind(const QString& id, const std::string& key) {
    const QKeySequence sequence = schemeKey(key);
    if (sequence.isEmpty())
        return;
    Binding binding;
    binding.id = id;
    binding.sequence = sequence;
    binding.modifiers = sequence[0].keyboardModifiers() & kModifiers;
    binding.key = QKeySequence(QKeyCombination(sequence[0].key())).toString(QKeySequence::PortableText);
    binding.physical = physicalKeyOf(binding.key.toStdString());
    bindings_.append(binding);
}

const CodingKeys::Binding* CodingKeys::binding(const QString& id) const {
    for (const Binding& binding : bindings_)
        if (binding.id == id)
            return &binding;
    return nullptr;
}

bool CodingKeys::binds(const QKeySequence& sequence) const {
    if (sequence.isEmpty())
        return false;
    for (const Binding& binding : bindings_)
        if (binding.sequence == sequence)
            return true;
    return false;
}

QString CodingKeys::match(const QKeyEvent& event, NativeKeyCodes codes) const {
    const Qt::KeyboardModifiers modifiers = event.modifiers() & kModifiers;
    if (const auto evdev = evdevOf(event.nativeScanCode(), codes)) {
        // The key's place decides; only bindings without a place go by character.
        const QString id = matchPhysical(*evdev, modifiers);
        return id.isEmpty() ? matchCharacter(event, modifiers, true) : id;
    }
    // No usable code: a character of the Persian layout names the key it is typed with.
    if (const auto key = persianKeyOf(event.text())) {
        const QString id =
            matchPhysical(key->evdev, modifiers | (key->shifted ? Qt::ShiftModifier : Qt::NoModifier));
        if (!id.isEmpty())
            return id;
    }
    return matchCharacter(event, modifiers, false);
}

QString CodingKeys::matchPhysical(int evdev, Qt::KeyboardModifiers modifiers) const {
    for (const Binding& binding : bindings_) {
        if (!binding.physical || binding.physical->evdev != evdev)
            continue;
        const Qt::KeyboardModifiers wanted =
            binding.modifiers | (binding.physical->shifted ? Qt::ShiftModifier : Qt::NoModifier);
        if (wanted == modifiers)
            return binding.id;
    }
    return {};
}

QString CodingKeys::matchCharacter(const QKeyEvent& event, Qt::KeyboardModifiers modifiers,
                                   bool unplacedOnly) const {
    const QKeySequence pressed(QKeyCombination(modifiers, static_cast<Qt::Key>(event.key())));
    for (const Binding& binding : bindings_)
        if (!(unplacedOnly && binding.physical) && binding.sequence == pressed)
            return binding.id;
    // A symbol as typed: "!" comes with Shift on one layout and without on another, and a
    // Persian or Arabic-Indic digit stands for its ASCII digit.
    const QString text = event.text();
    if (text.size() != 1 || (modifiers & ~Qt::KeyboardModifiers(Qt::ShiftModifier)) != Qt::NoModifier)
        return {};
    const QChar c = text.front();
    if (!c.isPrint() || c.isLetter())
        return {};
    const QString typed = c.isDigit() ? QString::number(c.digitValue()) : QString(c);
    for (const Binding& binding : bindings_)
        if (!(unplacedOnly && binding.physical) && binding.modifiers == Qt::NoModifier &&
            binding.key == typed)
            return binding.id;
    return {};
}

} // namespace sb::gui
