#include "annotation/agreement/time_unit_kappa.h"

#include "annotation/agreement/agreement_error.h"

#include <algorithm>
#include <tuple>

namespace sb::agreement {

namespace {

// Where each category occurs in one coder's unit sequence, to ask "does code c occur in units
// lo…hi?" in O(log n) whatever the tolerance.
class Occurrences {
public:
    Occurrences(const std::vector<int>& codes, std::size_t categories)
        : positions_(categories) {
        for (std::size_t k = 0; k < codes.size(); ++k) {
            positions_[static_cast<std::size_t>(codes[k])].push_back(static_cast<std::int64_t>(k));
        }
    }
    [[nodiscard]] bool occursIn(int category, std::int64_t lo, std::int64_t hi) const {
        const std::vector<std::int64_t>& at = positions_[static_cast<std::size_t>(category)];
        const auto it = std::lower_bound(at.begin(), at.end(), lo);
        return it != at.end() && *it <= hi;
    }

private:
    std::vector<std::vector<std::int64_t>> positions_;
};

std::optional<double> kappaOf(const ConfusionMatrix& table) {
    return tableKappa(table).value;
}

} // namespace

ChanceCorrected tableKappa(const ConfusionMatrix& table) {
    ChanceCorrected kappa;
    const double n = table.total();
    kappa.units = static_cast<std::size_t>(n);
    if (n <= 0) {
        return kappa;
    }
    const std::vector<double> rows = table.rowTotals();
    const std::vector<double> cols = table.columnTotals();
    kappa.observed = table.diagonal() / n;
    for (std::size_t i = 0; i < table.size(); ++i) {
        kappa.expected += rows[i] * cols[i];
    }
    kappa.expected /= n * n;
    kappa.value = chanceCorrect(kappa.observed, kappa.expected);
    return kappa;
}

TimeUnitKappa timeUnitKappa(const UnitCoding& coding, std::size_t coder1, std::size_t coder2,
                            int toleranceUnits) {
    if (toleranceUnits < 0) {
        throw AgreementError("the tolerance must be 0 or more units");
    }
    const std::vector<int>& a = coding.codes.at(coder1);
    const std::vector<int>& b = coding.codes.at(coder2);
    const std::int64_t n = coding.unitCount;
    const std::size_t categories = coding.categories.size();
    const std::int64_t t = toleranceUnits;

    TimeUnitKappa result;
    result.unit = coding.unit;
    result.units = n;
    result.toleranceUnits = toleranceUnits;
    result.table = ConfusionMatrix(coding.categories);
    ConfusionMatrix pass1(coding.categories);
    ConfusionMatrix pass2(coding.categories);
    const Occurrences inCoder1(a, categories);
    const Occurrences inCoder2(b, categories);

    for (std::int64_t k = 0; k < n; ++k) {
        const auto i = static_cast<std::size_t>(k);
        const int ca = a[i];
        const int cb = b[i];
        const auto ua = static_cast<std::size_t>(ca);
        const auto ub = static_cast<std::size_t>(cb);
        result.table.at(ua, ub) += 1;
        if (ca == cb) {
            pass1.at(ua, ua) += 1;
            pass2.at(ub, ub) += 1;
            continue;
        }
        const std::int64_t lo = std::max<std::int64_t>(0, k - t);
        const std::int64_t hi = std::min<std::int64_t>(n - 1, k + t);
        const bool forgiven1 = inCoder2.occursIn(ca, lo, hi);
        const bool forgiven2 = inCoder1.occursIn(cb, lo, hi);
        if (forgiven1) {
            pass1.at(ua, ua) += 1;
        } else {
            pass1.at(ua, ub) += 1;
        }
        if (forgiven2) {
            pass2.at(ub, ub) += 1;
        } else {
            pass2.at(ua, ub) += 1;
        }
        const std::string& code1 = coding.categories[ua];
        const std::string& code2 = coding.categories[ub];
        DisagreementSpan* last = result.disagreements.empty() ? nullptr : &result.disagreements.back();
        if (last != nullptr && last->lastUnit == k - 1 &&
            std::tie(last->code1, last->code2, last->forgivenForCoder1, last->forgivenForCoder2) ==
                std::tie(code1, code2, forgiven1, forgiven2)) {
            last->lastUnit = k;
            last->end = coding.unitStart(k + 1);
        } else {
            result.disagreements.push_back(
                {k, k, coding.unitStart(k), coding.unitStart(k + 1), code1, code2, forgiven1, forgiven2});
        }
    }

    const ChanceCorrected plain = tableKappa(result.table);
    result.kappa = plain.value;
    result.percentAgreement = plain.observed;
    result.expectedAgreement = plain.expected;
    result.toleranceTable = ConfusionMatrix(coding.categories);
    for (std::size_t i = 0; i < pass1.counts.size(); ++i) {
        result.toleranceTable.counts[i] = pass1.counts[i] + pass2.counts[i];
    }
    const ChanceCorrected tolerant = tableKappa(result.toleranceTable);
    result.toleranceKappa = tolerant.value;
    result.tolerancePercentAgreement = tolerant.observed;
    result.toleranceKappaRefCoder1 = kappaOf(pass1);
    result.toleranceKappaRefCoder2 = kappaOf(pass2);

    const std::vector<double> rows = result.table.rowTotals();
    const std::vector<double> cols = result.table.columnTotals();
    for (std::size_t c = 0; c < categories; ++c) {
        CodeAgreement code;
        code.code = coding.categories[c];
        code.unitsCoder1 = static_cast<std::int64_t>(rows[c]);
        code.unitsCoder2 = static_cast<std::int64_t>(cols[c]);
        code.unitsBoth = static_cast<std::int64_t>(result.table.at(c, c));
        if (code.unitsCoder1 == 0 && code.unitsCoder2 == 0) {
            continue; // a code only other coders used (several-coder sessions)
        }
        code.kappa = kappaOf(collapseToCategory(result.table, c));
        code.toleranceKappa = kappaOf(collapseToCategory(result.toleranceTable, c));
        result.perCode.push_back(std::move(code));
    }
    return result;
}

TimeUnitKappa timeUnitKappa(const CoderTimeline& coder1, const CoderTimeline& coder2,
                            const TimeUnitKappaOptions& options) {
    const UnitCoding coding = codeUnits({coder1, coder2}, {options.unit, options.sessionLength});
    return timeUnitKappa(coding, 0, 1, options.toleranceUnits);
}

} // namespace sb::agreement
