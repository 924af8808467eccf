#include "app/gui/vision/region_editor.h"

#include "app/gui/video_view.h"
#include "app/gui/vision/session_regions.h"

#include <QContextMenuEvent>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace sb::gui {
namespace {

constexpr double kMinimumSize = 0.01; // of the picture: smaller drags are clicks

bool belongsTo(const vision::BlurRegion& region, const QString& media) {
    return region.media.empty() || QString::fromStdString(region.media) == media;
}

} // namespace

RegionEditor::RegionEditor(VideoView* view, SessionRegions& regions, QString media, std::int64_t offset,
                           QSize sourceSize, std::int64_t duration)
    : QWidget(view)
    , view_(view)
    , regions_(regions)
    , media_(std::move(media))
    , offset_(offset)
    , sourceSize_(sourceSize)
    , duration_(duration) {
    setObjectName(QStringLiteral("regionEditor"));
    setAttribute(Qt::WA_TranslucentBackground);
    setAttribute(Qt::WA_TransparentForMouseEvents, true);
    setLayoutDirection(Qt::LeftToRight); // pictures do not mirror
    setGeometry(view->rect());
    view->installEventFilter(this);
    connect(&regions_, &SessionRegions::analysisRegionsChanged, this, qOverload<>(&QWidget::update));
    connect(&regions_, &SessionRegions::blurRegionsChanged, this, qOverload<>(&QWidget::update));
    show();
    raise();
}

bool RegionEditor::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_ && event->type() == QEvent::Resize)
        setGeometry(view_->rect());
    return QWidget::eventFilter(watched, event);
}

void RegionEditor::setMode(Mode mode) {
    mode_ = mode;
    drawing_ = false;
    moving_ = -1;
    setAttribute(Qt::WA_TransparentForMouseEvents, mode == Mode::Off);
    setCursor(mode == Mode::Off ? Qt::ArrowCursor : Qt::CrossCursor);
    update();
}

void RegionEditor::setSessionTime(std::int64_t time) {
    if (time == time_)
        return;
    time_ = time;
    if (visible_ && !regions_.blurRegions().empty())
        update();
}

void RegionEditor::setRegionsVisible(bool visible) {
    visible_ = visible;
    update();
}

QRectF RegionEditor::picture() const {
    return view_ ? QRectF(view_->pictureRect()) : QRectF(rect());
}

QPointF RegionEditor::fractionAt(QPointF pos) const {
    const QRectF p = picture();
    return {std::clamp((pos.x() - p.left()) / std::max(1.0, p.width()), 0.0, 1.0),
            std::clamp((pos.y() - p.top()) / std::max(1.0, p.height()), 0.0, 1.0)};
}

QPoint RegionEditor::pointAt(double fx, double fy) const {
    const QRectF p = picture();
    return QPointF(p.left() + fx * p.width(), p.top() + fy * p.height()).toPoint();
}

int RegionEditor::blurRegionAt(QPointF pos) const {
    const QPointF f = fractionAt(pos);
    const auto& regions = regions_.blurRegions().regions;
    const std::chrono::microseconds t(mediaTime());
    for (int i = static_cast<int>(regions.size()) - 1; i >= 0; --i) {
        const auto& region = regions[static_cast<std::size_t>(i)];
        if (!belongsTo(region, media_) || t < region.start || t > region.end)
            continue;
        const vision::RegionArea a = vision::regionAt(region, t);
        if (QRectF(a.x, a.y, a.width, a.height).contains(f))
            return i;
    }
    return -1;
}

int RegionEditor::analysisRegionAt(QPointF pos) const {
    const QPointF f = fractionAt(pos);
    const auto& regions = regions_.analysisRegions();
    if (sourceSize_.isEmpty())
        return -1;
    for (int i = static_cast<int>(regions.size()) - 1; i >= 0; --i) {
        const auto& r = regions[static_cast<std::size_t>(i)];
        const QRectF box(double(r.x) / sourceSize_.width(), double(r.y) / sourceSize_.height(),
                         double(r.width) / sourceSize_.width(), double(r.height) / sourceSize_.height());
        if (box.contains(f))
            return i;
    }
    return -1;
}

