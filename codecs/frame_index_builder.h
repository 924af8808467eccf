#pragma once
// Builds a FrameIndex from a media file.
//
// Usually one demux pass: packet timestamps give presentation order, and a short decode of
// the file's start finds leading frames the decoder cannot produce (a recording cut in the
// middle of a GOP). Files whose packets lack timestamps (AVI with B-frames) or that show
// damage while demuxing are instead decoded in full, so the index is exactly the sequence
// of frames the decoder emits.

#include "codecs/frame_index.h"

#include <filesystem>

namespace sb::codecs {

// Throws MediaError: "open" failures, "index: no video stream", "index: no frame of the
// video stream could be decoded".
FrameIndex buildFrameIndex(const std::filesystem::path& file);

} // namespace sb::codecs
