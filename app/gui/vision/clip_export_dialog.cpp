#include "app/gui/vision/clip_export_dialog.h"

#include "app/gui/bidi_text.h"
#include "app/gui/number_format.h"
#include "app/gui/video_view.h"

#include "codecs/clip/clip_preview.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace sb::gui {
namespace {

constexpr int kPreviewWidth = 480;
constexpr int kPreviewHeight = 270;

} // namespace

clip::FrameOverlay captionOverlay(const QString& text, std::int64_t sessionTimeOfSourceZero) {
    return [text, sessionTimeOfSourceZero](clip::OverlayFrame& frame) {
        QImage image(frame.pixels, frame.width, frame.height, frame.stride, QImage::Format_RGB888);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing);
        QFont font;
        font.setPixelSize(std::max(10, frame.height / 22));
        painter.setFont(font);
        const int band = painter.fontMetrics().height() + 8;
        const QString time = formatTime(sessionTimeOfSourceZero + frame.sourceTime.count());
        painter.fillRect(QRect(0, 0, frame.width, band), QColor(0, 0, 0, 150));
        painter.fillRect(QRect(0, frame.height - band, frame.width, band), QColor(0, 0, 0, 150));
        painter.setPen(Qt::white);
        // The caption is text of whatever language it was written in: Qt picks its direction.
        painter.drawText(QRect(8, 0, frame.width - 16, band), Qt::AlignVCenter | Qt::AlignHCenter, text);
        painter.setLayoutDirection(Qt::LeftToRight); // time stays left to right
        painter.drawText(QRect(8, frame.height - band, frame.width - 16, band),
                         Qt::AlignVCenter | Qt::AlignRight | Qt::AlignAbsolute, time);
    };
}

