#include "annotation/training/training_criterion.h"

#include "annotation/agreement/report_writer.h"
#include "annotation/seconds_text.h"
#include "schemes/json_line_index.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

namespace sb::annotation {

namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += (text.empty() ? "" : "\n") + line;
    }
    return text;
}

// Collects diagnostics while reading one criterion text.
class CriterionReader {
public:
    // Without a text (a criterion already parsed and stored) diagnostics carry no line.
    CriterionReader(std::string_view text, std::string_view source)
        : index_(text)
        , source_(source)
        , lines_(!text.empty()) {}

    void fail(const std::string& pointer, const std::string& message) {
        const std::string where = lines_ ? fmt::format("{}:{}", source_, index_.lineOf(pointer)) : source_;
        diagnostics_.push_back(fmt::format("{}: {}: {}", where, pointer.empty() ? "/" : pointer, message));
    }
    [[nodiscard]] const std::vector<std::string>& diagnostics() const { return diagnostics_; }
    [[nodiscard]] const std::vector<std::string>& duplicateMembers() const {
        return index_.duplicateMembers();
    }

    // Members not in `known` are errors (a misspelt "minimun" must not silently mean the default).
    void onlyKnown(const json& object, const std::string& pointer,
                   std::initializer_list<std::string_view> known) {
        for (const auto& [name, value] : object.items()) {
            bool found = false;
            for (std::string_view k : known) {
                found = found || k == name;
            }
            if (!found) {
                std::string list;
                for (std::string_view k : known) {
                    list += (list.empty() ? "" : ", ") + std::string(k);
                }
                fail(pointer + "/" + schemes::escapePointerToken(name),
                     fmt::format("unknown member '{}' (expected {})", name, list));
            }
        }
    }

    std::optional<double> number(const json& object, const std::string& pointer, const char* name, double low,
                                 double high, const char* range) {
        const std::string at = pointer + "/" + name;
        if (!object.contains(name)) {
            return std::nullopt;
        }
        const json& value = object.at(name);
        if (!value.is_number()) {
            fail(at, fmt::format("must be a number {}", range));
            return std::nullopt;
        }
        const double v = value.get<double>();
        if (!(v >= low && v <= high)) {
            fail(at, fmt::format("{} is out of range: must be {}", agreementText(v), range));
            return std::nullopt;
        }
        return v;
    }

    std::optional<int> count(const json& object, const std::string& pointer, const char* name, int low) {
        const std::string at = pointer + "/" + name;
        if (!object.contains(name)) {
            return std::nullopt;
        }
        const json& value = object.at(name);
        if (!value.is_number_integer() || value.get<long long>() < low ||
            value.get<long long>() > 1'000'000) {
            fail(at, fmt::format("must be a whole number, {} or more", low));
            return std::nullopt;
        }
        return static_cast<int>(value.get<long long>());
    }

    std::optional<Microseconds> seconds(const json& object, const std::string& pointer, const char* name,
                                        bool positive) {
        const std::string at = pointer + "/" + name;
        if (!object.contains(name)) {
            return std::nullopt;
        }
        const json& value = object.at(name);
        const double s = value.is_number() ? value.get<double>() : -1;
        const double us = s * 1e6;
        if (!value.is_number() || !(s >= 0) || (positive && s == 0) || s > 86400.0 * 365 ||
            std::abs(us - std::round(us)) > 1e-3) {
            fail(at, fmt::format("must be a number of seconds {} (at most 6 decimals)",
                                 positive ? "greater than 0" : "0 or more"));
            return std::nullopt;
        }
        return Microseconds{static_cast<std::int64_t>(std::llround(us))};
    }

    std::vector<std::string> ids(const json& object, const std::string& pointer, const char* name) {
        std::vector<std::string> out;
        if (!object.contains(name)) {
            return out;
        }
        const json& value = object.at(name);
        const std::string at = pointer + "/" + name;
        if (!value.is_array() || value.empty()) {
            fail(at, "must be a non-empty array of ids (leave it out to mean every one)");
            return out;
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (!value[i].is_string() || value[i].get<std::string>().empty()) {
                fail(fmt::format("{}/{}", at, i), "must be a non-empty string (an id of the scheme)");
                continue;
            }
            const std::string id = value[i].get<std::string>();
            if (!seen.insert(id).second) {
                fail(fmt::format("{}/{}", at, i), fmt::format("'{}' is listed twice", id));
                continue;
            }
            out.push_back(id);
        }
        return out;
    }

