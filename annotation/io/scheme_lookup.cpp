#include "annotation/io/scheme_lookup.h"

#include "annotation/io/scheme_ids.h"

namespace sb::annotation::io {

namespace {

template <typename Item>
const Item* findIn(const std::vector<Item>& items, const std::string& name, bool labelsFirst) {
    const auto byId = [&](const std::string& id) -> const Item* {
        for (const auto& item : items) {
            if (item.id == id) {
                return &item;
            }
        }
        return nullptr;
    };
    const auto byLabel = [&]() -> const Item* {
        for (const auto& item : items) {
            if (item.label.text == name) {
                return &item;
            }
        }
        return nullptr;
    };
    const Item* found = labelsFirst ? byLabel() : byId(name);
    if (found == nullptr) {
        found = labelsFirst ? byId(name) : byLabel();
    }
    return found != nullptr ? found : byId(schemeIdFrom(name, ""));
}

} // namespace

const schemes::Code* findCode(const schemes::CodingScheme& scheme, const std::string& name) {
    return findIn(scheme.codes, name, false);
}

const schemes::Subject* findSubject(const schemes::CodingScheme& scheme, const std::string& name) {
    return findIn(scheme.subjects, name, false);
}

const schemes::ModifierSet* findModifier(const schemes::CodingScheme& scheme, const schemes::Code& code,
                                         const std::string& name) {
    std::vector<schemes::ModifierSet> sets;
    for (const auto& id : code.modifierIds) {
        if (const auto* set = scheme.modifier(id)) {
            sets.push_back(*set);
        }
    }
    const auto* found = findIn(sets, name, false);
    return found == nullptr ? nullptr : scheme.modifier(found->id);
}

const schemes::ModifierValue* findValue(const schemes::ModifierSet& set, const std::string& name) {
    return findIn(set.values, name, true);
}

} // namespace sb::annotation::io
