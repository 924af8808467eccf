#pragma once
// Plays a session's audio in step with the playback clock: decoding runs on its own thread
// into a small buffer the audio device pulls from, so the GUI thread never decodes.
// Audio plays at 1x only (muted at other speeds); without an audio device the session plays
// silently and `available()` says so.

#include "codecs/audio_decoder.h"

#include <QIODevice>
#include <QObject>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

class QAudioSink;

namespace sb::gui {

// The bytes the audio device pulls: filled by a decoding thread.
class AudioStream : public QIODevice {
public:
    AudioStream(const QString& file, int sampleRate, int channels);
    ~AudioStream() override;
    void startAt(std::chrono::microseconds fileTime);
    void stopDecoding();

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }
    qint64 bytesAvailable() const override;

private:
    void decodeLoop(std::chrono::microseconds from, unsigned generation);

    QString file_;
    int sampleRate_;
    int channels_;
    mutable std::mutex mutex_;
    std::condition_variable room_;
    std::deque<float> buffer_;
    unsigned generation_ = 0;
    bool stop_ = false;
    std::thread decoder_;
};

class AudioPlayer : public QObject {
    Q_OBJECT
public:
    explicit AudioPlayer(QObject* parent = nullptr);
    ~AudioPlayer() override;

    // The file whose audio plays and its offset on the session clock; empty to have none.
    void setSource(const QString& file, std::int64_t offsetUs);
    [[nodiscard]] bool hasSource() const { return !file_.isEmpty(); }
    // False when no audio output device exists: playback goes on silently.
    [[nodiscard]] bool available() const;

    void play(std::int64_t sessionPositionUs, double speed);
    void stop();

private:
    QString file_;
    std::int64_t offsetUs_ = 0;
    std::unique_ptr<AudioStream> stream_;
    std::unique_ptr<QAudioSink> sink_;
};

} // namespace sb::gui
