#include "annotation/agreement/krippendorff_alpha.h"

#include "annotation/agreement/agreement_error.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace sb::agreement {

namespace {

// The pairable values of each unit, as category indices; units with fewer than two dropped.
struct PairableUnits {
    std::vector<std::size_t> offsets{0}; // unit u's values are values[offsets[u] .. offsets[u+1])
    std::vector<int> values;
    [[nodiscard]] std::size_t count() const { return offsets.size() - 1; }
};

PairableUnits pairableUnits(const CodedRatings& ratings) {
    PairableUnits pairable;
    pairable.values.reserve(ratings.cells.size());
    for (std::size_t u = 0; u < ratings.units; ++u) {
        const std::size_t begin = pairable.values.size();
        for (std::size_t c = 0; c < ratings.coderCount(); ++c) {
            const int v = ratings.at(u, c);
            if (v != CodedRatings::kMissing) {
                pairable.values.push_back(v);
            }
        }
        if (pairable.values.size() - begin < 2) {
            pairable.values.resize(begin);
        } else {
            pairable.offsets.push_back(pairable.values.size());
        }
    }
    return pairable;
}

void checkLevel(const CodedRatings& ratings, MeasurementLevel level) {
    requireCoders(ratings, 2, "Krippendorff's alpha");
    switch (level) {
    case MeasurementLevel::Nominal:
        break;
    case MeasurementLevel::Ordinal:
        if (!ratings.ordered) {
            throw AgreementError("Krippendorff's alpha at the ordinal level needs ordered values: numbers, "
                                 "or a declared category order");
        }
        break;
    case MeasurementLevel::Interval:
        requireNumeric(ratings, "Krippendorff's alpha at the interval level");
        break;
    case MeasurementLevel::Ratio:
        requireNumeric(ratings, "Krippendorff's alpha at the ratio level");
        for (const double score : ratings.scores) {
            if (score < 0) {
                throw AgreementError("Krippendorff's alpha at the ratio level needs values ≥ 0; the data "
                                     "have " +
                                     std::to_string(score));
            }
        }
        break;
    }
}

// The squared difference δ²(c, k) between categories, given the pairable value counts (the
// ordinal metric depends on them).
class DifferenceFunction {
public:
    DifferenceFunction(const CodedRatings& ratings, MeasurementLevel level, const std::vector<double>& counts)
        : level_(level)
        , scores_(ratings.scores)
        , counts_(counts) {
        cumulative_.resize(counts.size() + 1, 0.0);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            cumulative_[i + 1] = cumulative_[i] + counts[i];
        }
    }

    [[nodiscard]] double operator()(std::size_t c, std::size_t k) const {
        if (c == k) {
            return 0;
        }
        switch (level_) {
        case MeasurementLevel::Nominal:
            return 1;
        case MeasurementLevel::Ordinal: {
            const std::size_t lo = std::min(c, k);
            const std::size_t hi = std::max(c, k);
            const double d = cumulative_[hi + 1] - cumulative_[lo] - (counts_[lo] + counts_[hi]) / 2;
            return d * d;
        }
        case MeasurementLevel::Interval: {
            const double d = scores_[c] - scores_[k];
            return d * d;
        }
        case MeasurementLevel::Ratio: {
            const double sum = scores_[c] + scores_[k];
            if (sum == 0) {
                return 0;
            }
            const double d = (scores_[c] - scores_[k]) / sum;
            return d * d;
        }
        }
        return 0;
    }

private:
    MeasurementLevel level_;
    const std::vector<double>& scores_;
    const std::vector<double>& counts_;
    std::vector<double> cumulative_;
};

