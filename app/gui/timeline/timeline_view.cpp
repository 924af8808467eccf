#include "app/gui/timeline/timeline_view.h"

#include "app/gui/timeline/colour_mix.h"
#include "app/gui/timeline/ruler_scale.h"

#include <QAction>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace sb::gui {

namespace {
constexpr std::int64_t kDefaultFrame = 40'000; // 25 fps, when the content does not say
constexpr double kPixelsPerFrameAtFinest = 48.0;
constexpr std::int64_t kHour = 3'600'000'000;
constexpr double kZoomStep = 2.0;       // + / - and the actions
constexpr double kWheelZoomStep = 1.25; // one Ctrl+wheel notch
constexpr int kWheelNotch = 120;
// After the user pans or zooms, the view leaves the playhead alone for this long.
constexpr qint64 kNavigationGraceMs = 1500;
constexpr int kPlayheadGrip = 6;
constexpr int kSwatch = 10;
// Drags within this many pixels of the strip's edges (or past them) scroll the view.
constexpr int kEdgeZone = 12;
constexpr int kEdgeScrollMs = 16;

} // namespace

TimelineView::TimelineView(QWidget* parent)
    : QAbstractScrollArea(parent)
    , trackPainter_(font()) {
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true); // cursor shapes over item edges
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    // Time never mirrors, so neither does the scroll bar that moves along it.
    horizontalScrollBar()->setLayoutDirection(Qt::LeftToRight);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    auto makeAction = [this](const QString& text, const QKeySequence& keys, void (TimelineView::*slot)()) {
        auto* action = new QAction(text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    zoomIn_ = makeAction(QString(), QKeySequence::ZoomIn, &TimelineView::zoomIn);
    zoomOut_ = makeAction(QString(), QKeySequence::ZoomOut, &TimelineView::zoomOut);
    zoomToSession_ = makeAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_0), &TimelineView::zoomToSession);
    retranslateUi();

    edgeScroll_ = new QTimer(this);
    edgeScroll_->setInterval(kEdgeScrollMs);
    connect(edgeScroll_, &QTimer::timeout, this, &TimelineView::edgeScrollStep);

    axis_.setFinestScale(frameDuration() / kPixelsPerFrameAtFinest);
    updateMetrics();
    relayout();
    axis_.showWholeSession();
    syncScrollBars();
}

TimelineView::~TimelineView() = default;

void TimelineView::retranslateUi() {
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("The session's annotations over time, one row per track, with the playhead"));
    zoomIn_->setText(tr("Zoom In"));
    zoomOut_->setText(tr("Zoom Out"));
    zoomToSession_->setText(tr("Zoom to Whole Session"));
}

// ---- content -------------------------------------------------------------------------------

void TimelineView::setContent(TimelineContent content) {
    const bool wholeSession = axis_.atCoarsest() || content_.duration == 0;
    content_ = std::move(content);
    buildIndex();
    peaks_.update(content_.waveform);
    axis_.setDuration(content_.duration);
    axis_.setFinestScale(frameDuration() / kPixelsPerFrameAtFinest);
    updateMetrics();
    relayout();
    if (wholeSession)
        axis_.showWholeSession();

    selectedRef_ = find(selectedId_);
    if (selectedId_ != 0 && !selectedRef_) {
        selectedId_ = 0;
        emit selectionChanged(0);
    }
    if (drag_.gesture == Gesture::ItemPress || draggingItem()) {
        const ItemRef ref = find(drag_.id);
        if (ref)
            drag_.track = ref.track;
        else
            cancelDrag();
    }
    axisChanged(false);
}

void TimelineView::buildIndex() {
    index_.resize(static_cast<std::size_t>(content_.tracks.size()));
    const auto byStart = [](const TimelineItem& a, const TimelineItem& b) { return a.start < b.start; };
    for (qsizetype t = 0; t < content_.tracks.size(); ++t) {
        // Checking first keeps the (implicitly shared) items from being copied when sorted.
        const QVector<TimelineItem>& items = std::as_const(content_.tracks)[t].items;
        if (!std::is_sorted(items.cbegin(), items.cend(), byStart)) {
            QVector<TimelineItem>& sorted = content_.tracks[t].items; // detaches: refetch below
            std::stable_sort(sorted.begin(), sorted.end(), byStart);
        }
        index_[static_cast<std::size_t>(t)].build(std::as_const(content_.tracks)[t], content_.duration);
    }
}

void TimelineView::setLanes(const QList<TimelineLane*>& lanes) {
    for (TimelineLane* lane : std::as_const(lanes_))
        if (lane)
            disconnect(lane, nullptr, this, nullptr);
    lanes_ = lanes;
    if (drag_.gesture == Gesture::Lane)
        drag_ = Drag{};
    for (TimelineLane* lane : std::as_const(lanes_)) {
        connect(lane, &TimelineLane::changed, viewport(), qOverload<>(&QWidget::update));
        connect(lane, &TimelineLane::layoutChanged, this, &TimelineView::lanesChanged);
        connect(lane, &QObject::destroyed, this, [this](QObject* gone) {
            lanes_.removeAll(static_cast<TimelineLane*>(gone));
            if (drag_.gesture == Gesture::Lane)
                drag_ = Drag{};
            lanesChanged();
        });
    }
    lanesChanged();
}

