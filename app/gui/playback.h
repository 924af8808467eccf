#pragma once
// The session's playback: one clock in microseconds on the session clock, the media files
// placed on it by their offsets, and decoders that deliver the frame on screen at the clock's
// time to each video view. Decoding and scaling happen off the GUI thread; frames arrive
// through `frameReady`. A missing or damaged file never stops the session from opening: its
// view says what is wrong and the rest plays on.

#include "app/gui/audio_player.h"

#include "codecs/async_video_decoder.h"
#include "codecs/display_scaler.h"
#include "codecs/frame_index_cache.h"
#include "codecs/media_source.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace sb::gui {

struct PlaybackMedia {
    QString path;     // as stored in the project
    QString resolved; // the file opened (relative paths resolve against the project's folder)
    std::int64_t offset = 0;
    QString problem; // why it cannot play ("not found: …"), empty when it can
    std::optional<codecs::MediaInfo> info;
    std::shared_ptr<const codecs::FrameIndex> index; // null without video
};

struct PlaybackStats {
    std::int64_t framesShown = 0;
    std::int64_t framesDropped = 0; // frames skipped over while playing forward
};

class Playback : public QObject {
    Q_OBJECT
public:
    explicit Playback(QObject* parent = nullptr);
    ~Playback() override;

    // `media` as (path, offset µs) pairs; relative paths resolve against `baseDir`.
    void load(const std::vector<std::pair<QString, std::int64_t>>& media, const QString& baseDir);
    [[nodiscard]] const std::vector<PlaybackMedia>& media() const { return media_; }
    // Views are the media files with video, in order.
    [[nodiscard]] int viewCount() const { return static_cast<int>(views_.size()); }
    [[nodiscard]] const PlaybackMedia& viewMedia(int view) const {
        return media_[views_[static_cast<std::size_t>(view)].media];
    }

    [[nodiscard]] std::int64_t position() const;
    [[nodiscard]] std::int64_t duration() const { return duration_; }
    [[nodiscard]] bool playing() const { return playing_; }
    [[nodiscard]] double speed() const { return speed_; }
    [[nodiscard]] bool audioAvailable() const { return audio_.available(); }
    [[nodiscard]] const PlaybackStats& stats() const { return stats_; }

    // Frame of the first video at the current position, -1 without video.
    [[nodiscard]] std::int64_t currentFrame() const;
    // Start of the frame of the first video on screen at t (t itself without video).
    [[nodiscard]] std::int64_t snap(std::int64_t t) const;
    // The first video's typical frame interval (µs); 40 ms without video.
    [[nodiscard]] std::int64_t frameInterval() const;
    // Session time of frame n of the first video.
    [[nodiscard]] std::optional<std::int64_t> frameStart(std::int64_t n) const;

    // Sizes each view's frames are scaled to (the view's size in device pixels).
    void setDisplaySize(int view, QSize size);

public slots:
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed); // 1/8 .. 4
    void seek(std::int64_t position);
    void stepFrames(int count); // +1 / -1 frame of the first video
    void jump(std::int64_t delta);
    void setLoop(std::optional<std::pair<std::int64_t, std::int64_t>> range);
    void shuttle(int direction); // J/K/L: -1 back, 0 stop, +1 forward (repeated: faster)

signals:
    void positionChanged(std::int64_t position);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void frameReady(int view, const QImage& image, std::int64_t frame);
    void mediaProblem(const QString& message);

private:
    struct View {
        std::size_t media = 0;
        std::unique_ptr<codecs::AsyncVideoDecoder> decoder;
        std::shared_ptr<std::atomic<std::int64_t>> displaySize; // width << 32 | height
        std::int64_t requested = -1;
        std::int64_t shown = -1;
        std::int64_t countFrom = -1; // first frame of the current run, for counting drops
    };

    void tick();
    void setPosition(std::int64_t position, bool fromClock);
    void requestFrames();
    void onFrame(int view, const QImage& image, std::int64_t frame, const QString& error);
    void restartClock();

    codecs::FrameIndexCache indexCache_;
    std::vector<PlaybackMedia> media_;
    std::vector<View> views_;
    AudioPlayer audio_;
    QTimer timer_;
    QElapsedTimer clock_;
    std::int64_t anchor_ = 0; // position when the clock last (re)started
    std::int64_t position_ = 0;
    std::int64_t duration_ = 0;
    bool playing_ = false;
    double speed_ = 1.0;
    int shuttleDirection_ = 0;
    std::optional<std::pair<std::int64_t, std::int64_t>> loop_;
    PlaybackStats stats_;
};

} // namespace sb::gui
