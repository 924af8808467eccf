#include "app/gui/dock_sides.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

#include <algorithm>
#include <vector>

namespace sb::gui {

namespace {

// Docks tabbed together, the first one the group's anchor.
struct DockGroup {
    std::vector<QDockWidget*> docks;
    QDockWidget* front = nullptr; // the tab on top
    int width = 0;
    int height = 0;
};

std::vector<DockGroup> groupsIn(QMainWindow& window, Qt::DockWidgetArea area) {
    std::vector<QDockWidget*> docks;
    for (auto* dock : window.findChildren<QDockWidget*>())
        if (dock->parentWidget() == &window && !dock->isFloating() && window.dockWidgetArea(dock) == area)
            docks.push_back(dock);
    std::vector<DockGroup> groups;
    std::vector<QDockWidget*> placed;
    for (auto* dock : docks) {
        if (std::find(placed.begin(), placed.end(), dock) != placed.end())
            continue;
        DockGroup group;
        group.docks.push_back(dock);
        for (auto* tab : window.tabifiedDockWidgets(dock))
            if (window.dockWidgetArea(tab) == area && !tab->isFloating())
                group.docks.push_back(tab);
        for (auto* member : group.docks) {
            placed.push_back(member);
            // Of docks tabbed together only the one in front is on screen; the others are
            // moved out of the window, though visible to Qt.
            if (!group.front && member->isVisible() && !member->visibleRegion().isEmpty())
                group.front = member;
        }
        if (group.front) {
            group.width = group.front->width();
            group.height = group.front->height();
        }
        groups.push_back(std::move(group));
    }
    // Top to bottom as on screen; closed groups last.
    std::stable_sort(groups.begin(), groups.end(), [](const DockGroup& a, const DockGroup& b) {
        if (!a.front || !b.front)
            return a.front && !b.front;
        return a.front->geometry().top() < b.front->geometry().top();
    });
    return groups;
}

void place(QMainWindow& window, const std::vector<DockGroup>& groups, Qt::DockWidgetArea area) {
    QList<QDockWidget*> sized;
    QList<int> widths, heights;
    for (const auto& group : groups) {
        QDockWidget* anchor = group.docks.front();
        window.addDockWidget(area, anchor, Qt::Vertical);
        for (std::size_t i = 1; i < group.docks.size(); ++i)
            window.tabifyDockWidget(anchor, group.docks[i]);
        if (group.front) {
            sized << group.front;
            widths << group.width;
            heights << group.height;
        }
    }
    if (!sized.isEmpty()) {
        window.resizeDocks(sized, widths, Qt::Horizontal);
        window.resizeDocks(sized, heights, Qt::Vertical);
    }
}

} // namespace

void mirrorDockSides(QMainWindow& window) {
    const auto left = groupsIn(window, Qt::LeftDockWidgetArea);
    const auto right = groupsIn(window, Qt::RightDockWidgetArea);
    // toggleViewAction() says whether a panel is open (closed panels stay closed).
    std::vector<std::pair<QDockWidget*, bool>> open;
    for (const auto* side : {&left, &right})
        for (const auto& group : *side)
            for (auto* dock : group.docks)
                open.emplace_back(dock, dock->toggleViewAction()->isChecked());
    place(window, left, Qt::RightDockWidgetArea);
    place(window, right, Qt::LeftDockWidgetArea);
    for (const auto& [dock, wasOpen] : open)
        dock->setVisible(wasOpen);
    // setVisible on a tabbed dock may bring it to the front: put the remembered tabs back on top.
    for (const auto* side : {&left, &right})
        for (const auto& group : *side)
            if (group.front)
                group.front->raise();
}

Qt::DockWidgetArea dockArea(Qt::DockWidgetArea area, bool mirrored) {
    if (!mirrored)
        return area;
    return area == Qt::LeftDockWidgetArea    ? Qt::RightDockWidgetArea
           : area == Qt::RightDockWidgetArea ? Qt::LeftDockWidgetArea
                                             : area;
}

} // namespace sb::gui
