// The schemes shipped in samples/schemes: each loads with no diagnostic at all, and says
// what the notes on the procedures say it must.

#include "schemes/key_binding.h"
#include "schemes/scheme_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace sb::schemes {
namespace {

using namespace std::chrono_literals;
using Ids = std::vector<std::string>;

std::filesystem::path bundled(const std::string& name) {
    return std::filesystem::path(SECUREBASE_SOURCE_DIR) / "samples" / "schemes" / name;
}

CodingScheme loadClean(const std::string& name) {
    const auto result = loadSchemeFile(bundled(name));
    for (const SchemeDiagnostic& diagnostic : result.diagnostics) {
        ADD_FAILURE() << diagnostic.toString();
    }
    return result.scheme.value_or(CodingScheme{});
}

class BundledScheme : public testing::TestWithParam<std::string> {};

TEST_P(BundledScheme, LoadsWithoutErrorsOrWarnings) {
    const auto result = loadSchemeFile(bundled(GetParam()));
    EXPECT_TRUE(result.ok());
    EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.front().toString();
}

TEST_P(BundledScheme, NamesItsSourcesAndHasLabelsAndKeys) {
    const CodingScheme scheme = loadClean(GetParam());
    EXPECT_FALSE(scheme.sources.empty());
    EXPECT_FALSE(scheme.codes.empty());
    std::set<std::string> keys;
    for (const Code& code : scheme.codes) {
        EXPECT_FALSE(code.label.text.empty()) << code.id;
        EXPECT_FALSE(code.description.text.empty()) << code.id;
        ASSERT_TRUE(normaliseKey(code.key)) << code.id << " has no usable key";
        EXPECT_TRUE(keys.insert(*normaliseKey(code.key)).second) << code.id;
    }
    for (const Subject& subject : scheme.subjects) {
        ASSERT_TRUE(normaliseKey(subject.key)) << subject.id;
        EXPECT_TRUE(keys.insert(*normaliseKey(subject.key)).second) << subject.id;
    }
}

INSTANTIATE_TEST_SUITE_P(Samples, BundledScheme,
                         testing::Values("strange-situation.json", "therapy-process.json", "generic.json"),
                         [](const testing::TestParamInfo<std::string>& param) {
                             std::string name = param.param.substr(0, param.param.find('.'));
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(StrangeSituation, EightEpisodesWithDurationsAndWhoIsPresent) {
    const CodingScheme scheme = loadClean("strange-situation.json");
    ASSERT_EQ(scheme.segments.size(), 8U);
    const std::vector<Ids> present{{"caregiver", "infant", "experimenter"},
                                   {"caregiver", "infant"},
                                   {"stranger", "caregiver", "infant"},
                                   {"stranger", "infant"},
                                   {"caregiver", "infant"},
                                   {"infant"},
                                   {"stranger", "infant"},
                                   {"caregiver", "infant"}};
    for (std::size_t i = 0; i < 8; ++i) {
        const Segment& episode = scheme.segments[i];
        EXPECT_EQ(episode.id, "ep" + std::to_string(i + 1));
        EXPECT_EQ(episode.nominalDuration,
                  i == 0 ? std::chrono::microseconds(30s) : std::chrono::microseconds(3min));
        EXPECT_EQ(episode.presentSubjectIds, present[i]) << episode.id;
        // Separations may be cut short, reunions lengthened.
        EXPECT_EQ(episode.curtailable, i == 3 || i == 5 || i == 6) << episode.id;
        EXPECT_EQ(episode.extendable, i == 4 || i == 7) << episode.id;
    }
}

TEST(StrangeSituation, InteractiveBehavioursNameTheirTarget) {
    const CodingScheme scheme = loadClean("strange-situation.json");
    for (const char* id : {"proximity_seeking", "contact_maintaining", "resistance", "avoidance",
                           "distance_interaction", "look_at", "smile", "vocalise"}) {
        const Code* code = scheme.code(id);
        ASSERT_NE(code, nullptr) << id;
        EXPECT_EQ(code->modifierIds, Ids{"target"}) << id;
    }
    const ModifierSet& target = *scheme.modifier("target");
    EXPECT_TRUE(target.required);
    ASSERT_EQ(target.values.size(), 2U);
    EXPECT_EQ(target.values[0].id, "caregiver");
    EXPECT_EQ(target.values[1].id, "stranger");
    EXPECT_EQ(scheme.code("crying")->kind, CodeKind::State);
    EXPECT_EQ(scheme.code("avoidance")->kind, CodeKind::Point);
    EXPECT_EQ(scheme.code("stranger_entry")->subjectIds, Ids{"stranger"});
}

TEST(StrangeSituation, SixScalesRatedPerEpisodeTowardCaregiverAndStranger) {
    const CodingScheme scheme = loadClean("strange-situation.json");
    ASSERT_EQ(scheme.scales.size(), 6U);
    for (const char* id : {"ps", "cm", "rs", "av", "di"}) {
        const Scale& scale = *scheme.scale(id);
        EXPECT_EQ(scale.min, 1);
        EXPECT_EQ(scale.max, 7);
        ASSERT_EQ(scale.appliesTo.size(), 2U) << id;
        EXPECT_EQ(scale.appliesTo[0].segmentIds, (Ids{"ep2", "ep3", "ep5", "ep8"})) << id;
        EXPECT_EQ(scale.appliesTo[0].targetSubjectId, "caregiver");
        EXPECT_EQ(scale.appliesTo[1].segmentIds, (Ids{"ep3", "ep4", "ep7"})) << id;
        EXPECT_EQ(scale.appliesTo[1].targetSubjectId, "stranger");
    }
    const Scale& search = *scheme.scale("se");
    ASSERT_EQ(search.appliesTo.size(), 1U);
    EXPECT_EQ(search.appliesTo[0].segmentIds, (Ids{"ep4", "ep6", "ep7"}));
    for (const Scale& scale : scheme.scales) {
        std::vector<int> values;
        for (const ScaleAnchor& anchor : scale.anchors) {
            values.push_back(anchor.value);
            EXPECT_FALSE(anchor.description.text.empty()) << scale.id << " " << anchor.value;
        }
        EXPECT_EQ(values, (std::vector<int>{1, 3, 5, 7})) << scale.id;
    }
}

TEST(StrangeSituation, ClassificationWithSubgroupsAlternativeAndDRating) {
    const CodingScheme scheme = loadClean("strange-situation.json");
    const Judgement& primary = *scheme.judgement("classification");
    EXPECT_TRUE(primary.required);
    Ids ids;
    std::map<std::string, std::string> parents;
    for (const JudgementOption& option : primary.options) {
        ids.push_back(option.id);
        parents[option.id] = option.parentId;
    }
    EXPECT_EQ(ids, (Ids{"A", "A1", "A2", "B", "B1", "B2", "B3", "B4", "C", "C1", "C2", "D", "CC"}));
    EXPECT_EQ(parents["A2"], "A");
    EXPECT_EQ(parents["B4"], "B");
    EXPECT_EQ(parents["C1"], "C");
    EXPECT_EQ(parents["D"], "");
    EXPECT_EQ(parents["CC"], "");

    const Judgement& alternative = *scheme.judgement("alternative");
    ASSERT_TRUE(alternative.requiredWhen.has_value());
    EXPECT_EQ(alternative.requiredWhen->judgementId, "classification");
    EXPECT_EQ(alternative.requiredWhen->optionIds, (Ids{"D", "CC"}));
    for (const JudgementOption& option : alternative.options) {
        EXPECT_NE(option.id, "D");
        EXPECT_NE(option.id, "CC");
    }

    const Judgement& rating = *scheme.judgement("d_rating");
    EXPECT_EQ(rating.kind, JudgementKind::Rating);
    EXPECT_EQ(rating.min, 1);
    EXPECT_EQ(rating.max, 9);
    EXPECT_EQ(scheme.judgement("d_indices")->options.size(), 7U);
    EXPECT_TRUE(scheme.judgement("d_indices")->multiple);
}

TEST(StrangeSituation, AClashingKeyWouldBeCaught) {
    // Guards the tests above against passing vacuously: the same file with one key changed fails.
    std::ifstream stream(bundled("strange-situation.json"));
    std::stringstream text;
    text << stream.rdbuf();
    std::string json = text.str();
    const auto at = json.find("\"key\": \"m\"");
    ASSERT_NE(at, std::string::npos);
    json.replace(at, 10, "\"key\": \"L\"");
    const auto result = loadSchemeText(json, "ssp.json");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1U);
    EXPECT_EQ(result.diagnostics[0].toString(),
              "ssp.json:83: error: /codes/1/key: key \"L\" is bound twice (also /codes/0/key)");
}

TEST(TherapyProcess, RuptureMarkersStrategiesAndStates) {
    const CodingScheme scheme = loadClean("therapy-process.json");
    EXPECT_EQ(scheme.modifier("withdrawal_marker")->values.size(), 7U);
    EXPECT_EQ(scheme.modifier("confrontation_marker")->values.size(), 7U);
    EXPECT_EQ(scheme.modifier("strategy")->values.size(), 10U);
    EXPECT_EQ(scheme.code("wd_marker")->kind, CodeKind::Point);
    EXPECT_EQ(scheme.code("repair")->subjectIds, Ids{"therapist"});
    EXPECT_EQ(scheme.groupOf("rupture_confrontation")->id, "rupture");
    EXPECT_EQ(scheme.group("emotion")->codeIds.size(), 9U);
    const ModifierSet& intensity = *scheme.modifier("intensity");
    EXPECT_EQ(intensity.kind, ModifierKind::Number);
    EXPECT_EQ(intensity.min, 1.0);
    EXPECT_EQ(intensity.max, 7.0);
}

TEST(TherapyProcess, FiveMinuteSegmentScalesAndSessionRatings) {
    const CodingScheme scheme = loadClean("therapy-process.json");
    EXPECT_TRUE(scheme.segments.empty());
    EXPECT_EQ(scheme.segmentWindow, std::chrono::microseconds(5min));
    Ids scales;
    for (const Scale& scale : scheme.scales) {
        scales.push_back(scale.id);
        ASSERT_EQ(scale.appliesTo.size(), 1U);
        EXPECT_EQ(scale.appliesTo[0].targetSubjectId, "client");
    }
    EXPECT_EQ(scales, (Ids{"wd_significance", "cf_significance", "exp_modal", "exp_peak", "arousal_mode",
                           "arousal_peak"}));
    EXPECT_EQ(scheme.scale("wd_significance")->max, 5);
    EXPECT_EQ(scheme.scale("exp_peak")->anchors.size(), 7U);
    EXPECT_EQ(scheme.judgement("therapist_contribution")->max, 5);
    EXPECT_EQ(scheme.judgement("resolution")->kind, JudgementKind::Rating);
}

TEST(Generic, TwoSubjectsAndEverydayBehaviours) {
    const CodingScheme scheme = loadClean("generic.json");
    EXPECT_EQ(scheme.subjects.size(), 2U);
    for (const char* id : {"looking", "vocalising", "touching", "crying"}) {
        ASSERT_NE(scheme.code(id), nullptr) << id;
        EXPECT_EQ(scheme.code(id)->subjectIds, (Ids{"child", "adult"}));
    }
}

TEST(FormatDocumentation, TheExampleInDocsValidates) {
    std::ifstream stream(std::filesystem::path(SECUREBASE_SOURCE_DIR) / "docs" / "scheme-format.md");
    std::stringstream text;
    text << stream.rdbuf();
    const std::string markdown = text.str();
    const auto start = markdown.find("```json\n{");
    ASSERT_NE(start, std::string::npos);
    const auto end = markdown.find("\n```", start + 8);
    ASSERT_NE(end, std::string::npos);
    const auto result =
        loadSchemeText(std::string_view(markdown).substr(start + 8, end - start - 8), "example");
    for (const SchemeDiagnostic& diagnostic : result.diagnostics) {
        ADD_FAILURE() << diagnostic.toString();
    }
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.scheme->languages, (Ids{"en", "fa"}));
    EXPECT_EQ(result.scheme->code("crying")->label.in("fa"), "گریه");
}

} // namespace
} // namespace sb::schemes
