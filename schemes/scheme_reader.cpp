#include "schemes/scheme_reader.h"

#include "schemes/colour.h"
#include "schemes/identifiers.h"
#include "schemes/key_binding.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <map>
#include <set>
#include <string_view>

namespace sb::schemes {

namespace {

using nlohmann::json;

enum class Need { Optional, Required };

std::string member(const std::string& path, std::string_view name) {
    return path + "/" + escapePointerToken(name);
}
std::string element(const std::string& path, std::size_t index) {
    return path + "/" + std::to_string(index);
}

std::string found(const json& value) {
    return fmt::format("found {}", value.type_name());
}

// Fields shared by everything a file contains: the log and the languages labels are in.
struct Context {
    DiagnosticLog& log;
    std::vector<std::string> languages; // as declared; empty when the file declares none
    std::string sourceLanguage = "en";
    std::set<std::string> unknownLanguagesReported; // one warning per unknown language

    // Warns, once per language, about a tag whose language does not exist ("xx").
    void checkKnown(const std::string& language, const std::string& path) {
        if (!isKnownLanguage(language) && unknownLanguagesReported.insert(language).second) {
            log.warning(path, fmt::format("\"{}\" is not a known language: two-letter languages are "
                                          "ISO 639-1 codes (\"en\", \"fa\", \"ku\")",
                                          language));
        }
    }
};

LocalizedText readText(const json& value, const std::string& path, Context& context) {
    LocalizedText text;
    if (value.is_string()) {
        text.text = value.get<std::string>();
        return text;
    }
    if (!value.is_object()) {
        context.log.error(path, fmt::format("expected a string or an object of translations "
                                            "({{\"en\": \"…\", \"fa\": \"…\"}}), {}",
                                            found(value)));
        return text;
    }
    for (const auto& [language, translated] : value.items()) {
        const std::string languagePath = member(path, language);
        if (!isLanguageTag(language)) {
            context.log.error(languagePath, fmt::format("\"{}\" is not a language tag: write e.g. \"en\", "
                                                        "\"fa\" or \"pt-BR\"",
                                                        language));
            continue;
        }
        if (!translated.is_string()) {
            context.log.error(languagePath, fmt::format("expected a string, {}", found(translated)));
            continue;
        }
        context.checkKnown(language, languagePath);
        if (!context.languages.empty() && std::find(context.languages.begin(), context.languages.end(),
                                                    language) == context.languages.end()) {
            context.log.warning(languagePath,
                                fmt::format("language \"{}\" is not listed in /languages", language));
        }
        text.translations[language] = translated.get<std::string>();
    }
    if (const auto it = text.translations.find(context.sourceLanguage); it != text.translations.end()) {
        text.text = it->second;
    } else {
        context.log.error(path,
                          fmt::format("no \"{}\" text: translated text must include the scheme's source "
                                      "language (the first of /languages, else \"en\")",
                                      context.sourceLanguage));
    }
    return text;
}

// One JSON object of the file: typed access to its fields, each problem reported with the
// field's path. Unknown fields are warned about once, on construction.
class ObjectReader {
public:
    ObjectReader(const json& value, std::string path, Context& context,
                 std::initializer_list<std::string_view> known)
        : value_(value)
        , path_(std::move(path))
        , context_(context) {
        if (!value.is_object()) {
            context_.log.error(path_, fmt::format("expected an object, {}", found(value)));
            return;
        }
        isObject_ = true;
        for (const auto& [name, ignored] : value.items()) {
            // "$comment" is the JSON Schema convention for notes in files that have no comments.
            if (name != "$comment" && name != "$schema" &&
                std::find(known.begin(), known.end(), name) == known.end()) {
                context_.log.warning(member(path_, name),
                                     fmt::format("unknown field \"{}\" is ignored", name));
            }
        }
    }

    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] std::string pathOf(std::string_view name) const { return member(path_, name); }
    [[nodiscard]] bool has(std::string_view name) const {
        return isObject_ && value_.contains(std::string(name));
    }

