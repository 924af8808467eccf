#include "annotation/agreement/pabak.h"

#include "annotation/agreement/agreement_error.h"

namespace sb::agreement {

PrevalenceAdjusted pabak(const ConfusionMatrix& table) {
    const double n = table.total();
    if (n <= 0) {
        throw AgreementError("PABAK needs at least one unit judged by both coders");
    }
    PrevalenceAdjusted result;
    result.units = static_cast<std::size_t>(n);
    result.categories = table.size();
    result.observed = table.diagonal() / n;
    const double k = static_cast<double>(table.size());
    if (table.size() >= 2) {
        result.pabak = (k * result.observed - 1) / (k - 1);
    }
    if (table.size() == 2) {
        result.prevalenceIndex = (table.at(0, 0) - table.at(1, 1)) / n;
        result.biasIndex = (table.at(0, 1) - table.at(1, 0)) / n;
    }
    return result;
}

PrevalenceAdjusted pabak(const RatingsTable& ratings) {
    const CodedRatings coded = codeRatings(ratings);
    requireExactlyTwoCoders(coded, "PABAK");
    return pabak(crossTabulate(coded, 0, 1));
}

} // namespace sb::agreement
