// A trainee's status against a criterion: every figure equals the agreement engine's own,
// computed here directly through the engine; pass/fail boundaries (a kappa exactly at the
// threshold, m of n tapes); attempt order; tapes without gold; sign-off refused when the
// criterion is not met and recorded in the project and the audit trail when it is.

#include "annotation/agreement/session_agreement.h"
#include "annotation/supervision/audit_trail.h"
#include "annotation/training/certificate.h"
#include "annotation/training/training_sets.h"
#include "annotation/training/training_status_output.h"
#include "tests/training/training_fixture.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace {

namespace an = sb::annotation;
using sb::training::test::makeTrainingProject;
using sb::training::test::ScratchDir;
using sb::training::test::TrainingFixture;

an::TrainingSet setWith(const std::string& criterion) {
    an::TrainingSet set;
    set.name = "basics";
    set.criterion = an::parseCriterion(criterion, "test");
    set.sessions = {"S1", "S2", "S3"};
    return set;
}

// The engine's time-unit agreement of gold (ana) and trainee (ben) on one tape.
an::TimelineAgreement engine(an::Project& project, const std::string& session, double unit,
                             double tolerance) {
    an::TimelineRequest request;
    request.session = session;
    request.coders = {"ana", "ben"};
    request.unit = an::Microseconds{static_cast<std::int64_t>(unit * 1e6)};
    request.tolerance = an::Microseconds{static_cast<std::int64_t>(tolerance * 1e6)};
    return an::timelineAgreement(project, request);
}

const an::StreamAgreement& stream(const an::TimelineAgreement& t, const std::string& name) {
    for (const auto& s : t.streams) {
        if (s.stream.name() == name) {
            return s;
        }
    }
    throw std::runtime_error("no stream " + name);
}

class TrainingStatusTest : public ::testing::Test {
protected:
    void SetUp() override { t = makeTrainingProject(dir.path() / "p.sbproj"); }
    an::Project& project() { return *t.f.project; }
    an::TrainingStatus status(const std::string& criterion) {
        an::TrainingSets sets(project());
        return an::trainingStatus(project(), setWith(criterion), "ben", sets.goldLookup());
    }

    ScratchDir dir;
    TrainingFixture t;
};

TEST_F(TrainingStatusTest, GroupKappasAreTheEnginesStreamKappas) {
    const auto s =
        status(R"({"timeUnitKappa": [{"per": "group", "minimum": 0.5, "unit": 1, "tolerance": 2}]})");
    ASSERT_EQ(s.tapes.size(), 3U);
    for (const an::TapeResult& tape : s.tapes) {
        const an::TimelineAgreement direct = engine(project(), tape.session, 1, 2);
        const auto& k = *stream(direct, "distress (infant)").pairs.front().timeUnit;
        ASSERT_EQ(tape.parts.size(), 1U);
        ASSERT_EQ(tape.parts[0].figures.size(), 1U) << tape.session;
        EXPECT_EQ(tape.parts[0].figures[0].label, "distress (infant)");
        ASSERT_TRUE(k.toleranceKappa.has_value());
        EXPECT_EQ(tape.parts[0].figures[0].value, k.toleranceKappa) << tape.session; // exactly the engine's
    }
    // S3 is coded identically: kappa 1.
    EXPECT_EQ(s.tapes[1].session, "S3");
    EXPECT_EQ(s.tapes[1].parts[0].figures[0].value, 1.0);
}

