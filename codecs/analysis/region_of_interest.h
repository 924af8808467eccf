#pragma once
// Named regions of interest for the motion measures: rectangles the coder draws over the
// video ("infant", "door"), in the source video's pixel coordinates so that they mean the same
// whatever size the analysis or the display works at.
//
// The workstation keeps a session's regions in the project as the per-session document
// "analysis-regions" (annotation/project_store.h keeps it as opaque JSON; its meaning is
// defined here, because codecs/ owns the media tools' data and knows nothing of annotations).

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sb::analysis {

struct RegionOfInterest {
    std::string name; // unique, non-empty; becomes the measure names "motion:<name>", "flow:<name>"
    int x = 0;        // left edge, source pixels
    int y = 0;        // top edge, source pixels
    int width = 0;
    int height = 0;

    friend bool operator==(const RegionOfInterest&, const RegionOfInterest&) = default;
};

// A region or a set of regions the analysis cannot use: a bad name, a duplicate, an empty
// rectangle or one that does not lie inside the frame. The message names the region and
// the frame size, e.g. "region 'door' (600,10 100x100) reaches past the 640x360 frame".
// Callers that take regions from a user's arguments report it as a usage error.
class RegionError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// Names: non-empty, at most 64 bytes, no control characters, no '=' (the CLI's NAME=x,y,w,h
// splits at the first '='), unique within one analysis. Any script (Persian names are fine).
void checkRegionNames(const std::vector<RegionOfInterest>& regions);

// Every region must have a positive size and lie wholly inside a frame of the given size.
// Throws RegionError naming the first region that does not.
void checkRegionsFit(const std::vector<RegionOfInterest>& regions, int frameWidth, int frameHeight);

// "infant=10,20,300,200" (NAME=x,y,width,height; integers, whitespace around numbers
// allowed). Throws RegionError quoting the text and saying what is wrong.
RegionOfInterest parseRegionSpec(std::string_view text);

// The session document "analysis-regions":
//   {"regions":[{"name":"infant","x":10,"y":20,"width":300,"height":200}, ...]}
// regionsFromJson throws RegionError naming the entry and field that is wrong (and checks
// names); the order of regions is kept.
std::string regionsToJson(const std::vector<RegionOfInterest>& regions);
std::vector<RegionOfInterest> regionsFromJson(std::string_view json);

} // namespace sb::analysis
