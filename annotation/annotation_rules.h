#pragma once
// The coding scheme's rules for one annotation, checked before anything is written (edit
// commands, importers). Reasons are sentences a coder can act on; importers prefix them
// with FILE:ROW.
//
//   - the code exists in the annotation's scheme version;
//   - a point event has no end; a state has an end after its start;
//   - the subject exists and is one the code allows (a code that lists subjects needs one);
//   - each modifier set applies to the code and its value is valid (a choice's value id, a
//     number in range, non-empty text). Required modifiers are not enforced here: live coding
//     stores a state the moment its key is pressed, before the modifier is chosen; reviews
//     list what is missing (missingRequiredModifiers);
//   - states of one exclusive group never overlap for the same coder and subject (intervals
//     are half-open, so one may end exactly where the next starts).

#include "annotation/annotation.h"
#include "schemes/coding_scheme.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sb::annotation {

class ProjectStore;

// Why `annotation` breaks the scheme's rules for a single annotation, or none.
[[nodiscard]] std::optional<std::string> annotationProblem(const schemes::CodingScheme& scheme,
                                                           const Annotation& annotation);

// Whether two states of `scheme` can never overlap for one coder and subject.
[[nodiscard]] bool sameExclusiveGroup(const schemes::CodingScheme& scheme, const std::string& codeA,
                                      const std::string& codeB);

// The coder's stored states that `annotation` would overlap within its exclusive group,
// leaving out the annotations in `ignoring` (the ones an edit replaces).
[[nodiscard]] std::vector<Annotation> exclusiveConflicts(ProjectStore& store,
                                                         const schemes::CodingScheme& scheme,
                                                         const Annotation& annotation,
                                                         std::span<const AnnotationId> ignoring = {});

// "'cry' (12–15 s) would overlap 'fuss' (14–20 s): both are in exclusive group 'distress'
// for subject 'infant'".
[[nodiscard]] std::string describeConflict(const schemes::CodingScheme& scheme, const Annotation& annotation,
                                           const Annotation& other);

// Throws EditRejected for the first problem: annotationProblem, then exclusiveConflicts.
void checkAnnotation(ProjectStore& store, const schemes::CodingScheme& scheme, const Annotation& annotation,
                     std::span<const AnnotationId> ignoring = {});

// Required modifier sets of the code that the annotation has no value for.
[[nodiscard]] std::vector<std::string> missingRequiredModifiers(const schemes::CodingScheme& scheme,
                                                                const Annotation& annotation);

} // namespace sb::annotation
