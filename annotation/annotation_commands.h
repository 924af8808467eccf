#pragma once
// Edit commands on annotations. Each checks the scheme's rules (annotation_rules.h) against
// the scheme version the result will carry: an annotation keeps the version it was made with,
// except that changing its code moves it to the current version (the new code id is the
// current scheme's).

#include "annotation/annotation.h"
#include "annotation/edit_command.h"

#include <optional>
#include <string>

namespace sb::annotation {

// Adds an annotation (session, coder, code, subject, times, modifiers, comment). Its scheme
// version defaults to the current one; created/modified stamps are set on apply.
class AddAnnotation : public EditCommand {
public:
    explicit AddAnnotation(Annotation annotation)
        : annotation_(std::move(annotation)) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;
    // The id it was stored under (after the first apply).
    [[nodiscard]] AnnotationId id() const { return annotation_.id; }

private:
    Annotation annotation_;
};

class RemoveAnnotation : public EditCommand {
public:
    explicit RemoveAnnotation(AnnotationId id)
        : id_(id) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;

private:
    AnnotationId id_;
    Annotation removed_;
};

// Base of the edits that turn one stored annotation into a changed copy of itself.
class ReplaceAnnotation : public EditCommand {
public:
    void apply(EditContext& context) final;
    void revert(EditContext& context) final;

protected:
    explicit ReplaceAnnotation(AnnotationId id)
        : id_(id) {}
    // The changed annotation; may throw EditRejected for a change that makes no sense.
    [[nodiscard]] virtual Annotation changed(const Annotation& before, EditContext& context) const = 0;
    [[nodiscard]] const Annotation& before() const { return before_; }

private:
    AnnotationId id_;
    Annotation before_;
};

// Shifts an annotation so that it starts at `start`, keeping its duration.
class MoveAnnotation : public ReplaceAnnotation {
public:
    MoveAnnotation(AnnotationId id, Microseconds start)
        : ReplaceAnnotation(id)
        , start_(start) {}
    [[nodiscard]] std::string description() const override;

protected:
    [[nodiscard]] Annotation changed(const Annotation& before, EditContext& context) const override;

private:
    Microseconds start_;
};

// Moves one or both boundaries of a state (for a point event, only its start).
class TrimAnnotation : public ReplaceAnnotation {
public:
    TrimAnnotation(AnnotationId id, std::optional<Microseconds> start, std::optional<Microseconds> end)
        : ReplaceAnnotation(id)
        , start_(start)
        , end_(end) {}
    [[nodiscard]] std::string description() const override;

protected:
    [[nodiscard]] Annotation changed(const Annotation& before, EditContext& context) const override;

private:
    std::optional<Microseconds> start_;
    std::optional<Microseconds> end_;
};

// Any of code, subject, modifiers and comment; fields left empty stay as they are.
struct AnnotationChange {
    std::optional<std::string> code;
    std::optional<std::string> subject;
    bool clearSubject = false; // remove the subject (a nested optional was too easy to misuse)
    std::optional<Modifiers> modifiers;
    std::optional<std::string> comment;
};

class ChangeAnnotation : public ReplaceAnnotation {
public:
    ChangeAnnotation(AnnotationId id, AnnotationChange change)
        : ReplaceAnnotation(id)
        , change_(std::move(change)) {}
    [[nodiscard]] std::string description() const override;

protected:
    [[nodiscard]] Annotation changed(const Annotation& before, EditContext& context) const override;

private:
    AnnotationChange change_;
};

// Cuts a state in two at `at` (strictly inside it): the original keeps [start, at), a copy
// with the same code, subject, modifiers and comment takes [at, end).
class SplitAnnotation : public EditCommand {
public:
    SplitAnnotation(AnnotationId id, Microseconds at)
        : id_(id)
        , at_(at) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;
    [[nodiscard]] AnnotationId secondHalf() const { return second_.id; }

private:
    AnnotationId id_;
    Microseconds at_;
    Annotation before_;
    Annotation second_;
};

// Joins two states of the same coder, code and subject into the earlier one, spanning from
// the first start to the last end (filling any gap, which must not break an exclusive
// group). The earlier one's modifiers stay; comments are joined with a newline.
class MergeAnnotations : public EditCommand {
public:
    MergeAnnotations(AnnotationId first, AnnotationId second)
        : first_(first)
        , second_(second) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;

private:
    AnnotationId first_, second_;
    Annotation keptBefore_;
    Annotation removed_;
};

} // namespace sb::annotation
