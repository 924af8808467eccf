#pragma once
// Byrt, Bishop & Carlin (1993), "Bias, prevalence and kappa", J Clin Epidemiol 46:423–429:
// kappa's dependence on the prevalence of a category and on the coders' bias, made visible.
//
//   PABAK = (k·p_o − 1) / (k − 1)        (2·p_o − 1 for two categories)
//   prevalence index PI = (a − d) / n    bias index BI = (b − c) / n
//
// where, for two categories in scale order, a = both first, d = both second, b = coder 1 first
// and coder 2 second, c = the reverse. PI and BI are signed as published (|PI|, |BI| are
// often quoted) and exist for two categories only. Byrt et al. show
// kappa = (PABAK − PI² + BI²) / (1 − PI² + BI²).

#include "annotation/agreement/confusion_matrix.h"
#include "annotation/agreement/ratings_table.h"

#include <cstddef>
#include <optional>

namespace sb::agreement {

struct PrevalenceAdjusted {
    std::optional<double> pabak;           // none with fewer than 2 categories
    double observed = 0;                   // p_o
    std::size_t categories = 0;            // k
    std::optional<double> prevalenceIndex; // two categories only
    std::optional<double> biasIndex;       // two categories only
    std::size_t units = 0;
};

[[nodiscard]] PrevalenceAdjusted pabak(const ConfusionMatrix& table);
[[nodiscard]] PrevalenceAdjusted pabak(const RatingsTable& ratings);

} // namespace sb::agreement
