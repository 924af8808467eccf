#include "annotation/live_coding_commands.h"

#include "annotation/annotation_rules.h"
#include "annotation/project_error.h"
#include "annotation/seconds_text.h"

#include <fmt/core.h>

namespace sb::annotation {

void StartState::apply(EditContext& context) {
    endedBefore_.clear();
    replaced_.clear();
    const auto schemeVersion = context.schemes.currentId();
    const auto& scheme = context.schemes.scheme(schemeVersion);
    const auto* code = scheme.code(request_.code);
    if (code != nullptr && code->kind != schemes::CodeKind::State) {
        throw EditRejected(
            fmt::format("'{}' is a point event, not a state that can be started", request_.code));
    }
    if (request_.until <= request_.at) {
        throw EditRejected(fmt::format("cannot start '{}' at {} s: it would end at {} s", request_.code,
                                       formatSeconds(request_.at), formatSeconds(request_.until)));
    }

    const AnnotationId keep = started_.id; // a redo restores the same row
    started_ = Annotation{};
    started_.id = keep;
    started_.session = request_.session;
    started_.coder = request_.coder;
    started_.schemeVersion = schemeVersion;
    started_.code = request_.code;
    started_.subject = request_.subject;
    started_.start = request_.at;
    started_.end = request_.until;
    started_.modifiers = request_.modifiers;
    started_.createdAt = context.store.now();
    started_.modifiedAt = started_.createdAt;
    if (auto problem = annotationProblem(scheme, started_)) {
        throw EditRejected(*problem);
    }
    (void)context.store.session(request_.session);
    (void)context.store.coder(request_.coder);

    // Everything of the group this state would overlap, earliest first.
    for (const auto& other : exclusiveConflicts(context.store, scheme, started_)) {
        if (other.start < request_.at) {
            endedBefore_.push_back(other);
            Annotation ended = other;
            ended.end = request_.at;
            ended.modifiedAt = started_.createdAt;
            context.store.updateAnnotation(ended);
        } else if (other.start == request_.at) {
            replaced_.push_back(other);
            context.store.removeAnnotation(other.id);
        } else if (other.start < *started_.end) {
            started_.end = other.start; // stop where the next one of the group begins
        }
    }
    checkAnnotation(context.store, scheme, started_);
    context.store.insertAnnotation(started_);
}

void StartState::revert(EditContext& context) {
    context.store.removeAnnotation(started_.id);
    for (auto& annotation : replaced_) {
        restoreChecked(context, annotation);
        context.store.insertAnnotation(annotation);
    }
    for (const auto& annotation : endedBefore_) {
        restoreChecked(context, annotation);
        context.store.updateAnnotation(annotation);
    }
}

std::string StartState::description() const {
    return fmt::format("Start '{}' at {} s", request_.code, formatSeconds(request_.at));
}

} // namespace sb::annotation
