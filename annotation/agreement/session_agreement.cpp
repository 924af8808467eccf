#include "annotation/agreement/session_agreement.h"

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/percent_agreement.h"
#include "annotation/project_error.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace sb::annotation {

namespace ag = sb::agreement;

namespace {

std::string errorText(const std::string& file, const std::string& session, const std::string& coder,
                      const std::string& reason) {
    std::string where = file;
    if (!session.empty()) {
        where += fmt::format(": session '{}'", session);
    }
    if (!coder.empty()) {
        where += fmt::format(": coder '{}'", coder);
    }
    return where + ": " + reason;
}

struct ChosenCoders {
    std::vector<Coder> coders;
};

ChosenCoders chooseCoders(ProjectStore& store, const std::vector<std::string>& names,
                          const std::string& session) {
    if (names.size() < 2) {
        throw SessionAgreementError(
            store.fileName(), session, "",
            fmt::format("agreement needs at least two coders; {} given", names.size()));
    }
    ChosenCoders chosen;
    std::set<std::string> seen;
    for (const std::string& name : names) {
        if (!seen.insert(name).second) {
            throw SessionAgreementError(store.fileName(), session, name, "the coder is named twice");
        }
        chosen.coders.push_back(store.coderNamed(name)); // NotFound names the file and the coder
    }
    return chosen;
}

// The session clock starts at 0: what lies before it (a state begun before the recording's
// zero, on a camera with a negative offset) is cut off, as the time-unit grid starts at 0.
std::optional<ag::TimelineEvent> onSessionClock(const Annotation& a) {
    if (a.isPoint()) {
        if (a.start < Microseconds{0}) {
            return std::nullopt;
        }
        return ag::TimelineEvent{a.code, a.start, std::nullopt};
    }
    if (*a.end <= Microseconds{0}) {
        return std::nullopt;
    }
    return ag::TimelineEvent{a.code, std::max(a.start, Microseconds{0}), a.end};
}

using StreamKey = std::tuple<int, std::string, bool, std::string>; // kind, id, has subject, subject

StreamKey keyOf(const Stream& s) {
    return {static_cast<int>(s.kind), s.id, s.subject.has_value(), s.subject.value_or("")};
}

std::vector<std::pair<std::size_t, std::size_t>> allPairs(std::size_t coders) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < coders; ++i) {
        for (std::size_t j = i + 1; j < coders; ++j) {
            pairs.emplace_back(i, j);
        }
    }
    return pairs;
}

// The units both coders judged, as a two-coder table (the pairwise methods' input).
ag::RatingsTable twoCoders(const ag::RatingsTable& table, std::size_t c1, std::size_t c2) {
    ag::RatingsTable pair;
    pair.coders = {table.coders[c1], table.coders[c2]};
    pair.categories = table.categories;
    for (std::size_t u = 0; u < table.unitCount(); ++u) {
        const auto& v1 = table.value(u, c1);
        const auto& v2 = table.value(u, c2);
        if (v1 && v2) {
            pair.units.push_back(table.units[u]);
            pair.values.push_back(v1);
            pair.values.push_back(v2);
        }
    }
    return pair;
}

RatingsPair pairFigures(const ag::RatingsTable& table, std::size_t c1, std::size_t c2, bool weighted) {
    RatingsPair figures;
    figures.coder1 = c1;
    figures.coder2 = c2;
    const ag::RatingsTable pair = twoCoders(table, c1, c2);
    figures.units = pair.unitCount();
    if (figures.units == 0) {
        figures.problem = "no unit was judged by both coders";
        return figures;
    }
    std::size_t same = 0;
    for (std::size_t u = 0; u < pair.unitCount(); ++u) {
        same += pair.value(u, 0) == pair.value(u, 1) ? 1 : 0;
    }
    figures.percentAgreement = static_cast<double>(same) / static_cast<double>(figures.units);
    try {
        if (weighted) {
            figures.linearKappa = ag::weightedKappa(pair, ag::KappaWeights::Linear);
            figures.quadraticKappa = ag::weightedKappa(pair, ag::KappaWeights::Quadratic);
        } else {
            figures.kappa = ag::cohenKappa(pair);
        }
    } catch (const ag::AgreementError& e) {
        figures.problem = e.what();
    }
    return figures;
}

