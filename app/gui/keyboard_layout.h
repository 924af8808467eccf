#pragma once
// What the active keyboard layout types on each coding key, so the coding pad can show both
// the bound key and its character ("P · ح"): a trainee with the Persian layout active sees
// which letter the code's key types, and one with the English layout sees just "P".
//
// Qt does not say which layout is active. It is learnt from the key presses seen (native
// scan code -> text: exact for any layout once a key has been pressed) and, for keys not
// pressed yet, from a built-in table: the Persian standard layout (ISIRI 9147) when the input
// method's locale is Persian or a key press has shown Persian characters, else US. A press
// that types another script, or another character on a key already seen, means the layout
// was switched: what was learnt is dropped and changed() tells the pad to redraw.

#include "app/gui/coding_keys.h"
#include "app/gui/physical_keys.h"

#include <QHash>
#include <QObject>

class QKeyEvent;

namespace sb::gui {

class KeyboardLayout : public QObject {
    Q_OBJECT
public:
    explicit KeyboardLayout(QObject* parent = nullptr);

    // How this platform's key events number keys; from QGuiApplication::platformName() by
    // default, set by tests that send the codes of another platform.
    void setNativeKeyCodes(NativeKeyCodes codes) { codes_ = codes; }
    [[nodiscard]] NativeKeyCodes nativeKeyCodes() const { return codes_; }

    // Learns from a key press what the active layout types.
    void observe(const QKeyEvent& event);
    [[nodiscard]] bool isPersian() const { return persian_; }

    // What the binding's key types in the active layout when that is not the key's own name
    // ("ح" for P on the Persian layout; empty for P on the US one, for Ctrl+P, for F2).
    [[nodiscard]] QString typedBy(const CodingKeys::Binding& binding) const;
    // The key as shown on screen: "P · ح", or "P"; empty without a binding. Kept left to right
    // as one unit inside right-to-left text.
    [[nodiscard]] QString caption(const CodingKeys::Binding* binding) const;

signals:
    void changed();

private:
    void setPersian(bool persian);

    NativeKeyCodes codes_;
    bool persian_ = false;
    QHash<int, QString> seen_; // evdev * 2 + shifted -> text typed
};

} // namespace sb::gui
