#pragma once
// One camera of the session: the current frame scaled to fit with its aspect ratio kept, the
// frame number and session time overlaid (toggleable), or what is wrong with the file.

#include <QImage>
#include <QWidget>

namespace sb::gui {

class VideoView : public QWidget {
    Q_OBJECT
public:
    explicit VideoView(QWidget* parent = nullptr);

    void setAspect(QSize frameSize); // the video's picture size (aspect ratio)
    void setFrame(const QImage& image, std::int64_t frame);
    void setTime(std::int64_t sessionTime);
    void setProblem(const QString& problem); // empty: none
    void setOverlayVisible(bool visible);
    [[nodiscard]] bool overlayVisible() const { return overlay_; }
    [[nodiscard]] std::int64_t shownFrame() const { return frame_; }
    // Where the picture goes, in widget coordinates.
    [[nodiscard]] QRect pictureRect() const;

signals:
    // The picture's size in device pixels changed: frames should be scaled to it.
    void displaySizeChanged(QSize size);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QImage image_;
    QSize aspect_{16, 9};
    std::int64_t frame_ = -1;
    std::int64_t time_ = 0;
    QString problem_;
    bool overlay_ = true;
};

// "00:01:02.345": session time for people (always with ASCII digits in files; the view may
// localise digits later).
QString formatTime(std::int64_t microseconds);

} // namespace sb::gui
