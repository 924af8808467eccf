#include "annotation/io/scheme_ids.h"

namespace sb::annotation::io {

namespace {
bool isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}
} // namespace

std::string schemeIdFrom(std::string_view text, std::string_view fallback) {
    std::string id;
    bool gap = false;
    for (const char c : text) {
        if (isIdChar(c)) {
            if (gap && !id.empty()) {
                id += '_';
            }
            gap = false;
            id += c;
        } else {
            gap = true;
        }
    }
    return id.empty() ? std::string(fallback) : id;
}

const std::string& IdMaker::idFor(const std::string& name, std::string_view idText) {
    if (const auto found = byName_.find(name); found != byName_.end()) {
        return found->second;
    }
    const std::string base = schemeIdFrom(idText, fallback_);
    std::string id = base;
    for (int n = 2; taken_.contains(id); ++n) {
        id = base + "_" + std::to_string(n);
    }
    taken_.insert(id);
    return byName_.emplace(name, id).first->second;
}

const std::string* IdMaker::find(const std::string& name) const {
    const auto found = byName_.find(name);
    return found == byName_.end() ? nullptr : &found->second;
}

} // namespace sb::annotation::io
