#include "schemes/coding_scheme.h"

#include <algorithm>
#include <cstdio>

namespace sb::schemes {

namespace {

// Linear search: schemes hold tens of items, and the vectors keep the file's order, which
// the timeline and the validator's paths both rely on.
template <typename T>
const T* findById(const std::vector<T>& items, std::string_view id) {
    const auto it = std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

const std::string& LocalizedText::in(std::string_view language) const {
    if (const auto it = translations.find(std::string(language)); it != translations.end()) {
        return it->second;
    }
    if (const auto dash = language.find('-'); dash != std::string_view::npos) {
        if (const auto it = translations.find(std::string(language.substr(0, dash)));
            it != translations.end()) {
            return it->second;
        }
    }
    return text;
}

std::string Colour::hex() const {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", static_cast<unsigned>(rgb & 0xffffffU));
    return buffer;
}

const Code* CodingScheme::code(std::string_view codeId) const {
    return findById(codes, codeId);
}
const Subject* CodingScheme::subject(std::string_view subjectId) const {
    return findById(subjects, subjectId);
}
const ModifierSet* CodingScheme::modifier(std::string_view modifierId) const {
    return findById(modifiers, modifierId);
}
const ExclusiveGroup* CodingScheme::group(std::string_view groupId) const {
    return findById(groups, groupId);
}
const Segment* CodingScheme::segment(std::string_view segmentId) const {
    return findById(segments, segmentId);
}
const Scale* CodingScheme::scale(std::string_view scaleId) const {
    return findById(scales, scaleId);
}
const Judgement* CodingScheme::judgement(std::string_view judgementId) const {
    return findById(judgements, judgementId);
}

const ExclusiveGroup* CodingScheme::groupOf(std::string_view codeId) const {
    const auto it = std::find_if(groups.begin(), groups.end(), [codeId](const ExclusiveGroup& g) {
        return std::find(g.codeIds.begin(), g.codeIds.end(), codeId) != g.codeIds.end();
    });
    return it == groups.end() ? nullptr : &*it;
}

std::string_view CodingScheme::sourceLanguage() const {
    return languages.empty() ? std::string_view("en") : std::string_view(languages.front());
}

} // namespace sb::schemes
