#include "annotation/agreement/chance_corrected.h"

namespace sb::agreement {

std::optional<double> chanceCorrect(double observed, double expected) {
    if (1 - expected == 0) {
        return std::nullopt;
    }
    return (observed - expected) / (1 - expected);
}

} // namespace sb::agreement