ClipExportDialog::ClipExportDialog(ClipSource source, ClipRequest request, vision::BlurRegions regions,
                                   QWidget* parent)
    : QDialog(parent)
    , source_(std::move(source))
    , request_(std::move(request))
    , regions_(std::move(regions)) {
    setObjectName(QStringLiteral("clipExportDialog"));
    try {
        if (!source_.index)
            throw std::runtime_error(tr("the session has no video").toStdString());
        range_ = clip::frameRangeForTimes(
            *source_.index, std::chrono::microseconds(request_.from - source_.offset),
            std::chrono::microseconds(request_.to - source_.offset), source_.file.toStdString());
    } catch (const std::exception& e) {
        rangeError_ = QString::fromStdString(e.what());
    }

    auto* layout = new QVBoxLayout(this);
    auto* body = new QHBoxLayout;
    layout->addLayout(body, 1);

    auto* previewColumn = new QVBoxLayout;
    preview_ = new QLabel(this);
    preview_->setObjectName(QStringLiteral("clipPreview"));
    preview_->setMinimumSize(kPreviewWidth, kPreviewHeight);
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setStyleSheet(QStringLiteral("background: black; color: #ccc;"));
    preview_->setLayoutDirection(Qt::LeftToRight);
    previewColumn->addWidget(preview_, 1);
    auto* scrubRow = new QHBoxLayout;
    scrub_ = new QSlider(Qt::Horizontal, this);
    scrub_->setObjectName(QStringLiteral("clipScrub"));
    scrub_->setLayoutDirection(Qt::LeftToRight); // time runs left to right
    scrub_->setRange(0, static_cast<int>(std::max<std::int64_t>(0, range_.count() - 1)));
    frameLabel_ = new QLabel(this);
    frameLabel_->setMinimumWidth(150);
    scrubRow->addWidget(scrub_, 1);
    scrubRow->addWidget(frameLabel_);
    previewColumn->addLayout(scrubRow);
    body->addLayout(previewColumn, 1);

    auto* options = new QGridLayout;
    rangeLabel_ = new QLabel(this);
    rangeLabel_->setWordWrap(true);
    options->addWidget(rangeLabel_, 0, 0, 1, 3);
    blurFaces_ = new QCheckBox(this);
    blurFaces_->setObjectName(QStringLiteral("blurFaces"));
    blurFaces_->setChecked(true); // faces never travel unless the supervisor says so
    options->addWidget(blurFaces_, 1, 0, 1, 3);
    audioLabel_ = new QLabel(this);
    audio_ = new QComboBox(this);
    audio_->setObjectName(QStringLiteral("clipAudio"));
    options->addWidget(audioLabel_, 2, 0);
    options->addWidget(audio_, 2, 1, 1, 2);
    caption_ = new QCheckBox(this);
    caption_->setObjectName(QStringLiteral("clipCaption"));
    options->addWidget(caption_, 3, 0, 1, 3);
    captionText_ = new QLineEdit(this);
    captionText_->setObjectName(QStringLiteral("clipCaptionText"));
    QStringList parts{request_.session};
    if (!request_.code.isEmpty())
        parts << request_.code;
    captionText_->setText(parts.join(QStringLiteral(" · ")));
    options->addWidget(captionText_, 4, 0, 1, 3);
    metadata_ = new QCheckBox(this);
    metadata_->setChecked(true);
    metadata_->setEnabled(false); // always: dates, device and place never leave with a clip
    options->addWidget(metadata_, 5, 0, 1, 3);
    outputLabel_ = new QLabel(this);
    output_ = new QLineEdit(this);
    output_->setObjectName(QStringLiteral("clipOutput"));
    output_->setLayoutDirection(Qt::LeftToRight); // a path
    browse_ = new QPushButton(this);
    options->addWidget(outputLabel_, 6, 0);
    options->addWidget(output_, 6, 1);
    options->addWidget(browse_, 6, 2);
    options->setRowStretch(7, 1);
    options->setColumnStretch(1, 1);
    body->addLayout(options);

    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("clipProgress"));
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    layout->addWidget(progress_);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("clipStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    export_ = new QPushButton(this);
    export_->setObjectName(QStringLiteral("clipExport"));
    export_->setDefault(true);
    cancel_ = new QPushButton(this);
    cancel_->setObjectName(QStringLiteral("clipCancel"));
    close_ = new QPushButton(this);
    buttons->addWidget(export_);
    buttons->addWidget(cancel_);
    buttons->addWidget(close_);
    layout->addLayout(buttons);

    poll_ = new QTimer(this);
    poll_->setInterval(100);
    connect(poll_, &QTimer::timeout, this, &ClipExportDialog::pollExport);
    connect(export_, &QPushButton::clicked, this, &ClipExportDialog::startExport);
    connect(cancel_, &QPushButton::clicked, this, &ClipExportDialog::cancelExport);
    connect(close_, &QPushButton::clicked, this, &ClipExportDialog::reject);
    connect(browse_, &QPushButton::clicked, this, &ClipExportDialog::chooseOutput);
    connect(scrub_, &QSlider::valueChanged, this, &ClipExportDialog::showPreviewFrame);
    connect(blurFaces_, &QCheckBox::toggled, this, &ClipExportDialog::updatePreviewSettings);
    connect(caption_, &QCheckBox::toggled, this, &ClipExportDialog::updatePreviewSettings);
    connect(captionText_, &QLineEdit::editingFinished, this, &ClipExportDialog::updatePreviewSettings);

    retranslateUi();
    cancel_->setEnabled(false);
    const QFileInfo sourceInfo(source_.file);
    output_->setText(QDir(sourceInfo.absolutePath())
                         .filePath(QStringLiteral("%1-clip-%2.mp4")
                                       .arg(sourceInfo.completeBaseName())
                                       .arg(request_.from / 1000)));
    if (!rangeError_.isEmpty()) {
        setError(tr("Cannot export this range: %1").arg(rangeError_));
        export_->setEnabled(false);
        scrub_->setEnabled(false);
        return;
    }
    previewWorker_ = std::thread([this] { previewLoop(); });
    updatePreviewSettings();
    showPreviewFrame(0);
}

ClipExportDialog::~ClipExportDialog() {
    job_.reset(); // cancels and joins; the clip library removes its temporary file
    stopPreview();
}

void ClipExportDialog::stopPreview() {
    {
        std::lock_guard lock(previewMutex_);
        previewStopping_ = true;
    }
    previewWake_.notify_all();
    if (previewWorker_.joinable())
        previewWorker_.join();
}

void ClipExportDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ClipExportDialog::retranslateUi() {
    setWindowTitle(tr("Export teaching clip"));
    if (rangeError_.isEmpty())
        rangeLabel_->setText(inDirectionOf(
            rangeLabel_,
            tr("%1 to %2: frames %3 to %4 of %5 (%6 frames)")
                .arg(leftToRight(formatTime(request_.from)), leftToRight(formatTime(request_.to)),
                     displayNumber(range_.first), displayNumber(range_.last),
                     leftToRight(QFileInfo(source_.file).fileName()), displayNumber(range_.count()))));
    blurFaces_->setText(tr("Blur faces"));
    blurFaces_->setToolTip(
        tr("Faces are found in every frame (also turned heads) and blurred beyond recognition"));
    audioLabel_->setText(tr("Audio"));
    const int audio = std::max(0, audio_->currentIndex());
    audio_->clear();
    audio_->addItem(tr("Keep the sound"), static_cast<int>(clip::AudioMode::Keep));
    audio_->addItem(tr("Mute (silent track)"), static_cast<int>(clip::AudioMode::Mute));
    audio_->addItem(tr("No audio track"), static_cast<int>(clip::AudioMode::Drop));
    audio_->setCurrentIndex(audio);
    caption_->setText(tr("Burn in a caption (session, code and time)"));
    metadata_->setText(tr("Strip the source's metadata (dates, device, location): always"));
    outputLabel_->setText(tr("Save as"));
    browse_->setText(tr("Browse…"));
    export_->setText(tr("Export"));
    cancel_->setText(tr("Cancel export"));
    close_->setText(tr("Close"));
    if (shownFrame_ >= 0)
        frameLabel_->setText(
            tr("frame %1 of %2").arg(displayNumber(shownFrame_ + 1), displayNumber(range_.count())));
}

QString ClipExportDialog::statusText() const {
    return status_->text();
}

void ClipExportDialog::setError(const QString& text) {
    status_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    status_->setText(text);
}

void ClipExportDialog::setOutputFile(const QString& file) {
    output_->setText(file);
}

void ClipExportDialog::setBlurFaces(bool on) {
    blurFaces_->setChecked(on);
}

void ClipExportDialog::setAudioMode(clip::AudioMode mode) {
    audio_->setCurrentIndex(std::max(0, audio_->findData(static_cast<int>(mode))));
}

void ClipExportDialog::setCaption(bool on) {
    caption_->setChecked(on);
}

void ClipExportDialog::chooseOutput() {
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Save clip as"), output_->text(), tr("MP4 video (*.mp4)"));
    if (!file.isEmpty())
        output_->setText(file.endsWith(QStringLiteral(".mp4"), Qt::CaseInsensitive)
                             ? file
                             : file + QStringLiteral(".mp4"));
}

clip::ClipSettings ClipExportDialog::settings() const {
    clip::ClipSettings s;
    s.source = source_.file.toStdString();
    s.range = range_;
    s.blurFaces = blurFaces_->isChecked();
    s.regions = regions_;
    s.audio = static_cast<clip::AudioMode>(audio_->currentData().toInt());
    if (caption_->isChecked())
        s.overlay = captionOverlay(captionText_->text(), source_.offset);
    s.overwrite = true; // the save dialog asked before replacing a file
    return s;
}

void ClipExportDialog::updatePreviewSettings() {
    if (!rangeError_.isEmpty())
        return;
    {
        std::lock_guard lock(previewMutex_);
        previewSettings_ = settings();
        if (!previewWanted_)
            previewWanted_ = std::max(0, scrub_->value());
    }
    previewWake_.notify_all();
}

void ClipExportDialog::showPreviewFrame(int clipFrame) {
    if (!rangeError_.isEmpty())
        return;
    if (scrub_->value() != clipFrame) {
        scrub_->setValue(clipFrame); // comes back here through valueChanged
        return;
    }
    {
        std::lock_guard lock(previewMutex_);
        previewWanted_ = clipFrame;
    }
    previewWake_.notify_all();
}

