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

bool isKnownLanguage(std::string_view tag) {
    const std::string_view language = tag.substr(0, tag.find('-'));
    if (language.size() != 2) {
        return language.size() == 3;
    }
    // ISO 639-1, every two-letter code in the standard.
    static constexpr std::string_view kIso6391 =
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
        "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
        "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
        "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om "
        "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw "
        "ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";
    const char lower[2] = {static_cast<char>(language[0] | 0x20), static_cast<char>(language[1] | 0x20)};
    for (std::size_t i = 0; i + 1 < kIso6391.size(); i += 3) {
        if (kIso6391[i] == lower[0] && kIso6391[i + 1] == lower[1]) {
            return true;
        }
    }
    return false;
}

} // namespace sb::schemes
