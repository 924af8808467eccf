#pragma once
// A VideoDecoder on its own thread: the GUI asks for "frame n" and is called back when it is
// ready, never waiting. Only the latest request matters: one that has not started when a
// newer one arrives is dropped (scrubbing asks for many frames, shows the last).

#include "codecs/video_decoder.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace sb::codecs {

struct FrameResult {
    std::int64_t requested = -1;
    std::optional<DecodedFrame> frame; // empty on error
    std::string error;                 // the MediaError text, naming the file and frame
};

class AsyncVideoDecoder {
public:
    // Called on the decoding thread; marshal to your own thread (e.g. a queued Qt signal).
    using Callback = std::function<void(FrameResult)>;

    // Opens the decoder on the caller's thread, so opening errors throw here.
    AsyncVideoDecoder(std::filesystem::path file, std::shared_ptr<const FrameIndex> index,
                      VideoDecoderOptions options, Callback onFrame);
    ~AsyncVideoDecoder(); // waits for the frame being decoded, drops the rest
    AsyncVideoDecoder(const AsyncVideoDecoder&) = delete;
    AsyncVideoDecoder& operator=(const AsyncVideoDecoder&) = delete;

    void request(std::int64_t frame);
    // While idle, decode up to `frames` frames after the last one served into the decoder's
    // cache (playback), so the next requests are cache hits. 0 turns it off.
    void setPrefetch(int frames);
    [[nodiscard]] std::int64_t droppedRequests() const;

private:
    void run();

    std::unique_ptr<VideoDecoder> decoder_;
    Callback onFrame_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<std::int64_t> pending_;
    std::int64_t dropped_ = 0;
    int prefetch_ = 0;
    std::int64_t lastServed_ = -1;
    bool stopping_ = false;
    std::thread worker_; // last: starts after everything it uses exists
};

} // namespace sb::codecs
