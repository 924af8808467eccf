#pragma once
// A training criterion in the interface language, one line per requirement, in the order of the
// training status's requirements: the workstation's counterpart of annotation::describe(), which
// writes the English of files and the command line. Groups, codes, scales and judgements are
// named with the scheme's labels, numbers with the display digits.

#include "annotation/training/training_criterion.h"
#include "schemes/coding_scheme.h"

#include <QStringList>

namespace sb::gui {

[[nodiscard]] QStringList criterionText(const annotation::TrainingCriterion& criterion,
                                        const schemes::CodingScheme& scheme);

} // namespace sb::gui
