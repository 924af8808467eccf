#include "annotation/agreement/ipf.h"

#include <algorithm>
#include <cmath>

namespace sb::agreement {

FittedTable fitWithStructuralZero(const ConfusionMatrix& observed, std::size_t zeroRow,
                                  std::size_t zeroColumn) {
    constexpr int kMaxSweeps = 10'000;
    const std::size_t k = observed.size();
    const std::vector<double> rowTargets = observed.rowTotals();
    const std::vector<double> colTargets = observed.columnTotals();
    const double tolerance = 1e-13 * std::max(1.0, observed.total());

    FittedTable fit;
    fit.expected = ConfusionMatrix(observed.labels);
    std::fill(fit.expected.counts.begin(), fit.expected.counts.end(), 1.0);
    fit.expected.at(zeroRow, zeroColumn) = 0;
    ConfusionMatrix& e = fit.expected;

    const auto maxMarginError = [&] {
        double worst = 0;
        const std::vector<double> rows = e.rowTotals();
        const std::vector<double> cols = e.columnTotals();
        for (std::size_t i = 0; i < k; ++i) {
            worst = std::max({worst, std::abs(rows[i] - rowTargets[i]), std::abs(cols[i] - colTargets[i])});
        }
        return worst;
    };

    while (fit.sweeps < kMaxSweeps) {
        ++fit.sweeps;
        for (std::size_t r = 0; r < k; ++r) {
            double sum = 0;
            for (std::size_t c = 0; c < k; ++c) {
                sum += e.at(r, c);
            }
            const double factor = sum > 0 ? rowTargets[r] / sum : 0.0;
            for (std::size_t c = 0; c < k; ++c) {
                e.at(r, c) *= factor;
            }
        }
        for (std::size_t c = 0; c < k; ++c) {
            double sum = 0;
            for (std::size_t r = 0; r < k; ++r) {
                sum += e.at(r, c);
            }
            const double factor = sum > 0 ? colTargets[c] / sum : 0.0;
            for (std::size_t r = 0; r < k; ++r) {
                e.at(r, c) *= factor;
            }
        }
        if (maxMarginError() < tolerance) {
            fit.converged = true;
            break;
        }
    }
    return fit;
}

} // namespace sb::agreement
