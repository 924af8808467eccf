#include "app/gui/history_panel.h"

#include <QEvent>

namespace sb::gui {

HistoryPanel::HistoryPanel(SessionDocument& document, QWidget* parent)
    : QListWidget(parent)
    , document_(document) {
    setAccessibleName(tr("Edit history"));
    setFocusPolicy(Qt::NoFocus);
    connect(&document_, &SessionDocument::changed, this, &HistoryPanel::refresh);
}

void HistoryPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Edit history"));
        refresh();
    }
    QListWidget::changeEvent(event);
}

void HistoryPanel::refresh() {
    clear();
    const QStringList& log = document_.historyLog();
    const int active = static_cast<int>(log.size()) - document_.undoneCount();
    for (int i = 0; i < log.size(); ++i) {
        auto* item = new QListWidgetItem(log[i], this);
        if (i >= active) {
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            item->setToolTip(tr("Undone: Ctrl+Shift+Z redoes it"));
        }
    }
    if (count() > 0)
        scrollToItem(item(std::max(0, active - 1)));
}

} // namespace sb::gui
