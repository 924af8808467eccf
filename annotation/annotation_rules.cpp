#include "annotation/annotation_rules.h"

#include "annotation/project_error.h"
#include "annotation/project_store.h"
#include "annotation/seconds_text.h"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>

namespace sb::annotation {

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string joined(const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) {
        text += text.empty() ? "" : ", ";
        text += id;
    }
    return text;
}

// A plain decimal number: what a Number modifier holds.
std::optional<double> parseNumber(const std::string& text) {
    std::size_t i = text.starts_with('-') ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits = true;
        } else if (text[i] == '.' && !dot) {
            dot = true;
        } else {
            return std::nullopt;
        }
    }
    if (!digits) {
        return std::nullopt;
    }
    // from_chars ignores the C locale, which Qt sets from the environment ("1,5" locales).
    double number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number;
}

std::optional<std::string> modifierProblem(const schemes::CodingScheme& scheme, const schemes::Code& code,
                                           const std::string& setId, const std::string& value) {
    const auto* set = scheme.modifier(setId);
    if (set == nullptr) {
        return fmt::format("unknown modifier set '{}'", setId);
    }
    if (!contains(code.modifierIds, setId)) {
        return fmt::format("modifier set '{}' does not apply to code '{}'", setId, code.id);
    }
    if (value.empty()) {
        return fmt::format("modifier '{}' has an empty value (leave the modifier out instead)", setId);
    }
    switch (set->kind) {
    case schemes::ModifierKind::Choice: {
        const bool known = std::any_of(set->values.begin(), set->values.end(),
                                       [&](const schemes::ModifierValue& v) { return v.id == value; });
        if (!known) {
            std::vector<std::string> ids;
            for (const auto& v : set->values) {
                ids.push_back(v.id);
            }
            return fmt::format("'{}' is not a value of modifier '{}' (one of: {})", value, setId,
                               joined(ids));
        }
        break;
    }
    case schemes::ModifierKind::Number: {
        const auto number = parseNumber(value);
        if (!number) {
            return fmt::format("modifier '{}' needs a number, not '{}'", setId, value);
        }
        if ((set->min && *number < *set->min) || (set->max && *number > *set->max)) {
            return fmt::format("modifier '{}' is {}, outside its range {}–{}", setId, value,
                               set->min ? fmt::format("{}", *set->min) : "",
                               set->max ? fmt::format("{}", *set->max) : "");
        }
        break;
    }
    case schemes::ModifierKind::Text:
        break;
    }
    return std::nullopt;
}

std::string span(const Annotation& a) {
    return a.end ? fmt::format("{}–{} s", formatSeconds(a.start), formatSeconds(*a.end))
                 : fmt::format("{} s", formatSeconds(a.start));
}

} // namespace

std::optional<std::string> annotationProblem(const schemes::CodingScheme& scheme,
                                             const Annotation& annotation) {
    const auto* code = scheme.code(annotation.code);
    if (code == nullptr) {
        return fmt::format("unknown code '{}' (not in scheme {} {})", annotation.code, scheme.id,
                           scheme.version);
    }
    if (code->kind == schemes::CodeKind::Point && annotation.end) {
        return fmt::format("code '{}' is a point event and takes no end time", code->id);
    }
    if (code->kind == schemes::CodeKind::State) {
        if (!annotation.end) {
            return fmt::format("code '{}' is a state and needs an end time", code->id);
        }
        if (*annotation.end <= annotation.start) {
            return fmt::format("the end ({} s) must come after the start ({} s)",
                               formatSeconds(*annotation.end), formatSeconds(annotation.start));
        }
    }
    if (annotation.subject) {
        if (scheme.subject(*annotation.subject) == nullptr) {
            return fmt::format("unknown subject '{}'", *annotation.subject);
        }
        if (!code->subjectIds.empty() && !contains(code->subjectIds, *annotation.subject)) {
            return fmt::format("code '{}' does not apply to subject '{}' (only to: {})", code->id,
                               *annotation.subject, joined(code->subjectIds));
        }
    } else if (!code->subjectIds.empty()) {
        return fmt::format("code '{}' needs a subject (one of: {})", code->id, joined(code->subjectIds));
    }
    for (const auto& [setId, value] : annotation.modifiers) {
        if (auto problem = modifierProblem(scheme, *code, setId, value)) {
            return problem;
        }
    }
    return std::nullopt;
}

bool sameExclusiveGroup(const schemes::CodingScheme& scheme, const std::string& codeA,
                        const std::string& codeB) {
    const auto* group = scheme.groupOf(codeA);
    return group != nullptr && contains(group->codeIds, codeB);
}

std::vector<Annotation> exclusiveConflicts(ProjectStore& store, const schemes::CodingScheme& scheme,
                                           const Annotation& annotation,
                                           std::span<const AnnotationId> ignoring) {
    if (annotation.isPoint() || scheme.groupOf(annotation.code) == nullptr) {
        return {};
    }
    // Internal bookkeeping over the author's own work, so whole-project access is right here.
    AnnotationFilter filter{annotation.session, annotation.coder, std::nullopt,
                            std::nullopt,       annotation.start, annotation.end};
    auto overlapping = store.annotations(Viewer::wholeProject(), filter);
    std::erase_if(overlapping, [&](const Annotation& other) {
        return other.isPoint() || other.subject != annotation.subject ||
               !sameExclusiveGroup(scheme, annotation.code, other.code) ||
               std::find(ignoring.begin(), ignoring.end(), other.id) != ignoring.end() ||
               (annotation.id.stored() && other.id == annotation.id);
    });
    return overlapping;
}

std::string describeConflict(const schemes::CodingScheme& scheme, const Annotation& annotation,
                             const Annotation& other) {
    const auto* group = scheme.groupOf(annotation.code);
    return fmt::format("'{}' ({}) would overlap '{}' ({}): both are in exclusive group '{}'{}",
                       annotation.code, span(annotation), other.code, span(other),
                       group != nullptr ? group->id : "",
                       annotation.subject ? fmt::format(" for subject '{}'", *annotation.subject) : "");
}

void checkAnnotation(ProjectStore& store, const schemes::CodingScheme& scheme, const Annotation& annotation,
                     std::span<const AnnotationId> ignoring) {
    if (auto problem = annotationProblem(scheme, annotation)) {
        throw EditRejected(*problem);
    }
    const auto conflicts = exclusiveConflicts(store, scheme, annotation, ignoring);
    if (!conflicts.empty()) {
        throw EditRejected(describeConflict(scheme, annotation, conflicts.front()));
    }
}

std::vector<std::string> missingRequiredModifiers(const schemes::CodingScheme& scheme,
                                                  const Annotation& annotation) {
    std::vector<std::string> missing;
    if (const auto* code = scheme.code(annotation.code)) {
        for (const auto& setId : code->modifierIds) {
            const auto* set = scheme.modifier(setId);
            if (set != nullptr && set->required && !annotation.modifiers.contains(setId)) {
                missing.push_back(setId);
            }
        }
    }
    return missing;
}

} // namespace sb::annotation
