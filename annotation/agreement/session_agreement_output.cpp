#include "annotation/agreement/session_agreement_output.h"

#include "annotation/seconds_text.h"

#include <fmt/core.h>

#include <algorithm>

namespace sb::annotation {

namespace ag = sb::agreement;
using nlohmann::json;

namespace {

json number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

std::string text(const std::optional<double>& value) {
    return value ? fmt::format("{:.4f}", *value) : std::string("undefined");
}

json confusionJson(const ag::ConfusionMatrix& table) {
    json rows = json::array();
    for (std::size_t r = 0; r < table.size(); ++r) {
        json row = json::array();
        for (std::size_t c = 0; c < table.size(); ++c) {
            row.push_back(table.at(r, c));
        }
        rows.push_back(std::move(row));
    }
    return {{"labels", table.labels}, {"counts", std::move(rows)}};
}

json kappaJson(const std::optional<ag::KappaEstimate>& k) {
    if (!k) {
        return nullptr;
    }
    return {{"value", number(k->value)},
            {"observed", k->observed},
            {"expected", k->expected},
            {"units", k->units},
            {"standard_error", number(k->standardError)},
            {"ci", {{"level", 0.95}, {"lower", number(k->ciLower)}, {"upper", number(k->ciUpper)}}}};
}

void timeUnitPairJson(json& out, const ag::TimeUnitKappa& k) {
    out["kappa"] = number(k.kappa);
    out["percent_agreement"] = k.percentAgreement;
    out["expected_agreement"] = k.expectedAgreement;
    out["units"] = k.units;
    out["confusion"] = confusionJson(k.table);
    out["tolerance"] = {{"units", k.toleranceUnits},
                        {"kappa", number(k.toleranceKappa)},
                        {"percent_agreement", k.tolerancePercentAgreement},
                        {"kappa_reference_coder1", number(k.toleranceKappaRefCoder1)},
                        {"kappa_reference_coder2", number(k.toleranceKappaRefCoder2)},
                        {"confusion", confusionJson(k.toleranceTable)}};
    json perCode = json::array();
    for (const ag::CodeAgreement& c : k.perCode) {
        perCode.push_back({{"code", c.code},
                           {"units_coder1", c.unitsCoder1},
                           {"units_coder2", c.unitsCoder2},
                           {"units_both", c.unitsBoth},
                           {"kappa", number(c.kappa)},
                           {"tolerance_kappa", number(c.toleranceKappa)}});
    }
    out["per_code"] = std::move(perCode);
    json spans = json::array();
    for (const ag::DisagreementSpan& d : k.disagreements) {
        spans.push_back({{"start", secondsValue(d.start)},
                         {"end", secondsValue(d.end)},
                         {"first_unit", d.firstUnit},
                         {"last_unit", d.lastUnit},
                         {"code1", d.code1},
                         {"code2", d.code2},
                         {"forgiven_for_coder1", d.forgivenForCoder1},
                         {"forgiven_for_coder2", d.forgivenForCoder2}});
    }
    out["disagreements"] = std::move(spans);
}

std::string_view kindName(ag::PairingKind kind) {
    switch (kind) {
    case ag::PairingKind::Paired:
        return "paired";
    case ag::PairingKind::Omission:
        return "omission";
    case ag::PairingKind::Commission:
        return "commission";
    }
    return "paired";
}

json eventJson(const ag::CoderTimeline& timeline, const std::optional<std::size_t>& index) {
    if (!index) {
        return nullptr;
    }
    const ag::TimelineEvent& e = timeline.events[*index];
    return {{"code", e.code},
            {"start", secondsValue(e.start)},
            {"end", e.end ? json(secondsValue(*e.end)) : json(nullptr)}};
}

// The alignment columns where the coders differ: a pair of different codes, an omission or a
// commission.
bool isDisagreement(const ag::EventPairing& p) {
    return p.kind != ag::PairingKind::Paired || p.code1 != p.code2;
}

void eventPairJson(json& out, const ag::EventAlignment& a, const ag::CoderTimeline& t1,
                   const ag::CoderTimeline& t2) {
    out["kappa"] = number(a.kappa);
    out["kappa_cohen"] = number(a.kappaCohen);
    out["kappa_exclusive"] = number(a.kappaExclusive);
    out["percent_agreement"] = a.observedAgreement;
    out["expected_agreement"] = a.expectedAgreement;
    out["expected_table_converged"] = a.expectedTableConverged;
    out["alignment_columns"] = a.pairings.size();
    out["confusion"] = confusionJson(a.table);
    json perCode = json::array();
    for (const ag::CodeDetection& c : a.perCode) {
        perCode.push_back({{"code", c.code},
                           {"matched", c.matched},
                           {"events_coder1", c.coder1Events},
                           {"events_coder2", c.coder2Events},
                           {"precision", number(c.precision)},
                           {"recall", number(c.recall)},
                           {"f1", number(c.f1)}});
    }
    out["per_code"] = std::move(perCode);
    json disagreements = json::array();
    for (const ag::EventPairing& p : a.pairings) {
        if (!isDisagreement(p)) {
            continue;
        }
        disagreements.push_back(
            {{"kind",
              p.kind == ag::PairingKind::Paired ? std::string_view("different codes") : kindName(p.kind)},
             {"code1", p.code1},
             {"code2", p.code2},
             {"event1", eventJson(t1, p.event1)},
             {"event2", eventJson(t2, p.event2)},
             {"onset_difference",
              p.onsetDifference ? json(secondsValue(*p.onsetDifference)) : json(nullptr)}});
    }
    out["disagreements"] = std::move(disagreements);
}

std::string secondsText(Microseconds t) {
    return formatSeconds(t);
}

std::string matrixText(const ag::ConfusionMatrix& table, const std::string& rows,
                       const std::string& columns) {
    std::size_t width = 5;
    for (const std::string& label : table.labels) {
        width = std::max(width, label.size() + 2);
    }
    std::string out =
        fmt::format("    confusion matrix (rows {}, columns {}):\n    {:<{}}", rows, columns, "", width);
    for (const std::string& label : table.labels) {
        out += fmt::format("{:>{}}", label, width);
    }
    out += '\n';
    for (std::size_t r = 0; r < table.size(); ++r) {
        out += fmt::format("    {:<{}}", table.labels[r], width);
        for (std::size_t c = 0; c < table.size(); ++c) {
            out += fmt::format("{:>{}}", fmt::format("{:g}", table.at(r, c)), width);
        }
        out += '\n';
    }
    return out;
}

std::string pairsText(const std::vector<RatingsPair>& pairs, const std::vector<std::string>& coders,
                      bool weighted) {
    std::string out;
    for (const RatingsPair& p : pairs) {
        out += fmt::format("  {} × {}: {} units, percent agreement {:.4f}", coders[p.coder1],
                           coders[p.coder2], p.units, p.percentAgreement);
        if (weighted) {
            if (p.linearKappa) {
                out += fmt::format(", weighted kappa linear {}, quadratic {}", text(p.linearKappa->value),
                                   text(p.quadraticKappa->value));
            }
        } else if (p.kappa) {
            out +=
                fmt::format(", Cohen's kappa {} (SE {})", text(p.kappa->value), text(p.kappa->standardError));
        }
        if (p.problem) {
            out += fmt::format(" ({})", *p.problem);
        }
        out += '\n';
    }
    return out;
}

json pairsJson(const std::vector<RatingsPair>& pairs, const std::vector<std::string>& coders, bool weighted) {
    json out = json::array();
    for (const RatingsPair& p : pairs) {
        json pair = {{"coder1", coders[p.coder1]},
                     {"coder2", coders[p.coder2]},
                     {"units", p.units},
                     {"percent_agreement", p.units > 0 ? json(p.percentAgreement) : json(nullptr)},
                     {"problem", p.problem ? json(*p.problem) : json(nullptr)}};
        if (weighted) {
            pair["weighted_kappa_linear"] = kappaJson(p.linearKappa);
            pair["weighted_kappa_quadratic"] = kappaJson(p.quadraticKappa);
        } else {
            pair["kappa"] = kappaJson(p.kappa);
        }
        out.push_back(std::move(pair));
    }
    return out;
}

} // namespace

double secondsValue(Microseconds time) {
    return static_cast<double>(time.count()) / 1e6;
}

json toJson(const TimelineAgreement& r) {
    json out;
    out["file"] = r.file;
    out["session"] = r.session;
    out["coders"] = r.coders;
    out["method"] = std::string(methodName(r.method));
    if (r.method == TimelineMethod::TimeUnit) {
        out["unit"] = secondsValue(r.unit);
        out["tolerance_units"] = r.toleranceUnits;
    } else {
        out["minimum_overlap"] = static_cast<double>(r.minimumOverlap.numerator) /
                                 static_cast<double>(r.minimumOverlap.denominator);
    }
    out["tolerance"] = secondsValue(r.tolerance);
    out["session_length"] = secondsValue(r.sessionLength);
    json streams = json::array();
    for (const StreamAgreement& s : r.streams) {
        json stream;
        stream["kind"] = s.stream.kind == Stream::Kind::Group ? "group" : "code";
        stream["id"] = s.stream.id;
        stream["subject"] = s.stream.subject ? json(*s.stream.subject) : json(nullptr);
        stream["codes"] = s.stream.codes;
        json counts = json::object();
        for (std::size_t c = 0; c < s.timelines.size(); ++c) {
            counts[r.coders[c]] = s.timelines[c].events.size();
        }
        stream["annotations"] = std::move(counts);
        json pairs = json::array();
        for (const TimelinePair& p : s.pairs) {
            json pair = {{"coder1", r.coders[p.coder1]}, {"coder2", r.coders[p.coder2]}};
            if (p.timeUnit) {
                timeUnitPairJson(pair, *p.timeUnit);
            } else if (p.events) {
                eventPairJson(pair, *p.events, s.timelines[p.coder1], s.timelines[p.coder2]);
            }
            pairs.push_back(std::move(pair));
        }
        stream["pairs"] = std::move(pairs);
        if (s.multiCoder) {
            const ag::MultiCoderAgreement& m = *s.multiCoder;
            stream["multi_coder"] = {{"units", m.units},
                                     {"mean_pairwise_kappa", number(m.meanPairwiseKappa)},
                                     {"mean_pairwise_tolerance_kappa", number(m.meanPairwiseToleranceKappa)},
                                     {"krippendorff_alpha",
                                      {{"level", "nominal"},
                                       {"value", number(m.alpha.value)},
                                       {"observed_disagreement", m.alpha.observedDisagreement},
                                       {"expected_disagreement", m.alpha.expectedDisagreement}}}};
        } else if (r.coders.size() > 2) {
            stream["multi_coder"] = {{"mean_pairwise_kappa", number(s.meanPairwiseKappa)}};
        }
        streams.push_back(std::move(stream));
    }
    out["streams"] = std::move(streams);
    return out;
}

std::string toText(const TimelineAgreement& r) {
    std::string out;
    if (r.method == TimelineMethod::TimeUnit) {
        out += fmt::format("{}: session '{}', time-unit agreement: unit {} s, tolerance {} s ({} units), "
                           "session 0 to {} s\n",
                           r.file, r.session, secondsText(r.unit), secondsText(r.tolerance), r.toleranceUnits,
                           secondsText(r.sessionLength));
    } else {
        out += fmt::format("{}: session '{}', event agreement: onset tolerance {} s, overlap {}/{} of the "
                           "longer event\n",
                           r.file, r.session, secondsText(r.tolerance), r.minimumOverlap.numerator,
                           r.minimumOverlap.denominator);
    }
    for (const StreamAgreement& s : r.streams) {
        out += fmt::format("\n{} {} [", s.stream.kind == Stream::Kind::Group ? "group" : "code",
                           s.stream.name());
        for (std::size_t i = 0; i < s.stream.codes.size(); ++i) {
            out += (i > 0 ? ", " : "") + s.stream.codes[i];
        }
        out += "]\n";
        for (const TimelinePair& p : s.pairs) {
            const std::string& c1 = r.coders[p.coder1];
            const std::string& c2 = r.coders[p.coder2];
            if (p.timeUnit) {
                const ag::TimeUnitKappa& k = *p.timeUnit;
                out +=
                    fmt::format("  {} × {}: kappa {}, percent agreement {:.4f} (expected {:.4f}; {} units)\n",
                                c1, c2, text(k.kappa), k.percentAgreement, k.expectedAgreement, k.units);
                out += fmt::format("    with tolerance ±{}: kappa {}, percent agreement {:.4f} "
                                   "(reference {} {}, reference {} {})\n",
                                   k.toleranceUnits, text(k.toleranceKappa), k.tolerancePercentAgreement, c1,
                                   text(k.toleranceKappaRefCoder1), c2, text(k.toleranceKappaRefCoder2));
                out += matrixText(k.table, c1, c2);
                out += fmt::format("    per code: code, units {}, units {}, both, kappa, tolerance kappa\n",
                                   c1, c2);
                for (const ag::CodeAgreement& c : k.perCode) {
                    out += fmt::format("      {}: {}, {}, {}, {}, {}\n", c.code, c.unitsCoder1, c.unitsCoder2,
                                       c.unitsBoth, text(c.kappa), text(c.toleranceKappa));
                }
                out += fmt::format("    disagreements ({}):\n", k.disagreements.size());
                for (const ag::DisagreementSpan& d : k.disagreements) {
                    out += fmt::format(
                        "      {} to {} s: {} {}, {} {}{}\n", secondsText(d.start), secondsText(d.end), c1,
                        d.code1, c2, d.code2,
                        d.forgivenForCoder1 || d.forgivenForCoder2 ? " (forgiven by the tolerance)" : "");
                }
            } else if (p.events) {
                const ag::EventAlignment& a = *p.events;
                out +=
                    fmt::format("  {} × {}: kappa {}, percent agreement {:.4f} (expected {:.4f}; Cohen {}, "
                                "pairs only {}; {} alignment columns)\n",
                                c1, c2, text(a.kappa), a.observedAgreement, a.expectedAgreement,
                                text(a.kappaCohen), text(a.kappaExclusive), a.pairings.size());
                out += matrixText(a.table, c1, c2);
                out += fmt::format(
                    "    per code: code, matched, events {}, events {}, precision, recall, F1\n", c1, c2);
                for (const ag::CodeDetection& c : a.perCode) {
                    out +=
                        fmt::format("      {}: {}, {}, {}, {}, {}, {}\n", c.code, c.matched, c.coder1Events,
                                    c.coder2Events, text(c.precision), text(c.recall), text(c.f1));
                }
                std::string lines;
                std::size_t count = 0;
                for (const ag::EventPairing& pairing : a.pairings) {
                    if (!isDisagreement(pairing)) {
                        continue;
                    }
                    ++count;
                    const auto at = [](const ag::CoderTimeline& t, const std::optional<std::size_t>& i) {
                        if (!i) {
                            return std::string("nothing");
                        }
                        const ag::TimelineEvent& e = t.events[*i];
                        return e.end ? fmt::format("{} {} to {} s", e.code, secondsText(e.start),
                                                   secondsText(*e.end))
                                     : fmt::format("{} at {} s", e.code, secondsText(e.start));
                    };
                    lines += fmt::format("      {}: {} {}, {} {}\n",
                                         pairing.kind == ag::PairingKind::Paired
                                             ? "different codes"
                                             : std::string(kindName(pairing.kind)),
                                         c1, at(s.timelines[p.coder1], pairing.event1), c2,
                                         at(s.timelines[p.coder2], pairing.event2));
                }
                out += fmt::format("    disagreements ({}):\n{}", count, lines);
            }
        }
        if (s.multiCoder) {
            out += fmt::format(
                "  all {} coders: mean pairwise kappa {}, with tolerance {}; Krippendorff's alpha "
                "(nominal, unit codes) {}\n",
                r.coders.size(), text(s.multiCoder->meanPairwiseKappa),
                text(s.multiCoder->meanPairwiseToleranceKappa), text(s.multiCoder->alpha.value));
        } else if (r.coders.size() > 2) {
            out += fmt::format("  all {} coders: mean pairwise kappa {}\n", r.coders.size(),
                               text(s.meanPairwiseKappa));
        }
    }
    return out;
}

json toJson(const ScalesAgreement& r) {
    json out;
    out["file"] = r.file;
    out["method"] = "scales";
    out["sessions"] = r.sessions;
    out["coders"] = r.coders;
    json scales = json::array();
    for (const ScaleAgreement& s : r.scales) {
        json scale = {{"scale", s.scale},
                      {"min", s.min},
                      {"max", s.max},
                      {"units", s.units},
                      {"complete_units", s.completeUnits}};
        if (s.icc) {
            json forms = json::object();
            for (const ag::IccEstimate& form : s.icc->forms) {
                forms[std::string(ag::iccName(form.form))] = {
                    {"value", number(form.value)},
                    {"ci",
                     {{"level", 0.95}, {"lower", number(form.ciLower)}, {"upper", number(form.ciUpper)}}}};
            }
            scale["icc"] = {{"value", number((*s.icc)[ag::IccForm::Icc2].value)},
                            {"value_form", "ICC2"},
                            {"targets", s.icc->targets},
                            {"judges", s.icc->judges},
                            {"forms", std::move(forms)}};
        } else {
            scale["icc"] = nullptr;
        }
        scale["icc_problem"] = s.iccProblem ? json(*s.iccProblem) : json(nullptr);
        scale["pairs"] = pairsJson(s.pairs, r.coders, true);
        scales.push_back(std::move(scale));
    }
    out["scales"] = std::move(scales);
    return out;
}

std::string toText(const ScalesAgreement& r) {
    std::string out = fmt::format("{}: segment scales across {} session(s)\n", r.file, r.sessions.size());
    if (r.scales.empty()) {
        out += "no scale scores by these coders\n";
    }
    for (const ScaleAgreement& s : r.scales) {
        out += fmt::format("\nscale {} ({} to {}): {} units, {} scored by every coder\n", s.scale, s.min,
                           s.max, s.units, s.completeUnits);
        if (s.icc) {
            out += fmt::format(
                "  ICC(2,1) {}  ICC(3,1) {}  ICC(1,1) {}  ICC(2,k) {}\n",
                text((*s.icc)[ag::IccForm::Icc2].value), text((*s.icc)[ag::IccForm::Icc3].value),
                text((*s.icc)[ag::IccForm::Icc1].value), text((*s.icc)[ag::IccForm::Icc2k].value));
        } else {
            out += fmt::format("  ICC: {}\n", s.iccProblem.value_or("not computed"));
        }
        out += pairsText(s.pairs, r.coders, true);
    }
    return out;
}

json toJson(const JudgementsAgreement& r) {
    json out;
    out["file"] = r.file;
    out["method"] = "judgements";
    out["sessions"] = r.sessions;
    out["coders"] = r.coders;
    json judgements = json::array();
    for (const JudgementAgreement& j : r.judgements) {
        json item = {{"judgement", j.judgement},
                     {"level", j.level},
                     {"categories", j.categories},
                     {"units", j.units},
                     {"pairs", pairsJson(j.pairs, r.coders, false)}};
        if (r.coders.size() > 2) {
            item["krippendorff_alpha"] =
                j.alpha ? json{{"level", "nominal"}, {"value", number(j.alpha->value)}} : json(nullptr);
            item["alpha_problem"] = j.alphaProblem ? json(*j.alphaProblem) : json(nullptr);
        }
        judgements.push_back(std::move(item));
    }
    out["judgements"] = std::move(judgements);
    out["skipped"] = r.skipped;
    return out;
}

std::string toText(const JudgementsAgreement& r) {
    std::string out = fmt::format("{}: session judgements across {} session(s)\n", r.file, r.sessions.size());
    for (const JudgementAgreement& j : r.judgements) {
        out += fmt::format("\njudgement {}, {} level ({} sessions judged)\n", j.judgement, j.level, j.units);
        out += pairsText(j.pairs, r.coders, false);
        if (j.alpha) {
            out += fmt::format("  all {} coders: Krippendorff's alpha (nominal) {}\n", r.coders.size(),
                               text(j.alpha->value));
        } else if (j.alphaProblem) {
            out +=
                fmt::format("  all {} coders: Krippendorff's alpha: {}\n", r.coders.size(), *j.alphaProblem);
        }
    }
    for (const std::string& s : r.skipped) {
        out += fmt::format("not compared: {}\n", s);
    }
    return out;
}

} // namespace sb::annotation
