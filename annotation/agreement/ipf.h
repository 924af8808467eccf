#pragma once
// The expected table of an agreement table with a structural zero, by iterative proportional
// fitting (Deming & Stephan 1940): the table of independence that has the observed margins and
// an exact 0 in the structural-zero cell. Event-aligned kappa needs it because nil–nil (neither
// coder saw an event) can never be observed, so p_e from plain margin products would be wrong
// (Bakeman, Quera & Gnisci 2009; the same idea in GSEQ, EasyDIAg and ELAN).
//
// Seed: 1 everywhere, 0 in the structural-zero cell. Each sweep scales rows to the row totals,
// then columns to the column totals; a zero margin zeroes its row or column. Stops when every
// margin is within 1e-13 · N of its target, or after 10,000 sweeps.

#include "annotation/agreement/confusion_matrix.h"

#include <cstddef>

namespace sb::agreement {

struct FittedTable {
    ConfusionMatrix expected;
    int sweeps = 0;
    bool converged = false;
};

[[nodiscard]] FittedTable fitWithStructuralZero(const ConfusionMatrix& observed, std::size_t zeroRow,
                                                std::size_t zeroColumn);

} // namespace sb::agreement
