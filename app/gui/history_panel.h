#pragma once
// The visible edit history: every edit of this sitting, the undone ones greyed, so the coder
// sees what Ctrl+Z will take back.

#include "app/gui/session_document.h"

#include <QListWidget>

namespace sb::gui {

class HistoryPanel : public QListWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(SessionDocument& document, QWidget* parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    SessionDocument& document_;
};

} // namespace sb::gui
