#include "app/gui/playback.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace sb::gui {
namespace {

constexpr double kMinSpeed = 1.0 / 8.0;
constexpr double kMaxSpeed = 4.0;

std::int64_t packSize(QSize size) {
    return (static_cast<std::int64_t>(size.width()) << 32) | static_cast<std::uint32_t>(size.height());
}

} // namespace

Playback::Playback(QObject* parent)
    : QObject(parent) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(5); // the clock is read each tick; frames are requested only when they change
    connect(&timer_, &QTimer::timeout, this, &Playback::tick);
}

Playback::~Playback() {
    timer_.stop();
    audio_.stop();
    views_.clear(); // joins the decoding threads before anything they call back into goes
}

void Playback::load(const std::vector<std::pair<QString, std::int64_t>>& media, const QString& baseDir) {
    pause();
    views_.clear();
    media_.clear();
    duration_ = 0;
    position_ = 0;
    audio_.setSource({}, 0);
    stats_ = {};
    for (const auto& [path, offset] : media) {
        PlaybackMedia entry;
        entry.path = path;
        entry.offset = offset;
        const QFileInfo file(QDir(baseDir), path);
        entry.resolved = file.absoluteFilePath();
        if (!file.exists()) {
            entry.problem = tr("Media file not found: %1").arg(entry.resolved);
        } else {
            try {
                const codecs::MediaSource source(entry.resolved.toStdString(), indexCache_);
                entry.info = source.info();
                entry.index = source.frameIndex();
                duration_ =
                    std::max(duration_, offset + static_cast<std::int64_t>(source.info().duration.count()));
                if (source.info().audio && !audio_.hasSource())
                    audio_.setSource(entry.resolved, offset);
            } catch (const std::exception& e) {
                entry.problem = QString::fromStdString(e.what());
            }
        }
        if (!entry.problem.isEmpty())
            emit mediaProblem(entry.problem);
        media_.push_back(std::move(entry));
    }
    for (std::size_t i = 0; i < media_.size(); ++i) {
        if (!media_[i].index)
            continue;
        View view;
        view.media = i;
        view.displaySize = std::make_shared<std::atomic<std::int64_t>>(packSize(QSize(640, 360)));
        const int viewNumber = static_cast<int>(views_.size());
        auto size = view.displaySize;
        auto scaler = std::make_shared<codecs::DisplayScaler>();
        // Runs on the decoding thread: scale there, hand a finished image to the GUI thread.
        auto deliver = [this, viewNumber, size, scaler](codecs::FrameResult result) {
            QImage image;
            QString error = QString::fromStdString(result.error);
            if (result.frame) {
                const std::int64_t packed = size->load();
                const int w = std::max(16, static_cast<int>(packed >> 32));
                const int h = std::max(16, static_cast<int>(packed & 0xffffffff));
                image = QImage(w, h, QImage::Format_RGB32);
                try {
                    scaler->scale(*result.frame->picture, w, h, image.bits(),
                                  static_cast<int>(image.bytesPerLine()));
                } catch (const std::exception& e) {
                    error = QString::fromStdString(e.what());
                    image = {};
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, viewNumber, image, frame = result.requested, error] {
                    onFrame(viewNumber, image, frame, error);
                },
                Qt::QueuedConnection);
        };
        try {
            view.decoder = std::make_unique<codecs::AsyncVideoDecoder>(
                media_[i].resolved.toStdString(), media_[i].index, codecs::VideoDecoderOptions{}, deliver);
        } catch (const std::exception& e) {
            media_[i].problem = QString::fromStdString(e.what());
            emit mediaProblem(media_[i].problem);
            continue;
        }
        views_.push_back(std::move(view));
    }
    emit positionChanged(position_);
    requestFrames();
}

void Playback::setDisplaySize(int view, QSize size) {
    if (view < 0 || view >= viewCount() || size.isEmpty())
        return;
    views_[static_cast<std::size_t>(view)].displaySize->store(packSize(size));
    views_[static_cast<std::size_t>(view)].requested = -1; // redraw at the new size
    requestFrames();
}

std::int64_t Playback::position() const {
    return position_;
}

std::int64_t Playback::currentFrame() const {
    if (views_.empty())
        return -1;
    const PlaybackMedia& m = media_[views_.front().media];
    return m.index->frameAt(std::chrono::microseconds(position_ - m.offset)).value_or(-1);
}

std::int64_t Playback::snap(std::int64_t t) const {
    if (views_.empty())
        return t;
    const PlaybackMedia& m = media_[views_.front().media];
    const auto frame = m.index->frameAt(std::chrono::microseconds(t - m.offset));
    if (!frame)
        return t;
    return m.offset + m.index->frameTime(*frame).count();
}

std::int64_t Playback::frameInterval() const {
    if (views_.empty())
        return 40000;
    return media_[views_.front().media].index->typicalFrameInterval().count();
}

std::optional<std::int64_t> Playback::frameStart(std::int64_t n) const {
    if (views_.empty())
        return std::nullopt;
    const PlaybackMedia& m = media_[views_.front().media];
    if (n < 0 || n >= m.index->frameCount())
        return std::nullopt;
    return m.offset + m.index->frameTime(n).count();
}

