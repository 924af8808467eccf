#include "annotation/agreement/kappa.h"

#include "annotation/agreement/agreement_error.h"

#include <algorithm>
#include <cmath>

namespace sb::agreement {

namespace {

// z for a two-sided 95 % interval: the 0.975 quantile of the standard normal distribution.
constexpr double kZ975 = 1.959963984540054;

void requireJudgements(const ConfusionMatrix& table, const char* method) {
    if (table.total() <= 0) {
        throw AgreementError(std::string(method) + " needs at least one unit judged by both coders");
    }
}

// Weighted kappa and its FCE (1969) standard error from agreement weights w (w_ii = 1,
// 0 ≤ w_ij ≤ 1). With w = identity this is the unweighted kappa and its SE.
KappaEstimate kappaFromAgreementWeights(const ConfusionMatrix& table, const std::vector<double>& w) {
    const std::size_t k = table.size();
    const double n = table.total();
    const std::vector<double> rows = table.rowTotals();
    const std::vector<double> cols = table.columnTotals();
    std::vector<double> pr(k);
    std::vector<double> pc(k);
    for (std::size_t i = 0; i < k; ++i) {
        pr[i] = rows[i] / n;
        pc[i] = cols[i] / n;
    }
    double observed = 0;
    double expected = 0;
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            observed += w[i * k + j] * table.at(i, j) / n;
            expected += w[i * k + j] * pr[i] * pc[j];
        }
    }
    KappaEstimate estimate;
    estimate.observed = observed;
    estimate.expected = expected;
    estimate.units = static_cast<std::size_t>(n);
    estimate.value = chanceCorrect(observed, expected);
    if (!estimate.value) {
        return estimate;
    }
    const double kappa = *estimate.value;
    // Weighted marginal means: wRow_i = Σ_j p_.j w_ij, wCol_j = Σ_i p_i. w_ij.
    std::vector<double> wRow(k, 0.0);
    std::vector<double> wCol(k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            wRow[i] += pc[j] * w[i * k + j];
            wCol[j] += pr[i] * w[i * k + j];
        }
    }
    double sum = 0;
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            const double d = w[i * k + j] - (wRow[i] + wCol[j]) * (1 - kappa);
            sum += table.at(i, j) / n * d * d;
        }
    }
    const double tail = kappa - expected * (1 - kappa);
    const double variance = (sum - tail * tail) / ((1 - expected) * (1 - expected) * n);
    const double se = std::sqrt(std::max(variance, 0.0));
    estimate.standardError = se;
    estimate.ciLower = kappa - kZ975 * se;
    estimate.ciUpper = kappa + kZ975 * se;
    return estimate;
}

ConfusionMatrix pairTable(const RatingsTable& ratings, const char* method, bool needOrder) {
    const CodedRatings coded = codeRatings(ratings);
    requireExactlyTwoCoders(coded, method);
    if (needOrder && !coded.ordered) {
        throw AgreementError(std::string(method) +
                             " needs ordered categories: numbers, or a declared category order");
    }
    return crossTabulate(coded, 0, 1);
}

} // namespace

KappaEstimate cohenKappa(const ConfusionMatrix& table) {
    requireJudgements(table, "Cohen's kappa");
    const std::size_t k = table.size();
    std::vector<double> identity(k * k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        identity[i * k + i] = 1;
    }
    return kappaFromAgreementWeights(table, identity);
}

KappaEstimate cohenKappa(const RatingsTable& ratings) {
    return cohenKappa(pairTable(ratings, "Cohen's kappa", false));
}

std::vector<double> disagreementWeights(std::size_t categories, KappaWeights weights) {
    std::vector<double> v(categories * categories, 0.0);
    if (categories < 2) {
        return v;
    }
    const double span = static_cast<double>(categories - 1);
    for (std::size_t i = 0; i < categories; ++i) {
        for (std::size_t j = 0; j < categories; ++j) {
            const double d = std::abs(static_cast<double>(i) - static_cast<double>(j)) / span;
            v[i * categories + j] = weights == KappaWeights::Linear ? d : d * d;
        }
    }
    return v;
}

KappaEstimate weightedKappa(const ConfusionMatrix& table, const std::vector<double>& disagreement) {
    requireJudgements(table, "Weighted kappa");
    const std::size_t k = table.size();
    if (disagreement.size() != k * k) {
        throw AgreementError("weighted kappa: " + std::to_string(k) + " categories need " +
                             std::to_string(k * k) + " weights, not " + std::to_string(disagreement.size()));
    }
    double largest = 0;
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            const double v = disagreement[i * k + j];
            if (!std::isfinite(v) || v < 0 || (i == j && v != 0)) {
                throw AgreementError(
                    "weighted kappa: disagreement weights must be ≥ 0 and 0 on the diagonal");
            }
            largest = std::max(largest, v);
        }
    }
    if (largest == 0) {
        throw AgreementError("weighted kappa: every disagreement weight is 0");
    }
    std::vector<double> agreement(k * k);
    for (std::size_t i = 0; i < k * k; ++i) {
        agreement[i] = 1 - disagreement[i] / largest;
    }
    return kappaFromAgreementWeights(table, agreement);
}

KappaEstimate weightedKappa(const RatingsTable& ratings, KappaWeights weights) {
    const ConfusionMatrix table = pairTable(ratings, "Weighted kappa", true);
    if (table.size() < 2) {
        throw AgreementError("weighted kappa needs at least 2 categories");
    }
    return weightedKappa(table, disagreementWeights(table.size(), weights));
}

ChanceCorrected scottsPi(const ConfusionMatrix& table) {
    requireJudgements(table, "Scott's pi");
    const double n = table.total();
    const std::vector<double> rows = table.rowTotals();
    const std::vector<double> cols = table.columnTotals();
    ChanceCorrected pi;
    pi.units = static_cast<std::size_t>(n);
    pi.observed = table.diagonal() / n;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const double pooled = (rows[i] + cols[i]) / (2 * n);
        pi.expected += pooled * pooled;
    }
    pi.value = chanceCorrect(pi.observed, pi.expected);
    return pi;
}

ChanceCorrected scottsPi(const RatingsTable& ratings) {
    return scottsPi(pairTable(ratings, "Scott's pi", false));
}

} // namespace sb::agreement
