#pragma once
// Right-to-left layout for a main window's docks. Qt mirrors the widgets inside a window whose
// layout direction is right to left, but not the dock areas of a QMainWindow: a left dock stays
// on the left. A Persian reader expects the panels that start the work (the project, the
// sessions) on the right, where reading starts, so the window swaps its sides itself.

#include <Qt>

class QMainWindow;

namespace sb::gui {

// Moves every docked (not floating) panel of the left area to the right and every one of the
// right area to the left, keeping each side's top-to-bottom order, tab groups, the tab in
// front, widths, and which panels are closed. For a window on screen: the tab in front and the
// sizes are read from it.
void mirrorDockSides(QMainWindow& window);

// The area a dock meant for `area` in the left-to-right layout goes to: left and right swap
// when `mirrored`.
[[nodiscard]] Qt::DockWidgetArea dockArea(Qt::DockWidgetArea area, bool mirrored);

} // namespace sb::gui
