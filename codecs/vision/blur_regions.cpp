#include "codecs/vision/blur_regions.h"

#include "codecs/media_error.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace sb::vision {
namespace {

using json = nlohmann::json;
using std::chrono::microseconds;

constexpr const char* kStage = "blur regions";

[[noreturn]] void fail(const std::filesystem::path& source, const std::string& pointer,
                       const std::string& what) {
    throw codecs::MediaError(source, kStage, pointer.empty() ? what : pointer + ": " + what);
}

void onlyKnownFields(const json& object, std::initializer_list<const char*> known,
                     const std::filesystem::path& source, const std::string& pointer) {
    for (const auto& [key, value] : object.items())
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
            fail(source, pointer + "/" + key, "unknown field");
}

double number(const json& object, const char* key, const std::filesystem::path& source,
              const std::string& pointer, bool required, double fallback = 0) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            fail(source, pointer + "/" + key, "missing");
        return fallback;
    }
    if (!it->is_number())
        fail(source, pointer + "/" + key, "must be a number");
    const double value = it->get<double>();
    if (!std::isfinite(value))
        fail(source, pointer + "/" + key, "must be a finite number");
    return value;
}

microseconds seconds(const json& object, const char* key, const std::filesystem::path& source,
                     const std::string& pointer) {
    const double value = number(object, key, source, pointer, true);
    if (value < 0 || value > 1e9)
        fail(source, pointer + "/" + key, "must be seconds, 0 or more");
    return microseconds(std::llround(value * 1e6));
}

std::string text(const json& object, const char* key, const std::filesystem::path& source,
                 const std::string& pointer, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            fail(source, pointer + "/" + key, "missing");
        return {};
    }
    if (!it->is_string())
        fail(source, pointer + "/" + key, "must be a string");
    return it->get<std::string>();
}

double secondsOf(microseconds t) {
    return static_cast<double>(t.count()) / 1e6;
}

std::string fractionError(bool size) {
    return size ? "must be a number in (0, 1]" : "must be a number in [0, 1]";
}

void checkRegion(const BlurRegion& region, const std::filesystem::path& source, const std::string& pointer) {
    if (region.id.empty())
        fail(source, pointer + "/id", "must not be empty");
    if (region.keyframes.empty())
        fail(source, pointer + "/keyframes", "needs at least one keyframe");
    for (std::size_t k = 0; k < region.keyframes.size(); ++k) {
        const RegionKeyframe& key = region.keyframes[k];
        const std::string at = fmt::format("{}/keyframes/{}", pointer, k);
        if (key.time.count() < 0)
            fail(source, at + "/time", "must be seconds, 0 or more");
        if (!(key.x >= 0 && key.x <= 1))
            fail(source, at + "/x", fractionError(false));
        if (!(key.y >= 0 && key.y <= 1))
            fail(source, at + "/y", fractionError(false));
        if (!(key.width > 0 && key.width <= 1))
            fail(source, at + "/width", fractionError(true));
        if (!(key.height > 0 && key.height <= 1))
            fail(source, at + "/height", fractionError(true));
        if (k > 0 && key.time <= region.keyframes[k - 1].time)
            fail(source, at + "/time",
                 fmt::format("keyframes must be in time order ({} s does not come after {} s)",
                             secondsOf(key.time), secondsOf(region.keyframes[k - 1].time)));
    }
    if (region.end < region.start)
        fail(source, pointer + "/end",
             fmt::format("ends ({} s) before it starts ({} s)", secondsOf(region.end),
                         secondsOf(region.start)));
}

} // namespace

RegionArea regionAt(const BlurRegion& region, microseconds t) {
    RegionArea area;
    area.id = region.id;
    area.shape = region.shape;
    const auto& keys = region.keyframes;
    if (keys.empty())
        return area;
    auto place = [&](const RegionKeyframe& k) {
        area.x = k.x;
        area.y = k.y;
        area.width = k.width;
        area.height = k.height;
    };
    if (t <= keys.front().time) {
        place(keys.front());
        return area;
    }
    if (t >= keys.back().time) {
        place(keys.back());
        return area;
    }
    auto next = std::upper_bound(keys.begin(), keys.end(), t,
                                 [](microseconds value, const RegionKeyframe& k) { return value < k.time; });
    const RegionKeyframe& b = *next;
    const RegionKeyframe& a = *std::prev(next);
    const double f =
        static_cast<double>((t - a.time).count()) / static_cast<double>((b.time - a.time).count());
    auto mix = [f](double p, double q) { return p + (q - p) * f; };
    area.x = mix(a.x, b.x);
    area.y = mix(a.y, b.y);
    area.width = mix(a.width, b.width);
    area.height = mix(a.height, b.height);
    return area;
}