    // The field, or nullptr when it is absent (reported when required).
    [[nodiscard]] const json* find(std::string_view name, Need need) const {
        if (!isObject_) {
            return nullptr;
        }
        const auto it = value_.find(std::string(name));
        if (it == value_.end()) {
            if (need == Need::Required) {
                context_.log.error(path_, fmt::format("missing required field \"{}\"", name));
            }
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> string(std::string_view name, Need need) const {
        const json* value = find(name, need);
        if (value == nullptr) {
            return std::nullopt;
        }
        if (!value->is_string()) {
            context_.log.error(pathOf(name), fmt::format("expected a string, {}", found(*value)));
            return std::nullopt;
        }
        return value->get<std::string>();
    }

    std::string id(std::string_view name = "id", Need need = Need::Required) const {
        auto text = string(name, need);
        if (text && !isSchemeId(*text)) {
            context_.log.error(pathOf(name), fmt::format("\"{}\" is not an id: use ASCII letters, digits, "
                                                         "'_', '.' or '-'",
                                                         *text));
        }
        return text.value_or("");
    }

    LocalizedText text(std::string_view name, Need need) const {
        const json* value = find(name, need);
        if (value == nullptr) {
            return {};
        }
        LocalizedText text = readText(*value, pathOf(name), context_);
        const bool hasSource = value->is_string() || text.translations.contains(context_.sourceLanguage);
        if (need == Need::Required && hasSource && text.text.empty()) {
            context_.log.error(pathOf(name), "must not be empty");
        }
        return text;
    }

    bool flag(std::string_view name) const {
        const json* value = find(name, Need::Optional);
        if (value == nullptr) {
            return false;
        }
        if (!value->is_boolean()) {
            context_.log.error(pathOf(name), fmt::format("expected true or false, {}", found(*value)));
            return false;
        }
        return value->get<bool>();
    }

    std::optional<int> integer(std::string_view name, Need need) const {
        const json* value = find(name, need);
        if (value == nullptr) {
            return std::nullopt;
        }
        if (!value->is_number_integer()) {
            context_.log.error(pathOf(name), fmt::format("expected an integer, {}", found(*value)));
            return std::nullopt;
        }
        const auto number = value->get<long long>();
        if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
            context_.log.error(pathOf(name), fmt::format("{} is out of range", number));
            return std::nullopt;
        }
        return static_cast<int>(number);
    }

    std::optional<double> number(std::string_view name, Need need) const {
        const json* value = find(name, need);
        if (value == nullptr) {
            return std::nullopt;
        }
        if (!value->is_number()) {
            context_.log.error(pathOf(name), fmt::format("expected a number, {}", found(*value)));
            return std::nullopt;
        }
        return value->get<double>();
    }

    // A duration given in seconds.
    std::optional<std::chrono::microseconds> seconds(std::string_view name) const {
        const auto value = number(name, Need::Optional);
        if (!value) {
            return std::nullopt;
        }
        constexpr double kDay = 86400;
        if (!(*value > 0 && *value <= kDay)) {
            context_.log.error(pathOf(name), fmt::format("{} s is not a duration: it must be more than 0 and "
                                                         "at most 86400 s",
                                                         *value));
            return std::nullopt;
        }
        return std::chrono::microseconds(std::llround(*value * 1e6));
    }

    // Calls `read(element, path)` for each element of an array field.
    template <typename Read>
    void forEach(std::string_view name, Need need, Read&& read) const {
        const json* value = find(name, need);
        if (value == nullptr) {
            return;
        }
        if (!value->is_array()) {
            context_.log.error(pathOf(name), fmt::format("expected an array, {}", found(*value)));
            return;
        }
        for (std::size_t i = 0; i < value->size(); ++i) {
            read((*value)[i], element(pathOf(name), i));
        }
    }

    // An array of ids. A broken element stays as "" so later indices still match the file.
    std::vector<std::string> ids(std::string_view name, Need need) const {
        std::vector<std::string> ids;
        forEach(name, need,
                [&](const json& value, const std::string& path) { ids.push_back(idFrom(value, path)); });
        return ids;
    }

    std::vector<std::string> strings(std::string_view name, Need need) const {
        std::vector<std::string> strings;
        forEach(name, need, [&](const json& value, const std::string& path) {
            if (value.is_string()) {
                strings.push_back(value.get<std::string>());
            } else {
                context_.log.error(path, fmt::format("expected a string, {}", found(value)));
                strings.emplace_back();
            }
        });
        return strings;
    }

    Colour colour(std::string_view name) const {
        const auto text = string(name, Need::Optional);
        if (!text) {
            return {};
        }
        const auto colour = parseColour(*text);
        if (!colour) {
            context_.log.error(pathOf(name),
                               fmt::format("\"{}\" is not a colour: write \"#rrggbb\", \"#rgb\" "
                                           "or a CSS colour name",
                                           *text));
            return {};
        }
        return *colour;
    }

    // As written; scheme_checks compares the normalised forms.
    std::string key(std::string_view name) const {
        const auto text = string(name, Need::Optional);
        if (!text) {
            return {};
        }
        if (!normaliseKey(*text)) {
            context_.log.error(pathOf(name), fmt::format("\"{}\" is not a key binding: write e.g. \"p\", "
                                                         "\"Shift+P\", \"F2\" or \"Ctrl+Space\"",
                                                         *text));
        }
        return *text;
    }

    // One of `choices` (a field like "kind"); nothing when absent or unknown.
    template <typename Enum>
    std::optional<Enum> choice(std::string_view name, Need need,
                               std::initializer_list<std::pair<std::string_view, Enum>> choices) const {
        const auto text = string(name, need);
        if (!text) {
            return std::nullopt;
        }
        std::string expected;
        for (const auto& [spelling, value] : choices) {
            if (*text == spelling) {
                return value;
            }
            expected += fmt::format("{}\"{}\"", expected.empty() ? "" : ", ", spelling);
        }
        context_.log.error(pathOf(name),
                           fmt::format("unknown {} \"{}\": expected one of {}", name, *text, expected));
        return std::nullopt;
    }

    [[nodiscard]] Context& context() const { return context_; }

private:
    std::string idFrom(const json& value, const std::string& path) const {
        if (!value.is_string()) {
            context_.log.error(path, fmt::format("expected an id (a string), {}", found(value)));
            return {};
        }
        auto text = value.get<std::string>();
        if (!isSchemeId(text)) {
            context_.log.error(
                path, fmt::format("\"{}\" is not an id: use ASCII letters, digits, '_', '.' or '-'", text));
        }
        return text;
    }

    const json& value_;
    std::string path_;
    Context& context_;
    bool isObject_ = false;
};

// ---- the parts of a scheme, in the order the format documentation gives them ----

Subject readSubject(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context, {"id", "label", "description", "key", "colour"});
    Subject subject;
    subject.id = object.id();
    subject.label = object.text("label", Need::Required);
    subject.description = object.text("description", Need::Optional);
    subject.key = object.key("key");
    subject.colour = object.colour("colour");
    return subject;
}

ModifierValue readModifierValue(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context, {"id", "label", "key"});
    ModifierValue modifierValue;
    modifierValue.id = object.id();
    modifierValue.label = object.text("label", Need::Required);
    modifierValue.key = object.key("key");
    return modifierValue;
}