void ClipExportDialog::previewLoop() {
    std::unique_ptr<clip::ClipPreview> preview;
    for (;;) {
        int frame = 0;
        std::optional<clip::ClipSettings> changed;
        {
            std::unique_lock lock(previewMutex_);
            previewWake_.wait(lock,
                              [this] { return previewStopping_ || previewWanted_ || previewSettings_; });
            if (previewStopping_)
                return;
            changed.swap(previewSettings_);
            frame = previewWanted_.value_or(std::max(0, shownFrame_));
            previewWanted_.reset();
        }
        QString error;
        QImage image;
        try {
            if (changed)
                preview = std::make_unique<clip::ClipPreview>(std::move(*changed), source_.index);
            if (preview) {
                const clip::RenderedFrame rendered = preview->frame(frame);
                image = QImage(rendered.image.pixels.data(), rendered.image.width, rendered.image.height,
                               rendered.image.width * 3, QImage::Format_RGB888)
                            .scaled(kPreviewWidth * 2, kPreviewHeight * 2, Qt::KeepAspectRatio,
                                    Qt::SmoothTransformation);
            }
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, frame, image, error] {
                if (!error.isEmpty()) {
                    setError(tr("Preview failed: %1").arg(error));
                    return;
                }
                previewImage_ = image;
                shownFrame_ = frame;
                preview_->setPixmap(QPixmap::fromImage(image).scaled(preview_->size(), Qt::KeepAspectRatio,
                                                                     Qt::SmoothTransformation));
                frameLabel_->setText(
                    tr("frame %1 of %2").arg(displayNumber(frame + 1), displayNumber(range_.count())));
                emit previewReady(frame);
            },
            Qt::QueuedConnection);
    }
}

void ClipExportDialog::startExport() {
    if (job_ || !rangeError_.isEmpty())
        return;
    const QString target = output_->text().trimmed();
    if (target.isEmpty()) {
        setError(tr("Choose where to save the clip."));
        return;
    }
    if (!QFileInfo(QFileInfo(target).absolutePath()).isWritable()) {
        setError(tr("Cannot write to the folder %1.").arg(QFileInfo(target).absolutePath()));
        return;
    }
    exportTarget_ = target;
    status_->setStyleSheet(QString());
    status_->setText(tr("Exporting…"));
    progress_->setValue(0);
    export_->setEnabled(false);
    cancel_->setEnabled(true);
    // The job is joined before the dialog goes, so `this` outlives the callback; a queued
    // call to a dialog being destroyed is dropped by Qt.
    job_ = clip::startClipExport(settings(), target.toStdString(), source_.index, {}, [this] {
        QMetaObject::invokeMethod(
            this, [this] { exportEnded(); }, Qt::QueuedConnection);
    });
    poll_->start();
}

void ClipExportDialog::pollExport() {
    if (!job_)
        return;
    const clip::ClipProgress p = job_->progress();
    progress_->setValue(static_cast<int>(p.fraction * 1000));
    status_->setText(
        p.stage == clip::ClipProgress::Stage::Faces
            ? tr("Finding faces: frame %1 of %2").arg(displayNumber(p.done), displayNumber(p.total))
            : tr("Encoding: frame %1 of %2").arg(displayNumber(p.done), displayNumber(p.total)));
}

void ClipExportDialog::cancelExport() {
    if (!job_)
        return;
    job_->cancel();
    status_->setText(tr("Cancelling…"));
    cancel_->setEnabled(false);
}

void ClipExportDialog::exportEnded() {
    if (!job_ || !job_->done())
        return;
    poll_->stop();
    job_->wait();
    const auto result = job_->result();
    const bool cancelled = job_->cancelled();
    const QString error = QString::fromStdString(job_->error());
    job_.reset();
    export_->setEnabled(true);
    cancel_->setEnabled(false);
    if (result) {
        progress_->setValue(1000);
        status_->setStyleSheet(QString());
        const QString message = tr("Wrote %1: %2 frames%3.")
                                    .arg(exportTarget_)
                                    .arg(result->framesWritten)
                                    .arg(result->facesBlurred ? tr(", faces blurred") : QString());
        status_->setText(message);
        emit exportFinished(true, message);
    } else if (cancelled) {
        progress_->setValue(0);
        status_->setStyleSheet(QString());
        const QString message = tr("Export cancelled; no file was written.");
        status_->setText(message);
        emit exportFinished(false, message);
    } else {
        progress_->setValue(0);
        const QString message = tr("Export failed: %1").arg(error);
        setError(message);
        emit exportFinished(false, message);
    }
}

void ClipExportDialog::closeEvent(QCloseEvent* event) {
    if (job_) {
        cancelExport();
        event->ignore(); // closes once the export has stopped and cleaned up
        connect(this, &ClipExportDialog::exportFinished, this, &QDialog::close, Qt::SingleShotConnection);
        return;
    }
    QDialog::closeEvent(event);
}

void ClipExportDialog::reject() {
    if (job_) {
        cancelExport();
        connect(this, &ClipExportDialog::exportFinished, this, &QDialog::reject, Qt::SingleShotConnection);
        return;
    }
    QDialog::reject();
}

} // namespace sb::gui
