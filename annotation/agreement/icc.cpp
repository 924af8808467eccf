#include "annotation/agreement/icc.h"

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/coded_ratings.h"

#include <boost/math/distributions/fisher_f.hpp>

#include <cmath>
#include <limits>
#include <vector>

namespace sb::agreement {

namespace {

// The p quantile of the F(df1, df2) distribution.
double fQuantile(double p, double df1, double df2) {
    const boost::math::fisher_f_distribution<double> f(df1, df2);
    return boost::math::quantile(f, p);
}

struct Bounds {
    std::optional<double> lower;
    std::optional<double> upper;
};

// Cases 1 and 3 (McGraw & Wong Table 7): F_L = F / F_{1−α/2}(df1, df2), F_U = F · F_{1−α/2}(df2, df1).
// Single measures: (F_x − 1) / (F_x + k − 1); average measures: 1 − 1 / F_x.
void consistencyBounds(IccEstimate& single, IccEstimate& average, double f, double df1, double df2, double k,
                       double p) {
    single.f = average.f = f;
    single.df1 = average.df1 = df1;
    single.df2 = average.df2 = df2;
    if (std::isinf(f)) { // no error variance at all: the interval collapses to 1
        single.ciLower = single.ciUpper = average.ciLower = average.ciUpper = 1.0;
        return;
    }
    if (!std::isfinite(f)) {
        return;
    }
    const double fl = f / fQuantile(p, df1, df2);
    const double fu = f * fQuantile(p, df2, df1);
    single.ciLower = (fl - 1) / (fl + k - 1);
    single.ciUpper = (fu - 1) / (fu + k - 1);
    average.ciLower = 1 - 1 / fl;
    average.ciUpper = 1 - 1 / fu;
}

} // namespace

std::string_view iccName(IccForm form) {
    switch (form) {
    case IccForm::Icc1:
        return "ICC1";
    case IccForm::Icc2:
        return "ICC2";
    case IccForm::Icc3:
        return "ICC3";
    case IccForm::Icc1k:
        return "ICC1k";
    case IccForm::Icc2k:
        return "ICC2k";
    case IccForm::Icc3k:
        return "ICC3k";
    }
    return "ICC";
}

IccResult intraclassCorrelation(const RatingsTable& ratings, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
        throw AgreementError("the ICC confidence level must lie between 0 and 1");
    }
    const CodedRatings coded = codeRatings(ratings);
    requireCoders(coded, 2, "The ICC");
    if (coded.units < 2) {
        throw AgreementError("the ICC needs at least 2 targets (units); the data have " +
                             std::to_string(coded.units));
    }
    requireNumeric(coded, "The ICC");
    const std::size_t n = coded.units;
    const std::size_t k = coded.coderCount();
    std::vector<double> x(n * k);
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t c = 0; c < k; ++c) {
            const int v = coded.at(u, c);
            if (v == CodedRatings::kMissing) {
                throw AgreementError("the ICC needs every unit rated by every coder: unit '" +
                                     ratings.units[u] + "' has no rating from coder '" + ratings.coders[c] +
                                     "' (Krippendorff's alpha at the interval level allows missing values)");
            }
            x[u * k + c] = coded.scores[static_cast<std::size_t>(v)];
        }
    }

    // Two-way ANOVA without replication.
    const double dn = static_cast<double>(n);
    const double dk = static_cast<double>(k);
    double grand = 0;
    for (const double value : x) {
        grand += value;
    }
    grand /= dn * dk;
    std::vector<double> rowMean(n, 0.0);
    std::vector<double> colMean(k, 0.0);
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t c = 0; c < k; ++c) {
            rowMean[u] += x[u * k + c] / dk;
            colMean[c] += x[u * k + c] / dn;
        }
    }
    double ssTotal = 0;
    for (const double value : x) {
        ssTotal += (value - grand) * (value - grand);
    }
    double ssRows = 0;
    for (const double m : rowMean) {
        ssRows += dk * (m - grand) * (m - grand);
    }
    double ssCols = 0;
    for (const double m : colMean) {
        ssCols += dn * (m - grand) * (m - grand);
    }
    // Residual computed directly, not as a difference, so that it is exactly 0 for data that fit.
    double ssError = 0;
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t c = 0; c < k; ++c) {
            const double r = x[u * k + c] - rowMean[u] - colMean[c] + grand;
            ssError += r * r;
        }
    }
    const double ssWithin = ssCols + ssError;

    IccResult result;
    result.targets = n;
    result.judges = k;
    const double bms = result.msBetweenTargets = ssRows / (dn - 1);
    const double wms = result.msWithinTargets = ssWithin / (dn * (dk - 1));
    const double jms = result.msJudges = ssCols / (dk - 1);
    const double ems = result.msError = ssError / ((dn - 1) * (dk - 1));

    for (std::size_t i = 0; i < result.forms.size(); ++i) {
        result.forms[i].form = static_cast<IccForm>(i);
    }
    auto& icc1 = result.forms[0];
    auto& icc2 = result.forms[1];
    auto& icc3 = result.forms[2];
    auto& icc1k = result.forms[3];
    auto& icc2k = result.forms[4];
    auto& icc3k = result.forms[5];
    const auto ratio = [](double num, double den) -> std::optional<double> {
        if (den == 0) {
            return std::nullopt;
        }
        return num / den;
    };
    icc1.value = ratio(bms - wms, bms + (dk - 1) * wms);
    icc2.value = ratio(bms - ems, bms + (dk - 1) * ems + dk * (jms - ems) / dn);
    icc3.value = ratio(bms - ems, bms + (dk - 1) * ems);
    icc1k.value = ratio(bms - wms, bms);
    icc2k.value = ratio(bms - ems, bms + (jms - ems) / dn);
    icc3k.value = ratio(bms - ems, bms);

    const double p = 1 - (1 - confidence) / 2;
    const double inf = std::numeric_limits<double>::infinity();
    if (bms > 0) {
        consistencyBounds(icc1, icc1k, wms > 0 ? bms / wms : inf, dn - 1, dn * (dk - 1), dk, p);
        consistencyBounds(icc3, icc3k, ems > 0 ? bms / ems : inf, dn - 1, (dn - 1) * (dk - 1), dk, p);
    }

    // Case 2, absolute agreement (McGraw & Wong Table 7, ICC(A,1) and ICC(A,k)).
    icc2.f = icc2k.f = icc3.f;
    icc2.df1 = icc2k.df1 = dn - 1;
    if (icc2.value && ems > 0 && bms > 0) {
        const double rho = *icc2.value;
        const double a = dk * rho / (dn * (1 - rho));
        const double b = 1 + dk * rho * (dn - 1) / (dn * (1 - rho));
        const double aj = a * jms;
        const double be = b * ems;
        const double v = (aj + be) * (aj + be) / (aj * aj / (dk - 1) + be * be / ((dn - 1) * (dk - 1)));
        icc2.df2 = icc2k.df2 = v;
        if (std::isfinite(v) && v > 0) {
            const double fStar = fQuantile(p, dn - 1, v);
            const double fStar2 = fQuantile(p, v, dn - 1);
            const double c = dk * jms + (dk * dn - dk - dn) * ems;
            icc2.ciLower = dn * (bms - fStar * ems) / (fStar * c + dn * bms);
            icc2.ciUpper = dn * (fStar2 * bms - ems) / (c + dn * fStar2 * bms);
            icc2k.ciLower = dn * (bms - fStar * ems) / (fStar * (jms - ems) + dn * bms);
            icc2k.ciUpper = dn * (fStar2 * bms - ems) / (jms - ems + dn * fStar2 * bms);
        }
    } else if (icc2.value && ems == 0 && bms > 0) {
        icc2.ciLower = icc2.ciUpper = icc2k.ciLower = icc2k.ciUpper = icc2.value;
    }
    return result;
}

} // namespace sb::agreement
