#include "schemes/identifiers.h"

namespace sb::schemes {

namespace {

bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

bool isSchemeId(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '_' && c != '.' && c != '-') {
            return false;
        }
    }
    return true;
}

bool isLanguageTag(std::string_view text) {
    const auto dash = text.find('-');
    const std::string_view language = text.substr(0, dash);
    if (language.size() < 2 || language.size() > 3) {
        return false;
    }
    for (const char c : language) {
        if (!isAsciiLetter(c)) {
            return false;
        }
    }
    if (dash == std::string_view::npos) {
        return true;
    }
    std::string_view rest = text.substr(dash + 1);
    while (true) {
        const auto next = rest.find('-');
        const std::string_view subtag = rest.substr(0, next);
        if (subtag.empty() || subtag.size() > 8) {
            return false;
        }
        for (const char c : subtag) {
            if (!isAsciiLetter(c) && !isAsciiDigit(c)) {
                return false;
            }
        }
        if (next == std::string_view::npos) {
            return true;
        }
        rest.remove_prefix(next + 1);
    }
}

} // namespace sb::schemes