TEST_F(TrainingStatusTest, WithoutToleranceThePlainKappaAndPerCodeFiguresAreTheEngines) {
    const auto s =
        status(R"({"timeUnitKappa": [{"per": "code", "codes": ["cry", "look"], "minimum": 0.5}]})");
    for (const an::TapeResult& tape : s.tapes) {
        const an::TimelineAgreement direct = engine(project(), tape.session, 1, 0);
        std::size_t compared = 0;
        for (const an::StreamAgreement& st : direct.streams) {
            for (const auto& c : st.pairs.front().timeUnit->perCode) {
                if (c.code != "cry" && c.code != "look") {
                    continue;
                }
                const std::string label = st.stream.kind == an::Stream::Kind::Code
                                              ? st.stream.name()
                                              : c.code + ": " + st.stream.name();
                bool found = false;
                for (const auto& f : tape.parts[0].figures) {
                    if (f.label == label) {
                        found = true;
                        EXPECT_EQ(f.value, c.kappa) << tape.session << " " << label;
                        ++compared;
                    }
                }
                EXPECT_TRUE(found) << tape.session << " " << label;
            }
        }
        EXPECT_GT(compared, 0U);
        // The per-code list (what holds the trainee back) is the engine's per-code table too.
        for (const an::CodeFigure& c : tape.codes) {
            const auto& k = *stream(direct, c.stream).pairs.front().timeUnit;
            for (const auto& e : k.perCode) {
                if (e.code == c.code) {
                    EXPECT_EQ(c.kappa, e.kappa);
                    EXPECT_EQ(c.unitsGold, e.unitsCoder1);
                    EXPECT_EQ(c.unitsTrainee, e.unitsCoder2);
                }
            }
        }
    }
}

TEST_F(TrainingStatusTest, OverallIsTheMeanOfTheEnginesStreamKappas) {
    const auto s = status(R"({"timeUnitKappa": [{"per": "overall", "minimum": 0.5}]})");
    for (const an::TapeResult& tape : s.tapes) {
        const an::TimelineAgreement direct = engine(project(), tape.session, 1, 0);
        double sum = 0;
        int n = 0;
        for (const auto& st : direct.streams) {
            if (const auto k = st.pairs.front().timeUnit->kappa) {
                sum += *k;
                ++n;
            }
        }
        ASSERT_GT(n, 0);
        EXPECT_EQ(tape.parts[0].figures[0].value, sum / n) << tape.session;
    }
}

TEST_F(TrainingStatusTest, AKappaExactlyAtTheThresholdMeetsIt) {
    // The lowest distress kappa of the three tapes, as the engine computes it.
    double lowest = 2;
    for (const char* session : {"S1", "S2", "S3"}) {
        lowest = std::min(
            lowest,
            *stream(engine(project(), session, 1, 0), "distress (infant)").pairs.front().timeUnit->kappa);
    }
    const auto criterion = [](double k) {
        return nlohmann::json{{"timeUnitKappa", {{{"per", "group"}, {"minimum", k}}}}}.dump();
    };
    const auto at = status(criterion(lowest));
    EXPECT_TRUE(at.met) << an::toText(at);
    EXPECT_EQ(at.requirements[0].tapesMet, 3U);

    const auto above = status(criterion(std::nextafter(lowest, 2.0)));
    EXPECT_FALSE(above.met);
    EXPECT_EQ(above.requirements[0].tapesMet, 2U);
    EXPECT_EQ(above.requirements[0].tapesRequired, 3U);
    ASSERT_EQ(above.shortfalls().size(), 1U);
    EXPECT_NE(above.shortfalls()[0].find("met on 2 tapes, 3 required"), std::string::npos)
        << above.shortfalls()[0];

    // "tapes": 2 lowers the bar to two tapes.
    const auto two = status(nlohmann::json{
        {"timeUnitKappa", {{{"per", "group"}, {"minimum", std::nextafter(lowest, 2.0)}, {"tapes", 2}}}}}
                                .dump());
    EXPECT_TRUE(two.met);
}

TEST_F(TrainingStatusTest, ClassificationOnMOfNTapes) {
    // Main categories: S1 A/A, S2 B/B, S3 B/A → 2 of 3. Options: S2 only → 1 of 3.
    const auto main2 =
        status(R"({"judgements": [{"judgement": "classification", "level": "main", "atLeast": 2,
                                                  "of": 3}]})");
    EXPECT_TRUE(main2.met);
    EXPECT_EQ(main2.requirements[0].tapesMet, 2U);
    const auto main3 =
        status(R"({"judgements": [{"judgement": "classification", "level": "main", "atLeast": 3}]})");
    EXPECT_FALSE(main3.met);
    const auto sub = status(R"({"judgements": [{"judgement": "classification", "atLeast": 1}]})");
    EXPECT_TRUE(sub.met);
    EXPECT_EQ(sub.requirements[0].tapesMet, 1U);
    for (const an::TapeResult& tape : sub.tapes) {
        // The answers are the engine's judgement table.
        const auto direct = an::judgementsAgreement(project(), {{tape.session}, {"ana", "ben"}});
        EXPECT_EQ(tape.parts[0].goldAnswer, direct.judgements[0].ratings.value(0, 0));
        EXPECT_EQ(tape.parts[0].traineeAnswer, direct.judgements[0].ratings.value(0, 1));
    }
}

