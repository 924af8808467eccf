#pragma once
// The scheme's key bindings, matched against key presses by physical key first.
//
// A binding with a place on the keyboard (physical_keys.h) answers to that key whatever the
// layout types on it: when a press carries a native scan code the platform numbers known to
// us, that code decides, and bindings with a place never match by character (so on a French
// layout the key printed Q does not fire a code bound to "A"). Without a usable code
// (offscreen, other platforms, synthetic events) the character decides: Qt's key with the
// modifiers, a shifted symbol as typed ("!"), a Persian or Arabic-Indic digit as its ASCII
// digit, and a Persian letter as the key it is typed with on the standard Persian layout.

#include "app/gui/physical_keys.h"

#include <QKeySequence>
#include <QList>
#include <QString>

#include <optional>
#include <string>

class QKeyEvent;

namespace sb::gui {

class CodingKeys {
public:
    struct Binding {
        QString id;                      // what the key does (a code id, "subject:" + id)
        QKeySequence sequence;           // the scheme's key in Qt's form
        QString key;                     // its key without modifiers, canonical ("P", "!", "F2")
        Qt::KeyboardModifiers modifiers; // as written in the scheme
        std::optional<PhysicalKey> physical;
    };

    void clear() { bindings_.clear(); }
    // Binds `id` to a scheme key ("p", "Shift+P", "F2"); an empty or unusable key binds nothing.
    void bind(const QString& id, const std::string& schemeKey);

    // The id bound to a key press, or an empty string.
    [[nodiscard]] QString match(const QKeyEvent& event, NativeKeyCodes codes) const;
    // Whether a key sequence (a transport shortcut) is one of the scheme's keys.
    [[nodiscard]] bool binds(const QKeySequence& sequence) const;
    [[nodiscard]] const Binding* binding(const QString& id) const;
    [[nodiscard]] const QList<Binding>& bindings() const { return bindings_; }

private:
    [[nodiscard]] QString matchPhysical(int evdev, Qt::KeyboardModifiers modifiers) const;
    [[nodiscard]] QString matchCharacter(const QKeyEvent& event, Qt::KeyboardModifiers modifiers,
                                         bool unplacedOnly) const;

    QList<Binding> bindings_;
};

// The scheme's key text ("p", "Shift+P", "F2") as a key sequence; empty when it has none.
QKeySequence schemeKey(const std::string& key);

} // namespace sb::gui