    static std::string agreementText(double v) { return decimalText(v); }

private:
    schemes::JsonLineIndex index_;
    std::string source_;
    bool lines_ = true;
    std::vector<std::string> diagnostics_;
};

KappaRequirement readKappa(CriterionReader& reader, const json& item, const std::string& at) {
    KappaRequirement r;
    reader.onlyKnown(item, at, {"per", "groups", "codes", "minimum", "unit", "tolerance", "tapes"});
    if (!item.contains("per") || !item.at("per").is_string()) {
        reader.fail(at + "/per", "required: \"group\", \"code\" or \"overall\"");
    } else {
        const std::string per = item.at("per").get<std::string>();
        if (per == "group") {
            r.per = KappaRequirement::Per::Group;
        } else if (per == "code") {
            r.per = KappaRequirement::Per::Code;
        } else if (per == "overall") {
            r.per = KappaRequirement::Per::Overall;
        } else {
            reader.fail(at + "/per", fmt::format("'{}' is not \"group\", \"code\" or \"overall\"", per));
        }
    }
    if (r.per == KappaRequirement::Per::Group) {
        r.ids = reader.ids(item, at, "groups");
        if (item.contains("codes")) {
            reader.fail(at + "/codes", "\"codes\" goes with \"per\": \"code\"; here use \"groups\"");
        }
    } else if (r.per == KappaRequirement::Per::Code) {
        r.ids = reader.ids(item, at, "codes");
        if (item.contains("groups")) {
            reader.fail(at + "/groups", "\"groups\" goes with \"per\": \"group\"; here use \"codes\"");
        }
    } else {
        for (const char* name : {"groups", "codes"}) {
            if (item.contains(name)) {
                reader.fail(at + "/" + name, "an overall kappa takes every stream: leave the ids out");
            }
        }
    }
    if (!item.contains("minimum")) {
        reader.fail(at + "/minimum", "required: the lowest acceptable kappa, a number from -1 to 1");
    }
    r.minimum = reader.number(item, at, "minimum", -1, 1, "from -1 to 1").value_or(r.minimum);
    r.unit = reader.seconds(item, at, "unit", true).value_or(r.unit);
    r.tolerance = reader.seconds(item, at, "tolerance", false).value_or(r.tolerance);
    if (r.unit > Microseconds{0} && r.tolerance % r.unit != Microseconds{0}) {
        reader.fail(at + "/tolerance", fmt::format("{} s is not a whole number of {} s units",
                                                   formatSeconds(r.tolerance), formatSeconds(r.unit)));
    }
    r.tapes = reader.count(item, at, "tapes", 1);
    return r;
}

ScaleRequirement readScale(CriterionReader& reader, const json& item, const std::string& at) {
    ScaleRequirement r;
    reader.onlyKnown(item, at, {"per", "scales", "within", "minimumPercent", "tapes"});
    r.scales = reader.ids(item, at, "scales");
    if (item.contains("per")) {
        const json& per = item.at("per");
        if (per.is_string() && (per.get<std::string>() == "scale" || per.get<std::string>() == "all")) {
            r.perScale = per.get<std::string>() == "scale";
        } else {
            reader.fail(at + "/per",
                        "must be \"all\" (the scales' episodes pooled) or \"scale\" (each scale)");
        }
    }
    if (!item.contains("within")) {
        reader.fail(at + "/within", "required: how many points from gold still count (0 = the same score)");
    }
    r.within = reader.count(item, at, "within", 0).value_or(r.within);
    if (!item.contains("minimumPercent")) {
        reader.fail(at + "/minimumPercent", "required: the share of episodes, a number from 0 to 100");
    }
    r.minimumPercent =
        reader.number(item, at, "minimumPercent", 0, 100, "from 0 to 100").value_or(r.minimumPercent);
    r.tapes = reader.count(item, at, "tapes", 1);
    return r;
}

