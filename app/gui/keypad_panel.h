#pragma once
// The coding pad: the scheme's subjects and codes with their keys, which codes are running,
// and buttons that do what the keys do. Each key is shown with what it types in the active
// keyboard layout ("P · ح"), redrawn when the layout changes.

#include "app/gui/live_coder.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace sb::gui {

class KeypadPanel : public QWidget {
    Q_OBJECT
public:
    KeypadPanel(SessionDocument& document, LiveCoder& coder, QWidget* parent = nullptr);
    void rebuild();
    void refreshRunning();
    // Button texts and tooltips: labels in the interface language, keys as the layout types them.
    void refreshTexts();

protected:
    void changeEvent(QEvent* event) override;

private:
    SessionDocument& document_;
    LiveCoder& coder_;
    QVBoxLayout* layout_;
    QWidget* content_ = nullptr;
    QLabel* subjectsTitle_ = nullptr;
    QLabel* codesTitle_ = nullptr;
};

} // namespace sb::gui
