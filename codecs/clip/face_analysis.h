#pragma once
// Finds the faces of a clip's range before anything is blurred (face_tracks.h says why the
// whole range is seen first). Decodes the range once, in order, through the frame index.

#include "codecs/clip/clip_settings.h"
#include "codecs/frame_index.h"
#include "codecs/vision/face_tracks.h"

#include <memory>
#include <stop_token>

namespace sb::clip {

// Throws ClipCancelled when `stop` is triggered, codecs::MediaError for unreadable media or
// a missing cascade. Progress reports Stage::Faces with fraction over this task alone.
std::shared_ptr<const vision::FaceTracks> analyseFaces(const std::filesystem::path& source,
                                                       std::shared_ptr<const codecs::FrameIndex> index,
                                                       const FrameRange& range, const FaceOptions& options,
                                                       const ProgressCallback& progress = {},
                                                       std::stop_token stop = {});

} // namespace sb::clip
