#include "annotation/agreement/multi_coder_agreement.h"

#include "annotation/agreement/agreement_error.h"

namespace sb::agreement {

CodedRatings unitCodesAsRatings(const UnitCoding& coding) {
    CodedRatings ratings;
    ratings.labels = coding.categories;
    ratings.coders = coding.coders;
    ratings.units = static_cast<std::size_t>(coding.unitCount);
    const std::size_t m = coding.coders.size();
    ratings.cells.resize(ratings.units * m);
    for (std::size_t c = 0; c < m; ++c) {
        for (std::size_t u = 0; u < ratings.units; ++u) {
            ratings.cells[u * m + c] = coding.codes[c][u];
        }
    }
    return ratings;
}

MultiCoderAgreement multiCoderAgreement(const std::vector<CoderTimeline>& coders,
                                        const TimeUnitKappaOptions& options) {
    if (coders.size() < 2) {
        throw AgreementError("agreement needs at least 2 coders; the session has " +
                             std::to_string(coders.size()));
    }
    const UnitCoding coding = codeUnits(coders, {options.unit, options.sessionLength});
    MultiCoderAgreement result;
    result.coders = coding.coders;
    result.units = coding.unitCount;
    double kappaSum = 0;
    int kappaCount = 0;
    double toleranceSum = 0;
    int toleranceCount = 0;
    for (std::size_t i = 0; i < coders.size(); ++i) {
        for (std::size_t j = i + 1; j < coders.size(); ++j) {
            PairwiseTimeUnitKappa pair{i, j, timeUnitKappa(coding, i, j, options.toleranceUnits)};
            if (pair.agreement.kappa) {
                kappaSum += *pair.agreement.kappa;
                ++kappaCount;
            }
            if (pair.agreement.toleranceKappa) {
                toleranceSum += *pair.agreement.toleranceKappa;
                ++toleranceCount;
            }
            result.pairs.push_back(std::move(pair));
        }
    }
    if (kappaCount > 0) {
        result.meanPairwiseKappa = kappaSum / kappaCount;
    }
    if (toleranceCount > 0) {
        result.meanPairwiseToleranceKappa = toleranceSum / toleranceCount;
    }
    if (coding.unitCount > 0) {
        result.alpha = krippendorffAlpha(unitCodesAsRatings(coding), MeasurementLevel::Nominal);
    }
    return result;
}

} // namespace sb::agreement
