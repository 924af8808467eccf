#include "annotation/agreement/gwet_ac1.h"

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/coded_ratings.h"

#include <algorithm>
#include <vector>

namespace sb::agreement {

ChanceCorrected gwetAC1(const RatingsTable& ratings) {
    const CodedRatings coded = codeRatings(ratings);
    requireCoders(coded, 2, "Gwet's AC1");
    const std::size_t q = coded.categoryCount();
    if (q < 2) {
        throw AgreementError("Gwet's AC1 needs a scale of at least 2 categories");
    }
    std::vector<double> counts(q);
    std::vector<double> pi(q, 0.0);
    double agreementSum = 0;
    std::size_t pairedUnits = 0;
    std::size_t ratedUnits = 0;
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
        if (r < 1) {
            continue;
        }
        ++ratedUnits;
        for (std::size_t k = 0; k < q; ++k) {
            pi[k] += counts[k] / r;
        }
        if (r >= 2) {
            ++pairedUnits;
            double agreeing = 0;
            for (const double n : counts) {
                agreeing += n * (n - 1);
            }
            agreementSum += agreeing / (r * (r - 1));
        }
    }
    if (pairedUnits == 0) {
        throw AgreementError("Gwet's AC1 needs at least one unit judged by two coders");
    }
    ChanceCorrected ac1;
    ac1.units = pairedUnits;
    ac1.observed = agreementSum / static_cast<double>(pairedUnits);
    for (std::size_t k = 0; k < q; ++k) {
        const double p = pi[k] / static_cast<double>(ratedUnits);
        ac1.expected += p * (1 - p);
    }
    ac1.expected /= static_cast<double>(q - 1);
    ac1.value = chanceCorrect(ac1.observed, ac1.expected);
    return ac1;
}

} // namespace sb::agreement