ModifierSet readModifierSet(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context,
                              {"id", "label", "description", "kind", "values", "required", "min", "max"});
    ModifierSet set;
    set.id = object.id();
    set.label = object.text("label", Need::Required);
    set.description = object.text("description", Need::Optional);
    const auto kind = object.choice<ModifierKind>(
        "kind", Need::Required,
        {{"choice", ModifierKind::Choice}, {"text", ModifierKind::Text}, {"number", ModifierKind::Number}});
    set.kind = kind.value_or(ModifierKind::Choice);
    set.required = object.flag("required");

    if (kind == ModifierKind::Choice) {
        object.forEach("values", Need::Required, [&](const json& item, const std::string& itemPath) {
            set.values.push_back(readModifierValue(item, itemPath, context));
        });
        if (set.values.empty() && object.has("values") && object.find("values", Need::Optional)->is_array()) {
            context.log.error(object.pathOf("values"), "a choice modifier needs at least one value");
        }
    } else if (kind && object.has("values")) {
        context.log.error(object.pathOf("values"), "values are only for \"choice\" modifiers");
    }
    if (kind == ModifierKind::Number) {
        set.min = object.number("min", Need::Optional);
        set.max = object.number("max", Need::Optional);
        if (set.min && set.max && *set.min >= *set.max) {
            context.log.error(object.pathOf("max"),
                              fmt::format("max {} must be greater than min {}", *set.max, *set.min));
        }
    } else if (kind) {
        for (const std::string_view bound : {"min", "max"}) {
            if (object.has(bound)) {
                context.log.error(object.pathOf(bound),
                                  fmt::format("{} is only for \"number\" modifiers", bound));
            }
        }
    }
    return set;
}

