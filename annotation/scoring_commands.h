#pragma once
// Edit commands for segment boundaries, scale scores and session judgements, checked against
// the current scheme version.

#include "annotation/edit_command.h"
#include "annotation/scoring.h"

#include <optional>
#include <string>
#include <vector>

namespace sb::annotation {

// Marks where segment `segment` begins: the segment instance running at `at` (if any) ends
// there, and a new instance starts, lasting as long as the one it cut did (or open-ended).
class MarkSegmentBoundary : public EditCommand {
public:
    MarkSegmentBoundary(SessionId session, std::string segment, Microseconds at, CoderId author)
        : session_(session)
        , segment_(std::move(segment))
        , at_(at)
        , author_(author) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;
    [[nodiscard]] SegmentInstanceId id() const { return started_.id; }

private:
    SessionId session_;
    std::string segment_;
    Microseconds at_;
    CoderId author_;
    std::optional<SegmentInstance> cutBefore_;
    SegmentInstance started_;
};

// Sets (or with no value, clears) one coder's score of a scale in a segment instance,
// toward a target subject ("" for none).
class ScoreScale : public EditCommand {
public:
    ScoreScale(SegmentInstanceId instance, std::string scale, std::string targetSubject, CoderId coder,
               std::optional<int> value)
        : instance_(instance)
        , scale_(std::move(scale))
        , target_(std::move(targetSubject))
        , coder_(coder)
        , value_(value) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;

private:
    SegmentInstanceId instance_;
    std::string scale_;
    std::string target_;
    CoderId coder_;
    std::optional<int> value_;
    std::optional<ScaleScore> previous_;
};

// Sets (or with no value, clears) one coder's answer to a session-level judgement: an option
// id (several joined by ';' when the judgement allows several), an integer rating, or text.
class SetJudgement : public EditCommand {
public:
    SetJudgement(SessionId session, CoderId coder, std::string judgement, std::optional<std::string> value)
        : session_(session)
        , coder_(coder)
        , judgement_(std::move(judgement))
        , value_(std::move(value)) {}
    void apply(EditContext& context) override;
    void revert(EditContext& context) override;
    [[nodiscard]] std::string description() const override;

private:
    SessionId session_;
    CoderId coder_;
    std::string judgement_;
    std::optional<std::string> value_;
    std::optional<SessionJudgement> previous_;
};

} // namespace sb::annotation
