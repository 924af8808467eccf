#include "annotation/agreement/percent_agreement.h"

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/coded_ratings.h"

#include <algorithm>
#include <vector>

namespace sb::agreement {

PercentAgreement percentAgreement(const RatingsTable& ratings) {
    const CodedRatings coded = codeRatings(ratings);
    requireCoders(coded, 2, "Percent agreement");
    std::vector<double> counts(coded.categoryCount(), 0.0);
    PercentAgreement result;
    double sum = 0;
    for (std::size_t u = 0; u < coded.units; ++u) {
        std::fill(counts.begin(), counts.end(), 0.0);
        double m = 0;
        for (std::size_t c = 0; c < coded.coderCount(); ++c) {
            const int v = coded.at(u, c);
            if (v != CodedRatings::kMissing) {
                counts[static_cast<std::size_t>(v)] += 1;
                m += 1;
            }
        }
        if (m < 2) {
            continue;
        }
        double agreeingPairs = 0;
        for (const double n : counts) {
            agreeingPairs += n * (n - 1);
        }
        sum += agreeingPairs / (m * (m - 1));
        ++result.units;
    }
    if (result.units == 0) {
        throw AgreementError("Percent agreement needs at least one unit judged by two coders");
    }
    result.value = sum / static_cast<double>(result.units);
    return result;
}

} // namespace sb::agreement