JudgementRequirement readJudgement(CriterionReader& reader, const json& item, const std::string& at) {
    JudgementRequirement r;
    reader.onlyKnown(item, at, {"judgement", "level", "atLeast", "of"});
    if (!item.contains("judgement") || !item.at("judgement").is_string() ||
        item.at("judgement").get<std::string>().empty()) {
        reader.fail(at + "/judgement", "required: the id of a category judgement of the scheme");
    } else {
        r.judgement = item.at("judgement").get<std::string>();
    }
    if (item.contains("level")) {
        const json& level = item.at("level");
        if (level.is_string() && (level.get<std::string>() == "main" || level.get<std::string>() == "sub")) {
            r.mainLevel = level.get<std::string>() == "main";
        } else {
            reader.fail(at + "/level", "must be \"sub\" (the option chosen) or \"main\" (its main category)");
        }
    }
    if (!item.contains("atLeast")) {
        reader.fail(at + "/atLeast", "required: on how many tapes the answer must equal gold's");
    }
    r.atLeast = reader.count(item, at, "atLeast", 1).value_or(r.atLeast);
    r.of = reader.count(item, at, "of", 1);
    if (r.of && *r.of < r.atLeast) {
        reader.fail(at + "/of",
                    fmt::format("{} of {} tapes: \"atLeast\" is more than \"of\"", r.atLeast, *r.of));
    }
    return r;
}

template <typename Requirement, typename Read>
std::vector<Requirement> readList(CriterionReader& reader, const json& root, const char* name, Read read) {
    std::vector<Requirement> out;
    if (!root.contains(name)) {
        return out;
    }
    const json& list = root.at(name);
    const std::string at = std::string("/") + name;
    if (!list.is_array()) {
        reader.fail(at, "must be an array of requirements");
        return out;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string itemAt = fmt::format("{}/{}", at, i);
        if (!list[i].is_object()) {
            reader.fail(itemAt, "must be an object");
            continue;
        }
        out.push_back(read(reader, list[i], itemAt));
    }
    return out;
}

std::string secondsText(Microseconds t) {
    return formatSeconds(t) + " s";
}

std::string tapesText(const std::optional<int>& tapes) {
    return tapes ? fmt::format("on at least {} tape{}", *tapes, *tapes == 1 ? "" : "s") : "on every tape";
}

std::string idList(const std::vector<std::string>& ids, const char* every) {
    if (ids.empty()) {
        return every;
    }
    std::string text;
    for (const std::string& id : ids) {
        text += (text.empty() ? "" : ", ") + id;
    }
    return text;
}

} // namespace

CriterionError::CriterionError(std::vector<std::string> diagnostics)
    : std::runtime_error(joined(diagnostics))
    , diagnostics_(std::move(diagnostics)) {}

std::string_view perName(KappaRequirement::Per per) {
    switch (per) {
    case KappaRequirement::Per::Group:
        return "group";
    case KappaRequirement::Per::Code:
        return "code";
    case KappaRequirement::Per::Overall:
        return "overall";
    }
    return "group";
}

TrainingCriterion parseCriterion(std::string_view text, std::string_view source) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        const auto where = schemes::positionAt(text, e.byte == 0 ? 0 : e.byte - 1);
        throw CriterionError(
            {fmt::format("{}:{}:{}: not valid JSON: {}", source, where.line, where.column, e.what())});
    }
    CriterionReader reader(text, source);
    TrainingCriterion criterion;
    if (!root.is_object()) {
        reader.fail("",
                    "a criterion is a JSON object with \"timeUnitKappa\", \"scales\" and/or \"judgements\"");
        throw CriterionError(reader.diagnostics());
    }
    for (const std::string& duplicate : std::vector<std::string>(reader.duplicateMembers())) {
        reader.fail(duplicate, "this member is given twice");
    }
    reader.onlyKnown(root, "", {"timeUnitKappa", "scales", "judgements"});
    criterion.kappa = readList<KappaRequirement>(reader, root, "timeUnitKappa", readKappa);
    criterion.scales = readList<ScaleRequirement>(reader, root, "scales", readScale);
    criterion.judgements = readList<JudgementRequirement>(reader, root, "judgements", readJudgement);
    if (reader.diagnostics().empty() && criterion.kappa.empty() && criterion.scales.empty() &&
        criterion.judgements.empty()) {
        reader.fail("", "the criterion asks for nothing: give at least one requirement in \"timeUnitKappa\", "
                        "\"scales\" or \"judgements\"");
    }
    if (!reader.diagnostics().empty()) {
        throw CriterionError(reader.diagnostics());
    }
    return criterion;
}

