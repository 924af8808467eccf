#pragma once
// A poster frame for each session in the project browser: a picture from a tenth into the
// session's first video (the keyframe nearest it, one cheap decode), made on a worker thread
// and kept on disk beside the filmstrip's thumbnails, so reopening a project shows them at once.

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QListWidget;
class QThread;

namespace sb::gui {

class PosterFrames : public QObject {
    Q_OBJECT
public:
    explicit PosterFrames(QObject* parent = nullptr);
    ~PosterFrames() override; // waits for the worker

    struct Entry {
        qlonglong session = 0; // the list item's Qt::UserRole value
        QString media;         // absolute path of the session's first media file; empty: none
    };
    // Sets each item's icon to its session's poster as soon as it is known; items are found
    // by their Qt::UserRole session id, so the list may be rebuilt meanwhile.
    void decorate(QListWidget* list, const std::vector<Entry>& entries);

    // The poster when made (null image otherwise).
    [[nodiscard]] QImage poster(const QString& media) const { return posters_.value(media); }

    // Makes one poster (blocking; for the worker and tests). Null image when the file has no
    // decodable video.
    static QImage makePoster(const QString& media, int width);

signals:
    void posterReady(const QString& media);

private:
    void apply(QListWidget* list, const std::vector<Entry>& entries);

    QHash<QString, QImage> posters_;
    QPointer<QListWidget> list_;
    std::vector<Entry> entries_;
    std::shared_ptr<std::atomic<bool>> stop_;
    QThread* worker_ = nullptr;
};

} // namespace sb::gui
