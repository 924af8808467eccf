#include "annotation/training/training_status.h"

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/session_agreement.h"
#include "annotation/project_error.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace sb::annotation {

namespace ag = sb::agreement;

namespace {

// The kappa a requirement reads: with a tolerance, the engine's two-pass tolerance kappa; without,
// its plain kappa (the same number, from a table half the size).
std::optional<double> chosen(int toleranceUnits, const std::optional<double>& plain,
                             const std::optional<double>& tolerant) {
    return toleranceUnits > 0 ? tolerant : plain;
}

CriterionFigure kappaFigure(std::string label, const std::optional<double>& value, double minimum) {
    CriterionFigure figure;
    figure.label = std::move(label);
    figure.value = value;
    if (value) {
        figure.met = *value >= minimum;
    } else {
        figure.met = true;
        figure.note = "kappa undefined: both coded one category throughout (complete agreement)";
    }
    return figure;
}

// One engine run per tape and per unit/tolerance setting, or the reason it could not run.
struct TimelineRun {
    std::optional<TimelineAgreement> result;
    std::string problem;
};

using Setting = std::pair<std::int64_t, std::int64_t>; // unit, tolerance in µs

class TapeEvaluation {
public:
    TapeEvaluation(Project& project, const Session& session, const Coder& gold, const Coder& trainee)
        : project_(project)
        , session_(session)
        , gold_(gold)
        , trainee_(trainee) {}

    const TimelineRun& timeline(Microseconds unit, Microseconds tolerance) {
        const Setting key{unit.count(), tolerance.count()};
        auto it = timelines_.find(key);
        if (it != timelines_.end()) {
            return it->second;
        }
        TimelineRun run;
        try {
            TimelineRequest request;
            request.session = session_.name;
            request.coders = {gold_.name, trainee_.name}; // gold is coder 1, the reference
            request.method = TimelineMethod::TimeUnit;
            request.unit = unit;
            request.tolerance = tolerance;
            run.result = timelineAgreement(project_, request);
        } catch (const SessionAgreementError& e) {
            run.problem = reason(e);
        } catch (const ag::AgreementError& e) {
            run.problem = e.what();
        }
        return timelines_.emplace(key, std::move(run)).first->second;
    }

    RequirementOnTape kappa(const KappaRequirement& r) {
        RequirementOnTape out;
        const TimelineRun& run = timeline(r.unit, r.tolerance);
        if (!run.result) {
            out.problem = run.problem;
            return out;
        }
        const TimelineAgreement& t = *run.result;
        const auto wanted = [&](const std::string& id) {
            return r.ids.empty() || std::find(r.ids.begin(), r.ids.end(), id) != r.ids.end();
        };
        std::set<std::string> seen;
        if (r.per == KappaRequirement::Per::Group) {
            for (const StreamAgreement& s : t.streams) {
                if (s.stream.kind != Stream::Kind::Group || !wanted(s.stream.id)) {
                    continue;
                }
                seen.insert(s.stream.id);
                const ag::TimeUnitKappa& k = *s.pairs.front().timeUnit;
                out.figures.push_back(kappaFigure(
                    s.stream.name(), chosen(t.toleranceUnits, k.kappa, k.toleranceKappa), r.minimum));
            }
        } else if (r.per == KappaRequirement::Per::Code) {
            for (const StreamAgreement& s : t.streams) {
                const ag::TimeUnitKappa& k = *s.pairs.front().timeUnit;
                for (const ag::CodeAgreement& c : k.perCode) {
                    if (c.code == "nil" || !wanted(c.code)) {
                        continue;
                    }
                    seen.insert(c.code);
                    const std::string label = s.stream.kind == Stream::Kind::Code
                                                  ? s.stream.name()
                                                  : c.code + ": " + s.stream.name();
                    out.figures.push_back(
                        kappaFigure(label, chosen(t.toleranceUnits, c.kappa, c.toleranceKappa), r.minimum));
                }
            }
        } else {
            double sum = 0;
            int defined = 0;
            for (const StreamAgreement& s : t.streams) {
                const ag::TimeUnitKappa& k = *s.pairs.front().timeUnit;
                if (const auto v = chosen(t.toleranceUnits, k.kappa, k.toleranceKappa)) {
                    sum += *v;
                    ++defined;
                }
            }
            CriterionFigure figure = kappaFigure(
                "overall", defined > 0 ? std::optional<double>(sum / defined) : std::nullopt, r.minimum);
            figure.note = fmt::format("mean of {} stream kappa{}", defined, defined == 1 ? "" : "s");
            out.figures.push_back(std::move(figure));
        }
        // Named groups or codes neither coder used on this tape: they agree it never happened.
        for (const std::string& id : r.ids) {
            if (seen.count(id) == 0) {
                CriterionFigure figure;
                figure.label = id;
                figure.met = true;
                figure.note = "neither coder coded it on this tape";
                out.figures.push_back(std::move(figure));
            }
        }
        out.met = std::all_of(out.figures.begin(), out.figures.end(), [](const auto& f) { return f.met; });
        return out;
    }

