#include "app/gui/supervision/review_disagreements.h"

#include <algorithm>
#include <climits>

namespace sb::gui {
namespace {

std::string orNone(const std::string& code) {
    return code == agreement::kNil ? std::string() : code;
}

ReviewDisagreement::Side sideOf(const std::string& reference, const std::string& trainee) {
    if (reference.empty())
        return ReviewDisagreement::Side::TraineeOnly;
    if (trainee.empty())
        return ReviewDisagreement::Side::ReferenceOnly;
    return ReviewDisagreement::Side::Different;
}

} // namespace

std::vector<ReviewDisagreement> reviewDisagreements(const annotation::TimelineAgreement& result) {
    std::vector<ReviewDisagreement> out;
    for (const auto& stream : result.streams) {
        if (stream.pairs.empty())
            continue;
        const auto& pair = stream.pairs.front();
        const std::string name = stream.stream.name();
        if (pair.timeUnit) {
            for (const auto& span : pair.timeUnit->disagreements) {
                // With a tolerance, a run both coders are forgiven for is not a disagreement.
                if (span.forgivenForCoder1 && span.forgivenForCoder2)
                    continue;
                ReviewDisagreement d;
                d.start = span.start.count();
                d.end = span.end.count();
                d.stream = name;
                d.reference = orNone(span.code1);
                d.trainee = orNone(span.code2);
                d.side = sideOf(d.reference, d.trainee);
                out.push_back(std::move(d));
            }
        } else if (pair.events) {
            const auto& events1 = stream.timelines[pair.coder1].events;
            const auto& events2 = stream.timelines[pair.coder2].events;
            for (const auto& p : pair.events->pairings) {
                if (p.kind == agreement::PairingKind::Paired && p.code1 == p.code2)
                    continue;
                const agreement::TimelineEvent* first = p.event1 ? &events1[*p.event1] : nullptr;
                const agreement::TimelineEvent* second = p.event2 ? &events2[*p.event2] : nullptr;
                ReviewDisagreement d;
                d.start = std::min(first ? first->start.count() : INT64_MAX,
                                   second ? second->start.count() : INT64_MAX);
                d.end = std::max(first ? first->stop().count() : 0, second ? second->stop().count() : 0);
                d.end = std::max(d.end, d.start + 1); // a point event is still a place to go
                d.stream = name;
                d.reference = orNone(p.code1);
                d.trainee = orNone(p.code2);
                d.side = sideOf(d.reference, d.trainee);
                out.push_back(std::move(d));
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ReviewDisagreement& a, const ReviewDisagreement& b) {
        return a.start != b.start ? a.start < b.start : a.stream < b.stream;
    });
    return out;
}

} // namespace sb::gui
