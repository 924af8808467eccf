#pragma once
// Scheme ids made from other programs' names. ELAN tier names and values, BORIS behaviour,
// subject and modifier names are free text ("Approach mother", "newtier@CHI", "c  (c)");
// scheme ids are ASCII [A-Za-z0-9_.-] (docs/scheme-format.md). Each name gets an id once and
// keeps it, so the importer can map every later mention of the name to the same id.

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace sb::annotation::io {

// `text` with every run of characters outside [A-Za-z0-9_.-] replaced by one '_' and leading
// and trailing '_' dropped; `fallback` when nothing is left ("Äußerung" -> "u_erung" keeps
// what it can).
[[nodiscard]] std::string schemeIdFrom(std::string_view text, std::string_view fallback);

// Hands out unique ids for names: the same name always gets the same id, two names that
// sanitise alike get "walk", "walk_2".
class IdMaker {
public:
    explicit IdMaker(std::string fallback)
        : fallback_(std::move(fallback)) {}
    // Ids already taken by something else (existing codes, say).
    void reserve(const std::string& id) { taken_.insert(id); }
    const std::string& idFor(const std::string& name) { return idFor(name, name); }
    // The same, with the id made from `idText` rather than the name (a name that is a key).
    const std::string& idFor(const std::string& name, std::string_view idText);
    [[nodiscard]] const std::string* find(const std::string& name) const;

private:
    std::string fallback_;
    std::map<std::string, std::string> byName_;
    std::set<std::string> taken_;
};

} // namespace sb::annotation::io
