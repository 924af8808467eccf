#include "app/gui/vision/thumbnail_source.h"

#include "codecs/cache_file.h"

#include "codecs/display_scaler.h"
#include "codecs/frame_index_cache.h"
#include "codecs/video_decoder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMetaObject>

#include <algorithm>
#include <cmath>
#include <mutex>

extern "C" {
#include <libavutil/frame.h>
}

namespace sb::gui {
namespace {

constexpr int kMemoryThumbnails = 2000; // about 40 MB at 96x54
constexpr int kJpegQuality = 85;

// Folders of files not opened for the longest time go beyond 1 GiB. Once a process, when a
// source has nothing to do: walking every folder's files is slow in a full cache and must not
// hold up the first thumbnails of a session.
void pruneOnce(const std::filesystem::path& inUse) {
    static std::once_flag once;
    std::call_once(once, [&inUse] {
        codecs::pruneCacheFolders(inUse.parent_path(), codecs::cacheBudget(std::uintmax_t{1} << 30), inUse);
    });
}

} // namespace

std::filesystem::path ThumbnailSource::defaultDirectory() {
    return codecs::FrameIndexCache::defaultDirectory().parent_path() / "thumbnails";
}

std::filesystem::path ThumbnailSource::folderFor(const std::filesystem::path& media) {
    const codecs::FrameIndexCacheKey key = codecs::cacheKeyFor(media);
    const std::string text = std::filesystem::weakly_canonical(media).string() + '\n' +
                             std::to_string(key.size) + '\n' + std::to_string(key.modified) + '\n' +
                             key.headTailMd5 + '\n' + std::to_string(key.avformatVersion) + '\n' +
                             std::to_string(key.avcodecVersion) + '\n' + std::to_string(key.formatVersion);
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Md5).toHex();
    return defaultDirectory() / digest.toStdString();
}

ThumbnailSource::ThumbnailSource(QString file, std::shared_ptr<const codecs::FrameIndex> index,
                                 QSize pictureSize, int height, QObject* parent)
    : QObject(parent)
    , file_(std::move(file))
    , index_(std::move(index)) {
    const double aspect =
        pictureSize.isEmpty() ? 16.0 / 9.0 : pictureSize.width() / double(pictureSize.height());
    size_ = QSize(std::max(8, static_cast<int>(std::lround(height * aspect))) & ~1, std::max(8, height) & ~1);
    for (const auto& packet : index_->packets)
        if (packet.keyframe && packet.frame >= 0)
            keyframes_.push_back(packet.frame);
    std::sort(keyframes_.begin(), keyframes_.end());
    keyframes_.erase(std::unique(keyframes_.begin(), keyframes_.end()), keyframes_.end());
    memory_.setMaxCost(kMemoryThumbnails);
    worker_ = std::thread([this] { run(); });
}

ThumbnailSource::~ThumbnailSource() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        wanted_.clear();
    }
    wake_.notify_all();
    if (worker_.joinable())
        worker_.join();
}

QImage ThumbnailSource::cached(std::int64_t frame) const {
    std::lock_guard lock(mutex_);
    const QImage* image = memory_.object(frame);
    return image ? *image : QImage();
}

QImage ThumbnailSource::nearestCached(std::int64_t frame, std::int64_t from, std::int64_t to) const {
    std::lock_guard lock(mutex_);
    if (const QImage* exact = memory_.object(frame))
        return *exact;
    // The cache holds at most a few thousand entries: a scan is cheaper than keeping an order.
    const QImage* best = nullptr;
    std::int64_t bestDistance = 0;
    for (const qint64 key : memory_.keys()) {
        if (key < from || key > to)
            continue;
        const std::int64_t distance = std::abs(key - frame);
        if (!best || distance < bestDistance) {
            best = memory_.object(key);
            bestDistance = distance;
        }
    }
    return best ? *best : QImage();
}

