// Agreement on a project's stored work (annotation/agreement/session_agreement.h): the figures of
// the hand-built project in project_fixture.h against counts made by hand and against the pure
// engine fed the same events directly.

#include "annotation/agreement/agreement_error.h"
#include "annotation/agreement/icc.h"
#include "annotation/agreement/kappa.h"
#include "annotation/agreement/ratings_table.h"
#include "annotation/agreement/session_agreement.h"
#include "annotation/agreement/session_agreement_output.h"
#include "annotation/project_error.h"
#include "tests/agreement/project_fixture.h"

#include <gtest/gtest.h>

namespace {

namespace an = sb::annotation;
namespace ag = sb::agreement;
using sb::agreement::test::makeProject;
using sb::agreement::test::ScratchDir;
using sb::agreement::test::sec;

const an::StreamAgreement& streamNamed(const an::TimelineAgreement& r, const std::string& name) {
    for (const auto& s : r.streams) {
        if (s.stream.name() == name) {
            return s;
        }
    }
    throw std::runtime_error("no stream " + name);
}

ag::CoderTimeline timeline(const std::string& coder, std::vector<ag::TimelineEvent> events) {
    return {coder, std::move(events)};
}

class SessionAgreement : public ::testing::Test {
protected:
    ScratchDir dir_;
    sb::agreement::test::ProjectFixture f_ = makeProject(dir_.path() / "p.sbproj");

