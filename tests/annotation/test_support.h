#pragma once
// Shared by the annotation tests: a scratch directory and a small scheme covering every rule
// (subjects, an exclusive group, point and state codes, each modifier kind, segments, a scale
// and judgements).

#include "annotation/project.h"

#include <filesystem>
#include <memory>
#include <string>

namespace sb::annotation::test {

// A fresh directory under the system temp dir, removed with everything in it.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Codes: cry, fuss, calm (states of exclusive group "distress", infant only; cry takes the
// "intensity" choice), look (state, any subject or none), touch (point; "note" text and
// "count" number 0–10). Subjects infant, mother. Segments ep1, ep2. Scale "proximity" 1–7 in
// ep2 toward mother. Judgements "classification" (A/B/C), "indices" (several of x/y/z),
// "disorg" (rating 1–9), "notes" (text).
std::string testSchemeJson(const std::string& version = "1.0.0");

void writeFile(const std::filesystem::path& file, const std::string& text);
std::string readFile(const std::filesystem::path& file);

// A project in `dir` with the test scheme, a session "S1" and coders "ana" (coder),
// "ben" (coder) and "sue" (supervisor).
struct Fixture {
    std::unique_ptr<Project> project;
    SessionId session;
    CoderId ana, ben, sue;
};
Fixture makeFixture(const std::filesystem::path& file);

// A state or point for the fixture (times in seconds).
Annotation state(const Fixture& f, CoderId coder, const std::string& code, double start, double end,
                 std::optional<std::string> subject = std::string("infant"));
Annotation point(const Fixture& f, CoderId coder, const std::string& code, double at,
                 std::optional<std::string> subject = std::nullopt);

inline Microseconds seconds(double s) {
    return Microseconds{static_cast<std::int64_t>(s * 1e6 + (s < 0 ? -0.5 : 0.5))};
}

} // namespace sb::annotation::test
