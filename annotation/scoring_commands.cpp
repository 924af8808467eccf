#include "annotation/scoring_commands.h"

#include "annotation/project_error.h"
#include "annotation/seconds_text.h"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace sb::annotation {

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The whole text as a base-10 integer.
std::optional<int> parseInteger(std::string_view text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || stop != end) {
        return std::nullopt;
    }
    return value;
}

void checkJudgementValue(const schemes::Judgement& judgement, const std::string& value) {
    switch (judgement.kind) {
    case schemes::JudgementKind::Category: {
        std::vector<std::string> picked;
        if (judgement.multiple) {
            for (std::size_t from = 0;;) {
                const auto semicolon = value.find(';', from);
                picked.push_back(value.substr(from, semicolon - from));
                if (semicolon == std::string::npos) {
                    break;
                }
                from = semicolon + 1;
            }
        } else {
            picked.push_back(value);
        }
        std::set<std::string> seen;
        for (const auto& id : picked) {
            const bool known = std::any_of(judgement.options.begin(), judgement.options.end(),
                                           [&](const schemes::JudgementOption& o) { return o.id == id; });
            if (!known) {
                throw EditRejected(fmt::format("'{}' is not an option of judgement '{}'", id, judgement.id));
            }
            if (!seen.insert(id).second) {
                throw EditRejected(
                    fmt::format("option '{}' of judgement '{}' is given twice", id, judgement.id));
            }
        }
        break;
    }
    case schemes::JudgementKind::Rating: {
        const auto rating = parseInteger(value);
        if (!rating || *rating < judgement.min || *rating > judgement.max) {
            throw EditRejected(fmt::format("judgement '{}' is a rating from {} to {}, not '{}'", judgement.id,
                                           judgement.min, judgement.max, value));
        }
        break;
    }
    case schemes::JudgementKind::Text:
        if (value.empty()) {
            throw EditRejected(
                fmt::format("judgement '{}' needs some text (clear it instead)", judgement.id));
        }
        break;
    }
}

// Whether scale `scale` is scored in segment `segment` toward `target`.
bool scaleApplies(const schemes::Scale& scale, const std::string& segment, const std::string& target) {
    if (scale.appliesTo.empty()) {
        return target.empty();
    }
    return std::any_of(
        scale.appliesTo.begin(), scale.appliesTo.end(), [&](const schemes::ScaleApplication& a) {
            return (a.segmentIds.empty() || contains(a.segmentIds, segment)) && a.targetSubjectId == target;
        });
}

} // namespace

// ---- segment boundaries

void MarkSegmentBoundary::apply(EditContext& context) {
    const auto schemeVersion = context.schemes.currentId();
    const auto& scheme = context.schemes.scheme(schemeVersion);
    if (scheme.segment(segment_) == nullptr) {
        throw EditRejected(
            fmt::format("unknown segment '{}' (not in scheme {} {})", segment_, scheme.id, scheme.version));
    }
    (void)context.store.session(session_);
    (void)context.store.coder(author_);
    cutBefore_.reset();
    const SegmentInstanceId keep = started_.id;
    started_ = SegmentInstance{keep,         session_, segment_,      at_,
                               std::nullopt, author_,  schemeVersion, context.store.now()};
    for (const auto& instance : context.store.segmentInstances(session_)) {
        if (instance.start == at_) {
            throw EditRejected(
                fmt::format("segment '{}' already begins at {} s", instance.segment, formatSeconds(at_)));
        }
        const bool running = instance.start < at_ && (!instance.end || *instance.end > at_);
        if (running) {
            cutBefore_ = instance;
            started_.end = instance.end;
            SegmentInstance cut = instance;
            cut.end = at_;
            cut.modifiedAt = started_.modifiedAt;
            context.store.updateSegmentInstance(cut);
        } else if (instance.start > at_ && (!started_.end || instance.start < *started_.end)) {
            started_.end = instance.start; // segments follow each other, they never overlap
        }
    }
    context.store.insertSegmentInstance(started_);
}

void MarkSegmentBoundary::revert(EditContext& context) {
    context.store.removeSegmentInstance(started_.id);
    if (cutBefore_) {
        context.store.updateSegmentInstance(*cutBefore_);
    }
}

std::string MarkSegmentBoundary::description() const {
    return fmt::format("Mark '{}' at {} s", segment_, formatSeconds(at_));
}

// ---- scale scores

void ScoreScale::apply(EditContext& context) {
    const auto instance = context.store.segmentInstance(instance_);
    if (!instance) {
        throw NotFound(fmt::format("{}: no segment instance {}", context.store.fileName(), instance_.value));
    }
    (void)context.store.coder(coder_);
    const auto schemeVersion = context.schemes.currentId();
    const auto& scheme = context.schemes.scheme(schemeVersion);
    const auto* scale = scheme.scale(scale_);
    if (scale == nullptr) {
        throw EditRejected(fmt::format("unknown scale '{}'", scale_));
    }
    if (!scaleApplies(*scale, instance->segment, target_)) {
        throw EditRejected(fmt::format("scale '{}' is not scored in segment '{}'{}", scale_,
                                       instance->segment,
                                       target_.empty() ? "" : fmt::format(" toward '{}'", target_)));
    }
    if (value_ && (*value_ < scale->min || *value_ > scale->max)) {
        throw EditRejected(fmt::format("scale '{}' runs from {} to {}; {} is outside it", scale_, scale->min,
                                       scale->max, *value_));
    }
    previous_ = context.store.scaleScore(Viewer::wholeProject(), instance_, scale_, target_, coder_);
    if (value_) {
        context.store.putScaleScore(
            {instance_, scale_, target_, coder_, *value_, schemeVersion, context.store.now()});
    } else {
        context.store.removeScaleScore(instance_, scale_, target_, coder_);
    }
}

void ScoreScale::revert(EditContext& context) {
    if (previous_) {
        context.store.putScaleScore(*previous_);
    } else {
        context.store.removeScaleScore(instance_, scale_, target_, coder_);
    }
}

std::string ScoreScale::description() const {
    return value_ ? fmt::format("Score '{}' {}", scale_, *value_) : fmt::format("Clear '{}'", scale_);
}

// ---- judgements

void SetJudgement::apply(EditContext& context) {
    (void)context.store.session(session_);
    (void)context.store.coder(coder_);
    const auto schemeVersion = context.schemes.currentId();
    const auto* judgement = context.schemes.scheme(schemeVersion).judgement(judgement_);
    if (judgement == nullptr) {
        throw EditRejected(fmt::format("unknown judgement '{}'", judgement_));
    }
    if (value_) {
        checkJudgementValue(*judgement, *value_);
    }
    previous_ = context.store.judgement(Viewer::wholeProject(), session_, coder_, judgement_);
    if (value_) {
        context.store.putJudgement(
            {session_, coder_, judgement_, *value_, schemeVersion, context.store.now()});
    } else {
        context.store.removeJudgement(session_, coder_, judgement_);
    }
}

void SetJudgement::revert(EditContext& context) {
    if (previous_) {
        context.store.putJudgement(*previous_);
    } else {
        context.store.removeJudgement(session_, coder_, judgement_);
    }
}

std::string SetJudgement::description() const {
    return value_ ? fmt::format("Set '{}' to {}", judgement_, *value_)
                  : fmt::format("Clear '{}'", judgement_);
}

} // namespace sb::annotation