nlohmann::json toJson(const TrainingCriterion& criterion) {
    json out = json::object();
    if (!criterion.kappa.empty()) {
        json list = json::array();
        for (const KappaRequirement& r : criterion.kappa) {
            json item = {{"per", perName(r.per)},
                         {"minimum", r.minimum},
                         {"unit", static_cast<double>(r.unit.count()) / 1e6},
                         {"tolerance", static_cast<double>(r.tolerance.count()) / 1e6}};
            if (r.per == KappaRequirement::Per::Group && !r.ids.empty()) {
                item["groups"] = r.ids;
            }
            if (r.per == KappaRequirement::Per::Code && !r.ids.empty()) {
                item["codes"] = r.ids;
            }
            if (r.tapes) {
                item["tapes"] = *r.tapes;
            }
            list.push_back(std::move(item));
        }
        out["timeUnitKappa"] = std::move(list);
    }
    if (!criterion.scales.empty()) {
        json list = json::array();
        for (const ScaleRequirement& r : criterion.scales) {
            json item = {{"per", r.perScale ? "scale" : "all"},
                         {"within", r.within},
                         {"minimumPercent", r.minimumPercent}};
            if (!r.scales.empty()) {
                item["scales"] = r.scales;
            }
            if (r.tapes) {
                item["tapes"] = *r.tapes;
            }
            list.push_back(std::move(item));
        }
        out["scales"] = std::move(list);
    }
    if (!criterion.judgements.empty()) {
        json list = json::array();
        for (const JudgementRequirement& r : criterion.judgements) {
            json item = {
                {"judgement", r.judgement}, {"level", r.mainLevel ? "main" : "sub"}, {"atLeast", r.atLeast}};
            if (r.of) {
                item["of"] = *r.of;
            }
            list.push_back(std::move(item));
        }
        out["judgements"] = std::move(list);
    }
    return out;
}

