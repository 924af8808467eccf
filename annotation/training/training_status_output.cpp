#include "annotation/training/training_status_output.h"

#include "annotation/agreement/report_writer.h"
#include "annotation/agreement/session_agreement_output.h"
#include "annotation/seconds_text.h"

#include <fmt/core.h>

#include <ctime>

namespace sb::annotation {

namespace {

using nlohmann::json;

json optionalNumber(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

std::string figureText(const std::optional<double>& value) {
    return value ? fmt::format("{:.3f}", *value) : std::string("undefined");
}

} // namespace

std::string isoUtc(Microseconds wallClock) {
    const std::time_t seconds = static_cast<std::time_t>(wallClock.count() / 1'000'000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

json toJson(const TrainingStatus& status) {
    json requirements = json::array();
    for (const RequirementResult& r : status.requirements) {
        requirements.push_back({{"kind", kindName(r.kind)},
                                {"pointer", r.pointer},
                                {"description", r.description},
                                {"tapes_met", r.tapesMet},
                                {"tapes_required", r.tapesRequired},
                                {"met", r.met}});
    }
    json tapes = json::array();
    for (std::size_t t = 0; t < status.tapes.size(); ++t) {
        const TapeResult& tape = status.tapes[t];
        json parts = json::array();
        for (std::size_t p = 0; p < tape.parts.size(); ++p) {
            const RequirementOnTape& part = tape.parts[p];
            json figures = json::array();
            for (const CriterionFigure& f : part.figures) {
                json figure = {{"label", f.label}, {"value", optionalNumber(f.value)}, {"met", f.met}};
                if (!f.note.empty()) {
                    figure["note"] = f.note;
                }
                figures.push_back(std::move(figure));
            }
            json item = {{"pointer", status.requirements[p].pointer},
                         {"kind", kindName(status.requirements[p].kind)},
                         {"met", part.met},
                         {"figures", std::move(figures)},
                         {"problem", part.problem ? json(*part.problem) : json(nullptr)}};
            if (status.requirements[p].kind == RequirementKind::Scales) {
                item["episodes"] = part.episodes;
                item["episodes_within"] = part.episodesWithin;
            }
            if (status.requirements[p].kind == RequirementKind::Judgement) {
                item["trainee_answer"] = part.traineeAnswer ? json(*part.traineeAnswer) : json(nullptr);
                item["gold_answer"] = part.goldAnswer ? json(*part.goldAnswer) : json(nullptr);
            }
            parts.push_back(std::move(item));
        }
        json codes = json::array();
        for (const CodeFigure& c : tape.codes) {
            codes.push_back({{"stream", c.stream},
                             {"code", c.code},
                             {"kappa", optionalNumber(c.kappa)},
                             {"units_trainee", c.unitsTrainee},
                             {"units_gold", c.unitsGold},
                             {"units_both", c.unitsBoth}});
        }
        tapes.push_back({{"attempt", t + 1},
                         {"session", tape.session},
                         {"gold_coder", tape.goldCoder},
                         {"attempted_at", isoUtc(tape.attemptedAt)},
                         {"attempted_at_us", tape.attemptedAt.count()},
                         {"met", tape.met},
                         {"requirements", std::move(parts)},
                         {"per_code", std::move(codes)}});
    }
    json holding = json::array();
    for (const CodeAcrossTapes& c : status.holdingBack) {
        holding.push_back({{"stream", c.stream},
                           {"code", c.code},
                           {"mean_kappa", optionalNumber(c.meanKappa)},
                           {"lowest_kappa", optionalNumber(c.lowestKappa)},
                           {"tapes", c.tapes}});
    }
    return {{"file", status.file},
            {"set", status.set},
            {"trainee", status.trainee},
            {"scheme", {{"id", status.schemeId}, {"version", status.schemeVersion}}},
            {"criterion", toJson(status.criterion)},
            {"sessions", status.sessions},
            {"without_gold", status.withoutGold},
            {"not_attempted", status.notAttempted},
            {"requirements", std::move(requirements)},
            {"tapes", std::move(tapes)},
            {"per_code_unit", secondsValue(status.codeUnit)},
            {"per_code_tolerance", secondsValue(status.codeTolerance)},
            {"holding_back", std::move(holding)},
            {"met", status.met},
            {"shortfalls", status.shortfalls()}};
}

std::string toText(const TrainingStatus& status) {
    std::string out = fmt::format("{}: training set '{}', trainee {} (scheme {} {})\n", status.file,
                                  status.set, status.trainee, status.schemeId, status.schemeVersion);
    out += fmt::format("criterion {}\n", status.met ? "MET" : "not met");
    for (const RequirementResult& r : status.requirements) {
        out += fmt::format("  [{}] {} ({} of {} tapes)\n", r.met ? "met" : "not met", r.description,
                           r.tapesMet, r.tapesRequired);
    }
    out += fmt::format("tapes attempted: {} of {}", status.tapes.size(), status.sessions.size());
    if (!status.notAttempted.empty()) {
        std::string list;
        for (const std::string& s : status.notAttempted) {
            list += (list.empty() ? "" : ", ") + s;
        }
        out += fmt::format("; not yet coded: {}", list);
    }
    if (!status.withoutGold.empty()) {
        std::string list;
        for (const std::string& s : status.withoutGold) {
            list += (list.empty() ? "" : ", ") + s;
        }
        out += fmt::format("; no gold standard: {}", list);
    }
    out += "\n";
    for (std::size_t t = 0; t < status.tapes.size(); ++t) {
        const TapeResult& tape = status.tapes[t];
        out += fmt::format("{}. {} (gold {}, {}): {}\n", t + 1, tape.session, tape.goldCoder,
                           isoUtc(tape.attemptedAt), tape.met ? "met" : "not met");
        for (std::size_t p = 0; p < tape.parts.size(); ++p) {
            const RequirementOnTape& part = tape.parts[p];
            out += fmt::format("   {} {}: {}", status.requirements[p].pointer,
                               kindName(status.requirements[p].kind), part.met ? "met" : "not met");
            if (part.problem) {
                out += " (" + *part.problem + ")";
            }
            out += "\n";
            for (const CriterionFigure& f : part.figures) {
                const bool percent = status.requirements[p].kind == RequirementKind::Scales;
                const std::string value =
                    status.requirements[p].kind == RequirementKind::Judgement
                        ? std::string()
                        : (percent && f.value ? fmt::format("{:.1f} %", *f.value) : figureText(f.value));
                out += fmt::format("     {} {}{}{}{}\n", f.met ? "+" : "-", f.label, value.empty() ? "" : " ",
                                   value, f.note.empty() ? "" : "  (" + f.note + ")");
            }
        }
    }
    if (!status.holdingBack.empty()) {
        out += fmt::format("codes, worst first (time-unit kappa, {} s units, \u00b1{} s; mean over tapes):\n",
                           formatSeconds(status.codeUnit), formatSeconds(status.codeTolerance));
        for (const CodeAcrossTapes& c : status.holdingBack) {
            out += fmt::format("  {:<24} {:<24} mean {}  lowest {}  ({} tape{})\n", c.code, c.stream,
                               figureText(c.meanKappa), figureText(c.lowestKappa), c.tapes,
                               c.tapes == 1 ? "" : "s");
        }
    }
    return out;
}

} // namespace sb::annotation
