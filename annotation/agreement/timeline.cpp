#include "annotation/agreement/timeline.h"

#include "annotation/agreement/agreement_error.h"

namespace sb::agreement {

void validateTimeline(const CoderTimeline& timeline) {
    for (std::size_t i = 0; i < timeline.events.size(); ++i) {
        const TimelineEvent& event = timeline.events[i];
        const std::string where = "coder '" + timeline.coder + "', event " + std::to_string(i + 1) + " ('" +
                                  event.code + "' at " + std::to_string(event.start.count()) + " µs): ";
        if (event.code.empty()) {
            throw AgreementError(where + "the code is empty");
        }
        if (event.code == kNil) {
            throw AgreementError(where + "'nil' is reserved for time no code covers");
        }
        if (event.start.count() < 0) {
            throw AgreementError(where + "starts before the session");
        }
        if (event.end && *event.end <= event.start) {
            throw AgreementError(where + "a state must end after it starts");
        }
    }
}

} // namespace sb::agreement