Code readCode(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(
        value, path, context,
        {"id", "label", "description", "kind", "key", "colour", "modifiers", "subjects"});
    Code code;
    code.id = object.id();
    code.label = object.text("label", Need::Required);
    code.description = object.text("description", Need::Optional);
    code.kind = object
                    .choice<CodeKind>("kind", Need::Required,
                                      {{"state", CodeKind::State}, {"point", CodeKind::Point}})
                    .value_or(CodeKind::State);
    code.key = object.key("key");
    code.colour = object.colour("colour");
    code.modifierIds = object.ids("modifiers", Need::Optional);
    code.subjectIds = object.ids("subjects", Need::Optional);
    return code;
}

ExclusiveGroup readGroup(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context, {"id", "label", "codes", "exhaustive"});
    ExclusiveGroup group;
    group.id = object.id();
    group.label = object.text("label", Need::Required);
    group.codeIds = object.ids("codes", Need::Required);
    if (group.codeIds.empty() && object.has("codes") && object.find("codes", Need::Optional)->is_array()) {
        context.log.error(object.pathOf("codes"), "an exclusive group needs at least one code");
    }
    group.exhaustive = object.flag("exhaustive");
    return group;
}

Segment readSegment(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(
        value, path, context,
        {"id", "label", "description", "nominalSeconds", "present", "curtailable", "extendable"});
    Segment segment;
    segment.id = object.id();
    segment.label = object.text("label", Need::Required);
    segment.description = object.text("description", Need::Optional);
    segment.nominalDuration = object.seconds("nominalSeconds");
    segment.presentSubjectIds = object.ids("present", Need::Optional);
    segment.curtailable = object.flag("curtailable");
    segment.extendable = object.flag("extendable");
    return segment;
}

ScaleAnchor readAnchor(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context, {"value", "label", "description"});
    ScaleAnchor anchor;
    anchor.value = object.integer("value", Need::Required).value_or(0);
    anchor.label = object.text("label", Need::Optional);
    anchor.description = object.text("description", Need::Optional);
    if (value.is_object() && !object.has("label") && !object.has("description")) {
        context.log.error(path, "an anchor needs a label or a description");
    }
    return anchor;
}

// min, max and anchors of a scale or a rating judgement: min < max, and at least one
// anchor, each inside min..max and none given twice.
void readRating(const ObjectReader& object, int& min, int& max, std::vector<ScaleAnchor>& anchors) {
    Context& context = object.context();
    const auto low = object.integer("min", Need::Required);
    const auto high = object.integer("max", Need::Required);
    min = low.value_or(min);
    max = high.value_or(max);
    const bool rangeOk = low && high && *low < *high;
    if (low && high && !rangeOk) {
        context.log.error(object.pathOf("max"),
                          fmt::format("max {} must be greater than min {}", *high, *low));
    }
    object.forEach("anchors", Need::Required, [&](const json& item, const std::string& itemPath) {
        anchors.push_back(readAnchor(item, itemPath, context));
    });
    if (anchors.empty() && object.has("anchors") && object.find("anchors", Need::Optional)->is_array()) {
        context.log.error(object.pathOf("anchors"), "a rating needs at least one anchor");
    }
    std::map<int, std::size_t> seen;
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        const std::string valuePath = element(object.pathOf("anchors"), i) + "/value";
        const int anchorValue = anchors[i].value;
        const json* anchorJson = &(*object.find("anchors", Need::Optional))[i];
        if (!anchorJson->is_object() || !anchorJson->contains("value") ||
            !(*anchorJson)["value"].is_number_integer()) {
            continue; // already reported
        }
        if (rangeOk && (anchorValue < min || anchorValue > max)) {
            context.log.error(valuePath, fmt::format("anchor {} is outside {}..{}", anchorValue, min, max));
        }
        if (const auto [it, inserted] = seen.emplace(anchorValue, i); !inserted) {
            context.log.error(valuePath, fmt::format("anchor {} is given twice (also {})", anchorValue,
                                                     element(object.pathOf("anchors"), it->second)));
        }
    }
}