TEST_F(TrainingStatusTest, ScaleScoresWithinNPointsOfGold) {
    // proximity: ana 3 5 6, ben 3 4 6 — S2 is one point off.
    const auto exact = status(R"({"scales": [{"within": 0, "minimumPercent": 100}]})");
    EXPECT_FALSE(exact.met);
    EXPECT_EQ(exact.requirements[0].tapesMet, 2U);
    const auto s2 = std::find_if(exact.tapes.begin(), exact.tapes.end(),
                                 [](const auto& tape) { return tape.session == "S2"; });
    ASSERT_NE(s2, exact.tapes.end());
    EXPECT_EQ(s2->parts[0].episodes, 1U);
    EXPECT_EQ(s2->parts[0].episodesWithin, 0U);
    EXPECT_EQ(s2->parts[0].figures[0].value, 0.0);
    const auto onePoint =
        status(R"({"scales": [{"scales": ["proximity"], "within": 1, "minimumPercent": 100}]})");
    EXPECT_TRUE(onePoint.met);
    // The scores compared are the engine's ratings table.
    const auto direct = an::scalesAgreement(project(), {{"S2"}, {"ana", "ben"}});
    EXPECT_EQ(direct.scales[0].ratings.value(0, 0), "5");
    EXPECT_EQ(direct.scales[0].ratings.value(0, 1), "4");
}

