#include "schemes/scheme_checks.h"

#include "schemes/identifiers.h"
#include "schemes/key_binding.h"

#include <fmt/core.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string_view>

namespace sb::schemes {

namespace {

std::string at(std::string_view base, std::size_t index) {
    return fmt::format("{}/{}", base, index);
}

// Reports ids given twice among `items`; empty ids were already reported by the reader.
template <typename T>
void checkUniqueIds(const std::vector<T>& items, const std::string& base, std::string_view kind,
                    DiagnosticLog& log) {
    std::map<std::string, std::size_t, std::less<>> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id.empty()) {
            continue;
        }
        if (const auto [it, inserted] = seen.emplace(items[i].id, i); !inserted) {
            log.error(at(base, i) + "/id", fmt::format("duplicate {} id \"{}\" (first at {})", kind,
                                                       items[i].id, at(base, it->second)));
        }
    }
}

template <typename T>
std::set<std::string, std::less<>> idsOf(const std::vector<T>& items) {
    std::set<std::string, std::less<>> ids;
    for (const T& item : items) {
        ids.insert(item.id);
    }
    return ids;
}

// Reports each id in `references` that names nothing in `known`.
void checkReferences(const std::vector<std::string>& references,
                     const std::set<std::string, std::less<>>& known, const std::string& base,
                     std::string_view kind, DiagnosticLog& log) {
    for (std::size_t i = 0; i < references.size(); ++i) {
        if (!references[i].empty() && !known.contains(references[i])) {
            log.error(at(base, i), fmt::format("unknown {} \"{}\"", kind, references[i]));
        }
    }
}

// A key as the keyboard sees it, with the first place it was bound.
class KeyBoard {
public:
    explicit KeyBoard(DiagnosticLog& log)
        : log_(log) {}

    void bind(const std::string& typed, const std::string& path) {
        if (typed.empty()) {
            return;
        }
        const auto canonical = normaliseKey(typed);
        if (!canonical) {
            return; // reported by the reader
        }
        if (const auto [it, inserted] = bound_.emplace(*canonical, path); !inserted) {
            log_.error(path, fmt::format("key \"{}\" is bound twice (also {})", typed, it->second));
        }
    }

private:
    DiagnosticLog& log_;
    std::map<std::string, std::string> bound_;
};

void checkKeys(const CodingScheme& scheme, DiagnosticLog& log) {
    // Codes and subjects are chosen from the same keyboard while the video runs.
    KeyBoard keyboard(log);
    for (std::size_t i = 0; i < scheme.subjects.size(); ++i) {
        keyboard.bind(scheme.subjects[i].key, at("/subjects", i) + "/key");
    }
    for (std::size_t i = 0; i < scheme.codes.size(); ++i) {
        keyboard.bind(scheme.codes[i].key, at("/codes", i) + "/key");
    }
    // Modifier values are chosen in their own prompt, so only their set must be unambiguous.
    for (std::size_t m = 0; m < scheme.modifiers.size(); ++m) {
        KeyBoard prompt(log);
        for (std::size_t v = 0; v < scheme.modifiers[m].values.size(); ++v) {
            prompt.bind(scheme.modifiers[m].values[v].key, at(at("/modifiers", m) + "/values", v) + "/key");
        }
    }
}

void checkGroups(const CodingScheme& scheme, const std::set<std::string, std::less<>>& codeIds,
                 DiagnosticLog& log) {
    std::map<std::string, std::size_t> groupOfCode;
    for (std::size_t g = 0; g < scheme.groups.size(); ++g) {
        const ExclusiveGroup& group = scheme.groups[g];
        const std::string base = at("/groups", g) + "/codes";
        checkReferences(group.codeIds, codeIds, base, "code", log);
        std::set<std::string> inThisGroup;
        for (std::size_t i = 0; i < group.codeIds.size(); ++i) {
            const std::string& codeId = group.codeIds[i];
            const Code* code = scheme.code(codeId);
            if (code == nullptr) {
                continue;
            }
            if (!inThisGroup.insert(codeId).second) {
                log.error(at(base, i), fmt::format("code \"{}\" is listed twice in this group", codeId));
                continue;
            }
            // A point has no duration, so there is nothing for the group to keep apart; the
            // alternatives among points belong in a choice modifier.
            if (code->kind == CodeKind::Point) {
                log.error(at(base, i),
                          fmt::format("point code \"{}\" cannot be in an exclusive group: groups "
                                      "hold state codes only (use a choice modifier for kinds of "
                                      "point)",
                                      codeId));
            }
            if (const auto [it, inserted] = groupOfCode.emplace(codeId, g); !inserted) {
                log.error(at(base, i),
                          fmt::format("code \"{}\" is already in exclusive group \"{}\" ({})", codeId,
                                      scheme.groups[it->second].id, at("/groups", it->second)));
            }
        }
    }
}