    RequirementOnTape scales(const ScaleRequirement& r, const schemes::CodingScheme& scheme) {
        RequirementOnTape out;
        if (!scales_ && scalesProblem_.empty()) {
            try {
                scales_ = scalesAgreement(project_, {{session_.name}, {gold_.name, trainee_.name}});
            } catch (const SessionAgreementError& e) {
                scalesProblem_ = reason(e);
            }
        }
        if (!scales_) {
            out.problem = scalesProblem_;
            return out;
        }
        std::vector<std::string> ids = r.scales;
        if (ids.empty()) {
            for (const schemes::Scale& scale : scheme.scales) {
                ids.push_back(scale.id);
            }
        }
        bool eachMet = true;
        for (const std::string& id : ids) {
            const auto scale = std::find_if(scales_->scales.begin(), scales_->scales.end(),
                                            [&](const ScaleAgreement& s) { return s.scale == id; });
            if (scale == scales_->scales.end()) {
                continue; // nobody scored it on this tape
            }
            const ag::RatingsTable& table = scale->ratings; // coders: gold, trainee
            std::size_t episodes = 0;
            std::size_t within = 0;
            for (std::size_t u = 0; u < table.unitCount(); ++u) {
                const auto& g = table.value(u, 0);
                if (!g) {
                    continue; // only what gold scored counts
                }
                ++episodes;
                const auto& t = table.value(u, 1);
                if (t && std::abs(std::stoi(*t) - std::stoi(*g)) <= r.within) {
                    ++within;
                }
            }
            if (episodes == 0) {
                continue;
            }
            CriterionFigure figure;
            figure.label = id;
            figure.value = 100.0 * static_cast<double>(within) / static_cast<double>(episodes);
            figure.met =
                static_cast<double>(within) * 100.0 >= r.minimumPercent * static_cast<double>(episodes);
            figure.note = fmt::format("{} of {} episodes within {}", within, episodes, r.within);
            eachMet = eachMet && figure.met;
            out.episodes += episodes;
            out.episodesWithin += within;
            out.figures.push_back(std::move(figure));
        }
        if (out.episodes == 0) {
            out.problem = "the gold standard scored none of these scales on this tape";
            return out;
        }
        out.met = r.perScale ? eachMet
                             : static_cast<double>(out.episodesWithin) * 100.0 >=
                                   r.minimumPercent * static_cast<double>(out.episodes);
        return out;
    }

    RequirementOnTape judgement(const JudgementRequirement& r) {
        RequirementOnTape out;
        if (!judgements_ && judgementsProblem_.empty()) {
            try {
                judgements_ = judgementsAgreement(project_, {{session_.name}, {gold_.name, trainee_.name}});
            } catch (const SessionAgreementError& e) {
                judgementsProblem_ = reason(e);
            }
        }
        if (!judgements_) {
            out.problem = judgementsProblem_;
            return out;
        }
        const std::string level = r.mainLevel ? "main" : "sub";
        const auto it = std::find_if(
            judgements_->judgements.begin(), judgements_->judgements.end(),
            [&](const JudgementAgreement& j) { return j.judgement == r.judgement && j.level == level; });
        if (it == judgements_->judgements.end() || it->ratings.unitCount() == 0) {
            out.problem = fmt::format("neither coder answered '{}' on this tape", r.judgement);
            return out;
        }
        out.goldAnswer = it->ratings.value(0, 0);
        out.traineeAnswer = it->ratings.value(0, 1);
        if (!out.goldAnswer) {
            out.problem = fmt::format("the gold standard has not answered '{}' on this tape", r.judgement);
            return out;
        }
        if (!out.traineeAnswer) {
            out.problem = fmt::format("the trainee has not answered '{}' on this tape", r.judgement);
            return out;
        }
        CriterionFigure figure;
        figure.label = r.judgement;
        figure.met = *out.traineeAnswer == *out.goldAnswer;
        figure.note = fmt::format("{} / gold {}", *out.traineeAnswer, *out.goldAnswer);
        out.figures.push_back(figure);
        out.met = figure.met;
        return out;
    }