// Alpha over the chosen units (indices into `units`, repeats allowed for the bootstrap).
AlphaEstimate alphaOf(const CodedRatings& ratings, MeasurementLevel level, const PairableUnits& units,
                      const std::vector<std::size_t>& chosen) {
    const std::size_t q = ratings.categoryCount();
    std::vector<double> counts(q, 0.0);
    for (const std::size_t u : chosen) {
        for (std::size_t i = units.offsets[u]; i < units.offsets[u + 1]; ++i) {
            counts[static_cast<std::size_t>(units.values[i])] += 1;
        }
    }
    AlphaEstimate estimate;
    estimate.pairableUnits = chosen.size();
    for (const double n : counts) {
        estimate.pairableValues += n;
    }
    const double n = estimate.pairableValues;
    const DifferenceFunction delta(ratings, level, counts);

    // Precomputed δ² for all category pairs when the scale is small (the usual case); computed on
    // the fly for scales of many distinct numbers.
    const bool tabulate = q <= 512;
    std::vector<double> table;
    if (tabulate) {
        table.resize(q * q);
        for (std::size_t c = 0; c < q; ++c) {
            for (std::size_t k = 0; k < q; ++k) {
                table[c * q + k] = delta(c, k);
            }
        }
    }

    // Σ_ck o_ck δ²_ck, unit by unit: each ordered pair of values within a unit, weighted 1/(m_u − 1).
    double observed = 0;
    for (const std::size_t u : chosen) {
        const std::size_t begin = units.offsets[u];
        const std::size_t end = units.offsets[u + 1];
        double unitSum = 0;
        for (std::size_t i = begin; i < end; ++i) {
            const auto a = static_cast<std::size_t>(units.values[i]);
            for (std::size_t j = i + 1; j < end; ++j) {
                const auto b = static_cast<std::size_t>(units.values[j]);
                unitSum += tabulate ? table[a * q + b] : delta(a, b);
            }
        }
        observed += 2 * unitSum / static_cast<double>(end - begin - 1); // both orders of each pair
    }

    // Σ_ck n_c n_k δ²_ck.
    double expected = 0;
    if (level == MeasurementLevel::Nominal) {
        double squares = 0;
        for (const double c : counts) {
            squares += c * c;
        }
        expected = n * n - squares;
    } else if (level == MeasurementLevel::Interval) {
        // Σ_ck n_c n_k (x_c − x_k)² = 2 (n Σ n_c x_c² − (Σ n_c x_c)²), in O(q).
        double sum = 0;
        double sumSquares = 0;
        for (std::size_t c = 0; c < q; ++c) {
            sum += counts[c] * ratings.scores[c];
            sumSquares += counts[c] * ratings.scores[c] * ratings.scores[c];
        }
        expected = 2 * (n * sumSquares - sum * sum);
    } else {
        for (std::size_t c = 0; c < q; ++c) {
            if (counts[c] == 0) {
                continue;
            }
            for (std::size_t k = 0; k < q; ++k) {
                if (counts[k] != 0) {
                    expected += counts[c] * counts[k] * (tabulate ? table[c * q + k] : delta(c, k));
                }
            }
        }
    }

    estimate.observedDisagreement = observed / n;
    estimate.expectedDisagreement = expected / (n * (n - 1));
    if (expected > 0) {
        estimate.value = 1 - (n - 1) * observed / expected;
    }
    return estimate;
}

std::vector<std::size_t> allUnits(std::size_t count) {
    std::vector<std::size_t> units(count);
    for (std::size_t u = 0; u < count; ++u) {
        units[u] = u;
    }
    return units;
}

double quantile(const std::vector<double>& sorted, double p) {
    // Linear interpolation between order statistics (Hyndman & Fan type 7, R's default).
    const double h = (static_cast<double>(sorted.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

} // namespace

AlphaEstimate krippendorffAlpha(const CodedRatings& ratings, MeasurementLevel level) {
    checkLevel(ratings, level);
    const PairableUnits units = pairableUnits(ratings);
    if (units.count() == 0) {
        throw AgreementError("Krippendorff's alpha needs at least one unit with values from two coders");
    }
    return alphaOf(ratings, level, units, allUnits(units.count()));
}

AlphaEstimate krippendorffAlpha(const RatingsTable& ratings, MeasurementLevel level) {
    return krippendorffAlpha(codeRatings(ratings), level);
}

AlphaInterval krippendorffAlphaBootstrap(const RatingsTable& ratings, MeasurementLevel level,
                                         const BootstrapOptions& options) {
    if (options.replicates < 1) {
        throw AgreementError("the bootstrap needs at least 1 replicate");
    }
    if (!(options.confidence > 0 && options.confidence < 1)) {
        throw AgreementError("the bootstrap confidence must lie between 0 and 1");
    }
    const CodedRatings coded = codeRatings(ratings);
    checkLevel(coded, level);
    const PairableUnits units = pairableUnits(coded);
    if (units.count() == 0) {
        throw AgreementError("Krippendorff's alpha needs at least one unit with values from two coders");
    }
    std::mt19937_64 random(options.seed);
    std::uniform_int_distribution<std::size_t> pick(0, units.count() - 1);
    std::vector<std::size_t> chosen(units.count());
    std::vector<double> alphas;
    AlphaInterval interval;
    for (int r = 0; r < options.replicates; ++r) {
        for (std::size_t& unit : chosen) {
            unit = pick(random);
        }
        const AlphaEstimate estimate = alphaOf(coded, level, units, chosen);
        if (estimate.value) {
            alphas.push_back(*estimate.value);
        } else {
            ++interval.undefinedReplicates;
        }
    }
    interval.replicates = static_cast<int>(alphas.size());
    if (!alphas.empty()) {
        std::sort(alphas.begin(), alphas.end());
        interval.lower = quantile(alphas, (1 - options.confidence) / 2);
        interval.upper = quantile(alphas, (1 + options.confidence) / 2);
    }
    return interval;
}

} // namespace sb::agreement