void checkJudgements(const CodingScheme& scheme, DiagnosticLog& log) {
    for (std::size_t j = 0; j < scheme.judgements.size(); ++j) {
        const Judgement& judgement = scheme.judgements[j];
        const std::string base = at("/judgements", j);
        checkUniqueIds(judgement.options, base + "/options", "option", log);
        const auto optionIds = idsOf(judgement.options);
        std::map<std::string, std::string> parentOf;
        for (std::size_t o = 0; o < judgement.options.size(); ++o) {
            const JudgementOption& option = judgement.options[o];
            if (option.parentId.empty()) {
                continue;
            }
            const std::string path = at(base + "/options", o) + "/parent";
            if (option.parentId == option.id) {
                log.error(path, fmt::format("option \"{}\" cannot be its own parent", option.id));
            } else if (!optionIds.contains(option.parentId)) {
                log.error(path, fmt::format("unknown parent option \"{}\"", option.parentId));
            } else {
                parentOf.emplace(option.id, option.parentId);
            }
        }
        // A hierarchy must end at a top-level option, or agreement by level is undefined.
        for (std::size_t o = 0; o < judgement.options.size(); ++o) {
            std::set<std::string> visited{judgement.options[o].id};
            for (auto it = parentOf.find(judgement.options[o].id); it != parentOf.end();
                 it = parentOf.find(it->second)) {
                if (!visited.insert(it->second).second) {
                    log.error(at(base + "/options", o) + "/parent",
                              fmt::format("option \"{}\" is its own ancestor", judgement.options[o].id));
                    break;
                }
            }
        }
        if (judgement.requiredWhen) {
            const JudgementCondition& condition = *judgement.requiredWhen;
            const std::string conditionPath = base + "/requiredWhen";
            const Judgement* other = scheme.judgement(condition.judgementId);
            if (condition.judgementId.empty()) {
                continue;
            }
            if (other == nullptr) {
                log.error(conditionPath + "/judgement",
                          fmt::format("unknown judgement \"{}\"", condition.judgementId));
            } else if (other == &judgement) {
                log.error(conditionPath + "/judgement", "a judgement cannot depend on itself");
            } else {
                checkReferences(condition.optionIds, idsOf(other->options), conditionPath + "/options",
                                fmt::format("option of \"{}\"", other->id), log);
            }
        }
    }
}

// Every text of the scheme with its path and the id of what it belongs to ("cry", "target/c",
// "ps = 3"), present or not.
void forEachText(
    const CodingScheme& scheme,
    const std::function<void(const std::string&, const std::string&, const LocalizedText&)>& visit) {
    visit("/name", "", scheme.name);
    visit("/description", "", scheme.description);
    const auto labelled = [&](const std::string& path, const std::string& owner, const auto& item) {
        visit(path + "/label", owner, item.label);
        if constexpr (requires { item.description; }) {
            visit(path + "/description", owner, item.description);
        }
    };
    const auto anchors = [&](const std::string& path, const std::string& owner,
                             const std::vector<ScaleAnchor>& items) {
        for (std::size_t a = 0; a < items.size(); ++a) {
            labelled(at(path + "/anchors", a), fmt::format("{} = {}", owner, items[a].value), items[a]);
        }
    };
    for (std::size_t i = 0; i < scheme.subjects.size(); ++i) {
        labelled(at("/subjects", i), scheme.subjects[i].id, scheme.subjects[i]);
    }
    for (std::size_t i = 0; i < scheme.modifiers.size(); ++i) {
        const ModifierSet& modifier = scheme.modifiers[i];
        labelled(at("/modifiers", i), modifier.id, modifier);
        for (std::size_t v = 0; v < modifier.values.size(); ++v) {
            labelled(at(at("/modifiers", i) + "/values", v), modifier.id + "/" + modifier.values[v].id,
                     modifier.values[v]);
        }
    }
    for (std::size_t i = 0; i < scheme.codes.size(); ++i) {
        labelled(at("/codes", i), scheme.codes[i].id, scheme.codes[i]);
    }
    for (std::size_t i = 0; i < scheme.groups.size(); ++i) {
        labelled(at("/groups", i), scheme.groups[i].id, scheme.groups[i]);
    }
    for (std::size_t i = 0; i < scheme.segments.size(); ++i) {
        labelled(at("/segments", i), scheme.segments[i].id, scheme.segments[i]);
    }
    for (std::size_t i = 0; i < scheme.scales.size(); ++i) {
        labelled(at("/scales", i), scheme.scales[i].id, scheme.scales[i]);
        anchors(at("/scales", i), scheme.scales[i].id, scheme.scales[i].anchors);
    }
    for (std::size_t i = 0; i < scheme.judgements.size(); ++i) {
        const Judgement& judgement = scheme.judgements[i];
        labelled(at("/judgements", i), judgement.id, judgement);
        for (std::size_t o = 0; o < judgement.options.size(); ++o) {
            labelled(at(at("/judgements", i) + "/options", o), judgement.id + "/" + judgement.options[o].id,
                     judgement.options[o]);
        }
        anchors(at("/judgements", i), judgement.id, judgement.anchors);
    }
}