void TimelineView::lanesChanged() {
    updateMetrics();
    relayout();
    axisChanged(false);
}

QRect TimelineView::laneRect(int lane) const {
    const QRect band = layout_.lanes();
    if (lane < 0 || lane >= lanes_.size() || band.height() <= 0)
        return {};
    const int fontHeight = QFontMetrics(font()).height();
    int top = band.top();
    for (int i = 0; i < lane; ++i)
        top += lanes_[i]->height(fontHeight);
    return {band.left(), top, band.width(), lanes_[lane]->height(fontHeight)};
}

int TimelineView::laneAt(QPoint pos) const {
    for (int i = 0; i < lanes_.size(); ++i)
        if (laneRect(i).contains(pos))
            return i;
    return -1;
}

void TimelineView::setFrameSnap(FrameSnap snap) {
    snap_ = std::move(snap);
    viewport()->update();
}

std::int64_t TimelineView::frameDuration() const {
    return content_.frameDuration > 0 ? content_.frameDuration : kDefaultFrame;
}

// ---- geometry and scrolling ----------------------------------------------------------------

void TimelineView::updateMetrics() {
    const QFontMetrics metrics(font());
    TrackMetrics m;
    m.ruler = metrics.height() + 12;
    m.row = metrics.height() + 12;
    m.segments = content_.segments.isEmpty() ? 0 : metrics.height() + 8;
    const bool hasWaveform = content_.waveform.bucket > 0 && !content_.waveform.maximum.isEmpty();
    m.waveform = hasWaveform ? 2 * metrics.height() + 8 : 0;
    m.lanes = 0;
    for (const TimelineLane* lane : lanes_)
        m.lanes += lane->height(metrics.height());
    int widest = std::max({metrics.horizontalAdvance(tr("Segments")), metrics.horizontalAdvance(tr("Audio")),
                           metrics.horizontalAdvance(QStringLiteral("0:00:00.00"))});
    for (const TimelineTrack& track : std::as_const(content_.tracks))
        widest = std::max(widest, metrics.horizontalAdvance(track.title));
    for (const TimelineLane* lane : lanes_)
        widest = std::max(widest, metrics.horizontalAdvance(lane->title()));
    m.titleWidth = std::clamp(widest + kSwatch + 20, 120, 240);
    layout_.update(viewport()->size(), isRightToLeft(), m, static_cast<int>(content_.tracks.size()));
}

void TimelineView::relayout() {
    layout_.update(viewport()->size(), isRightToLeft(), layout_.metrics(),
                   static_cast<int>(content_.tracks.size()));
    axis_.setViewport(layout_.axisLeft(), layout_.axisWidth());
    scroll_ = std::clamp(scroll_, 0, layout_.maximumScroll());
}

void TimelineView::syncScrollBars() {
    syncing_ = true;
    QScrollBar* h = horizontalScrollBar();
    const double span = axis_.scale() * axis_.width();
    const double total = std::max(static_cast<double>(axis_.duration()), span) / axis_.scale();
    const double maximum = std::min(total - axis_.width(), 2.0e9);
    h->setRange(0, static_cast<int>(std::max(0.0, std::round(maximum))));
    h->setPageStep(axis_.width());
    h->setSingleStep(std::max(1, axis_.width() / 20));
    h->setValue(static_cast<int>(std::lround(axis_.start() / axis_.scale())));
    QScrollBar* v = verticalScrollBar();
    v->setRange(0, layout_.maximumScroll());
    v->setPageStep(std::max(1, layout_.trackArea().height()));
    v->setSingleStep(layout_.metrics().row);
    v->setValue(scroll_);
    syncing_ = false;
}

void TimelineView::axisChanged(bool byUser) {
    if (byUser)
        lastNavigation_.restart();
    syncScrollBars();
    viewport()->update();
    emit visibleRangeChanged(axis_.start(), axis_.end());
}

void TimelineView::scrollContentsBy(int dx, int dy) {
    if (syncing_)
        return;
    if (dx != 0) {
        axis_.setStart(horizontalScrollBar()->value() * axis_.scale());
        lastNavigation_.restart();
        viewport()->update();
        emit visibleRangeChanged(axis_.start(), axis_.end());
    }
    if (dy != 0) {
        scroll_ = verticalScrollBar()->value();
        viewport()->update();
    }
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    const bool wholeSession = axis_.atCoarsest();
    relayout();
    if (wholeSession)
        axis_.showWholeSession();
    axisChanged(false);
    QAbstractScrollArea::resizeEvent(event);
}

