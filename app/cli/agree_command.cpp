// securebase-cli agree: inter-rater agreement of a ratings file (annotation/agreement/,
// docs/agreement.md).
//
//   agree --ratings FILE.csv --metric M [--level nominal|ordinal|interval|ratio]
//         [--weights linear|quadratic] [--bootstrap N [--seed S]] [--json]
//
// FILE.csv: header unit,coder,value; one row per judgement (RFC 4180); an empty value or an
// absent row is a missing judgement. M: percent, cohen, weighted-cohen, scott, fleiss,
// krippendorff, gwet-ac1, pabak, icc. --level is for krippendorff, --weights for
// weighted-cohen, --bootstrap/--seed for krippendorff's interval. A bad row is reported as
// FILE:ROW: reason and data a metric cannot take as the metric's reason, both exit 3.
// With --json one object on stdout with at least "metric" and "value" (for icc: "forms").
//
//   agree P.sbproj --session NAME --coders A,B[,C…] --method time-unit|event [--unit SECONDS]
//         [--tolerance SECONDS] [--group ID] [--json]
//   agree P.sbproj --session NAME… --coders A,B[,C…] --method scales|judgements [--json]
//
// The project variant: agreement on the stored work of a project (annotation/agreement/
// session_agreement.h computes, session_agreement_output.h renders; this file only parses).
// Argument problems (fewer than two coders, a bad number, an option the method does not take)
// exit 2; what the project lacks (session, coder, group, a coder's work) exits 3.

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/fleiss_kappa.h"
#include "annotation/agreement/gwet_ac1.h"
#include "annotation/agreement/icc.h"
#include "annotation/agreement/kappa.h"
#include "annotation/agreement/krippendorff_alpha.h"
#include "annotation/agreement/pabak.h"
#include "annotation/agreement/percent_agreement.h"
#include "annotation/agreement/ratings_table.h"
#include "annotation/agreement/session_agreement.h"
#include "annotation/agreement/session_agreement_output.h"
#include "annotation/io/csv.h"
#include "annotation/io/import_error.h"
#include "annotation/seconds_text.h"
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace sb::cli {

namespace {

namespace ag = sb::agreement;
namespace an = sb::annotation;
using nlohmann::json;

struct AgreeOptions {
    // The project variant.
    std::string project;
    std::vector<std::string> sessions;
    std::vector<std::string> coders;
    std::string method;
    std::string unit;
    std::string tolerance;
    std::string group;
    // The ratings-file variant.
    std::string ratings;
    std::string metric;
    std::string level = "nominal";
    std::string weights = "linear";
    int bootstrap = 0;
    std::uint64_t seed = ag::BootstrapOptions{}.seed;
    bool json = false;
    // Whether the option was given, to refuse options the metric would ignore.
    bool levelGiven = false;
    bool weightsGiven = false;
    bool bootstrapGiven = false;
};

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The ratings file as a table. Fields are trimmed of blanks; an empty value is missing.
ag::RatingsTable readRatings(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw annotation::io::ImportError(path, 0, "cannot read the file");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    annotation::io::CsvReader reader(text, path);
    std::vector<std::string> fields;
    if (!reader.next(fields)) {
        throw annotation::io::ImportError(path, 0, "empty file; expected the header unit,coder,value");
    }
    for (std::string& field : fields) {
        field = trimmed(field);
    }
    if (fields != std::vector<std::string>{"unit", "coder", "value"}) {
        throw annotation::io::ImportError(path, reader.row(), "expected the header unit,coder,value");
    }
    ag::RatingsTableBuilder builder;
    int judgements = 0;
    while (reader.next(fields)) {
        if (fields.size() != 3) {
            throw annotation::io::ImportError(
                path, reader.row(),
                fmt::format("expected 3 fields (unit,coder,value), found {}", fields.size()));
        }
        const std::string unit = trimmed(fields[0]);
        const std::string coder = trimmed(fields[1]);
        std::string value = trimmed(fields[2]);
        if (unit.empty()) {
            throw annotation::io::ImportError(path, reader.row(), "the unit is empty");
        }
        if (coder.empty()) {
            throw annotation::io::ImportError(path, reader.row(), "the coder is empty");
        }
        try {
            builder.add(unit, coder,
                        value.empty() ? std::nullopt : std::optional<std::string>(std::move(value)));
        } catch (const ag::AgreementError& e) {
            throw annotation::io::ImportError(path, reader.row(), e.what());
        }
        ++judgements;
    }
    if (judgements == 0) {
        throw annotation::io::ImportError(path, 0, "no judgements after the header");
    }
    return std::move(builder).build();
}

json number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

std::string text(const std::optional<double>& value) {
    return value ? fmt::format("{:.4f}", *value) : std::string("undefined");
}

ag::MeasurementLevel levelNamed(const std::string& name) {
    if (name == "ordinal") {
        return ag::MeasurementLevel::Ordinal;
    }
    if (name == "interval") {
        return ag::MeasurementLevel::Interval;
    }
    if (name == "ratio") {
        return ag::MeasurementLevel::Ratio;
    }
    return ag::MeasurementLevel::Nominal;
}

// The figures every chance-corrected coefficient shares.
void addChanceCorrected(json& out, const ag::ChanceCorrected& c) {
    out["value"] = number(c.value);
    out["observed"] = c.observed;
    out["expected"] = c.expected;
    out["units"] = c.units;
}

void addKappaInterval(json& out, const ag::KappaEstimate& k) {
    out["standard_error"] = number(k.standardError);
    out["standard_error_method"] = "Fleiss, Cohen & Everitt (1969) large-sample";
    out["ci"] = {{"level", 0.95}, {"lower", number(k.ciLower)}, {"upper", number(k.ciUpper)}};
}

std::string kappaLine(const std::string& name, const ag::KappaEstimate& k) {
    return fmt::format("{} = {} (p_o {:.4f}, p_e {:.4f}; SE {}, 95% CI {} to {}; {} units)", name,
                       text(k.value), k.observed, k.expected, text(k.standardError), text(k.ciLower),
                       text(k.ciUpper), k.units);
}

void run(const AgreeOptions& options) {
    const std::string& metric = options.metric;
    if (options.levelGiven && metric != "krippendorff") {
        throw UsageError("--level applies to --metric krippendorff only");
    }
    if (options.weightsGiven && metric != "weighted-cohen") {
        throw UsageError("--weights applies to --metric weighted-cohen only");
    }
    if (options.bootstrapGiven && metric != "krippendorff") {
        throw UsageError("--bootstrap and --seed apply to --metric krippendorff only");
    }
    if (options.bootstrap < 0) {
        throw UsageError("--bootstrap needs a number of replicates ≥ 0");
    }

    const ag::RatingsTable ratings = readRatings(options.ratings);
    json out;
    out["metric"] = metric;
    out["coders"] = ratings.coders;
    std::string line;

    if (metric == "percent") {
        const ag::PercentAgreement p = ag::percentAgreement(ratings);
        out["value"] = p.value;
        out["units"] = p.units;
        line = fmt::format("percent agreement = {:.4f} ({} units)", p.value, p.units);
    } else if (metric == "cohen") {
        const ag::KappaEstimate k = ag::cohenKappa(ratings);
        addChanceCorrected(out, k);
        addKappaInterval(out, k);
        line = kappaLine("Cohen's kappa", k);
    } else if (metric == "weighted-cohen") {
        const auto weights =
            options.weights == "quadratic" ? ag::KappaWeights::Quadratic : ag::KappaWeights::Linear;
        const ag::KappaEstimate k = ag::weightedKappa(ratings, weights);
        addChanceCorrected(out, k);
        addKappaInterval(out, k);
        out["weights"] = options.weights;
        line = kappaLine("weighted kappa (" + options.weights + ")", k);
    } else if (metric == "scott") {
        const ag::ChanceCorrected pi = ag::scottsPi(ratings);
        addChanceCorrected(out, pi);
        line = fmt::format("Scott's pi = {} (p_o {:.4f}, p_e {:.4f}; {} units)", text(pi.value), pi.observed,
                           pi.expected, pi.units);
    } else if (metric == "fleiss") {
        const ag::ChanceCorrected k = ag::fleissKappa(ratings);
        addChanceCorrected(out, k);
        line = fmt::format("Fleiss' kappa = {} (P̄ {:.4f}, P̄_e {:.4f}; {} units)", text(k.value), k.observed,
                           k.expected, k.units);
    } else if (metric == "gwet-ac1") {
        const ag::ChanceCorrected ac1 = ag::gwetAC1(ratings);
        addChanceCorrected(out, ac1);
        line = fmt::format("Gwet's AC1 = {} (p_a {:.4f}, p_e {:.4f}; {} units)", text(ac1.value),
                           ac1.observed, ac1.expected, ac1.units);
    } else if (metric == "pabak") {
        const ag::PrevalenceAdjusted p = ag::pabak(ratings);
        out["value"] = number(p.pabak);
        out["observed"] = p.observed;
        out["categories"] = p.categories;
        out["prevalence_index"] = number(p.prevalenceIndex);
        out["bias_index"] = number(p.biasIndex);
        out["units"] = p.units;
        line = fmt::format(
            "PABAK = {} (p_o {:.4f}, {} categories; prevalence index {}, bias index {}; {} units)",
            text(p.pabak), p.observed, p.categories, text(p.prevalenceIndex), text(p.biasIndex), p.units);
    } else if (metric == "krippendorff") {
        const ag::MeasurementLevel level = levelNamed(options.level);
        const ag::AlphaEstimate alpha = ag::krippendorffAlpha(ratings, level);
        out["value"] = number(alpha.value);
        out["level"] = options.level;
        out["observed_disagreement"] = alpha.observedDisagreement;
        out["expected_disagreement"] = alpha.expectedDisagreement;
        out["pairable_values"] = alpha.pairableValues;
        out["units"] = alpha.pairableUnits;
        line = fmt::format(
            "Krippendorff's alpha ({}) = {} (D_o {:.4f}, D_e {:.4f}; {} pairable values in {} units)",
            options.level, text(alpha.value), alpha.observedDisagreement, alpha.expectedDisagreement,
            alpha.pairableValues, alpha.pairableUnits);
        if (options.bootstrap > 0) {
            ag::BootstrapOptions bootstrap;
            bootstrap.replicates = options.bootstrap;
            bootstrap.seed = options.seed;
            const ag::AlphaInterval ci = ag::krippendorffAlphaBootstrap(ratings, level, bootstrap);
            out["ci"] = {{"level", bootstrap.confidence}, {"lower", number(ci.lower)},
                         {"upper", number(ci.upper)},     {"method", "percentile bootstrap over units"},
                         {"replicates", ci.replicates},   {"seed", bootstrap.seed}};
            line += fmt::format("\n95% bootstrap CI {} to {} ({} replicates, seed {})", text(ci.lower),
                                text(ci.upper), ci.replicates, bootstrap.seed);
        }
    } else { // icc
        const ag::IccResult icc = ag::intraclassCorrelation(ratings);
        // The headline value is ICC(2,1), two-way random effects, absolute agreement, single
        // rater: the form most reports of coder agreement on a scale quote.
        out["value"] = number(icc[ag::IccForm::Icc2].value);
        out["value_form"] = "ICC2";
        out["targets"] = icc.targets;
        out["judges"] = icc.judges;
        out["mean_squares"] = {{"between_targets", icc.msBetweenTargets},
                               {"within_targets", icc.msWithinTargets},
                               {"judges", icc.msJudges},
                               {"error", icc.msError}};
        json forms = json::object();
        line = fmt::format("ICC ({} targets, {} judges; Shrout & Fleiss 1979, 95% CI McGraw & Wong 1996)",
                           icc.targets, icc.judges);
        for (const ag::IccEstimate& form : icc.forms) {
            const std::string name(ag::iccName(form.form));
            forms[name] = {
                {"value", number(form.value)},
                {"ci", {{"level", 0.95}, {"lower", number(form.ciLower)}, {"upper", number(form.ciUpper)}}},
                {"f", form.f},
                {"df1", form.df1},
                {"df2", form.df2}};
            line += fmt::format("\n{:<6} {}  [{}, {}]", name, text(form.value), text(form.ciLower),
                                text(form.ciUpper));
        }
        out["forms"] = forms;
    }

    if (options.json) {
        printJson(out);
    } else {
        fmt::print("{}\n", line);
    }
}

void runOnProject(const AgreeOptions& options, const std::vector<std::string>& ratingsOptionsGiven) {
    if (!ratingsOptionsGiven.empty()) {
        throw UsageError(ratingsOptionsGiven.front() + " applies to agree --ratings, not to a project");
    }
    const std::string& method = options.method;
    if (method.empty()) {
        throw UsageError("agree on a project needs --method time-unit, event, scales or judgements");
    }
    if (options.sessions.empty()) {
        throw UsageError("agree on a project needs --session NAME");
    }
    if (options.coders.size() < 2) {
        throw UsageError(
            fmt::format("agreement needs at least two coders in --coders; {} given", options.coders.size()));
    }
    for (std::size_t i = 0; i < options.coders.size(); ++i) {
        if (options.coders[i].empty()) {
            throw UsageError("--coders has an empty name");
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (options.coders[i] == options.coders[j]) {
                throw UsageError(fmt::format("--coders names '{}' twice", options.coders[i]));
            }
        }
    }
    const bool timeline = method == "time-unit" || method == "event";
    if (!timeline && (!options.unit.empty() || !options.tolerance.empty() || !options.group.empty())) {
        throw UsageError("--unit, --tolerance and --group apply to --method time-unit and event only");
    }
    if (method == "event" && !options.unit.empty()) {
        throw UsageError("--unit applies to --method time-unit only");
    }

    an::Project project(options.project, an::ProjectStore::Access::ReadOnly);
    if (timeline) {
        if (options.sessions.size() != 1) {
            throw UsageError("--method " + method + " takes exactly one --session");
        }
        an::TimelineRequest request;
        request.session = options.sessions.front();
        request.coders = options.coders;
        request.method = method == "event" ? an::TimelineMethod::Event : an::TimelineMethod::TimeUnit;
        if (!options.unit.empty()) {
            request.unit = secondsOption("--unit", options.unit);
            if (request.unit <= an::Microseconds{0}) {
                throw UsageError("--unit must be longer than 0 s");
            }
        }
        if (!options.tolerance.empty()) {
            request.tolerance = secondsOption("--tolerance", options.tolerance);
            if (request.method == an::TimelineMethod::TimeUnit &&
                *request.tolerance % request.unit != an::Microseconds{0}) {
                throw UsageError(fmt::format("--tolerance {} is not a whole number of {} s units",
                                             options.tolerance, an::formatSeconds(request.unit)));
            }
        }
        if (!options.group.empty()) {
            request.group = options.group;
        }
        const an::TimelineAgreement result = an::timelineAgreement(project, request);
        options.json ? printJson(an::toJson(result)) : fmt::print("{}", an::toText(result));
        return;
    }
    const an::RatingsRequest request{options.sessions, options.coders};
    if (method == "scales") {
        const an::ScalesAgreement result = an::scalesAgreement(project, request);
        options.json ? printJson(an::toJson(result)) : fmt::print("{}", an::toText(result));
    } else {
        const an::JudgementsAgreement result = an::judgementsAgreement(project, request);
        options.json ? printJson(an::toJson(result)) : fmt::print("{}", an::toText(result));
    }
}

} // namespace

void addAgreeCommands(CLI::App& app) {
    auto options = std::make_shared<AgreeOptions>();
    CLI::App* agree = app.add_subcommand(
        "agree", "Inter-rater agreement of a ratings file or of a project's coders (docs/agreement.md)");
    agree->add_option("project", options->project, "P.sbproj: agreement on the project's stored work");
    agree->add_option("--session", options->sessions,
                      "project: the session (time-unit, event), or sessions (scales, judgements; repeat it)");
    agree->add_option("--coders", options->coders, "project: coder names, comma-separated (at least two)")
        ->delimiter(',');
    agree->add_option("--method", options->method, "project: time-unit, event, scales or judgements")
        ->check(CLI::IsMember({"time-unit", "event", "scales", "judgements"}));
    agree->add_option("--unit", options->unit, "time-unit: the unit in seconds (default 1)");
    agree->add_option(
        "--tolerance", options->tolerance,
        "time-unit: ± window in seconds, whole units (default 0); event: onset tolerance (default 2)");
    agree->add_option("--group", options->group, "time-unit, event: one exclusive group of the scheme only");
    // Not CLI::ExistingFile: an unreadable file is bad input (exit 3), not a usage error.
    CLI::Option* ratings = agree->add_option("--ratings", options->ratings,
                                             "CSV with the header unit,coder,value; one row per judgement");
    CLI::Option* metric =
        agree
            ->add_option(
                "--metric", options->metric,
                "percent, cohen, weighted-cohen, scott, fleiss, krippendorff, gwet-ac1, pabak or icc")
            ->check(CLI::IsMember({"percent", "cohen", "weighted-cohen", "scott", "fleiss", "krippendorff",
                                   "gwet-ac1", "pabak", "icc"}));
    CLI::Option* level = agree->add_option("--level", options->level, "krippendorff: level of measurement")
                             ->check(CLI::IsMember({"nominal", "ordinal", "interval", "ratio"}));
    CLI::Option* weights =
        agree->add_option("--weights", options->weights, "weighted-cohen: disagreement weights")
            ->check(CLI::IsMember({"linear", "quadratic"}));
    CLI::Option* bootstrap = agree->add_option("--bootstrap", options->bootstrap,
                                               "krippendorff: bootstrap replicates for a 95% interval");
    CLI::Option* seed =
        agree->add_option("--seed", options->seed, "krippendorff: the bootstrap's random seed");
    agree->add_flag("--json", options->json, "One JSON object on stdout");
    agree->callback([options, agree, ratings, metric, level, weights, bootstrap, seed] {
        if (!options->project.empty()) {
            std::vector<std::string> given;
            for (CLI::Option* option : {ratings, metric, level, weights, bootstrap, seed}) {
                if (option->count() > 0) {
                    given.push_back(option->get_name());
                }
            }
            runOnProject(*options, given);
            return;
        }
        for (const char* name : {"--session", "--coders", "--method", "--unit", "--tolerance", "--group"}) {
            if (agree->get_option(name)->count() > 0) {
                throw UsageError(std::string(name) + " needs a project: agree P.sbproj --session …");
            }
        }
        if (ratings->count() == 0) {
            throw UsageError("agree needs --ratings FILE.csv, or a project file");
        }
        if (metric->count() == 0) {
            throw UsageError("agree --ratings needs --metric");
        }
        options->levelGiven = level->count() > 0;
        options->weightsGiven = weights->count() > 0;
        options->bootstrapGiven = bootstrap->count() > 0 || seed->count() > 0;
        run(*options);
    });
}

} // namespace sb::cli