ScaleApplication readApplication(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context, {"segments", "target"});
    ScaleApplication application;
    application.segmentIds = object.ids("segments", Need::Optional);
    application.targetSubjectId = object.id("target", Need::Optional);
    return application;
}

Scale readScale(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context,
                              {"id", "label", "description", "min", "max", "anchors", "appliesTo"});
    Scale scale;
    scale.id = object.id();
    scale.label = object.text("label", Need::Required);
    scale.description = object.text("description", Need::Optional);
    readRating(object, scale.min, scale.max, scale.anchors);
    object.forEach("appliesTo", Need::Optional, [&](const json& item, const std::string& itemPath) {
        scale.appliesTo.push_back(readApplication(item, itemPath, context));
    });
    return scale;
}

JudgementOption readOption(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context, {"id", "label", "description", "parent"});
    JudgementOption option;
    option.id = object.id();
    option.label = object.text("label", Need::Required);
    option.description = object.text("description", Need::Optional);
    option.parentId = object.id("parent", Need::Optional);
    return option;
}

JudgementCondition readCondition(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context, {"judgement", "options"});
    JudgementCondition condition;
    condition.judgementId = object.id("judgement", Need::Required);
    condition.optionIds = object.ids("options", Need::Required);
    if (condition.optionIds.empty() && object.has("options") &&
        object.find("options", Need::Optional)->is_array()) {
        context.log.error(object.pathOf("options"), "name at least one option");
    }
    return condition;
}

Judgement readJudgement(const json& value, const std::string& path, Context& context) {
    const ObjectReader object(value, path, context,
                              {"id", "label", "description", "kind", "options", "min", "max", "anchors",
                               "required", "multiple", "requiredWhen"});
    Judgement judgement;
    judgement.id = object.id();
    judgement.label = object.text("label", Need::Required);
    judgement.description = object.text("description", Need::Optional);
    const auto kind = object.choice<JudgementKind>("kind", Need::Required,
                                                   {{"category", JudgementKind::Category},
                                                    {"rating", JudgementKind::Rating},
                                                    {"text", JudgementKind::Text}});
    judgement.kind = kind.value_or(JudgementKind::Category);
    judgement.required = object.flag("required");
    judgement.multiple = object.flag("multiple");

    if (kind == JudgementKind::Category) {
        object.forEach("options", Need::Required, [&](const json& item, const std::string& itemPath) {
            judgement.options.push_back(readOption(item, itemPath, context));
        });
        if (judgement.options.empty() && object.has("options") &&
            object.find("options", Need::Optional)->is_array()) {
            context.log.error(object.pathOf("options"), "a category judgement needs at least one option");
        }
    } else if (kind == JudgementKind::Rating) {
        readRating(object, judgement.min, judgement.max, judgement.anchors);
    }
    if (kind) {
        // Fields of the other kinds would be ignored, which is almost always a slip.
        const auto only = [&](std::string_view field, JudgementKind owner, std::string_view ownerName) {
            if (*kind != owner && object.has(field)) {
                context.log.error(object.pathOf(field),
                                  fmt::format("\"{}\" is only for \"{}\" judgements", field, ownerName));
            }
        };
        only("options", JudgementKind::Category, "category");
        only("multiple", JudgementKind::Category, "category");
        only("min", JudgementKind::Rating, "rating");
        only("max", JudgementKind::Rating, "rating");
        only("anchors", JudgementKind::Rating, "rating");
    }
    if (const json* condition = object.find("requiredWhen", Need::Optional)) {
        judgement.requiredWhen = readCondition(*condition, object.pathOf("requiredWhen"), context);
        if (judgement.required) {
            context.log.error(object.pathOf("requiredWhen"),
                              "give \"required\" or \"requiredWhen\", not both");
        }
    }
    return judgement;
}

