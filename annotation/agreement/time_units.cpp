#include "annotation/agreement/time_units.h"

#include "annotation/agreement/agreement_error.h"

#include <algorithm>
#include <map>

namespace sb::agreement {

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return -floorDiv(-a, b);
}

// The precedence of one coder's events within a unit: latest start, then point over state,
// then smallest code.
bool takesPrecedence(const TimelineEvent& a, const TimelineEvent& b) {
    if (a.start != b.start) {
        return a.start > b.start;
    }
    if (a.isPoint() != b.isPoint()) {
        return a.isPoint();
    }
    return a.code < b.code;
}

} // namespace

UnitCoding codeUnits(const std::vector<CoderTimeline>& coders, const UnitOptions& options) {
    const std::int64_t u = options.unit.count();
    if (u <= 0) {
        throw AgreementError("the time unit must be positive");
    }
    std::map<std::string, int> categories;
    std::int64_t latest = 0;
    bool pointAtLatest = false;
    for (const CoderTimeline& coder : coders) {
        validateTimeline(coder);
        for (const TimelineEvent& event : coder.events) {
            categories.try_emplace(event.code, 0);
            const std::int64_t stop = event.stop().count();
            if (stop > latest) {
                latest = stop;
                pointAtLatest = event.isPoint();
            } else if (stop == latest && event.isPoint()) {
                pointAtLatest = true;
            }
        }
    }
    std::int64_t length = latest;
    if (options.sessionLength) {
        length = options.sessionLength->count();
        if (length < 0) {
            throw AgreementError("the session length must not be negative");
        }
        if (latest > length) {
            throw AgreementError("an event ends at " + std::to_string(latest) +
                                 " µs, after the end of the session (" + std::to_string(length) + " µs)");
        }
        pointAtLatest = pointAtLatest && latest == length;
    }

    UnitCoding coding;
    coding.unit = options.unit;
    coding.unitCount = ceilDiv(length, u) + ((pointAtLatest && length % u == 0) ? 1 : 0);
    for (auto& [code, index] : categories) {
        index = static_cast<int>(coding.categories.size());
        coding.categories.push_back(code);
    }
    coding.categories.emplace_back(kNil);
    const int nil = coding.nil();
    const auto n = static_cast<std::size_t>(coding.unitCount);

    for (const CoderTimeline& coder : coders) {
        coding.coders.push_back(coder.coder);
        std::vector<int> codes(n, nil);
        std::vector<const TimelineEvent*> winner(n, nullptr);
        for (const TimelineEvent& event : coder.events) {
            const std::int64_t s = event.start.count();
            std::int64_t first = 0;
            std::int64_t last = 0;
            if (event.isPoint()) {
                first = last = floorDiv(s, u);
            } else {
                // 2s ≤ (2k+1)u  ⇔  k ≥ (2s − u) / 2u;   (2k+1)u < 2e  ⇔  k ≤ (2e − 1 − u) / 2u.
                const std::int64_t e = event.end->count();
                first = std::max<std::int64_t>(0, ceilDiv(2 * s - u, 2 * u));
                last = std::min<std::int64_t>(coding.unitCount - 1, floorDiv(2 * e - 1 - u, 2 * u));
            }
            const int category = categories.at(event.code);
            for (std::int64_t k = first; k <= last; ++k) {
                const auto unit = static_cast<std::size_t>(k);
                if (winner[unit] == nullptr || takesPrecedence(event, *winner[unit])) {
                    winner[unit] = &event;
                    codes[unit] = category;
                }
            }
        }
        coding.codes.push_back(std::move(codes));
    }
    return coding;
}

} // namespace sb::agreement
