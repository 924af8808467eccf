#include "annotation/agreement/confusion_matrix.h"

#include <numeric>

namespace sb::agreement {

double ConfusionMatrix::total() const {
    return std::accumulate(counts.begin(), counts.end(), 0.0);
}

double ConfusionMatrix::diagonal() const {
    double sum = 0;
    for (std::size_t i = 0; i < size(); ++i) {
        sum += at(i, i);
    }
    return sum;
}

std::vector<double> ConfusionMatrix::rowTotals() const {
    std::vector<double> totals(size(), 0.0);
    for (std::size_t r = 0; r < size(); ++r) {
        for (std::size_t c = 0; c < size(); ++c) {
            totals[r] += at(r, c);
        }
    }
    return totals;
}

std::vector<double> ConfusionMatrix::columnTotals() const {
    std::vector<double> totals(size(), 0.0);
    for (std::size_t r = 0; r < size(); ++r) {
        for (std::size_t c = 0; c < size(); ++c) {
            totals[c] += at(r, c);
        }
    }
    return totals;
}

ConfusionMatrix crossTabulate(const CodedRatings& ratings, std::size_t coderA, std::size_t coderB) {
    ConfusionMatrix table(ratings.labels);
    for (std::size_t u = 0; u < ratings.units; ++u) {
        const int a = ratings.at(u, coderA);
        const int b = ratings.at(u, coderB);
        if (a != CodedRatings::kMissing && b != CodedRatings::kMissing) {
            table.at(static_cast<std::size_t>(a), static_cast<std::size_t>(b)) += 1;
        }
    }
    return table;
}

ConfusionMatrix collapseToCategory(const ConfusionMatrix& table, std::size_t category) {
    ConfusionMatrix collapsed({table.labels[category], "other"});
    for (std::size_t r = 0; r < table.size(); ++r) {
        for (std::size_t c = 0; c < table.size(); ++c) {
            collapsed.at(r == category ? 0 : 1, c == category ? 0 : 1) += table.at(r, c);
        }
    }
    return collapsed;
}

} // namespace sb::agreement
