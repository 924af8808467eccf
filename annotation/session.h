#pragma once
// A recording session: one session clock, onto which each of its media files (several
// synchronised cameras, say) is placed by an offset.

#include "annotation/ids.h"
#include "annotation/time.h"

#include <string>
#include <vector>

namespace sb::annotation {

struct MediaFile {
    std::string path;       // as the user gave it; resolving it is the media layer's job
    Microseconds offset{0}; // session time at which the file's time zero plays

    friend bool operator==(const MediaFile&, const MediaFile&) = default;
};

struct Session {
    SessionId id;
    std::string name; // unique within the project
    std::vector<MediaFile> media;
    Microseconds createdAt{0};
};

} // namespace sb::annotation
