#pragma once
// The agreement table of two coders: rows are coder 1's categories, columns coder 2's, in one
// shared label order. Counts are doubles so that tables built by other rules (tolerance passes,
// fitted expectations) share the type; every count made by tallying is a whole number.

#include "annotation/agreement/coded_ratings.h"

#include <cstddef>
#include <string>
#include <vector>

namespace sb::agreement {

struct ConfusionMatrix {
    std::vector<std::string> labels;
    std::vector<double> counts; // labels.size() squared, row-major

    ConfusionMatrix() = default;
    explicit ConfusionMatrix(std::vector<std::string> categoryLabels)
        : labels(std::move(categoryLabels))
        , counts(labels.size() * labels.size(), 0.0) {}

    [[nodiscard]] std::size_t size() const { return labels.size(); }
    [[nodiscard]] double at(std::size_t row, std::size_t column) const {
        return counts[row * size() + column];
    }
    [[nodiscard]] double& at(std::size_t row, std::size_t column) { return counts[row * size() + column]; }
    [[nodiscard]] double total() const;
    [[nodiscard]] double diagonal() const;
    [[nodiscard]] std::vector<double> rowTotals() const;
    [[nodiscard]] std::vector<double> columnTotals() const;
};

// Coder a in rows, coder b in columns, over the units both judged (a unit either left open
// does not count: the pairwise methods have no rule for half a pair).
[[nodiscard]] ConfusionMatrix crossTabulate(const CodedRatings& ratings, std::size_t coderA,
                                            std::size_t coderB);

// The 2×2 table of one category against all others (per-code figures).
[[nodiscard]] ConfusionMatrix collapseToCategory(const ConfusionMatrix& table, std::size_t category);

} // namespace sb::agreement