void TimelineView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        trackPainter_.setFont(font());
        updateMetrics();
        relayout();
        axisChanged(false);
    } else if (event->type() == QEvent::LayoutDirectionChange) {
        relayout();
        axisChanged(false);
    } else if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateMetrics(); // the title column fits its words in the new language
        relayout();
        axisChanged(false);
    }
    QAbstractScrollArea::changeEvent(event);
}

QRect TimelineView::trackRect(int track) const {
    return layout_.row(track, scroll_);
}

void TimelineView::setVisibleRange(qint64 from, qint64 to) {
    axis_.setRange(from, to);
    axisChanged(false);
}

// ---- zoom and playhead ---------------------------------------------------------------------

void TimelineView::zoomBy(double factor, double anchorX, bool byUser) {
    axis_.zoomAround(anchorX, factor);
    axisChanged(byUser);
}

double TimelineView::zoomAnchor() const {
    // Zoom around the playhead while it is in view: that is where the coder is looking.
    const double x = axis_.xAt(playhead_);
    if (x >= axis_.left() && x < axis_.left() + axis_.width())
        return x;
    return axis_.left() + axis_.width() / 2.0;
}

void TimelineView::zoomIn() {
    zoomBy(1.0 / kZoomStep, zoomAnchor(), true);
}

void TimelineView::zoomOut() {
    zoomBy(kZoomStep, zoomAnchor(), true);
}

void TimelineView::zoomToSession() {
    axis_.showWholeSession();
    axisChanged(true);
}

bool TimelineView::userIsNavigating() const {
    return (lastNavigation_.isValid() && lastNavigation_.elapsed() < kNavigationGraceMs) ||
           horizontalScrollBar()->isSliderDown() || drag_.gesture == Gesture::Pan;
}

void TimelineView::setPlayhead(qint64 time) {
    if (time == playhead_)
        return;
    const std::int64_t previous = playhead_;
    playhead_ = time;
    const std::int64_t start = axis_.start();
    const std::int64_t end = axis_.end();
    if ((time < start || time >= end) && !userIsNavigating()) {
        // Playback running off the right edge turns the page; a jump elsewhere shows the new
        // place with some context before it.
        const double span = static_cast<double>(end - start);
        const bool runningOff =
            previous >= start && previous < end && time >= end && time - previous < span / 4;
        axis_.setStart(static_cast<double>(time) - (runningOff ? span * 0.02 : span / 3));
        axisChanged(false);
        return;
    }
    updatePlayheadStrip(previous);
    updatePlayheadStrip(time);
}

void TimelineView::updatePlayheadStrip(std::int64_t time) {
    // During playback only the playhead moves: repaint its old and new strips, not the view.
    const int x = static_cast<int>(std::lround(axis_.xAt(time)));
    viewport()->update(QRect(x - kPlayheadGrip - 2, 0, 2 * kPlayheadGrip + 5, viewport()->height()));
    viewport()->update(layout_.titleCell(layout_.ruler())); // the time read-out
}

// ---- items and selection -------------------------------------------------------------------

TimelineView::ItemRef TimelineView::find(std::int64_t id) const {
    if (id == 0)
        return {};
    for (qsizetype t = 0; t < content_.tracks.size(); ++t) {
        const QVector<TimelineItem>& items = content_.tracks[t].items;
        for (qsizetype i = 0; i < items.size(); ++i)
            if (items[i].id == id)
                return {static_cast<int>(t), static_cast<int>(i)};
    }
    return {};
}

const TimelineItem* TimelineView::item(ItemRef ref) const {
    if (!ref)
        return nullptr;
    return &content_.tracks[ref.track].items[ref.index];
}

TimelineView::ItemRef TimelineView::itemAt(QPoint pos, ItemHit* hit) const {
    if (layout_.regionAt(pos) != TrackLayout::Region::Tracks)
        return {};
    const int track = layout_.trackAt(pos.y(), scroll_);
    if (track < 0)
        return {};
    const ItemHit found = hitTestItem(
        content_.tracks[track], index_[static_cast<std::size_t>(track)].intervals, axis_, pos.x() + 0.5);
    if (hit)
        *hit = found;
    return found ? ItemRef{track, found.index} : ItemRef{};
}

void TimelineView::select(std::int64_t id, bool byUser) {
    if (id == selectedId_)
        return;
    selectedId_ = id;
    selectedRef_ = find(id);
    if (id != 0 && !selectedRef_)
        selectedId_ = 0;
    viewport()->update();
    if (byUser)
        emit selectionChanged(selectedId_);
}

void TimelineView::setSelected(qint64 id) {
    select(id, false);
}

std::int64_t TimelineView::snap(std::int64_t time) const {
    const std::int64_t last = std::max<std::int64_t>(content_.duration, 0);
    time = std::clamp<std::int64_t>(time, 0, last);
    return snap_ ? std::clamp<std::int64_t>(snap_(time), 0, last) : time;
}