std::vector<Session> chooseSessions(ProjectStore& store, const std::vector<std::string>& names) {
    if (names.empty()) {
        throw SessionAgreementError(store.fileName(), "", "", "name at least one session");
    }
    std::vector<Session> sessions;
    std::set<std::string> seen;
    for (const std::string& name : names) {
        if (!seen.insert(name).second) {
            throw SessionAgreementError(store.fileName(), name, "", "the session is named twice");
        }
        sessions.push_back(store.sessionNamed(name));
    }
    return sessions;
}

} // namespace

SessionAgreementError::SessionAgreementError(std::string file, std::string session, std::string coder,
                                             const std::string& reason)
    : std::runtime_error(errorText(file, session, coder, reason))
    , file_(std::move(file))
    , session_(std::move(session))
    , coder_(std::move(coder)) {}

std::string Stream::name() const {
    return subject ? fmt::format("{} ({})", id, *subject) : id;
}

std::string_view methodName(TimelineMethod method) {
    return method == TimelineMethod::TimeUnit ? "time-unit" : "event";
}

TimelineAgreement timelineAgreement(Project& project, const TimelineRequest& request) {
    ProjectStore& store = project.store();
    const std::string& file = store.fileName();
    const Session session = store.sessionNamed(request.session);
    const ChosenCoders chosen = chooseCoders(store, request.coders, request.session);
    const schemes::CodingScheme& scheme = project.scheme();
    if (request.group && scheme.group(*request.group) == nullptr) {
        throw SessionAgreementError(file, request.session, "",
                                    fmt::format("no exclusive group '{}' in scheme {} {}", *request.group,
                                                scheme.id, scheme.version));
    }

    TimelineAgreement result;
    result.file = file;
    result.session = session.name;
    result.coders = request.coders;
    result.method = request.method;
    result.unit = request.unit;
    if (request.method == TimelineMethod::TimeUnit) {
        if (request.unit <= Microseconds{0}) {
            throw SessionAgreementError(file, request.session, "", "the time unit must be longer than 0");
        }
        result.tolerance = request.tolerance.value_or(Microseconds{0});
        if (result.tolerance < Microseconds{0} || result.tolerance % request.unit != Microseconds{0}) {
            throw SessionAgreementError(file, request.session, "",
                                        "the tolerance must be a whole number of time units, 0 or more");
        }
        result.toleranceUnits = static_cast<int>(result.tolerance / request.unit);
    } else {
        result.tolerance = request.tolerance.value_or(ag::EventAlignmentOptions{}.onsetTolerance);
        if (result.tolerance < Microseconds{0}) {
            throw SessionAgreementError(file, request.session, "", "the onset tolerance must be 0 or more");
        }
    }

    // Every chosen coder's annotations, sorted into streams.
    const std::size_t n = chosen.coders.size();
    std::map<StreamKey, std::pair<Stream, std::vector<ag::CoderTimeline>>> streams;
    const Viewer everyone = Viewer::wholeProject();
    for (std::size_t c = 0; c < n; ++c) {
        const Coder& coder = chosen.coders[c];
        AnnotationFilter filter;
        filter.session = session.id;
        filter.coder = coder.id;
        const std::vector<Annotation> annotations = store.annotations(everyone, filter);
        if (annotations.empty()) {
            throw SessionAgreementError(file, session.name, coder.name,
                                        "the coder has no annotations in this session");
        }
        for (const Annotation& a : annotations) {
            // Every annotation counts toward the session's length, whatever its stream.
            result.sessionLength = std::max(result.sessionLength, a.end.value_or(a.start));
            const schemes::ExclusiveGroup* group = scheme.groupOf(a.code);
            if (request.group && (group == nullptr || group->id != *request.group)) {
                continue;
            }
            const auto event = onSessionClock(a);
            if (!event) {
                continue;
            }
            Stream stream;
            stream.kind = group != nullptr ? Stream::Kind::Group : Stream::Kind::Code;
            stream.id = group != nullptr ? group->id : a.code;
            stream.subject = a.subject;
            stream.codes = group != nullptr ? group->codeIds : std::vector<std::string>{a.code};
            auto [it, added] = streams.try_emplace(keyOf(stream));
            if (added) {
                it->second.first = stream;
                for (const Coder& each : chosen.coders) {
                    it->second.second.push_back(ag::CoderTimeline{each.name, {}});
                }
            }
            it->second.second[c].events.push_back(*event);
        }
    }
    if (request.group && streams.empty()) {
        // Nobody used the group: still an answer (every unit nil for everyone).
        Stream stream{Stream::Kind::Group, *request.group, std::nullopt,
                      scheme.group(*request.group)->codeIds};
        auto& entry = streams[keyOf(stream)];
        entry.first = stream;
        for (const Coder& each : chosen.coders) {
            entry.second.push_back(ag::CoderTimeline{each.name, {}});
        }
    }

    const auto pairs = allPairs(n);
    for (auto& [key, entry] : streams) {
        auto& [stream, timelines] = entry;
        StreamAgreement out;
        out.stream = stream;
        if (request.method == TimelineMethod::TimeUnit) {
            const ag::TimeUnitKappaOptions options{request.unit, result.toleranceUnits, result.sessionLength};
            if (n == 2) {
                out.pairs.push_back(
                    {0, 1, ag::timeUnitKappa(timelines[0], timelines[1], options), std::nullopt});
            } else {
                ag::MultiCoderAgreement multi = ag::multiCoderAgreement(timelines, options);
                for (ag::PairwiseTimeUnitKappa& p : multi.pairs) {
                    out.pairs.push_back({p.coder1, p.coder2, std::move(p.agreement), std::nullopt});
                }
                multi.pairs.clear(); // kept once, in out.pairs
                out.multiCoder = std::move(multi);
            }
        } else {
            ag::EventAlignmentOptions options;
            options.onsetTolerance = result.tolerance;
            result.minimumOverlap = options.minimumOverlap;
            double sum = 0;
            int defined = 0;
            for (const auto& [i, j] : pairs) {
                ag::EventAlignment alignment = ag::alignEvents(timelines[i], timelines[j], options);
                if (alignment.kappa) {
                    sum += *alignment.kappa;
                    ++defined;
                }
                out.pairs.push_back({i, j, std::nullopt, std::move(alignment)});
            }
            if (n > 2 && defined > 0) {
                out.meanPairwiseKappa = sum / defined;
            }
        }
        out.timelines = std::move(timelines);
        result.streams.push_back(std::move(out));
    }
    return result;
}

