#include "app/gui/vision/poster_frames.h"

#include "app/gui/vision/thumbnail_source.h"

#include "codecs/display_scaler.h"
#include "codecs/frame_index_cache.h"
#include "codecs/media_source.h"
#include "codecs/video_decoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QListWidget>
#include <QPixmap>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace sb::gui {
namespace {

constexpr int kPosterWidth = 128;

} // namespace

PosterFrames::PosterFrames(QObject* parent)
    : QObject(parent) {}

PosterFrames::~PosterFrames() {
    if (stop_)
        stop_->store(true);
    if (worker_) {
        worker_->wait();
        delete worker_;
    }
}

QImage PosterFrames::makePoster(const QString& media, int width) {
    if (media.isEmpty() || !QFileInfo::exists(media))
        return {};
    std::filesystem::path cacheFile;
    try {
        cacheFile =
            ThumbnailSource::folderFor(media.toStdString()) / ("poster-" + std::to_string(width) + ".jpg");
        QImage cached(QString::fromStdString(cacheFile.string()));
        if (!cached.isNull())
            return cached;
    } catch (const std::exception&) {
        cacheFile.clear();
    }
    try {
        const codecs::FrameIndexCache indexes;
        const codecs::MediaSource source(media.toStdString(), indexes);
        const auto index = source.frameIndex();
        if (!index || index->frameCount() == 0 || !source.info().video)
            return {};
        // The keyframe nearest a tenth in: past titles and the camera being set up, one decode.
        const std::int64_t target = index->frameCount() / 10;
        std::int64_t frame = 0;
        for (const auto& packet : index->packets)
            if (packet.keyframe && packet.frame >= 0 &&
                std::abs(packet.frame - target) < std::abs(frame - target))
                frame = packet.frame;
        codecs::VideoDecoderOptions options;
        options.cacheBytes = 8u << 20;
        options.threads = 1;
        codecs::VideoDecoder decoder(media.toStdString(), index, options);
        const codecs::DecodedFrame decoded = decoder.frame(frame);
        const auto& video = *source.info().video;
        const int height =
            std::max(2, static_cast<int>(std::lround(width * double(video.height) / video.width))) & ~1;
        QImage image(width, height, QImage::Format_RGB32);
        codecs::DisplayScaler scaler;
        scaler.scale(*decoded.picture, width, height, image.bits(), static_cast<int>(image.bytesPerLine()));
        if (!cacheFile.empty()) {
            QDir().mkpath(QString::fromStdString(cacheFile.parent_path().string()));
            const QString stored = QString::fromStdString(cacheFile.string());
            if (image.save(stored + QStringLiteral(".part.jpg"), "JPEG", 85)) {
                QFile::remove(stored);
                QFile::rename(stored + QStringLiteral(".part.jpg"), stored);
            }
        }
        return image;
    } catch (const std::exception&) {
        return {}; // the browser shows no picture; opening the session says what is wrong
    }
}

void PosterFrames::decorate(QListWidget* list, const std::vector<Entry>& entries) {
    list_ = list;
    entries_ = entries;
    list->setIconSize(QSize(kPosterWidth / 2, kPosterWidth * 9 / 32));
    apply(list, entries);
    QStringList missing;
    for (const Entry& entry : entries)
        if (!entry.media.isEmpty() && !posters_.contains(entry.media) && !missing.contains(entry.media))
            missing << entry.media;
    if (missing.isEmpty())
        return;
    if (stop_)
        stop_->store(true); // a previous round: let it finish what it is doing and stop
    if (worker_) {
        worker_->wait();
        delete worker_;
        worker_ = nullptr;
    }
    auto stop = std::make_shared<std::atomic<bool>>(false);
    stop_ = stop;
    QPointer<PosterFrames> self(this);
    worker_ = QThread::create([self, stop, missing] {
        for (const QString& media : missing) {
            if (stop->load())
                return;
            const QImage poster = makePoster(media, kPosterWidth);
            QMetaObject::invokeMethod(QCoreApplication::instance(), [self, media, poster] {
                if (!self)
                    return;
                self->posters_.insert(media, poster);
                if (self->list_)
                    self->apply(self->list_, self->entries_);
                emit self->posterReady(media);
            });
        }
    });
    worker_->start(QThread::LowPriority);
}

void PosterFrames::apply(QListWidget* list, const std::vector<Entry>& entries) {
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem* item = list->item(row);
        const qlonglong session = item->data(Qt::UserRole).toLongLong();
        const auto entry = std::find_if(entries.begin(), entries.end(),
                                        [session](const Entry& e) { return e.session == session; });
        if (entry == entries.end())
            continue;
        const QImage poster = posters_.value(entry->media);
        if (!poster.isNull())
            item->setIcon(QIcon(QPixmap::fromImage(poster)));
    }
}

} // namespace sb::gui
