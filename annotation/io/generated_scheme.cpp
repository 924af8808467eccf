#include "annotation/io/generated_scheme.h"

#include "annotation/project.h"
#include "schemes/scheme_loader.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace sb::annotation::io {

namespace {

using Json = nlohmann::ordered_json;

Json codeJson(const GeneratedCode& code) {
    Json json = {{"id", code.id}, {"label", code.label.empty() ? code.id : code.label}, {"kind", code.kind}};
    if (!code.key.empty()) {
        json["key"] = code.key;
    }
    if (!code.description.empty()) {
        json["description"] = code.description;
    }
    if (!code.colour.empty()) {
        json["colour"] = code.colour;
    }
    if (!code.modifierIds.empty()) {
        json["modifiers"] = code.modifierIds;
    }
    return json;
}

} // namespace

std::string schemeJson(const GeneratedScheme& scheme) {
    Json json = {{"formatVersion", 1}, {"id", scheme.id}, {"name", scheme.name}, {"version", scheme.version}};
    if (!scheme.description.empty()) {
        json["description"] = scheme.description;
    }
    if (!scheme.subjects.empty()) {
        Json subjects = Json::array();
        for (const auto& s : scheme.subjects) {
            Json subject = {{"id", s.id}, {"label", s.label.empty() ? s.id : s.label}};
            if (!s.key.empty()) {
                subject["key"] = s.key;
            }
            if (!s.description.empty()) {
                subject["description"] = s.description;
            }
            subjects.push_back(std::move(subject));
        }
        json["subjects"] = std::move(subjects);
    }
    if (!scheme.modifiers.empty()) {
        Json modifiers = Json::array();
        for (const auto& m : scheme.modifiers) {
            Json modifier = {{"id", m.id}, {"label", m.label.empty() ? m.id : m.label}, {"kind", m.kind}};
            if (m.kind == "choice") {
                Json values = Json::array();
                for (const auto& v : m.values) {
                    values.push_back({{"id", v.id}, {"label", v.label.empty() ? v.id : v.label}});
                }
                modifier["values"] = std::move(values);
            }
            modifiers.push_back(std::move(modifier));
        }
        json["modifiers"] = std::move(modifiers);
    }
    Json codes = Json::array();
    for (const auto& code : scheme.codes) {
        codes.push_back(codeJson(code));
    }
    json["codes"] = std::move(codes);
    if (!scheme.groups.empty()) {
        Json groups = Json::array();
        for (const auto& g : scheme.groups) {
            groups.push_back(
                {{"id", g.id}, {"label", g.label.empty() ? g.id : g.label}, {"codes", g.codeIds}});
        }
        json["groups"] = std::move(groups);
    }
    return json.dump(2) + "\n";
}

SchemeVersionId addCodesToCurrentScheme(Project& project, const std::vector<GeneratedCode>& codes) {
    auto& store = project.store();
    const auto current = store.schemeVersion(store.currentSchemeVersion());
    Json json = Json::parse(current.sourceText);
    for (const auto& code : codes) {
        json["codes"].push_back(codeJson(code));
    }
    // "1.0.0+codes.2" -> base "1.0.0"; count up until the version string is new.
    std::string base = current.version;
    if (const auto plus = base.find("+codes."); plus != std::string::npos) {
        base.erase(plus);
    }
    std::string version;
    for (int n = 1;; ++n) {
        version = fmt::format("{}+codes.{}", base, n);
        bool used = false;
        for (const auto& record : store.schemeVersions()) {
            used = used || (record.schemeId == current.schemeId && record.version == version);
        }
        if (!used) {
            break;
        }
    }
    json["version"] = version;
    const std::string text = json.dump(2) + "\n";
    const auto scheme =
        schemes::loadSchemeTextOrThrow(text, fmt::format("{} + added codes", current.schemeId));
    const auto id = store.addSchemeVersion(text, scheme.id, scheme.version);
    store.setCurrentSchemeVersion(id);
    return id;
}

} // namespace sb::annotation::io
