#include "codecs/analysis/analysis_parameters.h"

#include <fmt/core.h>

namespace sb::analysis {

std::string AnalysisParameters::keyText() const {
    // Names are length-prefixed, so no name can make two parameter sets read alike.
    std::string text = fmt::format("width={};flow={};audio={};regions={}", analysisWidth, opticalFlow ? 1 : 0,
                                   audio ? 1 : 0, regions.size());
    for (const RegionOfInterest& r : regions)
        text += fmt::format(";{}:{}={},{},{},{}", r.name.size(), r.name, r.x, r.y, r.width, r.height);
    return text;
}

void AnalysisParameters::check() const {
    if (analysisWidth < 16 || analysisWidth > 1920)
        throw std::invalid_argument(
            fmt::format("analysis width {} is outside 16 to 1920 pixels", analysisWidth));
    checkRegionNames(regions);
}

} // namespace sb::analysis