    an::TimelineAgreement timeUnit(std::vector<std::string> coders,
                                   std::optional<std::string> group = std::nullopt,
                                   std::optional<an::Microseconds> tolerance = std::nullopt) {
        an::TimelineRequest request;
        request.session = "S1";
        request.coders = std::move(coders);
        request.group = std::move(group);
        request.tolerance = tolerance;
        return an::timelineAgreement(*f_.project, request);
    }
};

TEST_F(SessionAgreement, TimeUnitKappaMatchesTheHandCount) {
    const an::TimelineAgreement r = timeUnit({"ana", "ben"});
    EXPECT_EQ(r.sessionLength, sec(10));
    // Streams: distress (infant), look (mother), touch (no subject).
    ASSERT_EQ(r.streams.size(), 3U);
    const auto& distress = streamNamed(r, "distress (infant)");
    ASSERT_EQ(distress.pairs.size(), 1U);
    const ag::TimeUnitKappa& k = *distress.pairs[0].timeUnit;
    EXPECT_EQ(k.units, 10);
    // Table (rows ana, columns ben; cry fuss nil): 3 0 1 / 0 2 0 / 0 1 3.
    ASSERT_EQ(k.table.labels, (std::vector<std::string>{"cry", "fuss", "nil"}));
    EXPECT_EQ(k.table.counts, (std::vector<double>{3, 0, 1, 0, 2, 0, 0, 1, 3}));
    // p_o = 8/10, p_e = (4·3 + 2·3 + 4·4)/100 = 0.34, κ = 0.46/0.66 = 23/33.
    EXPECT_DOUBLE_EQ(k.percentAgreement, 0.8);
    EXPECT_DOUBLE_EQ(k.expectedAgreement, 0.34);
    ASSERT_TRUE(k.kappa.has_value());
    EXPECT_NEAR(*k.kappa, 23.0 / 33.0, 1e-15);
    // Disagreements: unit 3 (cry / nil) and unit 5 (nil / fuss).
    ASSERT_EQ(k.disagreements.size(), 2U);
    EXPECT_EQ(k.disagreements[0].start, sec(3));
    EXPECT_EQ(k.disagreements[0].end, sec(4));
    EXPECT_EQ(k.disagreements[0].code1, "cry");
    EXPECT_EQ(k.disagreements[0].code2, "nil");
    EXPECT_EQ(k.disagreements[1].start, sec(5));
    EXPECT_EQ(k.disagreements[1].code1, "nil");
    EXPECT_EQ(k.disagreements[1].code2, "fuss");

    // The same events fed to the engine directly give the same figures.
    const ag::TimeUnitKappa direct = ag::timeUnitKappa(
        timeline("ana", {{"cry", sec(0), sec(4)}, {"fuss", sec(6), sec(8)}}),
        timeline("ben", {{"cry", sec(0), sec(3)}, {"fuss", sec(5), sec(8)}}), {sec(1), 0, sec(10)});
    EXPECT_EQ(direct.table.counts, k.table.counts);
    EXPECT_EQ(direct.kappa, k.kappa);
    EXPECT_EQ(direct.disagreements.size(), k.disagreements.size());

    // Both coders looked all the time: agreement, but kappa is 0/0.
    const auto& look = streamNamed(r, "look (mother)");
    EXPECT_FALSE(look.pairs[0].timeUnit->kappa.has_value());
    EXPECT_DOUBLE_EQ(look.pairs[0].timeUnit->percentAgreement, 1.0);
}

TEST_F(SessionAgreement, ToleranceForgivesTheEdges) {
    // ±1 unit: both disagreements lie next to the other coder's code.
    const an::TimelineAgreement r = timeUnit({"ana", "ben"}, "distress", sec(1));
    ASSERT_EQ(r.streams.size(), 1U);
    const ag::TimeUnitKappa& k = *r.streams[0].pairs[0].timeUnit;
    EXPECT_EQ(k.toleranceUnits, 1);
    EXPECT_EQ(
        k.kappa,
        ag::timeUnitKappa(r.streams[0].timelines[0], r.streams[0].timelines[1], {sec(1), 1, sec(10)}).kappa);
    ASSERT_TRUE(k.toleranceKappa.has_value());
    EXPECT_DOUBLE_EQ(k.tolerancePercentAgreement, 1.0);
}

TEST_F(SessionAgreement, GroupRestrictsTheStreams) {
    const an::TimelineAgreement r = timeUnit({"ana", "ben"}, "distress");
    ASSERT_EQ(r.streams.size(), 1U);
    EXPECT_EQ(r.streams[0].stream.id, "distress");
    EXPECT_EQ(r.streams[0].stream.subject, std::optional<std::string>("infant"));
    EXPECT_EQ(r.sessionLength, sec(10)); // still the whole session's length
}

TEST_F(SessionAgreement, EventAlignmentAgainstTheEngine) {
    an::TimelineRequest request;
    request.session = "S1";
    request.coders = {"ana", "ben"};
    request.method = an::TimelineMethod::Event;
    request.group = "distress";
    const an::TimelineAgreement r = an::timelineAgreement(*f_.project, request);
    const ag::EventAlignment& a = *r.streams[0].pairs[0].events;
    // cry–cry (same onset) and fuss–fuss (onsets 1 s apart, within 2 s): two agreeing pairs.
    ASSERT_EQ(a.pairings.size(), 2U);
    EXPECT_DOUBLE_EQ(a.observedAgreement, 1.0);
    const ag::EventAlignment direct =
        ag::alignEvents(timeline("ana", {{"cry", sec(0), sec(4)}, {"fuss", sec(6), sec(8)}}),
                        timeline("ben", {{"cry", sec(0), sec(3)}, {"fuss", sec(5), sec(8)}}));
    EXPECT_EQ(direct.table.counts, a.table.counts);
    EXPECT_EQ(direct.kappa, a.kappa);

    // With no onset tolerance fuss [6, 8) and [5, 8) still pair: the overlap 2 s is 2/3 ≥ 60 %.
    request.tolerance = sec(0);
    const an::TimelineAgreement strict = an::timelineAgreement(*f_.project, request);
    EXPECT_EQ(strict.streams[0].pairs[0].events->pairings.size(), 2U);
}

TEST_F(SessionAgreement, ThreeCodersGiveAllPairsAndTheSummary) {
    const an::TimelineAgreement r = timeUnit({"ana", "ben", "cal"}, "distress");
    const auto& s = r.streams[0];
    ASSERT_EQ(s.pairs.size(), 3U);
    EXPECT_EQ(s.pairs[0].coder1, 0U);
    EXPECT_EQ(s.pairs[0].coder2, 1U);
    EXPECT_NEAR(*s.pairs[0].timeUnit->kappa, 23.0 / 33.0, 1e-15);
    EXPECT_DOUBLE_EQ(*s.pairs[1].timeUnit->kappa, 1.0); // ana and cal coded alike
    ASSERT_TRUE(s.multiCoder.has_value());
    const ag::MultiCoderAgreement direct = ag::multiCoderAgreement(s.timelines, {sec(1), 0, sec(10)});
    EXPECT_EQ(s.multiCoder->meanPairwiseKappa, direct.meanPairwiseKappa);
    EXPECT_EQ(s.multiCoder->alpha.value, direct.alpha.value);
    EXPECT_NEAR(*s.multiCoder->meanPairwiseKappa, (23.0 / 33.0 + 1.0 + 23.0 / 33.0) / 3, 1e-15);
}

TEST_F(SessionAgreement, BlindProjectsStillCompute) {
    f_.project->store().setBlind(true);
    f_.project.reset();
    an::Project reopened(dir_.path() / "p.sbproj", an::ProjectStore::Access::ReadOnly);
    an::TimelineRequest request;
    request.session = "S1";
    request.coders = {"ana", "ben"};
    request.group = "distress";
    const an::TimelineAgreement r = an::timelineAgreement(reopened, request);
    EXPECT_NEAR(*r.streams[0].pairs[0].timeUnit->kappa, 23.0 / 33.0, 1e-15);
}

TEST_F(SessionAgreement, Errors) {
    EXPECT_THROW((void)timeUnit({"ana"}), an::SessionAgreementError);
    EXPECT_THROW((void)timeUnit({"ana", "ana"}), an::SessionAgreementError);
    EXPECT_THROW((void)timeUnit({"ana", "zed"}), an::NotFound);
    EXPECT_THROW((void)timeUnit({"ana", "ben"}, "nonesuch"), an::SessionAgreementError);
    try {
        (void)timeUnit({"ana", "dan"});
        FAIL() << "dan has no annotations";
    } catch (const an::SessionAgreementError& e) {
        EXPECT_EQ(e.coder(), "dan");
        EXPECT_EQ(e.session(), "S1");
        EXPECT_NE(std::string(e.what()).find("no annotations"), std::string::npos);
    }
    EXPECT_THROW((void)timeUnit({"ana", "ben"}, std::nullopt, an::Microseconds{1'500'000}),
                 an::SessionAgreementError);
    an::TimelineRequest request;
    request.session = "S9";
    request.coders = {"ana", "ben"};
    EXPECT_THROW((void)an::timelineAgreement(*f_.project, request), an::NotFound);
}

TEST_F(SessionAgreement, ScalesAgainstTheEngine) {
    const an::ScalesAgreement r = an::scalesAgreement(*f_.project, {{"S1", "S2", "S3"}, {"ana", "ben"}});
    ASSERT_EQ(r.scales.size(), 1U);
    const an::ScaleAgreement& s = r.scales[0];
    EXPECT_EQ(s.units, 3U);
    EXPECT_EQ(s.completeUnits, 3U);
    // ana 3 5 6, ben 3 4 6.
    ag::RatingsTable direct = ag::ratingsFromRows({"ana", "ben"}, {{"3", "3"}, {"5", "4"}, {"6", "6"}});
    const ag::IccResult icc = ag::intraclassCorrelation(direct);
    ASSERT_TRUE(s.icc.has_value());
    EXPECT_NEAR(*(*s.icc)[ag::IccForm::Icc2].value, *icc[ag::IccForm::Icc2].value, 1e-12);
    direct.categories = {"1", "2", "3", "4", "5", "6", "7"};
    ASSERT_EQ(s.pairs.size(), 1U);
    EXPECT_NEAR(*s.pairs[0].quadraticKappa->value,
                *ag::weightedKappa(direct, ag::KappaWeights::Quadratic).value, 1e-12);
    EXPECT_NEAR(*s.pairs[0].linearKappa->value, *ag::weightedKappa(direct, ag::KappaWeights::Linear).value,
                1e-12);
    EXPECT_DOUBLE_EQ(s.pairs[0].percentAgreement, 2.0 / 3.0);

    EXPECT_THROW((void)an::scalesAgreement(*f_.project, {{"S1"}, {"ana", "cal"}}), an::SessionAgreementError);
}

TEST_F(SessionAgreement, JudgementsAtBothLevels) {
    const an::JudgementsAgreement r =
        an::judgementsAgreement(*f_.project, {{"S1", "S2", "S3"}, {"ana", "ben"}});
    ASSERT_EQ(r.judgements.size(), 2U);
    const an::JudgementAgreement& sub = r.judgements[0];
    const an::JudgementAgreement& main = r.judgements[1];
    EXPECT_EQ(sub.level, "sub");
    EXPECT_EQ(main.level, "main");
    // Sub: A1/A2, B1/B1, B2/A1 → 1 of 3. Main: A/A, B/B, B/A → 2 of 3.
    EXPECT_DOUBLE_EQ(sub.pairs[0].percentAgreement, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(main.pairs[0].percentAgreement, 2.0 / 3.0);
    const auto cohen = [](std::vector<std::vector<std::optional<std::string>>> rows) {
        return *ag::cohenKappa(ag::ratingsFromRows({"ana", "ben"}, rows)).value;
    };
    EXPECT_NEAR(*sub.pairs[0].kappa->value, cohen({{"A1", "A2"}, {"B1", "B1"}, {"B2", "A1"}}), 1e-15);
    // Main: table A/A 1, B/B 1, B/A 1: p_o 2/3, p_e (1·2 + 2·1)/9 = 4/9, κ = 0.4.
    EXPECT_NEAR(*main.pairs[0].kappa->value, 0.4, 1e-15);
}

TEST_F(SessionAgreement, JsonCarriesTheFigures) {
    const nlohmann::json j = an::toJson(timeUnit({"ana", "ben"}, "distress"));
    EXPECT_EQ(j["method"], "time-unit");
    const auto& pair = j["streams"][0]["pairs"][0];
    EXPECT_NEAR(pair["kappa"].get<double>(), 23.0 / 33.0, 1e-15);
    EXPECT_EQ(pair["confusion"]["labels"], nlohmann::json::array({"cry", "fuss", "nil"}));
    EXPECT_EQ(pair["disagreements"][1]["start"], 5.0);
    EXPECT_EQ(pair["disagreements"][1]["code2"], "fuss");
    const std::string text = an::toText(timeUnit({"ana", "ben"}, "distress"));
    EXPECT_NE(text.find("kappa 0.6970"), std::string::npos) << text;
    EXPECT_NE(text.find("3 to 4 s: ana cry, ben nil"), std::string::npos) << text;
}

} // namespace
