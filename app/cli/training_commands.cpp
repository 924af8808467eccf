// securebase-cli training set|status|signoff and certificate: training to criterion
// (annotation/training/, docs/training.md).
//
//   training set P.sbproj --name NAME --sessions A,B[,…] --criterion FILE.json [--as NAME]
//   training status P.sbproj --coder NAME [--set NAME] [--json]
//   training signoff P.sbproj --coder NAME --set NAME --supervisor NAME
//   certificate P.sbproj --coder NAME --out DIR [--set NAME] [--jalali]
//
// Exit 0 on success (status exits 0 whether or not the criterion is met: the answer is the
// output); 2 for bad arguments; 3 for what the project refuses or lacks: an invalid criterion
// (every diagnostic on stderr), an unknown coder, session or set, a sign-off when the criterion
// is not met (with the shortfalls), a certificate without a sign-off.

#include "annotation/project_error.h"
#include "annotation/training/certificate.h"
#include "annotation/training/training_sets.h"
#include "annotation/training/training_status_output.h"
#include "app/cli/acting_coder.h"
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"
#include "app/reports/certificate_document.h"

#include <CLI/CLI.hpp>
#include <QGuiApplication>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace sb::cli {

namespace {

namespace an = sb::annotation;

struct SetOptions {
    std::string project;
    std::string as;
    std::string name;
    std::vector<std::string> sessions;
    std::string criterion;
};

struct StatusOptions {
    std::string project;
    std::string coder;
    std::string set;
    bool json = false;
};

struct SignOffOptions {
    std::string project;
    std::string coder;
    std::string set;
    std::string supervisor;
};

struct CertificateOptions {
    std::string project;
    std::string coder;
    std::string set;
    std::string out;
    bool jalali = false;
};

std::string readFile(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw std::runtime_error(fmt::format("{}: cannot read the criterion file", file));
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void defineSet(const SetOptions& options) {
    const std::string text = readFile(options.criterion);
    an::Project project(options.project);
    // The audit trail records the set under --as, by default the project's first supervisor.
    setActingCoder(project.store(), options.as);
    try {
        const an::TrainingCriterion criterion = an::parseCriterion(text, options.criterion);
        // Checked here first, so that problems name the lines of the user's file.
        an::validateCriterion(criterion, project.scheme(), options.sessions.size(), options.criterion, text);
        const an::TrainingSet set =
            an::TrainingSets(project).define(options.name, options.sessions, criterion);
        fmt::print("{}: training set '{}' with {} session(s); criterion:\n", options.project, set.name,
                   set.sessions.size());
        for (const std::string& line : an::describe(set.criterion)) {
            fmt::print("  {}\n", line);
        }
    } catch (const an::CriterionError& e) {
        for (const std::string& line : e.diagnostics()) {
            fmt::print(stderr, "{}\n", line);
        }
        throw ExitStatus(kExitBadInput);
    }
}

// The sets a status or certificate is about: the one named, else every set of the project.
std::vector<an::TrainingSet> chosenSets(an::TrainingSets& sets, const std::string& name,
                                        const std::string& file) {
    if (!name.empty()) {
        return {sets.named(name)};
    }
    std::vector<an::TrainingSet> all = sets.all();
    if (all.empty()) {
        throw an::NotFound(
            fmt::format("{}: the project has no training sets: define one with `securebase-cli "
                        "training set`",
                        file));
    }
    return all;
}

void status(const StatusOptions& options) {
    an::Project project(options.project, an::ProjectStore::Access::ReadOnly);
    an::TrainingSets sets(project);
    const an::Coder trainee = project.store().coderNamed(options.coder);
    nlohmann::json list = nlohmann::json::array();
    std::string text;
    for (const an::TrainingSet& set : chosenSets(sets, options.set, options.project)) {
        const an::TrainingStatus status = an::trainingStatus(project, set, trainee.name, sets.goldLookup());
        nlohmann::json item = an::toJson(status);
        nlohmann::json signOffs = nlohmann::json::array();
        for (const an::SignOff& s : sets.signOffs(trainee.name, set.name)) {
            signOffs.push_back({{"id", s.id}, {"supervisor", s.supervisorName}, {"at", an::isoUtc(s.at)}});
        }
        item["signoffs"] = std::move(signOffs);
        list.push_back(std::move(item));
        text += an::toText(status);
        for (const an::SignOff& s : sets.signOffs(trainee.name, set.name)) {
            text += fmt::format("signed off by {} on {}\n", s.supervisorName, an::isoUtc(s.at));
        }
        text += "\n";
    }
    if (options.json) {
        printJson({{"file", options.project}, {"trainee", trainee.name}, {"sets", std::move(list)}});
    } else {
        fmt::print("{}", text);
    }
}

void signOff(const SignOffOptions& options) {
    an::Project project(options.project);
    an::TrainingSets sets(project);
    try {
        const an::SignOff s = sets.signOff(options.set, options.coder, options.supervisor);
        fmt::print("{}: {} signed off on training set '{}' by {} at {} (sign-off {})\n", options.project,
                   s.traineeName, s.set, s.supervisorName, an::isoUtc(s.at), s.id);
    } catch (const an::SignOffRefused& e) {
        fmt::print(stderr, "securebase-cli: {}: cannot sign off {} on training set '{}':\n", options.project,
                   options.coder, options.set);
        for (const std::string& reason : e.reasons()) {
            fmt::print(stderr, "  {}\n", reason);
        }
        throw ExitStatus(kExitBadInput);
    }
}

void certificate(const CertificateOptions& options) {
    an::Project project(options.project, an::ProjectStore::Access::ReadOnly);
    an::TrainingSets sets(project);
    const an::Coder trainee = project.store().coderNamed(options.coder);
    if (!options.set.empty()) {
        static_cast<void>(sets.named(options.set));
    }
    const std::vector<an::SignOff> signOffs = sets.signOffs(trainee.name, options.set);
    if (signOffs.empty()) {
        // Say why: the criterion not met yet, or met and waiting for the supervisor.
        fmt::print(stderr,
                   "securebase-cli: {}: no certificate for {}: a certificate needs a supervisor's "
                   "sign-off, and there is none{}\n",
                   options.project, trainee.name,
                   options.set.empty() ? "" : fmt::format(" on training set '{}'", options.set));
        for (const an::TrainingSet& set : chosenSets(sets, options.set, options.project)) {
            const an::TrainingStatus status =
                an::trainingStatus(project, set, trainee.name, sets.goldLookup());
            if (status.met) {
                fmt::print(stderr,
                           "  training set '{}': the criterion is met; sign off with `securebase-cli "
                           "training signoff {} --coder {} --set {} --supervisor NAME`\n",
                           set.name, options.project, trainee.name, set.name);
            } else {
                fmt::print(stderr, "  training set '{}': the criterion is not met:\n", set.name);
                for (const std::string& line : status.shortfalls()) {
                    fmt::print(stderr, "    {}\n", line);
                }
            }
        }
        throw ExitStatus(kExitBadInput);
    }
    // The PDF needs fonts, hence a QGuiApplication; the CLI needs no display for it.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    int argc = 1;
    char name[] = "securebase-cli";
    char* argv[] = {name, nullptr};
    QGuiApplication application(argc, argv);
    reports::CertificateOptions look = reports::optionsForInterface();
    look.jalaliDate = look.jalaliDate || options.jalali;
    const an::SignOff& latest = signOffs.back();
    const an::Certificate content = an::certificateFor(latest, options.project);
    const reports::CertificateFiles files = reports::writeCertificate(content, look, options.out);
    fmt::print("{}: certificate for {} (training set '{}', signed off by {} on {}):\n  {}\n  {}\n",
               options.project, content.trainee, content.set, content.supervisor,
               an::isoUtc(content.signedAt), files.html.string(), files.pdf.string());
}

} // namespace

void addTrainingCommands(CLI::App& app) {
    CLI::App* training =
        app.add_subcommand("training", "Training sets, a trainee's status against the criterion, sign-off");
    training->require_subcommand(1);

    auto set = std::make_shared<SetOptions>();
    CLI::App* setCommand = training->add_subcommand("set", "Define a training set: sessions and a criterion");
    setCommand->add_option("project", set->project, "P.sbproj")->required();
    setCommand->add_option("--name", set->name, "the set's name (unique in the project)")->required();
    setCommand->add_option("--sessions", set->sessions, "session names, comma-separated")
        ->required()
        ->delimiter(',');
    setCommand->add_option("--criterion", set->criterion, "the criterion, a JSON file (docs/training.md)")
        ->required();
    setCommand->add_option("--as", set->as,
                           "Acting coder for the audit trail (default: the first supervisor)");
    setCommand->callback([set] { defineSet(*set); });

    auto status = std::make_shared<StatusOptions>();
    CLI::App* statusCommand =
        training->add_subcommand("status", "A trainee's figures against the criterion of each training set");
    statusCommand->add_option("project", status->project, "P.sbproj")->required();
    statusCommand->add_option("--coder", status->coder, "the trainee")->required();
    statusCommand->add_option("--set", status->set, "one training set (default: every set)");
    statusCommand->add_flag("--json", status->json, "one JSON object on stdout");
    statusCommand->callback([status] { sb::cli::status(*status); });

    auto signOffOptions = std::make_shared<SignOffOptions>();
    CLI::App* signOffCommand = training->add_subcommand(
        "signoff", "Sign a trainee off on a training set (the criterion must be met)");
    signOffCommand->add_option("project", signOffOptions->project, "P.sbproj")->required();
    signOffCommand->add_option("--coder", signOffOptions->coder, "the trainee")->required();
    signOffCommand->add_option("--set", signOffOptions->set, "the training set")->required();
    signOffCommand->add_option("--supervisor", signOffOptions->supervisor, "the supervisor signing")
        ->required();
    signOffCommand->callback([signOffOptions] { signOff(*signOffOptions); });

    auto certificateOptions = std::make_shared<CertificateOptions>();
    CLI::App* certificateCommand = app.add_subcommand(
        "certificate", "Reliability certificate (HTML and PDF) of a signed-off trainee (docs/training.md)");
    certificateCommand->add_option("project", certificateOptions->project, "P.sbproj")->required();
    certificateCommand->add_option("--coder", certificateOptions->coder, "the trainee")->required();
    certificateCommand
        ->add_option("--out", certificateOptions->out, "the output directory (made when absent)")
        ->required();
    certificateCommand->add_option("--set", certificateOptions->set,
                                   "the training set (default: the trainee's latest sign-off)");
    certificateCommand->add_flag("--jalali", certificateOptions->jalali,
                                 "add the date in the Solar Hijri calendar (automatic in a Persian locale)");
    certificateCommand->callback([certificateOptions] { certificate(*certificateOptions); });
}

} // namespace sb::cli
