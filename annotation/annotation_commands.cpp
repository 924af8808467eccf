#include "annotation/annotation_commands.h"

#include "annotation/annotation_rules.h"
#include "annotation/project_error.h"
#include "annotation/seconds_text.h"

#include <fmt/core.h>

#include <array>

namespace sb::annotation {

namespace {

Annotation load(EditContext& context, AnnotationId id) {
    // Edits act on the record itself; who may edit whose work is decided before a command is
    // made (the GUI offers only the viewer's own annotations while the project is blind).
    auto found = context.store.annotation(Viewer::wholeProject(), id);
    if (!found) {
        throw NotFound(fmt::format("{}: no annotation {}", context.store.fileName(), id.value));
    }
    return *found;
}

} // namespace

void restoreChecked(EditContext& context, const Annotation& annotation) {
    checkAnnotation(context.store, context.schemes.scheme(annotation.schemeVersion), annotation);
}

// ---- add / remove

void AddAnnotation::apply(EditContext& context) {
    if (!annotation_.schemeVersion.stored()) {
        annotation_.schemeVersion = context.schemes.currentId();
    }
    (void)context.store.session(annotation_.session); // NotFound names the file and id
    (void)context.store.coder(annotation_.coder);
    checkAnnotation(context.store, context.schemes.scheme(annotation_.schemeVersion), annotation_);
    if (annotation_.createdAt.count() == 0) {
        annotation_.createdAt = context.store.now();
    }
    annotation_.modifiedAt = annotation_.createdAt;
    context.store.insertAnnotation(annotation_); // a redo reuses the id of the first apply
}

void AddAnnotation::revert(EditContext& context) {
    context.store.removeAnnotation(annotation_.id);
}

std::string AddAnnotation::description() const {
    return fmt::format("Add '{}'", annotation_.code);
}

void RemoveAnnotation::apply(EditContext& context) {
    removed_ = load(context, id_);
    context.store.removeAnnotation(id_);
}

void RemoveAnnotation::revert(EditContext& context) {
    restoreChecked(context, removed_);
    context.store.insertAnnotation(removed_);
}

std::string RemoveAnnotation::description() const {
    return fmt::format("Remove '{}'", removed_.code);
}

// ---- replace: move, trim, change

void ReplaceAnnotation::apply(EditContext& context) {
    before_ = load(context, id_);
    Annotation after = changed(before_, context);
    after.modifiedAt = context.store.now();
    checkAnnotation(context.store, context.schemes.scheme(after.schemeVersion), after);
    context.store.updateAnnotation(after);
}

void ReplaceAnnotation::revert(EditContext& context) {
    restoreChecked(context, before_);
    context.store.updateAnnotation(before_);
}

Annotation MoveAnnotation::changed(const Annotation& before, EditContext&) const {
    Annotation after = before;
    const auto shift = start_ - before.start;
    after.start += shift;
    if (after.end) {
        *after.end += shift;
    }
    return after;
}

std::string MoveAnnotation::description() const {
    return fmt::format("Move '{}' to {} s", before().code, formatSeconds(start_));
}

Annotation TrimAnnotation::changed(const Annotation& before, EditContext&) const {
    if (end_ && before.isPoint()) {
        throw EditRejected(fmt::format("'{}' is a point event: it has no end to trim", before.code));
    }
    Annotation after = before;
    if (start_) {
        after.start = *start_;
    }
    if (end_) {
        after.end = *end_;
    }
    return after;
}

std::string TrimAnnotation::description() const {
    return fmt::format("Trim '{}'", before().code);
}

Annotation ChangeAnnotation::changed(const Annotation& before, EditContext& context) const {
    Annotation after = before;
    if (change_.code && *change_.code != before.code) {
        after.code = *change_.code;
        after.schemeVersion = context.schemes.currentId();
    }
    if (change_.clearSubject) {
        after.subject.reset();
    } else if (change_.subject) {
        after.subject = *change_.subject;
    }
    if (change_.modifiers) {
        after.modifiers = *change_.modifiers;
    }
    if (change_.comment) {
        after.comment = *change_.comment;
    }
    return after;
}

std::string ChangeAnnotation::description() const {
    if (change_.code) {
        return fmt::format("Change '{}' to '{}'", before().code, *change_.code);
    }
    return fmt::format("Change '{}'", before().code);
}

// ---- split / merge

void SplitAnnotation::apply(EditContext& context) {
    before_ = load(context, id_);
    if (before_.isPoint() || at_ <= before_.start || at_ >= *before_.end) {
        throw EditRejected(fmt::format("cannot split '{}' at {} s: a split point must lie inside a state",
                                       before_.code, formatSeconds(at_)));
    }
    Annotation first = before_;
    first.end = at_;
    first.modifiedAt = context.store.now();
    const AnnotationId keep = second_.id; // from an earlier apply, so a redo brings back the same row
    second_ = before_;
    second_.id = keep;
    second_.start = at_;
    second_.createdAt = first.modifiedAt;
    second_.modifiedAt = first.modifiedAt;
    const auto& scheme = context.schemes.scheme(before_.schemeVersion);
    checkAnnotation(context.store, scheme, first);
    context.store.updateAnnotation(first);
    checkAnnotation(context.store, scheme, second_);
    context.store.insertAnnotation(second_);
}

void SplitAnnotation::revert(EditContext& context) {
    context.store.removeAnnotation(second_.id);
    restoreChecked(context, before_);
    context.store.updateAnnotation(before_);
}

std::string SplitAnnotation::description() const {
    return fmt::format("Split '{}'", before_.code);
}

void MergeAnnotations::apply(EditContext& context) {
    auto a = load(context, first_);
    auto b = load(context, second_);
    if (first_ == second_) {
        throw EditRejected("cannot merge an annotation with itself");
    }
    if (a.isPoint() || b.isPoint()) {
        throw EditRejected("only states can be merged");
    }
    if (a.session != b.session || a.coder != b.coder || a.code != b.code || a.subject != b.subject) {
        throw EditRejected(
            fmt::format("cannot merge '{}' with '{}': merged states must share session, coder, "
                        "code and subject",
                        a.code, b.code));
    }
    if (b.start < a.start || (b.start == a.start && b.id < a.id)) {
        std::swap(a, b);
    }
    keptBefore_ = a;
    removed_ = b;
    Annotation merged = a;
    merged.end = std::max(*a.end, *b.end);
    if (!b.comment.empty() && b.comment != a.comment) {
        merged.comment = a.comment.empty() ? b.comment : a.comment + "\n" + b.comment;
    }
    merged.modifiedAt = context.store.now();
    const std::array ignoring{b.id};
    checkAnnotation(context.store, context.schemes.scheme(merged.schemeVersion), merged, ignoring);
    context.store.removeAnnotation(b.id);
    context.store.updateAnnotation(merged);
}

void MergeAnnotations::revert(EditContext& context) {
    context.store.updateAnnotation(keptBefore_);
    restoreChecked(context, removed_);
    context.store.insertAnnotation(removed_);
}

std::string MergeAnnotations::description() const {
    return fmt::format("Merge '{}'", keptBefore_.code);
}

} // namespace sb::annotation
