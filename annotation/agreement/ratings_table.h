#pragma once
// Reliability data in their canonical form (Krippendorff 2011): units × coders, each cell one
// judgement or missing. Values are category labels; methods that need numbers (interval and
// ratio alpha, ICC) read them as decimal numbers.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sb::agreement {

struct RatingsTable {
    std::vector<std::string> units;  // unit ids, in the order first seen
    std::vector<std::string> coders; // coder ids, in the order first seen
    // units.size() × coders.size(), unit-major; nullopt = no judgement.
    std::vector<std::optional<std::string>> values;
    // The scale's categories in order, when the caller knows them (a coding scheme's scale).
    // Then every value must be one of them, categories nobody used still count (the q of
    // Gwet's AC1, rank positions for weights) and ordered methods use this order. When empty,
    // the categories are the distinct values: ordered by value if all are numbers, else by
    // byte order (good for nominal methods only).
    std::vector<std::string> categories;

    [[nodiscard]] std::size_t unitCount() const { return units.size(); }
    [[nodiscard]] std::size_t coderCount() const { return coders.size(); }
    [[nodiscard]] const std::optional<std::string>& value(std::size_t unit, std::size_t coder) const {
        return values[unit * coders.size() + coder];
    }
};

// Collects judgements one at a time, as they come from a file (one row per judgement).
class RatingsTableBuilder {
public:
    // Records coder's judgement of unit; nullopt records that the coder saw the unit but gave
    // no value. Throws AgreementError when the same coder judged the same unit twice.
    void add(std::string_view unit, std::string_view coder, std::optional<std::string> value);
    [[nodiscard]] RatingsTable build() &&;

private:
    struct Judgement {
        std::size_t unit;
        std::size_t coder;
        std::optional<std::string> value;
    };
    std::vector<std::string> units_;
    std::vector<std::string> coders_;
    std::unordered_map<std::string, std::size_t> unitIndex_;
    std::unordered_map<std::string, std::size_t> coderIndex_;
    std::unordered_map<std::size_t, std::size_t> seen_; // unit * 2^32 + coder -> judgement
    std::vector<Judgement> judgements_;
};

// A table from rows of judgements (one row per unit, one column per coder; nullopt or "" is
// missing). Convenient for tests and for data that already come as a matrix.
[[nodiscard]] RatingsTable ratingsFromRows(std::vector<std::string> coders,
                                           const std::vector<std::vector<std::optional<std::string>>>& rows);

} // namespace sb::agreement