    std::vector<CodeFigure> codes(Microseconds unit, Microseconds tolerance) {
        std::vector<CodeFigure> out;
        const TimelineRun& run = timeline(unit, tolerance);
        if (!run.result) {
            return out;
        }
        for (const StreamAgreement& s : run.result->streams) {
            const ag::TimeUnitKappa& k = *s.pairs.front().timeUnit;
            for (const ag::CodeAgreement& c : k.perCode) {
                if (c.code == "nil") {
                    continue;
                }
                out.push_back({session_.name, s.stream.name(), c.code,
                               chosen(run.result->toleranceUnits, c.kappa, c.toleranceKappa), c.unitsCoder2,
                               c.unitsCoder1, c.unitsBoth});
            }
        }
        return out;
    }

private:
    // The engine names the file and session; the status already has both.
    [[nodiscard]] std::string reason(const SessionAgreementError& e) const {
        const std::string text = e.what();
        const auto colon = text.rfind(": ");
        std::string why = colon == std::string::npos ? text : text.substr(colon + 2);
        if (!e.coder().empty()) {
            why = (e.coder() == gold_.name ? "the gold standard (" + gold_.name + ")" : "the trainee") +
                  ": " + why;
        }
        return why;
    }

    Project& project_;
    Session session_;
    Coder gold_;
    Coder trainee_;
    std::map<Setting, TimelineRun> timelines_;
    std::optional<ScalesAgreement> scales_;
    std::string scalesProblem_;
    std::optional<JudgementsAgreement> judgements_;
    std::string judgementsProblem_;
};

// The trainee's last edit on the session, or none when they have not coded it.
std::optional<Microseconds> lastEdit(ProjectStore& store, SessionId session, CoderId coder) {
    const Viewer everyone = Viewer::wholeProject();
    std::optional<Microseconds> last;
    const auto see = [&](Microseconds t) { last = last ? std::max(*last, t) : t; };
    AnnotationFilter filter;
    filter.session = session;
    filter.coder = coder;
    for (const Annotation& a : store.annotations(everyone, filter)) {
        see(a.modifiedAt);
    }
    for (const ScaleScore& s : store.scaleScores(everyone, session, coder)) {
        see(s.modifiedAt);
    }
    for (const SessionJudgement& j : store.judgements(everyone, session, coder)) {
        see(j.modifiedAt);
    }
    return last;
}

bool worse(const std::optional<double>& a, const std::optional<double>& b) {
    if (a && b) {
        return *a < *b;
    }
    return a.has_value() && !b.has_value(); // undefined (complete agreement) last
}

} // namespace

std::string_view kindName(RequirementKind kind) {
    switch (kind) {
    case RequirementKind::TimeUnitKappa:
        return "time-unit kappa";
    case RequirementKind::Scales:
        return "scales";
    case RequirementKind::Judgement:
        return "judgement";
    }
    return "time-unit kappa";
}

std::vector<std::string> TrainingStatus::shortfalls() const {
    std::vector<std::string> lines;
    for (const RequirementResult& r : requirements) {
        if (!r.met) {
            lines.push_back(fmt::format("{}: met on {} tape{}, {} required ({} of {} tapes attempted)",
                                        r.description, r.tapesMet, r.tapesMet == 1 ? "" : "s",
                                        r.tapesRequired, tapes.size(), sessions.size()));
        }
    }
    return lines;
}