namespace {

// A chosen coder with nothing of `what` in the sessions has not done the work yet: an error,
// not a zero (docs/agreement.md).
void requireWorkFromEveryCoder(ProjectStore& store, const std::vector<Session>& sessions,
                               const ChosenCoders& chosen, const std::vector<std::size_t>& countPerCoder,
                               const std::string& what) {
    for (std::size_t c = 0; c < countPerCoder.size(); ++c) {
        if (countPerCoder[c] == 0) {
            throw SessionAgreementError(store.fileName(), sessions.size() == 1 ? sessions[0].name : "",
                                        chosen.coders[c].name,
                                        "the coder has no " + what + " in the sessions given");
        }
    }
}

// The file, sessions and coders a ratings result is about.
template <typename Result>
void describeRequest(Result& result, ProjectStore& store, const std::vector<Session>& sessions,
                     const RatingsRequest& request) {
    result.file = store.fileName();
    for (const Session& s : sessions) {
        result.sessions.push_back(s.name);
    }
    result.coders = request.coders;
}

} // namespace

ScalesAgreement scalesAgreement(Project& project, const RatingsRequest& request) {
    ProjectStore& store = project.store();
    const std::vector<Session> sessions = chooseSessions(store, request.sessions);
    const ChosenCoders chosen = chooseCoders(store, request.coders, "");
    const schemes::CodingScheme& scheme = project.scheme();
    const Viewer everyone = Viewer::wholeProject();
    const std::size_t n = chosen.coders.size();

    std::map<CoderId, std::size_t> column;
    for (std::size_t c = 0; c < n; ++c) {
        column[chosen.coders[c].id] = c;
    }
    // scale -> unit key -> values per coder
    std::map<std::string, std::map<std::string, std::vector<std::optional<std::string>>>> byScale;
    std::map<std::string, std::vector<std::string>> unitOrder;
    std::vector<std::size_t> scoresOf(n, 0);
    for (const Session& session : sessions) {
        std::map<SegmentInstanceId, SegmentInstance> instances;
        for (const SegmentInstance& instance : store.segmentInstances(session.id)) {
            instances[instance.id] = instance;
        }
        for (const ScaleScore& score : store.scaleScores(everyone, session.id)) {
            const auto c = column.find(score.coder);
            if (c == column.end()) {
                continue;
            }
            const auto instance = instances.find(score.segmentInstance);
            const std::string segment = instance != instances.end() ? instance->second.segment : "?";
            // Matched by segment instance, scale and target: the instance id makes two
            // instances of one segment (a repeated episode) different units.
            const std::string unit =
                fmt::format("{}/{}#{}/{}", session.name, segment, score.segmentInstance.value,
                            score.targetSubject.empty() ? "-" : score.targetSubject);
            auto& units = byScale[score.scale];
            auto [it, added] = units.try_emplace(unit, std::vector<std::optional<std::string>>(n));
            if (added) {
                unitOrder[score.scale].push_back(unit);
            }
            it->second[c->second] = std::to_string(score.value);
            ++scoresOf[c->second];
        }
    }
    requireWorkFromEveryCoder(store, sessions, chosen, scoresOf, "scale scores");

    ScalesAgreement result;
    describeRequest(result, store, sessions, request);
    // Scales in scheme order; a scale only an older scheme version had comes after them.
    std::vector<std::string> order;
    for (const schemes::Scale& scale : scheme.scales) {
        if (byScale.count(scale.id) != 0) {
            order.push_back(scale.id);
        }
    }
    for (const auto& [id, units] : byScale) {
        if (scheme.scale(id) == nullptr) {
            order.push_back(id);
        }
    }
    for (const std::string& id : order) {
        ScaleAgreement out;
        out.scale = id;
        std::vector<std::string> categories;
        if (const schemes::Scale* scale = scheme.scale(id)) {
            out.min = scale->min;
            out.max = scale->max;
            for (int v = scale->min; v <= scale->max; ++v) {
                categories.push_back(std::to_string(v));
            }
        }
        ag::RatingsTable& table = out.ratings;
        table.coders = request.coders;
        table.categories = categories;
        const auto& units = byScale[id];
        for (const std::string& unit : unitOrder[id]) {
            table.units.push_back(unit);
            const auto& values = units.at(unit);
            table.values.insert(table.values.end(), values.begin(), values.end());
        }
        out.units = table.unitCount();
        ag::RatingsTable complete;
        complete.coders = table.coders;
        complete.categories = table.categories;
        for (std::size_t u = 0; u < table.unitCount(); ++u) {
            const auto begin = table.values.begin() + static_cast<std::ptrdiff_t>(u * n);
            if (std::all_of(begin, begin + static_cast<std::ptrdiff_t>(n),
                            [](const auto& v) { return v.has_value(); })) {
                complete.units.push_back(table.units[u]);
                complete.values.insert(complete.values.end(), begin, begin + static_cast<std::ptrdiff_t>(n));
            }
        }
        out.completeUnits = complete.unitCount();
        try {
            if (complete.unitCount() < 2) {
                throw ag::AgreementError("the ICC needs at least two units scored by every coder");
            }
            out.icc = ag::intraclassCorrelation(complete);
        } catch (const ag::AgreementError& e) {
            out.iccProblem = e.what();
        }
        for (const auto& [i, j] : allPairs(n)) {
            out.pairs.push_back(pairFigures(table, i, j, true));
        }
        result.scales.push_back(std::move(out));
    }
    return result;
}

