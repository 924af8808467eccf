#include "app/gui/audio_player.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>

#include <algorithm>
#include <cstring>

namespace sb::gui {
namespace {

constexpr int kRate = 48000;
constexpr int kChannels = 2;
// About a third of a second of audio decoded ahead: enough to ride out a busy moment,
// little enough that a seek is heard at once.
constexpr std::size_t kBufferedSamples = kRate * kChannels / 3;

} // namespace

AudioStream::AudioStream(const QString& file, int sampleRate, int channels)
    : file_(file)
    , sampleRate_(sampleRate)
    , channels_(channels) {
    open(QIODevice::ReadOnly);
}

AudioStream::~AudioStream() {
    stopDecoding();
}

void AudioStream::stopDecoding() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        ++generation_;
    }
    room_.notify_all();
    if (decoder_.joinable())
        decoder_.join();
    std::lock_guard lock(mutex_);
    stop_ = false;
    buffer_.clear();
}

void AudioStream::startAt(std::chrono::microseconds fileTime) {
    stopDecoding();
    unsigned generation = 0;
    {
        std::lock_guard lock(mutex_);
        generation = generation_;
    }
    decoder_ = std::thread([this, fileTime, generation] { decodeLoop(fileTime, generation); });
}

void AudioStream::decodeLoop(std::chrono::microseconds from, unsigned generation) {
    try {
        codecs::AudioDecoder decoder(file_.toStdString(), codecs::AudioOutputFormat{sampleRate_, channels_});
        decoder.seek(std::max(from, std::chrono::microseconds(0)));
        std::vector<float> chunk;
        std::size_t silence = from.count() < 0 ? static_cast<std::size_t>(-from.count()) *
                                                     static_cast<std::size_t>(sampleRate_) / 1000000
                                               : 0;
        while (true) {
            chunk.clear();
            if (silence > 0) { // the file starts later on the session clock
                const std::size_t frames = std::min<std::size_t>(silence, 4096);
                chunk.assign(frames * static_cast<std::size_t>(channels_), 0.0f);
                silence -= frames;
            } else if (decoder.read(chunk, 4096) == 0) {
                return;
            }
            std::unique_lock lock(mutex_);
            room_.wait(lock, [&] {
                return stop_ || generation != generation_ || buffer_.size() < kBufferedSamples;
            });
            if (stop_ || generation != generation_)
                return;
            buffer_.insert(buffer_.end(), chunk.begin(), chunk.end());
        }
    } catch (const std::exception&) {
        // Audio that cannot be decoded leaves the session silent; the video goes on.
    }
}

qint64 AudioStream::readData(char* data, qint64 maxSize) {
    std::lock_guard lock(mutex_);
    const auto samples =
        std::min<std::size_t>(buffer_.size(), static_cast<std::size_t>(maxSize) / sizeof(float));
    auto* out = reinterpret_cast<float*>(data);
    std::copy_n(buffer_.begin(), samples, out);
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(samples));
    room_.notify_all();
    // An underrun plays silence rather than stopping the device.
    const auto wanted = static_cast<std::size_t>(maxSize) / sizeof(float);
    if (samples < wanted && samples == 0) {
        std::memset(data, 0, static_cast<std::size_t>(maxSize));
        return maxSize;
    }
    return static_cast<qint64>(samples * sizeof(float));
}

qint64 AudioStream::bytesAvailable() const {
    std::lock_guard lock(mutex_);
    return static_cast<qint64>(buffer_.size() * sizeof(float)) + QIODevice::bytesAvailable();
}

AudioPlayer::AudioPlayer(QObject* parent)
    : QObject(parent) {}

AudioPlayer::~AudioPlayer() {
    stop();
}

bool AudioPlayer::available() const {
    return !QMediaDevices::defaultAudioOutput().isNull();
}

void AudioPlayer::setSource(const QString& file, std::int64_t offsetUs) {
    stop();
    file_ = file;
    offsetUs_ = offsetUs;
    stream_.reset();
}

void AudioPlayer::play(std::int64_t sessionPositionUs, double speed) {
    stop();
    if (file_.isEmpty() || speed != 1.0 || !available())
        return; // other speeds play muted
    QAudioFormat format;
    format.setSampleRate(kRate);
    format.setChannelCount(kChannels);
    format.setSampleFormat(QAudioFormat::Float);
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (!device.isFormatSupported(format))
        return;
    if (!stream_)
        stream_ = std::make_unique<AudioStream>(file_, kRate, kChannels);
    stream_->startAt(std::chrono::microseconds(sessionPositionUs - offsetUs_));
    sink_ = std::make_unique<QAudioSink>(device, format);
    sink_->start(stream_.get());
}

void AudioPlayer::stop() {
    if (sink_) {
        sink_->stop();
        sink_.reset();
    }
    if (stream_)
        stream_->stopDecoding();
}

} // namespace sb::gui