std::int64_t ThumbnailSource::representative(std::int64_t from, std::int64_t to) const {
    const std::int64_t last = std::max<std::int64_t>(0, index_->frameCount() - 1);
    from = std::clamp<std::int64_t>(from, 0, last);
    to = std::clamp<std::int64_t>(to, from + 1, last + 1);
    const std::int64_t middle = from + (to - from) / 2;
    const auto after = std::lower_bound(keyframes_.begin(), keyframes_.end(), middle);
    std::int64_t best = -1;
    if (after != keyframes_.end() && *after < to)
        best = *after;
    if (after != keyframes_.begin() && *std::prev(after) >= from &&
        (best < 0 || middle - *std::prev(after) <= best - middle))
        best = *std::prev(after);
    return best >= 0 ? best : middle;
}

void ThumbnailSource::want(std::vector<std::int64_t> frames) {
    {
        std::lock_guard lock(mutex_);
        frames.erase(std::remove_if(frames.begin(), frames.end(),
                                    [this](std::int64_t f) {
                                        return f < 0 || f >= index_->frameCount() || memory_.contains(f);
                                    }),
                     frames.end());
        if (frames == wanted_)
            return;
        wanted_ = std::move(frames);
    }
    wake_.notify_all();
}

int ThumbnailSource::produced() const {
    std::lock_guard lock(mutex_);
    return produced_;
}

void ThumbnailSource::run() {
    std::filesystem::path folder;
    bool folderKnown = false;
    std::unique_ptr<codecs::VideoDecoder> decoder;
    codecs::DisplayScaler scaler;
    for (;;) {
        bool idle = false;
        {
            std::lock_guard lock(mutex_);
            idle = wanted_.empty() && !stopping_;
        }
        if (idle && !folder.empty())
            pruneOnce(folder);
        std::int64_t frame = -1;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !wanted_.empty(); });
            if (stopping_)
                return;
            frame = wanted_.front();
            wanted_.erase(wanted_.begin());
            if (memory_.contains(frame))
                continue;
        }
        if (!folderKnown) {
            folderKnown = true;
            try {
                folder = folderFor(file_.toStdString());
                codecs::markUsed(folder); // this file's thumbnails are in use
            } catch (const std::exception&) {
                folder.clear(); // no disk cache for a file we cannot key; thumbnails still come
            }
        }
        const QString cacheFile =
            folder.empty()
                ? QString()
                : QString::fromStdString(
                      (folder / (std::to_string(size_.height()) + "-" + std::to_string(frame) + ".jpg"))
                          .string());
        QImage image;
        if (!cacheFile.isEmpty())
            image.load(cacheFile);
        if (image.isNull()) {
            try {
                if (!decoder) {
                    codecs::VideoDecoderOptions options;
                    options.cacheBytes = 24u << 20;
                    options.threads = 2;
                    decoder = std::make_unique<codecs::VideoDecoder>(file_.toStdString(), index_, options);
                }
                const codecs::DecodedFrame decoded = decoder->frame(frame);
                image = QImage(size_, QImage::Format_RGB32);
                scaler.scale(*decoded.picture, size_.width(), size_.height(), image.bits(),
                             static_cast<int>(image.bytesPerLine()));
                if (!cacheFile.isEmpty()) {
                    QDir().mkpath(QString::fromStdString(folder.string()));
                    // Beside and renamed over, so a reader never sees half a picture.
                    const QString temporary = cacheFile + QStringLiteral(".part.jpg");
                    if (image.save(temporary, "JPEG", kJpegQuality)) {
                        QFile::remove(cacheFile);
                        QFile::rename(temporary, cacheFile);
                    }
                }
            } catch (const std::exception&) {
                // A frame that cannot be decoded keeps its placeholder; playback reports the file.
                image = QImage(size_, QImage::Format_RGB32);
                image.fill(QColor(60, 20, 20));
            }
        }
        {
            std::lock_guard lock(mutex_);
            memory_.insert(frame, new QImage(image));
            ++produced_;
        }
        QMetaObject::invokeMethod(
            this, [this, frame] { emit thumbnailReady(frame); }, Qt::QueuedConnection);
    }
}

} // namespace sb::gui
