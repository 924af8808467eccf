#pragma once
// The coding pad: the scheme's subjects and codes with their keys, which codes are running,
// and buttons that do what the keys do.

#include "app/gui/live_coder.h"

#include <QWidget>

class QGridLayout;
class QButtonGroup;
class QVBoxLayout;

namespace sb::gui {

class KeypadPanel : public QWidget {
    Q_OBJECT
public:
    KeypadPanel(SessionDocument& document, LiveCoder& coder, QWidget* parent = nullptr);
    void rebuild();
    void refreshRunning();

private:
    SessionDocument& document_;
    LiveCoder& coder_;
    QVBoxLayout* layout_;
    QWidget* content_ = nullptr;
};

} // namespace sb::gui