void readLanguages(const ObjectReader& root, Context& context) {
    context.languages = root.strings("languages", Need::Optional);
    for (std::size_t i = 0; i < context.languages.size(); ++i) {
        const std::string& language = context.languages[i];
        const std::string path = element("/languages", i);
        if (!isLanguageTag(language)) {
            context.log.error(path, fmt::format("\"{}\" is not a language tag: write e.g. \"en\", \"fa\" or "
                                                "\"pt-BR\"",
                                                language));
        } else {
            context.checkKnown(language, path);
        }
        const auto first = std::find(context.languages.begin(), context.languages.end(), language);
        if (first != context.languages.begin() + static_cast<std::ptrdiff_t>(i)) {
            context.log.error(path, fmt::format("language \"{}\" is listed twice", language));
        }
    }
    if (!context.languages.empty() && !context.languages.front().empty()) {
        context.sourceLanguage = context.languages.front();
    }
}

} // namespace

CodingScheme readScheme(const json& document, DiagnosticLog& log) {
    Context context{log, {}, "en", {}};
    const ObjectReader root(document, "", context,
                            {"formatVersion", "id", "name", "version", "description", "sources", "languages",
                             "subjects", "modifiers", "codes", "groups", "segments", "segmentWindowSeconds",
                             "scales", "judgements"});
    CodingScheme scheme;
    if (const auto version = root.integer("formatVersion", Need::Required)) {
        scheme.formatVersion = *version;
        if (*version > kSchemeFormatVersion) {
            log.error(root.pathOf("formatVersion"),
                      fmt::format("format version {} is newer than this build reads ({}); update SecureBase",
                                  *version, kSchemeFormatVersion));
        } else if (*version < 1) {
            log.error(root.pathOf("formatVersion"), fmt::format("there is no format version {}", *version));
        }
    }
    readLanguages(root, context);
    scheme.languages = context.languages;
    scheme.id = root.id();
    scheme.name = root.text("name", Need::Required);
    scheme.version = root.string("version", Need::Required).value_or("");
    if (root.has("version") && scheme.version.empty() && document["version"].is_string()) {
        log.error(root.pathOf("version"), "must not be empty");
    }
    scheme.description = root.text("description", Need::Optional);
    scheme.sources = root.strings("sources", Need::Optional);

    root.forEach("subjects", Need::Optional, [&](const json& item, const std::string& path) {
        scheme.subjects.push_back(readSubject(item, path, context));
    });
    root.forEach("modifiers", Need::Optional, [&](const json& item, const std::string& path) {
        scheme.modifiers.push_back(readModifierSet(item, path, context));
    });
    root.forEach("codes", Need::Optional, [&](const json& item, const std::string& path) {
        scheme.codes.push_back(readCode(item, path, context));
    });
    root.forEach("groups", Need::Optional, [&](const json& item, const std::string& path) {
        scheme.groups.push_back(readGroup(item, path, context));
    });
    root.forEach("segments", Need::Optional, [&](const json& item, const std::string& path) {
        scheme.segments.push_back(readSegment(item, path, context));
    });
    scheme.segmentWindow = root.seconds("segmentWindowSeconds");
    if (scheme.segmentWindow && !scheme.segments.empty()) {
        log.error(root.pathOf("segmentWindowSeconds"),
                  "a scheme has named segments or a segment window, not both");
    }
    root.forEach("scales", Need::Optional, [&](const json& item, const std::string& path) {
        scheme.scales.push_back(readScale(item, path, context));
    });
    root.forEach("judgements", Need::Optional, [&](const json& item, const std::string& path) {
        scheme.judgements.push_back(readJudgement(item, path, context));
    });
    return scheme;
}

} // namespace sb::schemes
