#pragma once
// Coding schemes written by the importers: a project made from an ELAN or BORIS file gets a
// scheme describing what the file holds (its controlled vocabularies, or its ethogram), and
// `--add-codes` adds the codes a file uses but the scheme lacks as a new scheme version.
//
// The importers build the scheme as this plain description; schemeJson() writes it in the
// scheme format (docs/scheme-format.md) and the ordinary loader then validates it, so a
// generated scheme obeys exactly the rules a hand-written one does.

#include "annotation/ids.h"

#include <optional>
#include <string>
#include <vector>

namespace sb::annotation {
class Project;
}

namespace sb::annotation::io {

struct GeneratedValue {
    std::string id;
    std::string label;
};

struct GeneratedModifier {
    std::string id;
    std::string label;
    std::string kind = "choice"; // "choice", "text" or "number"
    std::vector<GeneratedValue> values;
};

struct GeneratedCode {
    std::string id;
    std::string label;
    std::string kind = "state"; // "state" or "point"
    std::string key;            // "" for none
    std::string description;
    std::string colour; // "" for the default
    std::vector<std::string> modifierIds;
};

struct GeneratedSubject {
    std::string id;
    std::string label;
    std::string key;
    std::string description;
};

struct GeneratedGroup {
    std::string id;
    std::string label;
    std::vector<std::string> codeIds;
};

struct GeneratedScheme {
    std::string id;
    std::string name;
    std::string version = "1.0.0";
    std::string description;
    std::vector<GeneratedSubject> subjects;
    std::vector<GeneratedModifier> modifiers;
    std::vector<GeneratedCode> codes;
    std::vector<GeneratedGroup> groups;
};

// The scheme as JSON text, two-space indented.
[[nodiscard]] std::string schemeJson(const GeneratedScheme& scheme);

// Adds `codes` to the project's current scheme as a new scheme version and makes it current;
// returns it. The new text is the current text with the codes appended (everything else,
// translations and comments included, stays as written) and the version "<old>+codes.N".
// Call inside the import's transaction, so a failed import leaves no new version behind.
SchemeVersionId addCodesToCurrentScheme(Project& project, const std::vector<GeneratedCode>& codes);

} // namespace sb::annotation::io
