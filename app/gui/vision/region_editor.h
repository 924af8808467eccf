#pragma once
// Drawing regions on a video view: a transparent layer over the picture that shows the
// session's analysis regions (named rectangles) and blur regions (where each is at the
// current time) and, in a drawing mode, takes the mouse:
//   analysis mode ...... drag a rectangle, name it ("infant", "door"); the analysis reruns
//   blur modes ......... drag a rectangle or ellipse: a blur region from now to the end of
//                        the video; drag an existing one at another time: a keyframe there,
//                        so it follows what it hides
//   right-click ........ end a blur region here, or delete a region
// Off, the layer lets every click through to the view. Coordinates are the picture's
// (source pixels for analysis regions, fractions for blur regions), so the view's size does
// not matter.

#include <QPointer>
#include <QWidget>

#include <optional>

namespace sb::gui {

class SessionRegions;
class VideoView;

class RegionEditor : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Off, AnalysisRegion, BlurRectangle, BlurEllipse };

    // `media`: the view's file name (blur regions drawn here belong to it); `offset`: its time
    // zero on the session clock; `sourceSize`: its picture size; `duration`: its length (µs).
    RegionEditor(VideoView* view, SessionRegions& regions, QString media, std::int64_t offset,
                 QSize sourceSize, std::int64_t duration);

    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const { return mode_; }
    void setSessionTime(std::int64_t time);
    void setRegionsVisible(bool visible);

    // Picture fraction <-> widget point, for tests.
    [[nodiscard]] QPoint pointAt(double fx, double fy) const;

signals:
    void message(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] QRectF picture() const;
    [[nodiscard]] QPointF fractionAt(QPointF pos) const;
    [[nodiscard]] std::int64_t mediaTime() const { return time_ - offset_; }
    // The blur region under a widget point at the current time (index), or -1.
    [[nodiscard]] int blurRegionAt(QPointF pos) const;
    [[nodiscard]] int analysisRegionAt(QPointF pos) const;
    void finishAnalysisRegion(const QRectF& fractions);
    void finishBlurRegion(const QRectF& fractions);
    void moveBlurRegion(int region, QPointF delta);
    void contextMenu(QPoint pos);

    QPointer<VideoView> view_;
    SessionRegions& regions_;
    QString media_;
    std::int64_t offset_ = 0;
    QSize sourceSize_;
    std::int64_t duration_ = 0;
    Mode mode_ = Mode::Off;
    std::int64_t time_ = 0;
    bool visible_ = true;
    // The gesture under way.
    bool drawing_ = false;
    int moving_ = -1; // blur region being moved
    QPointF pressPos_;
    QPointF currentPos_;
};

} // namespace sb::gui
