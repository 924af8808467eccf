#include "annotation/agreement/coded_ratings.h"

#include "annotation/agreement/agreement_error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

namespace sb::agreement {

std::optional<double> parseNumber(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    if (text.empty()) {
        return std::nullopt;
    }
    double value = 0;
    const char* const end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

CodedRatings codeRatings(const RatingsTable& table) {
    CodedRatings coded;
    coded.coders = table.coders;
    coded.units = table.units.size();
    coded.cells.assign(table.values.size(), CodedRatings::kMissing);

    std::unordered_map<std::string, int> byLabel;
    if (!table.categories.empty()) {
        // The caller's scale: its order, its categories, used or not.
        coded.labels = table.categories;
        coded.ordered = true;
        coded.numeric = true;
        for (std::size_t i = 0; i < coded.labels.size(); ++i) {
            if (!byLabel.try_emplace(coded.labels[i], static_cast<int>(i)).second) {
                throw AgreementError("the category '" + coded.labels[i] + "' is declared twice");
            }
            const std::optional<double> number = parseNumber(coded.labels[i]);
            coded.numeric = coded.numeric && number.has_value();
            coded.scores.push_back(number.value_or(0.0));
        }
        if (!coded.numeric) {
            coded.scores.clear();
        }
        for (std::size_t i = 0; i < table.values.size(); ++i) {
            if (!table.values[i]) {
                continue;
            }
            const auto it = byLabel.find(*table.values[i]);
            if (it == byLabel.end()) {
                throw AgreementError("unit '" + table.units[i / table.coders.size()] + "', coder '" +
                                     table.coders[i % table.coders.size()] + "': the value '" +
                                     *table.values[i] + "' is not one of the declared categories");
            }
            coded.cells[i] = it->second;
        }
        return coded;
    }

    // Categories from the data. Numbers when every value is one, so that "1" and "1.0" are one
    // category and the order is the numeric one.
    bool allNumbers = true;
    std::map<double, std::string> numbers;
    std::map<std::string, int> texts;
    for (const std::optional<std::string>& value : table.values) {
        if (!value) {
            continue;
        }
        texts.try_emplace(*value, 0);
        if (allNumbers) {
            const std::optional<double> number = parseNumber(*value);
            if (number) {
                numbers.try_emplace(*number == 0.0 ? 0.0 : *number, *value); // -0 and 0 are one value
            } else {
                allNumbers = false;
            }
        }
    }
    if (allNumbers && !numbers.empty()) {
        coded.numeric = true;
        coded.ordered = true;
        std::map<double, int> byNumber;
        for (const auto& [number, label] : numbers) {
            byNumber.emplace(number, static_cast<int>(coded.labels.size()));
            coded.labels.push_back(label);
            coded.scores.push_back(number);
        }
        std::unordered_map<std::string, int> cache;
        for (std::size_t i = 0; i < table.values.size(); ++i) {
            if (!table.values[i]) {
                continue;
            }
            const auto [it, inserted] = cache.try_emplace(*table.values[i], 0);
            if (inserted) {
                const double number = *parseNumber(*table.values[i]);
                it->second = byNumber.at(number == 0.0 ? 0.0 : number);
            }
            coded.cells[i] = it->second;
        }
        return coded;
    }
    for (auto& [label, index] : texts) {
        index = static_cast<int>(coded.labels.size());
        coded.labels.push_back(label);
        byLabel.emplace(label, index);
    }
    for (std::size_t i = 0; i < table.values.size(); ++i) {
        if (table.values[i]) {
            coded.cells[i] = byLabel.at(*table.values[i]);
        }
    }
    return coded;
}

void requireCoders(const CodedRatings& ratings, std::size_t minimum, std::string_view method) {
    if (ratings.coderCount() < minimum) {
        throw AgreementError(std::string(method) + " needs at least " + std::to_string(minimum) +
                             " coders; the data have " + std::to_string(ratings.coderCount()));
    }
}

void requireExactlyTwoCoders(const CodedRatings& ratings, std::string_view method) {
    if (ratings.coderCount() != 2) {
        std::string names;
        for (const std::string& coder : ratings.coders) {
            names += (names.empty() ? "" : ", ") + coder;
        }
        throw AgreementError(std::string(method) + " compares exactly 2 coders; the data have " +
                             std::to_string(ratings.coderCount()) +
                             (names.empty() ? "" : " (" + names + ")"));
    }
}

void requireNumeric(const CodedRatings& ratings, std::string_view method) {
    if (!ratings.numeric) {
        for (std::size_t i = 0; i < ratings.labels.size(); ++i) {
            if (!parseNumber(ratings.labels[i])) {
                throw AgreementError(std::string(method) + " needs numbers; '" + ratings.labels[i] +
                                     "' is not a number");
            }
        }
        throw AgreementError(std::string(method) + " needs numbers");
    }
}

} // namespace sb::agreement