JudgementsAgreement judgementsAgreement(Project& project, const RatingsRequest& request) {
    ProjectStore& store = project.store();
    const std::vector<Session> sessions = chooseSessions(store, request.sessions);
    const ChosenCoders chosen = chooseCoders(store, request.coders, "");
    const schemes::CodingScheme& scheme = project.scheme();
    const Viewer everyone = Viewer::wholeProject();
    const std::size_t n = chosen.coders.size();

    // judgement -> session index -> value per coder
    std::map<std::string, std::vector<std::vector<std::optional<std::string>>>> values;
    std::vector<std::size_t> judged(n, 0);
    for (std::size_t s = 0; s < sessions.size(); ++s) {
        for (std::size_t c = 0; c < n; ++c) {
            for (const SessionJudgement& j :
                 store.judgements(everyone, sessions[s].id, chosen.coders[c].id)) {
                auto& table = values[j.judgement];
                table.resize(sessions.size(), std::vector<std::optional<std::string>>(n));
                table[s][c] = j.value;
                ++judged[c];
            }
        }
    }
    requireWorkFromEveryCoder(store, sessions, chosen, judged, "session judgements");

    JudgementsAgreement result;
    describeRequest(result, store, sessions, request);
    for (const schemes::Judgement& judgement : scheme.judgements) {
        if (values.count(judgement.id) == 0) {
            continue;
        }
        if (judgement.kind != schemes::JudgementKind::Category) {
            result.skipped.push_back(judgement.id + ": not a category judgement");
            continue;
        }
        if (judgement.multiple) {
            result.skipped.push_back(judgement.id + ": several options may be chosen (no kappa for sets)");
            continue;
        }
        std::map<std::string, std::string> parent;
        std::vector<std::string> sub;
        std::vector<std::string> main;
        for (const schemes::JudgementOption& option : judgement.options) {
            sub.push_back(option.id);
            parent[option.id] = option.parentId.empty() ? option.id : option.parentId;
            if (option.parentId.empty()) {
                main.push_back(option.id);
            }
        }
        const bool hierarchical = main.size() != sub.size();
        for (const std::string level : {"sub", "main"}) {
            if (level == "main" && !hierarchical) {
                continue; // no parents: the main level is the sub level
            }
            JudgementAgreement out;
            out.judgement = judgement.id;
            out.level = level;
            out.categories = level == "sub" ? sub : main;
            ag::RatingsTable& table = out.ratings;
            table.coders = request.coders;
            const auto& bySession = values[judgement.id];
            for (std::size_t s = 0; s < sessions.size(); ++s) {
                bool any = false;
                for (std::size_t c = 0; c < n; ++c) {
                    any = any || bySession[s][c].has_value();
                }
                if (!any) {
                    continue;
                }
                table.units.push_back(sessions[s].name);
                for (std::size_t c = 0; c < n; ++c) {
                    std::optional<std::string> v = bySession[s][c];
                    if (v && level == "main") {
                        const auto p = parent.find(*v);
                        v = p != parent.end() ? p->second : *v; // an option an older version had
                    }
                    table.values.push_back(v);
                }
            }
            out.units = table.unitCount();
            for (const auto& [i, j] : allPairs(n)) {
                out.pairs.push_back(pairFigures(table, i, j, false));
            }
            if (n > 2) {
                try {
                    out.alpha = ag::krippendorffAlpha(table, ag::MeasurementLevel::Nominal);
                } catch (const ag::AgreementError& e) {
                    out.alphaProblem = e.what();
                }
            }
            result.judgements.push_back(std::move(out));
        }
    }
    return result;
}

} // namespace sb::annotation
