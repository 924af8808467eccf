#pragma once
// The coding-scheme model: what a lab's scheme file says, as plain data.
//
// A scheme is data, never code: the loader (scheme_loader.h) builds a CodingScheme from
// JSON and the validator reports every problem with the file, JSON path and line. Nothing
// here knows about media, annotations or Qt. Ids are ASCII and stable; labels are Unicode
// text that may carry translations.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::schemes {

// A label or description, as a plain string or with translations ({"en": …, "fa": …}).
struct LocalizedText {
    std::string text;                                // the source (English or the only) text
    std::map<std::string, std::string> translations; // language code -> text, may be empty

    // The text in `language` when it has one ("pt-BR" falls back to "pt"), else the source text.
    [[nodiscard]] const std::string& in(std::string_view language) const;
    [[nodiscard]] bool empty() const { return text.empty() && translations.empty(); }
};

// 0xRRGGBB. Parsed from "#rrggbb", "#rgb" or a CSS/SVG colour name.
struct Colour {
    std::uint32_t rgb = 0x808080;
    [[nodiscard]] std::string hex() const; // "#rrggbb"
    friend bool operator==(const Colour&, const Colour&) = default;
};

enum class CodeKind { State, Point };

// A behaviour the coder tags on the timeline.
struct Code {
    std::string id;
    LocalizedText label;
    LocalizedText description;
    Colour colour;
    // Key binding as typed in the file ("p", "shift+p", "F2"); may be empty. Compare keys with
    // normaliseKey (key_binding.h): "shift+p" and "Shift+P" are one key.
    std::string key;
    CodeKind kind = CodeKind::State;
    std::vector<std::string> modifierIds; // modifier sets attached to this code
    std::vector<std::string> subjectIds;  // subjects it may apply to; empty = any subject
};

struct Subject {
    std::string id;
    LocalizedText label;
    std::string key;
    Colour colour;
    LocalizedText description;
};

// Extra values attached to an annotation: a choice among values, free text or a number.
// Value keys are pressed in the modifier prompt, not on the main keyboard, so they only
// need to be unique within their set.
struct ModifierValue {
    std::string id;
    LocalizedText label;
    std::string key;
};

enum class ModifierKind { Choice, Text, Number };

struct ModifierSet {
    std::string id;
    LocalizedText label;
    ModifierKind kind = ModifierKind::Choice;
    std::vector<ModifierValue> values; // for Choice
    bool required = false;
    LocalizedText description;
    std::optional<double> min, max; // for Number: the accepted range, when the file gives one
};

// Codes within a group never overlap for the same subject: starting one ends the other.
// An exhaustive group covers the whole session (one of its codes is always active).
struct ExclusiveGroup {
    std::string id;
    LocalizedText label;
    std::vector<std::string> codeIds;
    bool exhaustive = false;
};

// A named phase of a session, e.g. the eight Strange Situation episodes.
struct Segment {
    std::string id;
    LocalizedText label;
    LocalizedText description;
    std::optional<std::chrono::microseconds> nominalDuration;
    std::vector<std::string> presentSubjectIds;
    // The procedure allows cutting it short (SSP separations when the infant is very
    // distressed) or lengthening it (reunions until the infant settles); coders then record
    // the real bounds and the session flags the change.
    bool curtailable = false;
    bool extendable = false;
};

struct ScaleAnchor {
    int value = 0;
    LocalizedText label;
    LocalizedText description;
};

// Where a scale is scored: in these segments (empty = every segment), toward this subject
// (empty = no target). Ainsworth's scales are rated toward the caregiver in some episodes
// and toward the stranger in others.
struct ScaleApplication {
    std::vector<std::string> segmentIds;
    std::string targetSubjectId;
};

// An ordinal rating scale scored per segment, with an anchor description per point.
struct Scale {
    std::string id;
    LocalizedText label;
    LocalizedText description;
    int min = 1;
    int max = 7;
    std::vector<ScaleAnchor> anchors;
    std::vector<ScaleApplication> appliesTo; // empty = every segment, no target
};

// An option of a categorical session judgement; `parentId` makes a hierarchy
// (B3 under B), so agreement can be computed at the main- and the sub-category level.
struct JudgementOption {
    std::string id;
    LocalizedText label;
    LocalizedText description;
    std::string parentId;
};

enum class JudgementKind { Category, Rating, Text };

// A judgement that is only asked for after certain answers to another one: the forced
// (alternative) ABC classification is required when the primary one is D or CC.
struct JudgementCondition {
    std::string judgementId;
    std::vector<std::string> optionIds; // any of these
};

// A session-level judgement: the A/B/C/D classification, a 1–9 disorganisation rating, …
struct Judgement {
    std::string id;
    LocalizedText label;
    LocalizedText description;
    JudgementKind kind = JudgementKind::Category;
    std::vector<JudgementOption> options; // Category
    int min = 1, max = 9;                 // Rating
    std::vector<ScaleAnchor> anchors;     // Rating
    bool required = false;
    bool multiple = false; // Category: several options may be picked (D index groups)
    std::optional<JudgementCondition> requiredWhen; // required only after these answers
};

class CodingScheme {
public:
    std::string id; // stable ASCII id of the scheme ("strange-situation")
    LocalizedText name;
    std::string version; // the author's version string ("1.2.0")
    LocalizedText description;
    std::vector<std::string> sources;   // published sources the content was written from
    std::vector<std::string> languages; // languages the labels are given in, the source language first
    int formatVersion = 1;              // of the file format (docs/scheme-format.md)

    std::vector<Code> codes;
    std::vector<Subject> subjects;
    std::vector<ModifierSet> modifiers;
    std::vector<ExclusiveGroup> groups;
    std::vector<Segment> segments;
    // Instead of named segments, the session is cut into windows of this length (3RS: 5 min)
    // and scales are scored per window.
    std::optional<std::chrono::microseconds> segmentWindow;
    std::vector<Scale> scales;
    std::vector<Judgement> judgements;

    // Lookups by id; nullptr when absent.
    [[nodiscard]] const Code* code(std::string_view id) const;
    [[nodiscard]] const Subject* subject(std::string_view id) const;
    [[nodiscard]] const ModifierSet* modifier(std::string_view id) const;
    [[nodiscard]] const ExclusiveGroup* group(std::string_view id) const;
    [[nodiscard]] const Segment* segment(std::string_view id) const;
    [[nodiscard]] const Scale* scale(std::string_view id) const;
    [[nodiscard]] const Judgement* judgement(std::string_view id) const;

    // The exclusive group a code belongs to, nullptr when it is in none.
    [[nodiscard]] const ExclusiveGroup* groupOf(std::string_view codeId) const;

    // The language plain-string labels are written in: the first of `languages`, else "en".
    [[nodiscard]] std::string_view sourceLanguage() const;
};

} // namespace sb::schemes
