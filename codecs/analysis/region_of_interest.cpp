#include "codecs/analysis/region_of_interest.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <set>

namespace sb::analysis {
namespace {

constexpr std::size_t kMaxNameBytes = 64;

std::string describe(const RegionOfInterest& r) {
    return fmt::format("region '{}' ({},{} {}x{})", r.name, r.x, r.y, r.width, r.height);
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

void checkRegionNames(const std::vector<RegionOfInterest>& regions) {
    std::set<std::string> seen;
    for (const RegionOfInterest& region : regions) {
        if (region.name.empty())
            throw RegionError("a region has no name");
        if (region.name.size() > kMaxNameBytes)
            throw RegionError(
                fmt::format("region name '{}' is longer than {} bytes", region.name, kMaxNameBytes));
        for (const char c : region.name) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                throw RegionError(fmt::format("region name '{}' contains a control character", region.name));
            if (c == '=')
                throw RegionError(fmt::format("region name '{}' contains '='", region.name));
        }
        if (!seen.insert(region.name).second)
            throw RegionError(fmt::format("region name '{}' is used twice", region.name));
    }
}

void checkRegionsFit(const std::vector<RegionOfInterest>& regions, int frameWidth, int frameHeight) {
    for (const RegionOfInterest& r : regions) {
        if (r.width <= 0 || r.height <= 0)
            throw RegionError(fmt::format("{} is empty: width and height must be positive", describe(r)));
        if (r.x < 0 || r.y < 0)
            throw RegionError(
                fmt::format("{} starts outside the {}x{} frame", describe(r), frameWidth, frameHeight));
        if (static_cast<std::int64_t>(r.x) + r.width > frameWidth ||
            static_cast<std::int64_t>(r.y) + r.height > frameHeight)
            throw RegionError(
                fmt::format("{} reaches past the {}x{} frame", describe(r), frameWidth, frameHeight));
    }
}

RegionOfInterest parseRegionSpec(std::string_view text) {
    const auto equals = text.find('=');
    if (equals == std::string_view::npos)
        throw RegionError(fmt::format("'{}' is not NAME=x,y,width,height", text));
    RegionOfInterest region;
    region.name = std::string(trimmed(text.substr(0, equals)));
    std::string_view rest = text.substr(equals + 1);
    int* fields[] = {&region.x, &region.y, &region.width, &region.height};
    for (std::size_t i = 0; i < 4; ++i) {
        const auto comma = rest.find(',');
        if ((comma == std::string_view::npos) != (i == 3))
            throw RegionError(fmt::format("'{}' is not NAME=x,y,width,height (four integers)", text));
        const std::string_view number = trimmed(rest.substr(0, comma));
        const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), *fields[i]);
        if (number.empty() || error != std::errc() || end != number.data() + number.size())
            throw RegionError(fmt::format("'{}': '{}' is not an integer", text, number));
        if (comma != std::string_view::npos)
            rest.remove_prefix(comma + 1);
    }
    checkRegionNames({region});
    if (region.width <= 0 || region.height <= 0)
        throw RegionError(fmt::format("'{}': width and height must be positive", text));
    if (region.x < 0 || region.y < 0)
        throw RegionError(fmt::format("'{}': x and y must not be negative", text));
    return region;
}

std::string regionsToJson(const std::vector<RegionOfInterest>& regions) {
    nlohmann::json list = nlohmann::json::array();
    for (const RegionOfInterest& r : regions)
        list.push_back({{"name", r.name}, {"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}});
    return nlohmann::json{{"regions", list}}.dump();
}

std::vector<RegionOfInterest> regionsFromJson(std::string_view json) {
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        throw RegionError(fmt::format("analysis regions: not JSON: {}", e.what()));
    }
    if (!document.is_object() || !document.contains("regions") || !document["regions"].is_array())
        throw RegionError("analysis regions: expected an object with a \"regions\" array");
    std::vector<RegionOfInterest> regions;
    const auto& list = document["regions"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& entry = list[i];
        if (!entry.is_object())
            throw RegionError(fmt::format("analysis regions: /regions/{} is not an object", i));
        RegionOfInterest region;
        if (!entry.contains("name") || !entry["name"].is_string())
            throw RegionError(fmt::format("analysis regions: /regions/{}/name must be a string", i));
        region.name = entry["name"].get<std::string>();
        const std::pair<const char*, int*> fields[] = {
            {"x", &region.x}, {"y", &region.y}, {"width", &region.width}, {"height", &region.height}};
        for (const auto& [field, target] : fields) {
            if (!entry.contains(field) || !entry[field].is_number_integer())
                throw RegionError(
                    fmt::format("analysis regions: /regions/{}/{} must be an integer", i, field));
            const auto value = entry[field].get<std::int64_t>();
            if (value < INT32_MIN || value > INT32_MAX)
                throw RegionError(fmt::format("analysis regions: /regions/{}/{} is out of range", i, field));
            *target = static_cast<int>(value);
        }
        regions.push_back(std::move(region));
    }
    checkRegionNames(regions);
    return regions;
}

} // namespace sb::analysis
