#pragma once
// Exporting a stretch of a session as a teaching clip (codecs/clip): the range (a selection,
// an event, a disagreement or a review thread: whoever opens the dialog passes session times),
// faces blurred unless the supervisor says otherwise, the session's hand-drawn blur regions,
// audio kept, muted or dropped, an optional caption burned in (drawn with QPainter through the
// clip's overlay callback, so Persian is shaped), and never the source's metadata.
//
// The preview shows any frame of the range exactly as the export renders it (the clip
// library's ClipPreview on a worker thread: scrubbing never blocks). The export runs in the
// background with progress and Cancel; a cancelled or failed export leaves no file.

#include "codecs/clip/clip_export.h"
#include "codecs/clip/clip_settings.h"
#include "codecs/frame_index.h"
#include "codecs/vision/blur_regions.h"

#include <QDialog>
#include <QImage>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QTimer;

namespace sb::gui {

struct ClipSource {
    QString file;            // the camera's media file
    std::int64_t offset = 0; // its time zero on the session clock
    std::shared_ptr<const codecs::FrameIndex> index;
};

struct ClipRequest {
    std::int64_t from = 0; // session time
    std::int64_t to = 0;
    QString session; // for the caption
    QString code;    // for the caption (may be empty)
};

class ClipExportDialog : public QDialog {
    Q_OBJECT
public:
    // Throws nothing: a range outside the video is shown as the dialog's error.
    ClipExportDialog(ClipSource source, ClipRequest request, vision::BlurRegions regions,
                     QWidget* parent = nullptr);
    ~ClipExportDialog() override; // cancels an export and stops the preview

    void setOutputFile(const QString& file);
    void setBlurFaces(bool on);
    void setAudioMode(clip::AudioMode mode);
    void setCaption(bool on);
    [[nodiscard]] clip::FrameRange range() const { return range_; }
    [[nodiscard]] bool exporting() const { return job_ != nullptr; }
    // The preview shows frame `clipFrame` of the range (0 = first).
    void showPreviewFrame(int clipFrame);
    [[nodiscard]] QImage previewImage() const { return previewImage_; }
    [[nodiscard]] int previewFrame() const { return shownFrame_; }
    [[nodiscard]] QString statusText() const;

public slots:
    void startExport();
    void cancelExport();

signals:
    // The export ended: written (ok), cancelled or failed (message says which and why).
    void exportFinished(bool ok, const QString& message);
    void previewReady(int clipFrame);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void reject() override;

private:
    void retranslateUi();
    void chooseOutput();
    [[nodiscard]] clip::ClipSettings settings() const;
    void updatePreviewSettings();
    void pollExport();
    void exportEnded();
    void setError(const QString& text);
    void previewLoop();
    void stopPreview();

    ClipSource source_;
    ClipRequest request_;
    vision::BlurRegions regions_;
    clip::FrameRange range_;
    QString rangeError_;

    QLabel* rangeLabel_ = nullptr;
    QLabel* preview_ = nullptr;
    QSlider* scrub_ = nullptr;
    QLabel* frameLabel_ = nullptr;
    QCheckBox* blurFaces_ = nullptr;
    QLabel* audioLabel_ = nullptr;
    QComboBox* audio_ = nullptr;
    QCheckBox* caption_ = nullptr;
    QLineEdit* captionText_ = nullptr;
    QCheckBox* metadata_ = nullptr;
    QLabel* outputLabel_ = nullptr;
    QLineEdit* output_ = nullptr;
    QPushButton* browse_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QPushButton* close_ = nullptr;
    QTimer* poll_ = nullptr;
    std::unique_ptr<clip::ClipExportJob> job_;
    QString exportTarget_;

    // The preview's worker: renders the latest frame asked for with the latest settings.
    std::mutex previewMutex_;
    std::condition_variable previewWake_;
    std::optional<int> previewWanted_;
    std::optional<clip::ClipSettings> previewSettings_; // set when the settings changed
    bool previewStopping_ = false;
    std::thread previewWorker_;
    QImage previewImage_;
    int shownFrame_ = -1;
};

// The caption drawn on each frame: `text` at the top, the session time of the frame at the
// bottom, on a dark band, with Qt's text shaping (Persian, mixed scripts).
clip::FrameOverlay captionOverlay(const QString& text, std::int64_t sessionTimeOfSourceZero);

} // namespace sb::gui
