#pragma once
// A RatingsTable with its labels resolved to category indices, the form every statistic works
// on. Resolving once means "1" and "1.0" are one category when the data are numbers, and that
// every method sees the same category order.

#include "annotation/agreement/ratings_table.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::agreement {

struct CodedRatings {
    static constexpr int kMissing = -1;

    std::vector<std::string> labels; // category labels in scale order
    std::vector<double> scores;      // each category's number, when `numeric`
    bool numeric = false;            // every category label is a decimal number
    bool ordered = false;            // numeric, or the order was declared by the caller
    std::vector<std::string> coders;
    std::size_t units = 0;
    std::vector<int> cells; // units × coders, unit-major; category index or kMissing

    [[nodiscard]] std::size_t coderCount() const { return coders.size(); }
    [[nodiscard]] std::size_t categoryCount() const { return labels.size(); }
    [[nodiscard]] int at(std::size_t unit, std::size_t coder) const {
        return cells[unit * coders.size() + coder];
    }
};

// Throws AgreementError for a value outside the declared categories or a declared category
// list with duplicates.
[[nodiscard]] CodedRatings codeRatings(const RatingsTable& table);

// A decimal number, the whole text (surrounding blanks allowed); nullopt otherwise. Infinities
// and NaN are not numbers here.
[[nodiscard]] std::optional<double> parseNumber(std::string_view text);

// Shared input checks, so every method words the same problem the same way.
void requireCoders(const CodedRatings& ratings, std::size_t minimum, std::string_view method);
void requireExactlyTwoCoders(const CodedRatings& ratings, std::string_view method);
void requireNumeric(const CodedRatings& ratings, std::string_view method);

} // namespace sb::agreement
