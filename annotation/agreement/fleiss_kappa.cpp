#include "annotation/agreement/fleiss_kappa.h"

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/coded_ratings.h"

#include <algorithm>
#include <vector>

namespace sb::agreement {

ChanceCorrected fleissKappa(const RatingsTable& ratings) {
    const CodedRatings coded = codeRatings(ratings);
    requireCoders(coded, 2, "Fleiss' kappa");
    const std::size_t q = coded.categoryCount();
    std::vector<double> counts(q);
    std::vector<double> totals(q, 0.0);
    double m = 0;
    std::size_t firstUnit = 0;
    double agreementSum = 0;
    std::size_t units = 0;
    for (std::size_t u = 0; u < coded.units; ++u) {
        std::fill(counts.begin(), counts.end(), 0.0);
        double r = 0;
        for (std::size_t c = 0; c < coded.coderCount(); ++c) {
            const int v = coded.at(u, c);
            if (v != CodedRatings::kMissing) {
                counts[static_cast<std::size_t>(v)] += 1;
                r += 1;
            }
        }
        if (r == 0) {
            continue;
        }
        if (units == 0) {
            m = r;
            firstUnit = u;
        } else if (r != m) {
            throw AgreementError("Fleiss' kappa needs the same number of judgements for every unit: unit '" +
                                 ratings.units[firstUnit] + "' has " + std::to_string(static_cast<int>(m)) +
                                 ", unit '" + ratings.units[u] + "' has " +
                                 std::to_string(static_cast<int>(r)) +
                                 " (Krippendorff's alpha allows missing judgements)");
        }
        ++units;
        double squares = 0;
        for (std::size_t k = 0; k < q; ++k) {
            squares += counts[k] * counts[k];
            totals[k] += counts[k];
        }
        agreementSum += (squares - r) / (r * (r - 1));
    }
    if (units == 0) {
        throw AgreementError("Fleiss' kappa needs judged units");
    }
    if (m < 2) {
        throw AgreementError("Fleiss' kappa needs at least 2 judgements per unit; the units have 1");
    }
    ChanceCorrected kappa;
    kappa.units = units;
    kappa.observed = agreementSum / static_cast<double>(units);
    for (std::size_t k = 0; k < q; ++k) {
        const double p = totals[k] / (static_cast<double>(units) * m);
        kappa.expected += p * p;
    }
    kappa.value = chanceCorrect(kappa.observed, kappa.expected);
    return kappa;
}

} // namespace sb::agreement