std::int64_t TimelineView::frameAfter(std::int64_t time) const {
    // The next frame start after `time`'s frame, found through the snap function so that
    // variable frame rates are honoured.
    const std::int64_t base = snap(time);
    const std::int64_t step = std::max<std::int64_t>(1, frameDuration() / 2);
    for (std::int64_t candidate = base + step; candidate <= content_.duration; candidate += step) {
        const std::int64_t next = snap(candidate);
        if (next > base)
            return next;
    }
    return std::min(base + frameDuration(), std::max(content_.duration, base + 1));
}

void TimelineView::seekTo(double x) {
    const std::int64_t time = snap(axis_.timeAt(x));
    const std::int64_t previous = playhead_;
    playhead_ = time; // show it at once; the window confirms through setPlayhead
    updatePlayheadStrip(previous);
    updatePlayheadStrip(time);
    emit seekRequested(time);
}

// ---- mouse and keys ------------------------------------------------------------------------

void TimelineView::mousePressEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    drag_ = Drag{};
    edgeScroll_->stop();
    drag_.pressPos = drag_.lastPos = pos;
    drag_.pressTime = axis_.xToTime(pos.x());
    if (event->button() != Qt::LeftButton) {
        // Other buttons only select, so a context menu opens on the item under the mouse.
        const ItemRef ref = itemAt(pos, nullptr);
        select(ref ? item(ref)->id : 0, true);
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    switch (layout_.regionAt(pos)) {
    case TrackLayout::Region::Ruler:
        if (std::abs(pos.x() - axis_.xAt(playhead_)) <= kPlayheadGrip) {
            drag_.gesture = Gesture::Scrub;
        } else {
            drag_.gesture = Gesture::RulerPress;
            drag_.panStart = axis_.start();
        }
        break;
    case TrackLayout::Region::Lanes:
        if (const int lane = laneAt(pos); lane >= 0 && lanes_[lane]->press(pos, axis_, laneRect(lane))) {
            drag_.gesture = Gesture::Lane;
            drag_.lane = lane;
            break;
        }
        [[fallthrough]];
    case TrackLayout::Region::Segments:
    case TrackLayout::Region::Waveform:
        drag_.gesture = Gesture::Scrub;
        seekTo(pos.x());
        break;
    case TrackLayout::Region::Tracks: {
        ItemHit hit;
        const ItemRef ref = itemAt(pos, &hit);
        if (!ref) {
            select(0, true);
            drag_.gesture = Gesture::Scrub;
            seekTo(pos.x());
            break;
        }
        const TimelineItem& it = *item(ref);
        select(it.id, true);
        if (!it.editable)
            break; // other coders' work: look, do not touch
        drag_.gesture = Gesture::ItemPress;
        drag_.id = it.id;
        drag_.track = ref.track;
        drag_.start = drag_.ghostStart = it.start;
        drag_.end = drag_.ghostEnd = it.end;
        drag_.itemGesture = !it.end || hit.part == ItemHit::Part::Body ? Gesture::Move
                            : hit.part == ItemHit::Part::StartEdge     ? Gesture::TrimStart
                                                                       : Gesture::TrimEnd;
        break;
    }
    case TrackLayout::Region::Titles:
    case TrackLayout::Region::Nowhere:
        break;
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (!(event->buttons() & Qt::LeftButton)) {
        updateCursor(pos);
        return;
    }
    const bool farEnough = (pos - drag_.pressPos).manhattanLength() >= QApplication::startDragDistance();
    switch (drag_.gesture) {
    case Gesture::RulerPress:
        if (!farEnough)
            break;
        drag_.gesture = Gesture::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Gesture::Pan:
        axis_.setStart(static_cast<double>(drag_.panStart) - (pos.x() - drag_.pressPos.x()) * axis_.scale());
        axisChanged(true);
        break;
    case Gesture::Scrub:
        seekTo(pos.x());
        followEdge(pos);
        break;
    case Gesture::ItemPress:
        if (!farEnough)
            break;
        drag_.gesture = drag_.itemGesture;
        [[fallthrough]];
    case Gesture::Move:
    case Gesture::TrimStart:
    case Gesture::TrimEnd:
        updateDrag(pos);
        followEdge(pos);
        break;
    case Gesture::Lane:
        if (drag_.lane >= 0 && drag_.lane < lanes_.size())
            lanes_[drag_.lane]->move(pos, axis_, laneRect(drag_.lane));
        break;
    case Gesture::None:
        break;
    }
    event->accept();
}

void TimelineView::updateDrag(QPoint pos) {
    const auto delta = static_cast<std::int64_t>(std::llround(axis_.xToTime(pos.x()) - drag_.pressTime));
    const std::int64_t duration = content_.duration;
    switch (drag_.gesture) {
    case Gesture::Move: {
        const std::int64_t length = drag_.end ? *drag_.end - drag_.start : 0;
        const std::int64_t start = snap(
            std::clamp<std::int64_t>(drag_.start + delta, 0, std::max<std::int64_t>(0, duration - length)));
        drag_.ghostStart = start;
        drag_.ghostEnd = drag_.end ? std::optional(start + length) : std::nullopt;
        break;
    }
    case Gesture::TrimStart: {
        std::int64_t start = snap(std::min(drag_.start + delta, *drag_.end));
        if (start >= *drag_.end) // keep at least one frame
            start = snap(*drag_.end - 1);
        drag_.ghostStart = start;
        break;
    }
    case Gesture::TrimEnd: {
        std::int64_t end = snap(*drag_.end + delta);
        if (end <= drag_.start)
            end = frameAfter(drag_.start);
        drag_.ghostEnd = end;
        break;
    }
    default:
        return;
    }
    viewport()->update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = drag_;
    drag_ = Drag{};
    edgeScroll_->stop();
    switch (drag.gesture) {
    case Gesture::RulerPress:
        seekTo(pos.x());
        break;
    case Gesture::Move:
        if (drag.ghostStart != drag.start)
            emit moveRequested(drag.id, drag.ghostStart);
        break;
    case Gesture::TrimStart:
        if (drag.ghostStart != drag.start)
            emit trimRequested(drag.id, qint64{drag.ghostStart}, std::nullopt);
        break;
    case Gesture::TrimEnd:
        if (drag.ghostEnd != drag.end)
            emit trimRequested(drag.id, std::nullopt, qint64{*drag.ghostEnd});
        break;
    case Gesture::Lane:
        if (drag.lane >= 0 && drag.lane < lanes_.size())
            lanes_[drag.lane]->release(pos, axis_, laneRect(drag.lane));
        break;
    default:
        break;
    }
    viewport()->update();
    updateCursor(pos);
    event->accept();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* event) {
    const ItemRef ref = itemAt(event->position().toPoint(), nullptr);
    if (ref && event->button() == Qt::LeftButton) {
        const std::int64_t previous = playhead_;
        playhead_ = snap(item(ref)->start);
        updatePlayheadStrip(previous);
        updatePlayheadStrip(playhead_);
        emit seekRequested(playhead_);
        event->accept();
        return;
    }
    mousePressEvent(event); // a quick second click elsewhere is just another click
}

bool TimelineView::draggingItem() const {
    return drag_.gesture == Gesture::Move || drag_.gesture == Gesture::TrimStart ||
           drag_.gesture == Gesture::TrimEnd;
}

int TimelineView::edgeOvershoot(int x) const {
    const int left = axis_.left() + kEdgeZone;
    const int right = axis_.left() + axis_.width() - 1 - kEdgeZone;
    return x < left ? x - left : x > right ? x - right : 0;
}

void TimelineView::followEdge(QPoint pos) {
    drag_.lastPos = pos;
    if (edgeOvershoot(pos.x()) == 0)
        edgeScroll_->stop();
    else if (!edgeScroll_->isActive())
        edgeScroll_->start();
}

void TimelineView::edgeScrollStep() {
    const int overshoot = edgeOvershoot(drag_.lastPos.x());
    if (overshoot == 0 || !(draggingItem() || drag_.gesture == Gesture::Scrub)) {
        edgeScroll_->stop();
        return;
    }
    // The further past the edge, the faster: up to a third of a view per second.
    const double speed = std::clamp(overshoot / 2.0, -axis_.width() / 180.0, axis_.width() / 180.0);
    axis_.panByPixels(speed < 0 ? std::min(speed, -1.0) : std::max(speed, 1.0));
    axisChanged(true);
    if (drag_.gesture == Gesture::Scrub)
        seekTo(drag_.lastPos.x());
    else
        updateDrag(drag_.lastPos);
}

void TimelineView::cancelDrag() {
    drag_ = Drag{};
    edgeScroll_->stop();
    viewport()->unsetCursor();
    viewport()->update();
}

void TimelineView::updateCursor(QPoint pos) {
    if (const int lane = laneAt(pos); lane >= 0) {
        if (lanes_[lane]->grabs(pos, laneRect(lane)))
            viewport()->setCursor(Qt::SizeVerCursor);
        else
            viewport()->unsetCursor();
        return;
    }
    ItemHit hit;
    const ItemRef ref = itemAt(pos, &hit);
    if (ref && item(ref)->editable) {
        if (item(ref)->end && hit.part != ItemHit::Part::Body)
            viewport()->setCursor(Qt::SizeHorCursor);
        else
            viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    viewport()->unsetCursor();
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const QPoint pos = event->position().toPoint();
    const QPoint angle = event->angleDelta();
    const QPoint pixels = event->pixelDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double notches = angle.y() / static_cast<double>(kWheelNotch);
        const double anchor = std::clamp<double>(pos.x(), axis_.left(), axis_.left() + axis_.width());
        zoomBy(std::pow(kWheelZoomStep, -notches), anchor, true);
        event->accept();
        return;
    }
    const bool horizontal = std::abs(angle.x()) > std::abs(angle.y());
    const bool overTracks = layout_.regionAt(pos) == TrackLayout::Region::Tracks ||
                            layout_.regionAt(pos) == TrackLayout::Region::Titles;
    const bool rowsScroll = overTracks && layout_.maximumScroll() > 0;
    if (!horizontal && !(event->modifiers() & Qt::ShiftModifier) && rowsScroll) {
        const int dy = !pixels.isNull() ? pixels.y() : angle.y() * 3 * layout_.metrics().row / kWheelNotch;
        verticalScrollBar()->setValue(verticalScrollBar()->value() - dy);
        event->accept();
        return;
    }
    // Pan: a notch moves a tenth of the view; wheel away from you (or right) goes later.
    const int raw = horizontal ? angle.x() : angle.y();
    const int rawPixels = horizontal ? pixels.x() : pixels.y();
    const double dx =
        !pixels.isNull() ? -rawPixels : -raw / static_cast<double>(kWheelNotch) * axis_.width() / 10.0;
    axis_.panByPixels(dx);
    axisChanged(true);
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
    const bool plain = (event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) == Qt::NoModifier;
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (const TimelineItem* it = item(selectedRef_); it && it->editable && plain) {
            emit deleteRequested(it->id);
            event->accept();
            return;
        }
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (plain) {
            zoomIn();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Minus:
        if (plain) {
            zoomOut();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (drag_.gesture != Gesture::None) {
            cancelDrag();
            event->accept();
            return;
        }
        if (selectedId_ != 0) {
            select(0, true);
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    event->ignore(); // coding keys and the like belong to the window
}

bool TimelineView::event(QEvent* event) {
    // Keys the timeline acts on win over the window's shortcuts while it has focus, so Delete
    // deletes what is selected here and Esc ends a drag, predictably.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const TimelineItem* selected = item(selectedRef_);
        const bool deleting = (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) &&
                              key->modifiers() == Qt::NoModifier && selected && selected->editable;
        const bool cancelling = key->key() == Qt::Key_Escape && drag_.gesture != Gesture::None;
        if (deleting || cancelling) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool TimelineView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const int lane = laneAt(help->pos()); lane >= 0) {
            const QString tip = lanes_[lane]->toolTip(help->pos(), axis_, laneRect(lane));
            if (tip.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), tip, viewport());
            return true;
        }
        const ItemRef ref = itemAt(help->pos(), nullptr);
        if (ref)
            QToolTip::showText(help->globalPos(), itemToolTip(*item(ref)), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString TimelineView::itemToolTip(const TimelineItem& it) const {
    const bool hours = content_.duration >= kHour;
    const auto time = [hours](std::int64_t t) { return formatRulerTime(t, 1'000, hours); };
    QString text = it.label.isEmpty() ? it.code : it.label;
    if (!it.subject.isEmpty())
        text = tr("%1 (%2)").arg(text, it.subject);
    text += QLatin1Char('\n') +
            (it.end ? tr("%1 to %2").arg(time(it.start), time(*it.end)) : tr("at %1").arg(time(it.start)));
    if (!it.coder.isEmpty())
        text += QLatin1Char('\n') + tr("coded by %1").arg(it.coder);
    if (!it.editable)
        text += QLatin1Char('\n') + tr("read-only");
    return text;
}

// ---- painting ------------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent* event) {
    QPainter painter(viewport());
    const QRect exposed = event->rect();
    const QPalette& pal = palette();
    // Every band, row and the title column paint their own ground; only the strip below the
    // last row is left (filling the whole view first would write every pixel twice).
    const QRect strip = layout_.trackArea();
    const int rowsEnd =
        std::max(strip.top(), layout_.row(static_cast<int>(content_.tracks.size()), scroll_).top());
    painter.fillRect(
        QRect(strip.left(), rowsEnd, strip.width(), strip.bottom() - rowsEnd + 1).intersected(exposed),
        pal.color(QPalette::Base));

    paintTracks(painter, exposed);

    BandStyle band;
    band.background = pal.color(QPalette::Window);
    band.text = pal.color(QPalette::WindowText);
    band.tick = mixColours(pal.color(QPalette::WindowText), band.background, 55);
    band.waveform = mixColours(pal.color(QPalette::Highlight), band.background, 80);
    if (layout_.ruler().intersects(exposed))
        bandPainter_.paintRuler(painter, axis_, layout_.ruler(), exposed, snap_, frameDuration(), band);
    if (layout_.segments().height() > 0 && layout_.segments().intersects(exposed))
        bandPainter_.paintSegments(painter, axis_, layout_.segments(), exposed, content_.segments, band);
    if (layout_.waveform().height() > 0 && layout_.waveform().intersects(exposed)) {
        band.background = mixColours(pal.color(QPalette::Base), pal.color(QPalette::Window), 50);
        bandPainter_.paintWaveform(painter, axis_, layout_.waveform(), exposed, peaks_, band);
    }
    paintLanes(painter, exposed);
    paintGhost(painter);
    paintTitles(painter, exposed);
    paintPlayhead(painter, exposed);
}

void TimelineView::paintTracks(QPainter& painter, const QRect& exposed) {
    const QRect area = layout_.trackArea().intersected(exposed);
    if (area.isEmpty() || content_.tracks.isEmpty())
        return;
    painter.save();
    painter.setClipRect(area);
    const QPalette& pal = palette();
    const int first = std::max(0, layout_.trackAt(area.top(), scroll_));
    int last = layout_.trackAt(area.bottom(), scroll_);
    if (last < 0)
        last = static_cast<int>(content_.tracks.size()) - 1;

    TrackPaintStyle style;
    style.selection = pal.color(QPalette::Highlight);
    style.darkText = QColor(20, 20, 20);
    style.lightText = QColor(250, 250, 250);
    // Points stick out half a diamond either side of their time.
    const double margin = layout_.metrics().row;
    const std::int64_t from = axis_.timeAt(area.left() - margin);
    const std::int64_t to = axis_.timeAt(area.right() + margin);

    const auto rowBackground = [&](int t) {
        const QColor base = pal.color(t % 2 == 0 ? QPalette::Base : QPalette::AlternateBase);
        // Other coders' lanes sit on a greyer ground.
        return std::as_const(content_.tracks)[t].editable ? base
                                                          : mixColours(base, pal.color(QPalette::Window), 50);
    };
    // Backgrounds, then the grid over them, then the items over the grid.
    for (int t = first; t <= last; ++t)
        painter.fillRect(layout_.row(t, scroll_).intersected(area), rowBackground(t));
    bandPainter_.paintGrid(painter, axis_, area, exposed,
                           mixColours(pal.color(QPalette::Mid), pal.color(QPalette::Base), 35));
    for (int t = first; t <= last; ++t) {
        const TimelineTrack& track = std::as_const(content_.tracks)[t];
        const QRect row = layout_.row(t, scroll_);
        style.background = rowBackground(t);
        const int selected = selectedRef_.track == t ? selectedRef_.index : -1;
        trackPainter_.paint(painter, track, index_[static_cast<std::size_t>(t)], axis_, row, from, to,
                            selected, style);
    }
    painter.restore();
}

void TimelineView::paintLanes(QPainter& painter, const QRect& exposed) {
    if (!layout_.lanes().intersects(exposed))
        return;
    for (int i = 0; i < lanes_.size(); ++i) {
        const QRect lane = laneRect(i);
        if (!lane.intersects(exposed))
            continue;
        painter.save();
        painter.setClipRect(lane.intersected(exposed));
        lanes_[i]->paint(painter, axis_, lane, exposed);
        painter.restore();
    }
}

void TimelineView::paintGhost(QPainter& painter) {
    if (!draggingItem() || drag_.track < 0)
        return;
    const QRect row = layout_.row(drag_.track, scroll_);
    const QColor highlight = palette().color(QPalette::Highlight);
    QColor fill = highlight;
    fill.setAlpha(90);
    painter.save();
    painter.setClipRect(layout_.trackArea());
    painter.setPen(QPen(highlight, 1, Qt::DashLine));
    painter.setBrush(fill);
    const int x0 = static_cast<int>(std::lround(axis_.xAt(drag_.ghostStart)));
    if (drag_.ghostEnd) {
        const int x1 = static_cast<int>(std::lround(axis_.xAt(*drag_.ghostEnd)));
        painter.drawRect(TrackPainter::stateBar(row, x0, std::max(x0 + 1, x1)).adjusted(0, 0, -1, -1));
    } else {
        const QRect box = TrackPainter::pointBox(row, x0);
        const std::array<QPoint, 4> corners{QPoint(x0, box.top()), QPoint(box.right(), box.center().y()),
                                            QPoint(x0, box.bottom()), QPoint(box.left(), box.center().y())};
        painter.drawConvexPolygon(corners.data(), static_cast<int>(corners.size()));
    }
    painter.restore();

    // The dragged edge's time on the ruler, to the frame.
    const std::int64_t edge = drag_.gesture == Gesture::TrimEnd ? *drag_.ghostEnd : drag_.ghostStart;
    const QString text = formatRulerTime(edge, 1'000, content_.duration >= kHour);
    const QFontMetrics metrics(font());
    const QRect ruler = layout_.ruler();
    QRect box(0, ruler.top() + 1, metrics.horizontalAdvance(text) + 8, ruler.height() - 2);
    box.moveLeft(std::clamp(static_cast<int>(std::lround(axis_.xAt(edge))) - box.width() / 2, ruler.left(),
                            ruler.right() - box.width()));
    painter.fillRect(box, highlight);
    painter.setPen(palette().color(QPalette::HighlightedText));
    painter.drawText(box, Qt::AlignCenter, text);
}

void TimelineView::paintTitles(QPainter& painter, const QRect& exposed) {
    const QRect column = layout_.titleColumn();
    if (!column.intersects(exposed))
        return;
    const QPalette& pal = palette();
    const bool rtl = layout_.titlesOnRight();
    painter.fillRect(column.intersected(exposed), pal.color(QPalette::Button));
    painter.setPen(pal.color(QPalette::Mid));
    const int edge = rtl ? column.left() : column.right();
    painter.drawLine(edge, column.top(), edge, column.bottom());

    // Titles are text of the interface language: lay them out in its direction and align them
    // on its reading side. (The painter's own direction does not follow the widget's, so both
    // are set explicitly; the time strip keeps drawing left to right.)
    painter.save();
    painter.setLayoutDirection(rtl ? Qt::RightToLeft : Qt::LeftToRight);
    const Qt::Alignment readingSide =
        Qt::AlignAbsolute | (rtl ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
    const auto cellText = [&](const QRect& cell, const QString& text, const QColor& colour, int indent) {
        const QRect inner = cell.adjusted(rtl ? 4 : indent, 0, rtl ? -indent : -4, 0);
        painter.setPen(colour);
        painter.drawText(inner, readingSide,
                         painter.fontMetrics().elidedText(text, Qt::ElideRight, inner.width()));
    };
    const QColor text = pal.color(QPalette::ButtonText);
    cellText(layout_.titleCell(layout_.ruler()),
             formatRulerTime(playhead_, 10'000, content_.duration >= kHour), text, 8);
    if (layout_.segments().height() > 0)
        cellText(layout_.titleCell(layout_.segments()), tr("Segments"), text, 8);
    if (layout_.waveform().height() > 0)
        cellText(layout_.titleCell(layout_.waveform()), tr("Audio"), text, 8);
    for (int i = 0; i < lanes_.size(); ++i) {
        const QRect cell = layout_.titleCell(laneRect(i));
        const QColor swatch = lanes_[i]->colour();
        int indent = 8;
        if (swatch.isValid()) {
            const int swatchX = rtl ? cell.right() - 6 - kSwatch : cell.left() + 6;
            painter.fillRect(QRect(swatchX, cell.center().y() - kSwatch / 2, kSwatch, kSwatch), swatch);
            indent = 12 + kSwatch;
        }
        cellText(cell, lanes_[i]->title(), text, indent);
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(column.left(), cell.bottom(), column.right(), cell.bottom());
    }
    painter.drawLine(column.left(), layout_.tracksTop() - 1, column.right(), layout_.tracksTop() - 1);

    painter.save();
    painter.setClipRect(QRect(column.left(), layout_.tracksTop(), column.width(),
                              std::max(0, column.height() - layout_.tracksTop())));
    const QFont normal = painter.font();
    QFont italic = normal;
    italic.setItalic(true);
    for (int t = 0; t < content_.tracks.size(); ++t) {
        const QRect cell = layout_.titleCell(layout_.row(t, scroll_));
        if (cell.bottom() < layout_.tracksTop() || cell.top() > column.bottom())
            continue;
        const TimelineTrack& track = std::as_const(content_.tracks)[t];
        const int swatchX = rtl ? cell.right() - 6 - kSwatch : cell.left() + 6;
        painter.fillRect(QRect(swatchX, cell.center().y() - kSwatch / 2, kSwatch, kSwatch),
                         track.colour.isValid() ? track.colour : pal.color(QPalette::Mid));
        painter.setFont(track.editable ? normal : italic); // other coders' lanes read differently
        cellText(cell, track.title, track.editable ? text : mixColours(text, pal.color(QPalette::Button), 70),
                 12 + kSwatch);
    }
    painter.setFont(normal);
    painter.restore();
    painter.restore();
}

void TimelineView::paintPlayhead(QPainter& painter, const QRect& exposed) {
    const int x = static_cast<int>(std::lround(axis_.xAt(playhead_)));
    if (x < axis_.left() || x >= axis_.left() + axis_.width())
        return;
    const QRect strip(x - kPlayheadGrip - 1, 0, 2 * kPlayheadGrip + 3, viewport()->height());
    if (!strip.intersects(exposed))
        return;
    const QColor red(214, 39, 40);
    painter.fillRect(QRect(x, layout_.ruler().top(), 1, viewport()->height()), red);
    // A handle on the ruler to grab for scrubbing.
    const int top = layout_.ruler().top();
    const std::array<QPoint, 3> handle{QPoint(x - kPlayheadGrip, top), QPoint(x + kPlayheadGrip, top),
                                       QPoint(x, top + kPlayheadGrip + 2)};
    painter.setPen(red);
    painter.setBrush(red);
    painter.drawConvexPolygon(handle.data(), static_cast<int>(handle.size()));
}

} // namespace sb::gui
