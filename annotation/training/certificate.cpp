#include "annotation/training/certificate.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>

namespace sb::annotation {

namespace {

using nlohmann::json;

std::string number(const json& value, bool percent) {
    if (!value.is_number()) {
        return "undefined";
    }
    return percent ? fmt::format("{:.1f} %", value.get<double>())
                   : fmt::format("{:.3f}", value.get<double>());
}

// The figures of one requirement on one tape, as the certificate prints them.
std::string cellText(const json& part) {
    const std::string kind = part.at("kind").get<std::string>();
    std::string text;
    if (!part.at("problem").is_null()) {
        return part.at("problem").get<std::string>();
    }
    if (kind == "judgement") {
        return fmt::format("{} (gold {})", part.value("trainee_answer", json()).get<std::string>(),
                           part.value("gold_answer", json()).get<std::string>());
    }
    if (kind == "scales") {
        const auto within = part.at("episodes_within").get<std::size_t>();
        const auto episodes = part.at("episodes").get<std::size_t>();
        text = fmt::format(
            "{} of {} episodes ({:.1f} %)", within, episodes,
            episodes == 0 ? 0.0 : 100.0 * static_cast<double>(within) / static_cast<double>(episodes));
        for (const json& f : part.at("figures")) {
            text += fmt::format("\n{} {}", f.at("label").get<std::string>(), number(f.at("value"), true));
        }
        return text;
    }
    for (const json& f : part.at("figures")) {
        text += fmt::format("{}{} {}", text.empty() ? "" : "\n", f.at("label").get<std::string>(),
                            number(f.at("value"), false));
    }
    return text.empty() ? "nothing of it coded" : text;
}

} // namespace

Certificate certificateFor(const SignOff& signOff, const std::string& projectFile) {
    Certificate c;
    c.project = std::filesystem::path(projectFile).filename().string();
    c.set = signOff.set;
    c.trainee = signOff.traineeName;
    c.supervisor = signOff.supervisorName;
    c.signedAt = signOff.at;
    c.signOffId = signOff.id;
    try {
        const json figures = json::parse(signOff.figuresJson);
        c.schemeId = figures.at("scheme").at("id").get<std::string>();
        c.schemeVersion = figures.at("scheme").at("version").get<std::string>();
        for (const json& r : figures.at("requirements")) {
            c.requirements.push_back({r.at("description").get<std::string>(),
                                      r.at("tapes_met").get<std::size_t>(),
                                      r.at("tapes_required").get<std::size_t>(), r.at("met").get<bool>()});
        }
        for (const json& t : figures.at("tapes")) {
            CertificateTape tape;
            tape.attempt = t.at("attempt").get<std::size_t>();
            tape.session = t.at("session").get<std::string>();
            tape.goldCoder = t.at("gold_coder").get<std::string>();
            tape.codedAt = t.at("attempted_at").get<std::string>();
            tape.met = t.at("met").get<bool>();
            for (const json& part : t.at("requirements")) {
                tape.cells.push_back(cellText(part));
            }
            c.tapes.push_back(std::move(tape));
        }
        if (const auto criterion = figures.find("criterion"); criterion != figures.end()) {
            try {
                c.criterion = parseCriterion(criterion->dump(), "the signed criterion");
            } catch (const std::exception&) {
                // Older or foreign figures: the stored English descriptions are what there is.
            }
        }
    } catch (const json::exception& e) {
        throw std::runtime_error(
            fmt::format("{}: sign-off {} of {} on '{}': its stored figures cannot be read: {}", projectFile,
                        signOff.id, signOff.traineeName, signOff.set, e.what()));
    }
    return c;
}

std::string certificateStem(const Certificate& certificate) {
    const auto clean = [](const std::string& name) {
        std::string out;
        for (const unsigned char ch : name) {
            const bool unsafe = ch < 0x20 || ch == 0x7f || ch == ' ' || ch == '/' || ch == '\\' ||
                                ch == ':' || ch == '*' || ch == '?' || ch == '"' || ch == '<' || ch == '>' ||
                                ch == '|' || ch == '\'' || ch == '$' || ch == '`';
            out += unsafe ? '-' : static_cast<char>(ch); // UTF-8 bytes of Persian names stay
        }
        while (!out.empty() && (out.front() == '.' || out.front() == '-')) {
            out.erase(out.begin());
        }
        return out.empty() ? std::string("unnamed") : out;
    };
    return "certificate-" + clean(certificate.trainee) + "-" + clean(certificate.set);
}

} // namespace sb::annotation
