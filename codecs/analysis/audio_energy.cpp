#include "codecs/analysis/audio_energy.h"

#include "codecs/audio_decoder.h"
#include "codecs/media_error.h"
#include "codecs/media_file.h"

#include <algorithm>
#include <cmath>

namespace sb::analysis {

std::vector<float> audioRmsPerFrame(const std::filesystem::path& file,
                                    std::span<const std::int64_t> frameTimesUs, std::int64_t videoEndUs,
                                    std::stop_token stop) {
    const std::size_t frames = frameTimesUs.size();
    std::vector<double> squares(frames, 0.0);
    std::vector<std::int64_t> counts(frames, 0);

    int rate = 0;
    int channels = 0;
    {
        const codecs::MediaFile probe(file);
        const AVStream* stream = probe.audioStream();
        if (!stream)
            throw codecs::MediaError(file, "analysis", "no audio stream");
        rate = std::max(stream->codecpar->sample_rate, 8000);
        channels = std::clamp(stream->codecpar->ch_layout.nb_channels, 1, 8);
    }
    codecs::AudioDecoder decoder(file, codecs::AudioOutputFormat{rate, channels});

    std::vector<float> chunk;
    std::size_t frame = 0;
    while (frames > 0 && !stop.stop_requested()) {
        chunk.clear();
        const std::size_t got = decoder.read(chunk, 16384);
        if (got == 0)
            break;
        // position() is the time of the sample after this chunk (rounded to the µs, which
        // is finer than a sample), and samples within a read are contiguous.
        const std::int64_t endSample = static_cast<std::int64_t>(
            std::llround(static_cast<double>(decoder.position().count()) * rate / 1e6));
        std::int64_t sample = endSample - static_cast<std::int64_t>(got);
        for (std::size_t i = 0; i < got; ++i, ++sample) {
            // Time of this sample, in µs, on the file's clock (as the frame times).
            const std::int64_t us = sample * 1'000'000 / rate;
            if (us < frameTimesUs[0] || us >= videoEndUs)
                continue;
            while (frame + 1 < frames && us >= frameTimesUs[frame + 1])
                ++frame;
            while (frame > 0 && us < frameTimesUs[frame])
                --frame;
            double sum = 0;
            for (int c = 0; c < channels; ++c) {
                const double v = chunk[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)];
                sum += v * v;
            }
            squares[frame] += sum;
            counts[frame] += channels;
        }
    }

    std::vector<float> rms(frames, std::nanf(""));
    for (std::size_t n = 0; n < frames; ++n)
        if (counts[n] > 0)
            rms[n] = static_cast<float>(std::sqrt(squares[n] / static_cast<double>(counts[n])));
    return rms;
}

} // namespace sb::analysis
