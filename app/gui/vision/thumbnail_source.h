#pragma once
// Small pictures of one video file for the timeline's filmstrip and the project browser.
//
// The filmstrip asks for what it is about to paint and paints what is already here; a worker
// thread makes the rest, most wanted first, and says so with thumbnailReady. A newer wish list
// replaces the old one, so scrolling past a stretch never leaves a queue of stale work, and
// the GUI thread never decodes or reads a file.
//
// Thumbnails are kept in memory (bounded) and on disk as JPEG under the cache directory
// ($SECUREBASE_CACHE_DIR/thumbnails, beside the frame index), in a folder named after the
// file's frame-index key (size, modification time, head/tail MD5, FFmpeg versions): a changed
// file gets new thumbnails, never stale ones.

#include "codecs/frame_index.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sb::gui {

class ThumbnailSource : public QObject {
    Q_OBJECT
public:
    // `pictureSize` is the video's size (for the aspect ratio); thumbnails are `height` px high.
    ThumbnailSource(QString file, std::shared_ptr<const codecs::FrameIndex> index, QSize pictureSize,
                    int height, QObject* parent = nullptr);
    ~ThumbnailSource() override; // stops and joins the worker

    [[nodiscard]] QSize thumbnailSize() const { return size_; }
    [[nodiscard]] const codecs::FrameIndex& index() const { return *index_; }
    [[nodiscard]] const QString& file() const { return file_; }

    // The thumbnail of frame n when it is in memory; a null image otherwise. Never waits.
    [[nodiscard]] QImage cached(std::int64_t frame) const;
    // The in-memory thumbnail nearest to `frame` among frames [from, to], or a null image.
    [[nodiscard]] QImage nearestCached(std::int64_t frame, std::int64_t from, std::int64_t to) const;
    // The frame that stands for frames [from, to): the keyframe nearest the middle when the
    // stretch holds one (cheap to decode: keyframes first), else the middle frame.
    [[nodiscard]] std::int64_t representative(std::int64_t from, std::int64_t to) const;

    // Replaces the wish list (most wanted first); frames already at hand are skipped.
    void want(std::vector<std::int64_t> frames);
    // Thumbnails made so far (memory, disk or decoded), for tests and the benchmark.
    [[nodiscard]] int produced() const;

    // $SECUREBASE_CACHE_DIR/thumbnails (else beside the frame-index cache directory).
    static std::filesystem::path defaultDirectory();
    // The folder of one file's thumbnails (named after its frame-index cache key).
    static std::filesystem::path folderFor(const std::filesystem::path& media);

signals:
    // A thumbnail arrived (queued to the GUI thread).
    void thumbnailReady(qint64 frame);

private:
    void run();
    QImage make(std::int64_t frame);

    QString file_;
    std::shared_ptr<const codecs::FrameIndex> index_;
    QSize size_;
    std::vector<std::int64_t> keyframes_; // frame numbers of frames that start a GOP, ascending

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    QCache<qint64, QImage> memory_;
    std::vector<std::int64_t> wanted_;
    bool stopping_ = false;
    int produced_ = 0;
    std::thread worker_; // last: starts after everything it uses exists
};

} // namespace sb::gui
