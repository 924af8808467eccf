#include "annotation/seconds_text.h"

#include <cstdint>
#include <limits>

namespace sb::annotation {

std::optional<Microseconds> parseSeconds(std::string_view text, std::string* why) {
    const auto fail = [why](const char* reason) -> std::optional<Microseconds> {
        if (why != nullptr) {
            *why = reason;
        }
        return std::nullopt;
    };
    if (text.empty()) {
        return fail("empty time");
    }
    const bool negative = text.front() == '-';
    if (negative) {
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    const auto allDigits = [](std::string_view digits) {
        for (const char c : digits) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    };
    if (whole.empty() || !allDigits(whole) || !allDigits(fraction) ||
        (dot != std::string_view::npos && fraction.empty())) {
        return fail("not a number of seconds (write e.g. 12 or 12.345)");
    }
    if (fraction.size() > 6) {
        return fail("more than 6 decimal places (times are kept to the microsecond)");
    }
    // 9.2e12 seconds fit in int64 microseconds; refuse anything near that.
    constexpr std::int64_t kMaxSeconds = std::numeric_limits<std::int64_t>::max() / 1'000'000 - 1;
    std::int64_t seconds = 0;
    for (const char c : whole) {
        seconds = seconds * 10 + (c - '0');
        if (seconds > kMaxSeconds) {
            return fail("time out of range");
        }
    }
    std::int64_t micros = 0;
    for (std::size_t i = 0; i < 6; ++i) {
        micros = micros * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    }
    const std::int64_t total = seconds * 1'000'000 + micros;
    return Microseconds{negative ? -total : total};
}

std::string formatSeconds(Microseconds time) {
    std::int64_t value = time.count();
    std::string text;
    if (value < 0) {
        text += '-';
        value = -value; // |INT64_MIN| cannot be a session time; parseSeconds never yields it
    }
    text += std::to_string(value / 1'000'000);
    std::int64_t micros = value % 1'000'000;
    if (micros != 0) {
        std::string digits = std::to_string(micros);
        digits.insert(0, 6 - digits.size(), '0');
        while (digits.back() == '0') {
            digits.pop_back();
        }
        text += '.';
        text += digits;
    }
    return text;
}

} // namespace sb::annotation