void validateCriterion(const TrainingCriterion& criterion, const schemes::CodingScheme& scheme,
                       std::size_t tapes, std::string_view source, std::string_view text) {
    CriterionReader reader(text, source);
    const std::string schemeName = fmt::format("scheme {} {}", scheme.id, scheme.version);
    const auto checkTapes = [&](const std::optional<int>& wanted, const std::string& at) {
        if (wanted && static_cast<std::size_t>(*wanted) > tapes) {
            reader.fail(at, fmt::format("asks for {} tapes but the training set has {}", *wanted, tapes));
        }
    };
    for (std::size_t i = 0; i < criterion.kappa.size(); ++i) {
        const KappaRequirement& r = criterion.kappa[i];
        const std::string at = fmt::format("/timeUnitKappa/{}", i);
        for (std::size_t j = 0; j < r.ids.size(); ++j) {
            if (r.per == KappaRequirement::Per::Group && scheme.group(r.ids[j]) == nullptr) {
                reader.fail(fmt::format("{}/groups/{}", at, j),
                            fmt::format("no exclusive group '{}' in {}", r.ids[j], schemeName));
            }
            if (r.per == KappaRequirement::Per::Code && scheme.code(r.ids[j]) == nullptr) {
                reader.fail(fmt::format("{}/codes/{}", at, j),
                            fmt::format("no code '{}' in {}", r.ids[j], schemeName));
            }
        }
        if (r.per == KappaRequirement::Per::Group && r.ids.empty() && scheme.groups.empty()) {
            reader.fail(at + "/per", fmt::format("{} has no exclusive groups: use \"per\": \"code\" or "
                                                 "\"overall\"",
                                                 schemeName));
        }
        checkTapes(r.tapes, at + "/tapes");
    }
    for (std::size_t i = 0; i < criterion.scales.size(); ++i) {
        const ScaleRequirement& r = criterion.scales[i];
        const std::string at = fmt::format("/scales/{}", i);
        for (std::size_t j = 0; j < r.scales.size(); ++j) {
            if (scheme.scale(r.scales[j]) == nullptr) {
                reader.fail(fmt::format("{}/scales/{}", at, j),
                            fmt::format("no scale '{}' in {}", r.scales[j], schemeName));
            }
        }
        if (r.scales.empty() && scheme.scales.empty()) {
            reader.fail(at, fmt::format("{} has no scales", schemeName));
        }
        checkTapes(r.tapes, at + "/tapes");
    }
    for (std::size_t i = 0; i < criterion.judgements.size(); ++i) {
        const JudgementRequirement& r = criterion.judgements[i];
        const std::string at = fmt::format("/judgements/{}", i);
        const schemes::Judgement* judgement = scheme.judgement(r.judgement);
        if (judgement == nullptr) {
            reader.fail(at + "/judgement", fmt::format("no judgement '{}' in {}", r.judgement, schemeName));
        } else if (judgement->kind != schemes::JudgementKind::Category || judgement->multiple) {
            reader.fail(
                at + "/judgement",
                fmt::format("judgement '{}' is not a category judgement with one answer", r.judgement));
        } else if (r.mainLevel) {
            bool hierarchical = false;
            for (const schemes::JudgementOption& option : judgement->options) {
                hierarchical = hierarchical || !option.parentId.empty();
            }
            if (!hierarchical) {
                reader.fail(at + "/level",
                            fmt::format("judgement '{}' has no main categories (no option has a "
                                        "parent): use \"sub\"",
                                        r.judgement));
            }
        }
        if (static_cast<std::size_t>(r.atLeast) > tapes) {
            reader.fail(at + "/atLeast",
                        fmt::format("asks for {} tapes but the training set has {}", r.atLeast, tapes));
        }
        if (r.of && static_cast<std::size_t>(*r.of) != tapes) {
            reader.fail(at + "/of", fmt::format("says {} tapes but the training set has {}", *r.of, tapes));
        }
    }
    if (!reader.diagnostics().empty()) {
        throw CriterionError(reader.diagnostics());
    }
}

std::vector<std::string> describe(const TrainingCriterion& criterion) {
    std::vector<std::string> lines;
    for (const KappaRequirement& r : criterion.kappa) {
        std::string what;
        switch (r.per) {
        case KappaRequirement::Per::Group:
            what = "per exclusive group (" + idList(r.ids, "every group coded") + ")";
            break;
        case KappaRequirement::Per::Code:
            what = "per code (" + idList(r.ids, "every code coded") + ")";
            break;
        case KappaRequirement::Per::Overall:
            what = "overall (mean over the streams)";
            break;
        }
        lines.push_back(fmt::format("time-unit kappa \u2265 {} {} with {} units and \u00b1{} tolerance, {}",
                                    decimalText(r.minimum), what, secondsText(r.unit),
                                    secondsText(r.tolerance), tapesText(r.tapes)));
    }
    for (const ScaleRequirement& r : criterion.scales) {
        lines.push_back(fmt::format(
            "scale scores ({}) within {} point{} of gold on at least {} % of the episodes{}, {}",
            idList(r.scales, "every scale"), r.within, r.within == 1 ? "" : "s",
            decimalText(r.minimumPercent), r.perScale ? " of each scale" : "", tapesText(r.tapes)));
    }
    for (const JudgementRequirement& r : criterion.judgements) {
        lines.push_back(fmt::format("the same {} as gold{} on at least {}{} tape{}", r.judgement,
                                    r.mainLevel ? " (main category)" : "", r.atLeast,
                                    r.of ? fmt::format(" of {}", *r.of) : "",
                                    r.atLeast == 1 && !r.of ? "" : "s"));
    }
    return lines;
}

} // namespace sb::annotation