TrainingStatus trainingStatus(Project& project, const TrainingSet& set, const std::string& traineeName,
                              const GoldLookup& gold) {
    ProjectStore& store = project.store();
    const schemes::CodingScheme& scheme = project.scheme();
    validateCriterion(set.criterion, scheme, set.sessions.size(), fmt::format("training set '{}'", set.name));
    const Coder trainee = store.coderNamed(traineeName);

    TrainingStatus status;
    status.file = store.fileName();
    status.set = set.name;
    status.trainee = trainee.name;
    status.schemeId = scheme.id;
    status.schemeVersion = scheme.version;
    status.criterion = set.criterion;
    status.sessions = set.sessions;
    if (!set.criterion.kappa.empty()) {
        status.codeUnit = set.criterion.kappa.front().unit;
        status.codeTolerance = set.criterion.kappa.front().tolerance;
    }

    const std::vector<std::string> lines = describe(set.criterion);
    std::size_t line = 0;
    for (std::size_t i = 0; i < set.criterion.kappa.size(); ++i) {
        status.requirements.push_back(
            {RequirementKind::TimeUnitKappa, fmt::format("/timeUnitKappa/{}", i), lines[line++], 0,
             static_cast<std::size_t>(
                 set.criterion.kappa[i].tapes.value_or(static_cast<int>(set.sessions.size()))),
             false});
    }
    for (std::size_t i = 0; i < set.criterion.scales.size(); ++i) {
        status.requirements.push_back(
            {RequirementKind::Scales, fmt::format("/scales/{}", i), lines[line++], 0,
             static_cast<std::size_t>(
                 set.criterion.scales[i].tapes.value_or(static_cast<int>(set.sessions.size()))),
             false});
    }
    for (std::size_t i = 0; i < set.criterion.judgements.size(); ++i) {
        status.requirements.push_back({RequirementKind::Judgement, fmt::format("/judgements/{}", i),
                                       lines[line++], 0,
                                       static_cast<std::size_t>(set.criterion.judgements[i].atLeast), false});
    }

    for (const std::string& name : set.sessions) {
        const Session session = store.sessionNamed(name);
        const std::optional<CoderId> goldId = gold(session.id);
        if (!goldId || *goldId == trainee.id) {
            status.withoutGold.push_back(name); // the trainee's own coding cannot be their gold standard
            continue;
        }
        const std::optional<Microseconds> attempted = lastEdit(store, session.id, trainee.id);
        if (!attempted) {
            status.notAttempted.push_back(name);
            continue;
        }
        const Coder goldCoder = store.coder(*goldId);
        TapeEvaluation evaluation(project, session, goldCoder, trainee);
        TapeResult tape;
        tape.session = name;
        tape.goldCoder = goldCoder.name;
        tape.attemptedAt = *attempted;
        for (const KappaRequirement& r : set.criterion.kappa) {
            tape.parts.push_back(evaluation.kappa(r));
        }
        for (const ScaleRequirement& r : set.criterion.scales) {
            tape.parts.push_back(evaluation.scales(r, scheme));
        }
        for (const JudgementRequirement& r : set.criterion.judgements) {
            tape.parts.push_back(evaluation.judgement(r));
        }
        tape.met = std::all_of(tape.parts.begin(), tape.parts.end(), [](const auto& p) { return p.met; });
        tape.codes = evaluation.codes(status.codeUnit, status.codeTolerance);
        std::stable_sort(tape.codes.begin(), tape.codes.end(),
                         [](const CodeFigure& a, const CodeFigure& b) { return worse(a.kappa, b.kappa); });
        for (std::size_t p = 0; p < tape.parts.size(); ++p) {
            status.requirements[p].tapesMet += tape.parts[p].met ? 1 : 0;
        }
        status.tapes.push_back(std::move(tape));
    }
    std::stable_sort(status.tapes.begin(), status.tapes.end(),
                     [](const TapeResult& a, const TapeResult& b) { return a.attemptedAt < b.attemptedAt; });

    for (RequirementResult& r : status.requirements) {
        r.met = r.tapesMet >= r.tapesRequired;
    }
    status.met = std::all_of(status.requirements.begin(), status.requirements.end(),
                             [](const RequirementResult& r) { return r.met; });

    // What holds the trainee back: each code's per-tape kappas, summarised, worst mean first.
    std::map<std::pair<std::string, std::string>, std::vector<std::optional<double>>> byCode;
    std::vector<std::pair<std::string, std::string>> order;
    for (const TapeResult& tape : status.tapes) {
        for (const CodeFigure& c : tape.codes) {
            auto [it, added] = byCode.try_emplace({c.stream, c.code});
            if (added) {
                order.emplace_back(c.stream, c.code);
            }
            it->second.push_back(c.kappa);
        }
    }
    for (const auto& key : order) {
        CodeAcrossTapes summary;
        summary.stream = key.first;
        summary.code = key.second;
        const auto& values = byCode[key];
        summary.tapes = values.size();
        double sum = 0;
        int defined = 0;
        for (const auto& v : values) {
            if (v) {
                sum += *v;
                ++defined;
                summary.lowestKappa = summary.lowestKappa ? std::min(*summary.lowestKappa, *v) : *v;
            }
        }
        if (defined > 0) {
            summary.meanKappa = sum / defined;
        }
        status.holdingBack.push_back(std::move(summary));
    }
    std::stable_sort(
        status.holdingBack.begin(), status.holdingBack.end(),
        [](const CodeAcrossTapes& a, const CodeAcrossTapes& b) { return worse(a.meanKappa, b.meanKappa); });
    return status;
}

} // namespace sb::annotation
