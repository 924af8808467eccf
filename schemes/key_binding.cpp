#include "schemes/key_binding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

namespace sb::schemes {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

// Bit order = canonical order.
enum Modifier : unsigned { Ctrl = 1, Alt = 2, Shift = 4, Meta = 8 };

std::optional<Modifier> modifierNamed(std::string_view name) {
    const std::string n = lower(name);
    if (n == "ctrl" || n == "control") {
        return Ctrl;
    }
    if (n == "alt" || n == "option") {
        return Alt;
    }
    if (n == "shift") {
        return Shift;
    }
    if (n == "meta" || n == "super" || n == "win") {
        return Meta;
    }
    return std::nullopt;
}

std::optional<std::string> namedKey(std::string_view name) {
    static const std::array<std::pair<const char*, const char*>, 23> names{{
        {"space", "Space"}, {"tab", "Tab"},         {"return", "Return"},       {"enter", "Enter"},
        {"esc", "Esc"},     {"escape", "Esc"},      {"backspace", "Backspace"}, {"del", "Del"},
        {"delete", "Del"},  {"ins", "Ins"},         {"insert", "Ins"},          {"home", "Home"},
        {"end", "End"},     {"pgup", "PgUp"},       {"pageup", "PgUp"},         {"pgdown", "PgDown"},
        {"pgdn", "PgDown"}, {"pagedown", "PgDown"}, {"left", "Left"},           {"right", "Right"},
        {"up", "Up"},       {"down", "Down"},       {"pause", "Pause"},
    }};
    const std::string n = lower(name);
    for (const auto& [spelling, canonical] : names) {
        if (n == spelling) {
            return canonical;
        }
    }
    // F1 … F35, as far as Qt goes.
    if (n.size() >= 2 && n.size() <= 3 && n[0] == 'f' &&
        std::all_of(n.begin() + 1, n.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        n[1] != '0') {
        const int number = std::stoi(n.substr(1));
        if (number >= 1 && number <= 35) {
            // Appended rather than `"F" + n.substr(1)`: GCC 12 at -O3 reports a false
            // -Wrestrict overlap inside that operator+ (GCC bug 105329).
            std::string key = "F";
            key.append(n, 1);
            return key;
        }
    }
    return std::nullopt;
}

// One UTF-8 encoded character beyond ASCII (a Persian letter on a Persian keyboard, say).
bool isSingleNonAsciiCharacter(std::string_view text) {
    const auto lead = static_cast<unsigned char>(text.front());
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || text.size() != length) {
        return false;
    }
    return std::all_of(text.begin() + 1, text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; });
}

std::optional<std::string> keyNamed(std::string_view name) {
    if (name.size() == 1) {
        const auto c = static_cast<unsigned char>(name.front());
        if (c > 0x20 && c < 0x7F) {
            return std::string(1, static_cast<char>(std::toupper(c)));
        }
        return std::nullopt;
    }
    if (name.empty()) {
        return std::nullopt;
    }
    if (isSingleNonAsciiCharacter(name)) {
        return std::string(name);
    }
    return namedKey(name);
}

} // namespace

std::optional<std::string> normaliseKey(std::string_view typed) {
    typed = trim(typed);
    if (typed.empty()) {
        return std::nullopt;
    }
    // The key is after the last '+', except that "+" itself may be the key ("Ctrl++").
    std::string_view keyPart;
    std::string_view modifierPart;
    if (typed.back() == '+') {
        if (typed.size() == 1) {
            keyPart = typed;
        } else if (typed[typed.size() - 2] == '+') {
            keyPart = typed.substr(typed.size() - 1);
            modifierPart = typed.substr(0, typed.size() - 2);
            if (modifierPart.empty()) {
                return std::nullopt;
            }
        } else {
            return std::nullopt; // "Ctrl+"
        }
    } else if (const auto plus = typed.rfind('+'); plus == std::string_view::npos) {
        keyPart = typed;
    } else {
        keyPart = typed.substr(plus + 1);
        modifierPart = typed.substr(0, plus);
        if (trim(modifierPart).empty()) {
            return std::nullopt; // "+A"
        }
    }

    unsigned modifiers = 0;
    if (!modifierPart.empty()) {
        while (true) {
            const auto plus = modifierPart.find('+');
            const auto modifier = modifierNamed(trim(modifierPart.substr(0, plus)));
            if (!modifier || (modifiers & *modifier) != 0) {
                return std::nullopt;
            }
            modifiers |= *modifier;
            if (plus == std::string_view::npos) {
                break;
            }
            modifierPart.remove_prefix(plus + 1);
        }
    }

    const auto key = keyNamed(trim(keyPart));
    if (!key) {
        return std::nullopt;
    }
    std::string canonical;
    static const std::array<std::pair<Modifier, const char*>, 4> order{
        {{Ctrl, "Ctrl+"}, {Alt, "Alt+"}, {Shift, "Shift+"}, {Meta, "Meta+"}}};
    for (const auto& [modifier, text] : order) {
        if ((modifiers & modifier) != 0) {
            canonical += text;
        }
    }
    return canonical + *key;
}

} // namespace sb::schemes