TEST_F(TrainingStatusTest, AttemptsInTheOrderOfTheTraineesLastEdit) {
    const auto s = status(R"({"judgements": [{"judgement": "classification", "atLeast": 1}]})");
    ASSERT_EQ(s.tapes.size(), 3U);
    EXPECT_EQ(s.tapes[0].session, "S1");
    EXPECT_EQ(s.tapes[1].session, "S3");
    EXPECT_EQ(s.tapes[2].session, "S2");
    EXPECT_EQ(s.tapes[2].attemptedAt, an::Microseconds{3'000'000'000});
}

TEST_F(TrainingStatusTest, TapesWithoutGoldOrNotCodedAreNotAttempts) {
    sb::annotation::supervision::GoldStandards(project().store()).clear(t.f.s3);
    project().store().removeAnnotations(t.f.s2, t.f.ben);
    project().store().removeJudgement(t.f.s2, t.f.ben, "classification");
    for (const auto& score : project().store().scaleScores(an::Viewer::wholeProject(), t.f.s2, t.f.ben)) {
        project().store().removeScaleScore(score.segmentInstance, score.scale, score.targetSubject, t.f.ben);
    }
    const auto s = status(R"({"judgements": [{"judgement": "classification", "atLeast": 1}]})");
    ASSERT_EQ(s.tapes.size(), 1U);
    EXPECT_EQ(s.tapes[0].session, "S1");
    EXPECT_EQ(s.withoutGold, std::vector<std::string>{"S3"});
    EXPECT_EQ(s.notAttempted, std::vector<std::string>{"S2"});
}

TEST_F(TrainingStatusTest, WorkMissingOnATapeFailsItWithTheReason) {
    // ben scored and classified S1 but has no annotations there now.
    project().store().removeAnnotations(t.f.s1, t.f.ben);
    const auto s = status(R"({"timeUnitKappa": [{"per": "group", "minimum": 0.1}]})");
    const auto s1 =
        std::find_if(s.tapes.begin(), s.tapes.end(), [](const auto& tape) { return tape.session == "S1"; });
    ASSERT_NE(s1, s.tapes.end());
    EXPECT_FALSE(s1->parts[0].met);
    ASSERT_TRUE(s1->parts[0].problem);
    EXPECT_EQ(*s1->parts[0].problem, "the trainee: the coder has no annotations in this session");
}

TEST_F(TrainingStatusTest, HoldingBackListsTheWorstCodeFirst) {
    const auto s = status(R"({"timeUnitKappa": [{"per": "group", "minimum": 0.1}]})");
    ASSERT_FALSE(s.holdingBack.empty());
    for (std::size_t i = 1; i < s.holdingBack.size(); ++i) {
        if (s.holdingBack[i].meanKappa) {
            ASSERT_TRUE(s.holdingBack[i - 1].meanKappa);
            EXPECT_LE(*s.holdingBack[i - 1].meanKappa, *s.holdingBack[i].meanKappa);
        }
    }
    const nlohmann::json json = an::toJson(s);
    EXPECT_EQ(json["holding_back"].size(), s.holdingBack.size());
    EXPECT_EQ(json["tapes"][0]["per_code"].size(), s.tapes[0].codes.size());
}

TEST_F(TrainingStatusTest, SetsAreStoredAsDataAndSignOffNeedsTheCriterion) {
    an::TrainingSets sets(project());
    const auto unmet =
        an::parseCriterion(R"({"judgements": [{"judgement": "classification", "atLeast": 3}]})", "t");
    const auto met = an::parseCriterion(
        R"({"judgements": [{"judgement": "classification", "level": "main", "atLeast": 2, "of": 3}]})", "t");
    sets.define("hard", {"S1", "S2", "S3"}, unmet);
    sets.define("fair", {"S1", "S2", "S3"}, met);
    EXPECT_THROW(sets.define("fair", {"S1", "S2", "S3"}, met), an::EditRejected);
    EXPECT_THROW(sets.define("odd", {"S1", "S9"}, met), an::NotFound);
    EXPECT_THROW(sets.define("big", {"S1"}, met), an::CriterionError); // asks for 2 of 3, the set has 1
    EXPECT_EQ(sets.named("fair").sessions, (std::vector<std::string>{"S1", "S2", "S3"}));
    EXPECT_EQ(an::toJson(sets.named("fair").criterion), an::toJson(met));
    EXPECT_EQ(sets.all().size(), 2U);

    try {
        static_cast<void>(sets.signOff("hard", "ben", "sue"));
        FAIL() << "signed off although the criterion is not met";
    } catch (const an::SignOffRefused& e) {
        ASSERT_EQ(e.reasons().size(), 1U);
        EXPECT_NE(e.reasons()[0].find("met on 1 tape, 3 required"), std::string::npos) << e.reasons()[0];
    }
    EXPECT_THROW(static_cast<void>(sets.signOff("fair", "ben", "ana")),
                 an::SignOffRefused); // not a supervisor
    EXPECT_TRUE(sets.signOffs("ben").empty());

    const an::SignOff s = sets.signOff("fair", "ben", "sue");
    EXPECT_EQ(s.set, "fair");
    EXPECT_EQ(s.traineeName, "ben");
    EXPECT_EQ(s.supervisorName, "sue");
    const auto figures = nlohmann::json::parse(s.figuresJson);
    EXPECT_TRUE(figures["met"].get<bool>());
    EXPECT_EQ(figures["tapes"].size(), 3U);
    ASSERT_EQ(sets.signOffs("ben").size(), 1U);
    EXPECT_TRUE(sets.signOffs("ben", "hard").empty());
    // The certificate carries the criterion as signed (the workstation words it anew).
    const auto certificate = an::certificateFor(s, "p.sbproj");
    ASSERT_TRUE(certificate.criterion);
    EXPECT_EQ(an::toJson(*certificate.criterion), an::toJson(met));
    ASSERT_EQ(certificate.requirements.size(), 1U);
    EXPECT_EQ(certificate.requirements[0].description, an::describe(met)[0]);

    // The audit trail has the sign-off as a step, by the supervisor, and the row itself.
    an::supervision::AuditTrail audit(project().store());
    an::supervision::AuditFilter filter;
    filter.actionPrefix = "training.";
    const auto steps = audit.entries(filter);
    ASSERT_EQ(steps.size(), 1U);
    EXPECT_EQ(steps[0].action, "training.signoff");
    ASSERT_TRUE(steps[0].actor);
    EXPECT_EQ(*steps[0].actor, t.sue);
    filter.actionPrefix = "signoffs.";
    EXPECT_EQ(audit.entries(filter).size(), 1U);
    EXPECT_FALSE(audit.verify().broken);
}

} // namespace