void RegionEditor::paintEvent(QPaintEvent*) {
    const bool editing = mode_ != Mode::Off;
    if (!visible_ && !editing)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF p = picture();
    const auto toWidget = [&p](double x, double y, double w, double h) {
        return QRectF(p.left() + x * p.width(), p.top() + y * p.height(), w * p.width(), h * p.height());
    };
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    // Analysis regions: yellow frames with their names.
    if ((visible_ || mode_ == Mode::AnalysisRegion) && !sourceSize_.isEmpty()) {
        for (const auto& r : regions_.analysisRegions()) {
            const QRectF box =
                toWidget(double(r.x) / sourceSize_.width(), double(r.y) / sourceSize_.height(),
                         double(r.width) / sourceSize_.width(), double(r.height) / sourceSize_.height());
            painter.setPen(QPen(QColor(250, 210, 40), 2, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(box);
            painter.setPen(QColor(250, 210, 40));
            painter.drawText(box.adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop,
                             QString::fromStdString(r.name));
        }
    }
    // Blur regions where they are now: hatched red.
    const std::chrono::microseconds t(mediaTime());
    for (const auto& region : regions_.blurRegions().regions) {
        if (!belongsTo(region, media_) || t < region.start || t > region.end)
            continue;
        const vision::RegionArea a = vision::regionAt(region, t);
        const QRectF box = toWidget(a.x, a.y, a.width, a.height);
        painter.setPen(QPen(QColor(230, 60, 60), 2));
        painter.setBrush(QBrush(QColor(230, 60, 60, 110), Qt::BDiagPattern));
        if (region.shape == vision::RegionShape::Ellipse)
            painter.drawEllipse(box);
        else
            painter.drawRect(box);
        const QString label = region.label.empty() ? tr("blur") : QString::fromStdString(region.label);
        painter.setPen(QColor(255, 120, 120));
        painter.drawText(box.adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop, label);
    }
    // The shape being drawn.
    if (drawing_) {
        const QRectF box = QRectF(pressPos_, currentPos_).normalized();
        painter.setPen(QPen(Qt::white, 1, Qt::DashLine));
        painter.setBrush(QColor(255, 255, 255, 40));
        if (mode_ == Mode::BlurEllipse)
            painter.drawEllipse(box);
        else
            painter.drawRect(box);
    }
    if (editing) {
        const QString hint = mode_ == Mode::AnalysisRegion
                                 ? tr("Drag a rectangle around what the motion measure should watch")
                                 : tr("Drag to add a blur region from now on; drag one to move it here");
        const QRect box = painter.fontMetrics().boundingRect(hint).adjusted(-6, -3, 6, 3);
        const QRect placed(static_cast<int>(p.left()) + 8, static_cast<int>(p.top()) + 8, box.width(),
                           box.height());
        painter.fillRect(placed, QColor(0, 0, 0, 170));
        painter.setPen(Qt::white);
        painter.drawText(placed, Qt::AlignCenter, hint);
    }
}

void RegionEditor::mousePressEvent(QMouseEvent* event) {
    if (mode_ == Mode::Off)
        return QWidget::mousePressEvent(event);
    const QPointF pos = event->position();
    if (event->button() == Qt::RightButton) {
        contextMenu(pos.toPoint());
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    pressPos_ = currentPos_ = pos;
    moving_ = mode_ == Mode::AnalysisRegion ? -1 : blurRegionAt(pos);
    drawing_ = moving_ < 0;
    update();
}

void RegionEditor::mouseMoveEvent(QMouseEvent* event) {
    if (!drawing_ && moving_ < 0)
        return;
    currentPos_ = event->position();
    update();
}

void RegionEditor::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || (!drawing_ && moving_ < 0))
        return;
    currentPos_ = event->position();
    const QPointF a = fractionAt(pressPos_);
    const QPointF b = fractionAt(currentPos_);
    if (moving_ >= 0) {
        const int region = moving_;
        moving_ = -1;
        moveBlurRegion(region, b - a);
    } else {
        drawing_ = false;
        const QRectF fractions = QRectF(a, b).normalized();
        if (fractions.width() >= kMinimumSize && fractions.height() >= kMinimumSize) {
            if (mode_ == Mode::AnalysisRegion)
                finishAnalysisRegion(fractions);
            else
                finishBlurRegion(fractions);
        }
    }
    update();
}

void RegionEditor::finishAnalysisRegion(const QRectF& f) {
    if (sourceSize_.isEmpty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Analysis region"), tr("Name of the region (e.g. infant, door):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    analysis::RegionOfInterest r;
    r.name = name.toStdString();
    r.x =
        std::clamp(static_cast<int>(std::floor(f.left() * sourceSize_.width())), 0, sourceSize_.width() - 1);
    r.y =
        std::clamp(static_cast<int>(std::floor(f.top() * sourceSize_.height())), 0, sourceSize_.height() - 1);
    r.width = std::clamp(static_cast<int>(std::ceil(f.width() * sourceSize_.width())), 1,
                         sourceSize_.width() - r.x);
    r.height = std::clamp(static_cast<int>(std::ceil(f.height() * sourceSize_.height())), 1,
                          sourceSize_.height() - r.y);
    auto regions = regions_.analysisRegions();
    // A name drawn again replaces the old rectangle.
    regions.erase(std::remove_if(regions.begin(), regions.end(),
                                 [&r](const analysis::RegionOfInterest& old) { return old.name == r.name; }),
                  regions.end());
    regions.push_back(r);
    regions_.setAnalysisRegions(std::move(regions));
}

void RegionEditor::finishBlurRegion(const QRectF& f) {
    vision::BlurRegions regions = regions_.blurRegions();
    vision::BlurRegion region;
    region.id = regions_.newBlurId();
    region.shape = mode_ == Mode::BlurEllipse ? vision::RegionShape::Ellipse : vision::RegionShape::Rectangle;
    region.media = media_.toStdString();
    region.start = std::chrono::microseconds(std::max<std::int64_t>(0, mediaTime()));
    region.end = std::max(region.start, std::chrono::microseconds(duration_));
    region.keyframes.push_back(vision::RegionKeyframe{region.start, f.x(), f.y(), f.width(), f.height()});
    regions.regions.push_back(std::move(region));
    regions_.setBlurRegions(std::move(regions));
    emit message(tr("Blur region added from %1 to the end; drag it at other times to make it follow.")
                     .arg(formatTime(time_)));
}

void RegionEditor::moveBlurRegion(int index, QPointF delta) {
    if (std::abs(delta.x()) < 1e-4 && std::abs(delta.y()) < 1e-4)
        return;
    vision::BlurRegions regions = regions_.blurRegions();
    auto& region = regions.regions.at(static_cast<std::size_t>(index));
    const std::chrono::microseconds t(std::max<std::int64_t>(0, mediaTime()));
    const vision::RegionArea now = vision::regionAt(region, t);
    vision::RegionKeyframe key{t, std::clamp(now.x + delta.x(), 0.0, 1.0 - now.width),
                               std::clamp(now.y + delta.y(), 0.0, 1.0 - now.height), now.width, now.height};
    auto& keys = region.keyframes;
    const auto at =
        std::find_if(keys.begin(), keys.end(), [t](const vision::RegionKeyframe& k) { return k.time >= t; });
    if (at != keys.end() && at->time == t)
        *at = key;
    else
        keys.insert(at, key);
    region.start = std::min(region.start, t);
    region.end = std::max(region.end, t);
    regions_.setBlurRegions(std::move(regions));
}

void RegionEditor::contextMenu(QPoint pos) {
    QMenu menu(this);
    const int blur = blurRegionAt(pos);
    const int roi = analysisRegionAt(pos);
    if (mode_ != Mode::AnalysisRegion && blur >= 0) {
        menu.addAction(tr("End this blur region here"), this, [this, blur] {
            vision::BlurRegions regions = regions_.blurRegions();
            auto& region = regions.regions.at(static_cast<std::size_t>(blur));
            region.end = std::max(region.start, std::chrono::microseconds(mediaTime()));
            // Keyframes after the end no longer matter; keep the first so the region stays valid.
            while (region.keyframes.size() > 1 && region.keyframes.back().time > region.end)
                region.keyframes.pop_back();
            regions_.setBlurRegions(std::move(regions));
        });
        menu.addAction(tr("Delete this blur region"), this, [this, blur] {
            vision::BlurRegions regions = regions_.blurRegions();
            regions.regions.erase(regions.regions.begin() + blur);
            regions_.setBlurRegions(std::move(regions));
        });
    }
    if (mode_ == Mode::AnalysisRegion && roi >= 0) {
        menu.addAction(
            tr("Delete analysis region “%1”")
                .arg(QString::fromStdString(regions_.analysisRegions()[static_cast<std::size_t>(roi)].name)),
            this, [this, roi] {
                auto regions = regions_.analysisRegions();
                regions.erase(regions.begin() + roi);
                regions_.setAnalysisRegions(std::move(regions));
            });
    }
    if (!menu.isEmpty())
        menu.exec(mapToGlobal(pos));
}

} // namespace sb::gui