BlurRegions BlurRegions::fromJson(std::string_view text_, const std::filesystem::path& source) {
    json document;
    try {
        document = json::parse(text_);
    } catch (const json::parse_error& e) {
        // Name the line and column of the byte where parsing stopped.
        const std::size_t byte = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text_.size());
        const auto before = text_.substr(0, byte);
        const auto line = 1 + std::count(before.begin(), before.end(), '\n');
        const auto lastNewline = before.rfind('\n');
        const auto column = byte - (lastNewline == std::string_view::npos ? 0 : lastNewline + 1) + 1;
        std::string what = e.what();
        if (auto colon = what.rfind(": "); colon != std::string::npos)
            what = what.substr(colon + 2);
        fail(source, "", fmt::format("line {} column {}: not valid JSON ({})", line, column, what));
    }
    if (!document.is_object())
        fail(source, "", "must be a JSON object with \"version\" and \"regions\"");
    onlyKnownFields(document, {"format", "version", "regions"}, source, "");
    if (auto f = document.find("format"); f != document.end() && *f != "securebase-blur-regions")
        fail(source, "/format", "must be \"securebase-blur-regions\"");
    auto version = document.find("version");
    if (version == document.end())
        fail(source, "/version", "missing");
    if (!version->is_number_integer())
        fail(source, "/version", "must be an integer");
    if (version->get<long long>() != kFormatVersion)
        fail(source, "/version",
             fmt::format("version {} is not known (this SecureBase reads version {})",
                         version->get<long long>(), kFormatVersion));
    auto list = document.find("regions");
    if (list == document.end())
        fail(source, "/regions", "missing");
    if (!list->is_array())
        fail(source, "/regions", "must be an array");

    BlurRegions result;
    std::set<std::string> ids;
    for (std::size_t r = 0; r < list->size(); ++r) {
        const json& item = (*list)[r];
        const std::string pointer = fmt::format("/regions/{}", r);
        if (!item.is_object())
            fail(source, pointer, "must be an object");
        onlyKnownFields(item, {"id", "label", "shape", "media", "start", "end", "keyframes"}, source,
                        pointer);
        BlurRegion region;
        region.id = text(item, "id", source, pointer, true);
        if (!ids.insert(region.id).second)
            fail(source, pointer + "/id", fmt::format("\"{}\" is used by another region", region.id));
        region.label = text(item, "label", source, pointer, false);
        const std::string shape = text(item, "shape", source, pointer, false);
        if (shape.empty() || shape == "rectangle")
            region.shape = RegionShape::Rectangle;
        else if (shape == "ellipse")
            region.shape = RegionShape::Ellipse;
        else
            fail(source, pointer + "/shape",
                 fmt::format("\"{}\" is not \"rectangle\" or \"ellipse\"", shape));
        region.media = text(item, "media", source, pointer, false);

        auto keys = item.find("keyframes");
        if (keys == item.end())
            fail(source, pointer + "/keyframes", "missing");
        if (!keys->is_array())
            fail(source, pointer + "/keyframes", "must be an array");
        for (std::size_t k = 0; k < keys->size(); ++k) {
            const json& key = (*keys)[k];
            const std::string at = fmt::format("{}/keyframes/{}", pointer, k);
            if (!key.is_object())
                fail(source, at, "must be an object");
            onlyKnownFields(key, {"time", "x", "y", "width", "height"}, source, at);
            RegionKeyframe frame;
            frame.time = seconds(key, "time", source, at);
            frame.x = number(key, "x", source, at, true);
            frame.y = number(key, "y", source, at, true);
            frame.width = number(key, "width", source, at, true);
            frame.height = number(key, "height", source, at, true);
            region.keyframes.push_back(frame);
        }
        if (region.keyframes.empty())
            fail(source, pointer + "/keyframes", "needs at least one keyframe");
        region.start =
            item.contains("start") ? seconds(item, "start", source, pointer) : region.keyframes.front().time;
        region.end =
            item.contains("end") ? seconds(item, "end", source, pointer) : region.keyframes.back().time;
        checkRegion(region, source, pointer);
        result.regions.push_back(std::move(region));
    }
    return result;
}

BlurRegions BlurRegions::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw codecs::MediaError(file, kStage, "cannot open the file");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
        throw codecs::MediaError(file, kStage, "cannot read the file");
    return fromJson(content.str(), file);
}

void BlurRegions::validate(const std::filesystem::path& source) const {
    std::set<std::string> ids;
    for (std::size_t r = 0; r < regions.size(); ++r) {
        const std::string pointer = fmt::format("/regions/{}", r);
        if (!ids.insert(regions[r].id).second)
            fail(source, pointer + "/id", fmt::format("\"{}\" is used by another region", regions[r].id));
        checkRegion(regions[r], source, pointer);
    }
}

std::string BlurRegions::toJson() const {
    json list = json::array();
    for (const BlurRegion& region : regions) {
        json item;
        item["id"] = region.id;
        if (!region.label.empty())
            item["label"] = region.label;
        item["shape"] = region.shape == RegionShape::Ellipse ? "ellipse" : "rectangle";
        if (!region.media.empty())
            item["media"] = region.media;
        item["start"] = secondsOf(region.start);
        item["end"] = secondsOf(region.end);
        json keys = json::array();
        for (const RegionKeyframe& k : region.keyframes)
            keys.push_back({{"time", secondsOf(k.time)},
                            {"x", k.x},
                            {"y", k.y},
                            {"width", k.width},
                            {"height", k.height}});
        item["keyframes"] = std::move(keys);
        list.push_back(std::move(item));
    }
    json document;
    document["format"] = "securebase-blur-regions";
    document["version"] = kFormatVersion;
    document["regions"] = std::move(list);
    return document.dump(2) + "\n";
}

BlurRegions BlurRegions::forMedia(const std::filesystem::path& media) const {
    BlurRegions result;
    const std::string name = media.filename().string();
    for (const BlurRegion& region : regions)
        if (region.media.empty() || region.media == name)
            result.regions.push_back(region);
    return result;
}

std::vector<RegionArea> BlurRegions::at(microseconds t) const {
    std::vector<RegionArea> areas;
    for (const BlurRegion& region : regions)
        if (t >= region.start && t <= region.end)
            areas.push_back(regionAt(region, t));
    return areas;
}

std::vector<RegionArea> BlurRegions::during(microseconds from, microseconds to) const {
    std::vector<RegionArea> areas;
    for (const BlurRegion& region : regions)
        if (region.start < std::max(to, from + microseconds(1)) && region.end >= from)
            areas.push_back(regionAt(region, std::clamp(from, region.start, region.end)));
    return areas;
}

} // namespace sb::vision