void Playback::restartClock() {
    anchor_ = position_;
    clock_.restart();
}

void Playback::play() {
    if (playing_ || duration_ <= 0)
        return;
    if (position_ >= duration_ && speed_ > 0)
        position_ = loop_ ? loop_->first : 0;
    playing_ = true;
    for (View& view : views_) {
        view.decoder->setPrefetch(speed_ > 0 ? 4 : 0); // decode ahead of the clock while playing forward
        view.shown = -1; // drops are counted within this run only, from the frame it starts at
        view.countFrom = view.requested;
    }
    restartClock();
    audio_.play(position_, speed_);
    timer_.start();
    emit playingChanged(true);
}

void Playback::pause() {
    shuttleDirection_ = 0;
    if (!playing_)
        return;
    tick();
    playing_ = false;
    for (View& view : views_)
        view.decoder->setPrefetch(0);
    timer_.stop();
    audio_.stop();
    emit playingChanged(false);
}

void Playback::togglePlay() {
    if (playing_)
        pause();
    else
        play();
}

void Playback::setSpeed(double speed) {
    const double magnitude = std::clamp(std::abs(speed), kMinSpeed, kMaxSpeed);
    speed_ = speed < 0 ? -magnitude : magnitude;
    if (playing_) {
        position_ = position();
        restartClock();
        audio_.play(position_, speed_);
    }
    emit speedChanged(speed_);
}

void Playback::shuttle(int direction) {
    if (direction == 0) {
        pause();
        setSpeed(1.0);
        return;
    }
    // Each further press in the same direction doubles the speed, as in editors' J/K/L.
    const double next = (shuttleDirection_ == direction) ? std::min(std::abs(speed_) * 2.0, kMaxSpeed) : 1.0;
    shuttleDirection_ = direction;
    setSpeed(direction * next);
    play();
}

void Playback::seek(std::int64_t position) {
    setPosition(std::clamp<std::int64_t>(position, 0, std::max<std::int64_t>(duration_, 0)), false);
    for (View& view : views_) {
        view.shown = -1; // a jump is not a dropped frame
        view.countFrom = view.requested;
    }
    if (playing_) {
        restartClock();
        audio_.play(position_, speed_);
    }
}

void Playback::stepFrames(int count) {
    pause();
    const std::int64_t frame = currentFrame();
    if (frame < 0) {
        seek(position_ + count * 40000);
        return;
    }
    const auto target = frameStart(frame + count);
    if (target)
        seek(*target);
}

void Playback::jump(std::int64_t delta) {
    seek(position_ + delta);
}

void Playback::setLoop(std::optional<std::pair<std::int64_t, std::int64_t>> range) {
    loop_ = range;
}

void Playback::tick() {
    if (!playing_)
        return;
    std::int64_t next =
        anchor_ + static_cast<std::int64_t>(static_cast<double>(clock_.nsecsElapsed()) / 1000.0 * speed_);
    if (loop_ && speed_ > 0 && next >= loop_->second) {
        next = loop_->first;
        setPosition(next, true);
        restartClock();
        audio_.play(position_, speed_);
        return;
    }
    if (next >= duration_ || next <= 0) {
        setPosition(std::clamp<std::int64_t>(next, 0, duration_), true);
        pause();
        return;
    }
    setPosition(next, true);
}

void Playback::setPosition(std::int64_t position, bool fromClock) {
    Q_UNUSED(fromClock);
    if (position == position_ && !views_.empty() && views_.front().requested >= 0)
        return;
    position_ = position;
    emit positionChanged(position_);
    requestFrames();
}

void Playback::requestFrames() {
    for (View& view : views_) {
        const PlaybackMedia& m = media_[view.media];
        const auto frame = m.index->frameAt(std::chrono::microseconds(position_ - m.offset));
        const std::int64_t n = frame.value_or(position_ < m.offset ? 0 : m.index->frameCount() - 1);
        if (n != view.requested) {
            view.requested = n;
            view.decoder->request(n);
        }
    }
}

void Playback::onFrame(int viewNumber, const QImage& image, std::int64_t frame, const QString& error) {
    if (viewNumber >= viewCount())
        return;
    View& view = views_[static_cast<std::size_t>(viewNumber)];
    if (!error.isEmpty()) {
        // Damage: stop where it is and say so; the annotations are untouched.
        pause();
        emit mediaProblem(error);
        return;
    }
    // A late frame from before the run (a resize redraw, a superseded seek) is shown but is no
    // baseline for counting skipped frames.
    const bool inRun = playing_ && speed_ > 0 && view.countFrom >= 0 && frame >= view.countFrom;
    if (inRun && viewNumber == 0 && view.shown >= view.countFrom && frame > view.shown + 1)
        stats_.framesDropped += frame - view.shown - 1;
    if (viewNumber == 0)
        ++stats_.framesShown;
    view.shown = frame;
    emit frameReady(viewNumber, image, frame);
}

} // namespace sb::gui
