#pragma once
// A hand-built project for the project-level agreement tests: a small scheme written here, three
// sessions and four coders added through the store, annotations whose time units and alignments
// are counted by hand in the tests.
//
// Session S1 (unit 1 s, the session ends at 10 s, the latest end):
//   ana: cry [0, 4) infant, fuss [6, 8) infant, look [0, 10) mother, touch at 5 (no subject)
//   ben: cry [0, 3) infant, fuss [5, 8) infant, look [0, 10) mother
//   cal: cry [0, 4) infant, fuss [6, 8) infant, look [0, 10) mother
//   dan: nothing (a coder who has not coded the session)
// Stream distress (infant), units 0…9:
//   ana  cry cry cry cry nil nil  fuss fuss nil nil
//   ben  cry cry cry nil nil fuss fuss fuss nil nil
// Scales: "proximity" (1–7, toward mother) in one ep1 instance per session; ana 3 5 6, ben 3 4 6.
// Judgement "classification" (A, A1 and A2 under A; B, B1 and B2 under B):
//   S1 ana A1 ben A2, S2 ana B1 ben B1, S3 ana B2 ben A1.

#include "annotation/project.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>

namespace sb::agreement::test {

namespace an = sb::annotation;

inline const char* kSchemeJson = R"({
  "formatVersion": 1,
  "id": "agreement-test",
  "name": "Agreement test",
  "version": "1.0.0",
  "subjects": [
    {"id": "infant", "label": "Infant", "key": "1"},
    {"id": "mother", "label": "Mother", "key": "2"}
  ],
  "codes": [
    {"id": "cry", "label": "Cry", "kind": "state", "key": "c", "subjects": ["infant"]},
    {"id": "fuss", "label": "Fuss", "kind": "state", "key": "f", "subjects": ["infant"]},
    {"id": "look", "label": "Look", "kind": "state", "key": "l"},
    {"id": "touch", "label": "Touch", "kind": "point", "key": "t"}
  ],
  "groups": [
    {"id": "distress", "label": "Distress", "codes": ["cry", "fuss"]}
  ],
  "segments": [
    {"id": "ep1", "label": "Episode 1"}
  ],
  "scales": [
    {"id": "proximity", "label": "Proximity seeking", "min": 1, "max": 7,
     "anchors": [{"value": 1, "label": "None"}, {"value": 7, "label": "Very strong"}],
     "appliesTo": [{"segments": ["ep1"], "target": "mother"}]}
  ],
  "judgements": [
    {"id": "classification", "label": "Classification", "kind": "category",
     "options": [{"id": "A", "label": "A"}, {"id": "A1", "label": "A1", "parent": "A"},
                 {"id": "A2", "label": "A2", "parent": "A"}, {"id": "B", "label": "B"},
                 {"id": "B1", "label": "B1", "parent": "B"}, {"id": "B2", "label": "B2", "parent": "B"}]},
    {"id": "notes", "label": "Notes", "kind": "text"}
  ]
})";

class ScratchDir {
public:
    ScratchDir() {
        std::random_device random;
        for (int attempt = 0; attempt < 100; ++attempt) {
            auto candidate =
                std::filesystem::temp_directory_path() / ("sb-session-agreement-" + std::to_string(random()));
            if (std::filesystem::create_directory(candidate)) {
                path_ = candidate;
                return;
            }
        }
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline an::Microseconds sec(double s) {
    return an::Microseconds{static_cast<std::int64_t>(s * 1e6 + 0.5)};
}

struct ProjectFixture {
    std::unique_ptr<an::Project> project;
    an::SessionId s1, s2, s3;
    an::CoderId ana, ben, cal, dan;

    void add(an::SessionId session, an::CoderId coder, const std::string& code, double start,
             std::optional<double> end, std::optional<std::string> subject) {
        an::Annotation a;
        a.session = session;
        a.coder = coder;
        a.schemeVersion = project->store().currentSchemeVersion();
        a.code = code;
        a.subject = std::move(subject);
        a.start = sec(start);
        if (end) {
            a.end = sec(*end);
        }
        project->store().insertAnnotation(a);
    }
};

// `coderNames` lets a test name a coder "<script>" (the report escapes names).
inline ProjectFixture makeProject(const std::filesystem::path& file, const std::string& anaName = "ana") {
    ProjectFixture f;
    f.project = an::Project::createFromSchemeText(file, kSchemeJson, "agreement-test.json");
    auto& store = f.project->store();
    f.s1 = store.addSession("S1", {});
    f.s2 = store.addSession("S2", {});
    f.s3 = store.addSession("S3", {});
    f.ana = store.addCoder(anaName, an::CoderRole::Coder);
    f.ben = store.addCoder("ben", an::CoderRole::Coder);
    f.cal = store.addCoder("cal", an::CoderRole::Coder);
    f.dan = store.addCoder("dan", an::CoderRole::Coder);

    f.add(f.s1, f.ana, "cry", 0, 4, "infant");
    f.add(f.s1, f.ana, "fuss", 6, 8, "infant");
    f.add(f.s1, f.ana, "look", 0, 10, "mother");
    f.add(f.s1, f.ana, "touch", 5, std::nullopt, std::nullopt);
    f.add(f.s1, f.ben, "cry", 0, 3, "infant");
    f.add(f.s1, f.ben, "fuss", 5, 8, "infant");
    f.add(f.s1, f.ben, "look", 0, 10, "mother");
    f.add(f.s1, f.cal, "cry", 0, 4, "infant");
    f.add(f.s1, f.cal, "fuss", 6, 8, "infant");
    f.add(f.s1, f.cal, "look", 0, 10, "mother");

    const an::SchemeVersionId version = store.currentSchemeVersion();
    const an::SessionId sessions[3] = {f.s1, f.s2, f.s3};
    const int anaScores[3] = {3, 5, 6};
    const int benScores[3] = {3, 4, 6};
    const char* anaClass[3] = {"A1", "B1", "B2"};
    const char* benClass[3] = {"A2", "B1", "A1"};
    for (int s = 0; s < 3; ++s) {
        an::SegmentInstance instance;
        instance.session = sessions[s];
        instance.segment = "ep1";
        instance.start = sec(0);
        instance.end = sec(10);
        instance.author = f.ana;
        instance.schemeVersion = version;
        store.insertSegmentInstance(instance);
        store.putScaleScore({instance.id, "proximity", "mother", f.ana, anaScores[s], version, {}});
        store.putScaleScore({instance.id, "proximity", "mother", f.ben, benScores[s], version, {}});
        store.putJudgement({sessions[s], f.ana, "classification", anaClass[s], version, {}});
        store.putJudgement({sessions[s], f.ben, "classification", benClass[s], version, {}});
    }
    return f;
}

} // namespace sb::agreement::test
