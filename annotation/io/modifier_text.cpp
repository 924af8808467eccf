#include "annotation/io/modifier_text.h"

#include <fmt/core.h>

namespace sb::annotation::io {

namespace {
std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == ';' || c == '=') {
            out += '\\';
        }
        out += c;
    }
    return out;
}
} // namespace

std::string encodeModifiers(const Modifiers& modifiers) {
    std::string text;
    for (const auto& [set, value] : modifiers) {
        if (!text.empty()) {
            text += ';';
        }
        text += escaped(set);
        text += '=';
        text += escaped(value);
    }
    return text;
}

std::optional<Modifiers> decodeModifiers(std::string_view text, std::string* why) {
    const auto fail = [why](std::string reason) -> std::optional<Modifiers> {
        if (why != nullptr) {
            *why = std::move(reason);
        }
        return std::nullopt;
    };
    Modifiers modifiers;
    if (text.empty()) {
        return modifiers;
    }
    std::string set;
    std::string value;
    bool inValue = false;
    const auto finish = [&]() -> std::optional<std::string> {
        if (!inValue) {
            return fmt::format("modifier '{}' has no '=' (write set=value)", set);
        }
        if (set.empty()) {
            return std::string("a modifier without a set id (write set=value)");
        }
        if (!modifiers.emplace(set, value).second) {
            return fmt::format("modifier set '{}' is given twice", set);
        }
        set.clear();
        value.clear();
        inValue = false;
        return std::nullopt;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\') {
            if (i + 1 >= text.size()) {
                return fail("a modifier ends in a lone '\\'");
            }
            c = text[++i];
            if (c != '\\' && c != ';' && c != '=') {
                return fail(fmt::format("unknown escape '\\{}' in modifiers (only \\\\, \\; and \\=)", c));
            }
            (inValue ? value : set) += c;
        } else if (c == ';') {
            if (auto problem = finish()) {
                return fail(*problem);
            }
        } else if (c == '=' && !inValue) {
            inValue = true;
        } else if (c == '=') {
            return fail(fmt::format("modifier '{}' has a second '=' (escape it as \\=)", set));
        } else {
            (inValue ? value : set) += c;
        }
    }
    if (auto problem = finish()) {
        return fail(*problem);
    }
    return modifiers;
}

} // namespace sb::annotation::io