// A language given for some texts but not others means a translation left half done; one
// warning per language, at the first gap, lists the gaps: each text's path and, to find it
// without counting array elements, the id of what it belongs to. An empty translation is a gap.
void checkTranslations(const CodingScheme& scheme, DiagnosticLog& log) {
    const std::string source(scheme.sourceLanguage());
    std::vector<std::string> expected = scheme.languages;
    if (expected.empty()) {
        expected.push_back(source);
        forEachText(scheme, [&](const std::string&, const std::string&, const LocalizedText& text) {
            for (const auto& [language, ignored] : text.translations) {
                if (std::find(expected.begin(), expected.end(), language) == expected.end()) {
                    expected.push_back(language);
                }
            }
        });
    }
    for (const std::string& language : expected) {
        // Text without the source language is an error already (scheme_reader), and a
        // language that is no tag was reported where it was declared.
        if (language == source || !isLanguageTag(language)) {
            continue;
        }
        std::vector<std::pair<std::string, std::string>> missing; // path, owner
        std::size_t texts = 0;
        forEachText(scheme,
                    [&](const std::string& path, const std::string& owner, const LocalizedText& text) {
                        if (text.empty()) {
                            return;
                        }
                        ++texts;
                        const auto it = text.translations.find(language);
                        if (it == text.translations.end() || it->second.empty()) {
                            missing.emplace_back(path, owner);
                        }
                    });
        if (missing.empty()) {
            continue;
        }
        constexpr std::size_t kListed = 8;
        std::string list;
        for (std::size_t i = 0; i < missing.size() && i < kListed; ++i) {
            const auto& [path, owner] = missing[i];
            list += (i == 0 ? "" : ", ") + path + (owner.empty() ? "" : " (" + owner + ")");
        }
        if (missing.size() > kListed) {
            list += fmt::format(" and {} more", missing.size() - kListed);
        }
        log.warning(missing.front().first, fmt::format("\"{}\" text missing from {} of {} texts: {}",
                                                       language, missing.size(), texts, list));
    }
}

} // namespace

void checkScheme(const CodingScheme& scheme, DiagnosticLog& log) {
    checkUniqueIds(scheme.subjects, "/subjects", "subject", log);
    checkUniqueIds(scheme.modifiers, "/modifiers", "modifier", log);
    for (std::size_t m = 0; m < scheme.modifiers.size(); ++m) {
        checkUniqueIds(scheme.modifiers[m].values, at("/modifiers", m) + "/values", "value", log);
    }
    checkUniqueIds(scheme.codes, "/codes", "code", log);
    checkUniqueIds(scheme.groups, "/groups", "group", log);
    checkUniqueIds(scheme.segments, "/segments", "segment", log);
    checkUniqueIds(scheme.scales, "/scales", "scale", log);
    checkUniqueIds(scheme.judgements, "/judgements", "judgement", log);

    const auto subjectIds = idsOf(scheme.subjects);
    const auto modifierIds = idsOf(scheme.modifiers);
    const auto segmentIds = idsOf(scheme.segments);
    for (std::size_t i = 0; i < scheme.codes.size(); ++i) {
        checkReferences(scheme.codes[i].modifierIds, modifierIds, at("/codes", i) + "/modifiers", "modifier",
                        log);
        checkReferences(scheme.codes[i].subjectIds, subjectIds, at("/codes", i) + "/subjects", "subject",
                        log);
    }
    checkGroups(scheme, idsOf(scheme.codes), log);
    for (std::size_t i = 0; i < scheme.segments.size(); ++i) {
        checkReferences(scheme.segments[i].presentSubjectIds, subjectIds, at("/segments", i) + "/present",
                        "subject", log);
    }
    for (std::size_t s = 0; s < scheme.scales.size(); ++s) {
        for (std::size_t a = 0; a < scheme.scales[s].appliesTo.size(); ++a) {
            const ScaleApplication& application = scheme.scales[s].appliesTo[a];
            const std::string base = at(at("/scales", s) + "/appliesTo", a);
            checkReferences(application.segmentIds, segmentIds, base + "/segments", "segment", log);
            if (!application.targetSubjectId.empty() && !subjectIds.contains(application.targetSubjectId)) {
                log.error(base + "/target",
                          fmt::format("unknown subject \"{}\"", application.targetSubjectId));
            }
        }
    }
    checkJudgements(scheme, log);
    checkKeys(scheme, log);
    checkTranslations(scheme, log);
}

} // namespace sb::schemes
