#pragma once
// A project for the training tests, built on the agreement tests' hand-built project
// (tests/agreement/project_fixture.h): ana's coding is the gold standard of S1–S3, ben is the
// trainee, sue the supervisor. Besides the fixture's S1 work, both code S2 and S3:
//   S2  ana cry [0, 5) infant, look [0, 10) mother      ben cry [1, 5) infant, look [0, 10) mother
//   S3  ana cry [2, 6) infant, fuss [6, 9) infant      ben the same
// Scales (proximity toward mother, ep1): ana 3 5 6, ben 3 4 6. Classification: S1 A1/A2,
// S2 B1/B1, S3 B2/A1 (ana/ben): main categories agree on S1 and S2, options on S2 only.
// ben's last edits: S1 at 0 (the fixture's stamps), S3 at 1000 s, S2 at 3000 s, so the attempts
// in time order are S1, S3, S2.

#include "annotation/supervision/gold_standards.h"
#include "tests/agreement/project_fixture.h"

#include <string>

namespace sb::training::test {

namespace an = sb::annotation;
using sb::agreement::test::ProjectFixture;
using sb::agreement::test::ScratchDir;
using sb::agreement::test::sec;

struct TrainingFixture {
    ProjectFixture f;
    an::CoderId sue;

    void add(an::SessionId session, an::CoderId coder, const std::string& code, double start, double end,
             const std::string& subject, double modifiedAt) {
        an::Annotation a;
        a.session = session;
        a.coder = coder;
        a.schemeVersion = f.project->store().currentSchemeVersion();
        a.code = code;
        a.subject = subject;
        a.start = sec(start);
        a.end = sec(end);
        a.createdAt = sec(modifiedAt);
        a.modifiedAt = sec(modifiedAt);
        f.project->store().insertAnnotation(a);
    }
};

inline TrainingFixture makeTrainingProject(const std::filesystem::path& file) {
    TrainingFixture t;
    t.f = sb::agreement::test::makeProject(file);
    auto& store = t.f.project->store();
    t.sue = store.addCoder("sue", an::CoderRole::Supervisor);
    t.add(t.f.s2, t.f.ana, "cry", 0, 5, "infant", 10);
    t.add(t.f.s2, t.f.ana, "look", 0, 10, "mother", 10);
    t.add(t.f.s2, t.f.ben, "cry", 1, 5, "infant", 3000);
    t.add(t.f.s2, t.f.ben, "look", 0, 10, "mother", 3000);
    t.add(t.f.s3, t.f.ana, "cry", 2, 6, "infant", 10);
    t.add(t.f.s3, t.f.ana, "fuss", 6, 9, "infant", 10);
    t.add(t.f.s3, t.f.ben, "cry", 2, 6, "infant", 1000);
    t.add(t.f.s3, t.f.ben, "fuss", 6, 9, "infant", 1000);
    an::supervision::GoldStandards gold(store);
    for (const an::SessionId s : {t.f.s1, t.f.s2, t.f.s3}) {
        gold.set(s, t.f.ana);
    }
    return t;
}

} // namespace sb::training::test
