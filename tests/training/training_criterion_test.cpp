// The criterion as data: parsing with errors that name the line, the JSON pointer and what is
// wrong; the canonical JSON reads back equal; validation against a scheme and a set size.

#include "annotation/training/training_criterion.h"
#include "schemes/scheme_loader.h"
#include "tests/agreement/project_fixture.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace an = sb::annotation;

std::vector<std::string> errorsOf(const std::string& text) {
    try {
        static_cast<void>(an::parseCriterion(text, "c.json"));
    } catch (const an::CriterionError& e) {
        return e.diagnostics();
    }
    return {};
}

bool has(const std::vector<std::string>& lines, const std::string& part) {
    for (const std::string& line : lines) {
        if (line.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string all(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& l : lines) {
        text += l + "\n";
    }
    return text;
}

const char* kFull = R"({
  "timeUnitKappa": [
    {"per": "group", "groups": ["distress"], "minimum": 0.8, "unit": 1, "tolerance": 2},
    {"per": "code", "codes": ["look"], "minimum": 0.6, "unit": 0.5, "tolerance": 0, "tapes": 2},
    {"per": "overall", "minimum": 0.7}
  ],
  "scales": [{"scales": ["proximity"], "within": 1, "minimumPercent": 80, "per": "scale", "tapes": 3}],
  "judgements": [{"judgement": "classification", "level": "main", "atLeast": 2, "of": 3}]
})";

TEST(TrainingCriterion, ParsesEveryKindOfRequirement) {
    const an::TrainingCriterion c = an::parseCriterion(kFull, "c.json");
    ASSERT_EQ(c.kappa.size(), 3U);
    EXPECT_EQ(c.kappa[0].per, an::KappaRequirement::Per::Group);
    EXPECT_EQ(c.kappa[0].ids, std::vector<std::string>{"distress"});
    EXPECT_EQ(c.kappa[0].minimum, 0.8);
    EXPECT_EQ(c.kappa[0].unit, an::Microseconds{1'000'000});
    EXPECT_EQ(c.kappa[0].tolerance, an::Microseconds{2'000'000});
    EXPECT_FALSE(c.kappa[0].tapes);
    EXPECT_EQ(c.kappa[1].per, an::KappaRequirement::Per::Code);
    EXPECT_EQ(c.kappa[1].unit, an::Microseconds{500'000});
    EXPECT_EQ(c.kappa[1].tapes, 2);
    EXPECT_EQ(c.kappa[2].per, an::KappaRequirement::Per::Overall);
    EXPECT_EQ(c.kappa[2].unit, an::Microseconds{1'000'000}); // default
    ASSERT_EQ(c.scales.size(), 1U);
    EXPECT_EQ(c.scales[0].within, 1);
    EXPECT_EQ(c.scales[0].minimumPercent, 80);
    EXPECT_TRUE(c.scales[0].perScale);
    ASSERT_EQ(c.judgements.size(), 1U);
    EXPECT_TRUE(c.judgements[0].mainLevel);
    EXPECT_EQ(c.judgements[0].atLeast, 2);
    EXPECT_EQ(c.judgements[0].of, 3);
}

TEST(TrainingCriterion, CanonicalJsonReadsBackTheSame) {
    const an::TrainingCriterion c = an::parseCriterion(kFull, "c.json");
    const nlohmann::json once = an::toJson(c);
    const nlohmann::json twice = an::toJson(an::parseCriterion(once.dump(), "stored"));
    EXPECT_EQ(once, twice);
    EXPECT_EQ(once["timeUnitKappa"][0]["tolerance"], 2.0);
    EXPECT_EQ(once["judgements"][0]["level"], "main");
}

TEST(TrainingCriterion, InvalidJsonNamesLineAndColumn) {
    const auto errors = errorsOf("{\n  \"timeUnitKappa\": [\n    {\"per\": \"group\",}\n  ]\n}");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_TRUE(has(errors, "c.json:3:")) << all(errors);
    EXPECT_TRUE(has(errors, "not valid JSON")) << all(errors);
}

TEST(TrainingCriterion, EveryProblemNamesLinePointerAndWhatIsWrong) {
    const auto errors = errorsOf(R"({
  "timeUnitKappa": [
    {"per": "groups", "minimun": 0.8},
    {"per": "group", "minimum": 1.5, "unit": 0, "tolerance": 1.5},
    {"per": "code", "groups": ["distress"], "minimum": "high"}
  ],
  "scales": [{"within": -1, "minimumPercent": 120}],
  "judgements": [{"judgement": "classification", "atLeast": 4, "of": 3, "level": "top"}],
  "extra": true
})");
    EXPECT_TRUE(has(errors, "c.json:3: /timeUnitKappa/0/per: 'groups' is not")) << all(errors);
    EXPECT_TRUE(has(errors, "c.json:3: /timeUnitKappa/0/minimun: unknown member 'minimun'")) << all(errors);
    EXPECT_TRUE(has(errors, "/timeUnitKappa/0/minimum: required")) << all(errors);
    EXPECT_TRUE(has(errors, "c.json:4: /timeUnitKappa/1/minimum: 1.5 is out of range")) << all(errors);
    EXPECT_TRUE(has(errors, "/timeUnitKappa/1/unit: must be a number of seconds greater than 0"))
        << all(errors);
    EXPECT_TRUE(has(errors, "c.json:5: /timeUnitKappa/2/groups: \"groups\" goes with")) << all(errors);
    EXPECT_TRUE(has(errors, "/timeUnitKappa/2/minimum: must be a number")) << all(errors);
    EXPECT_TRUE(has(errors, "c.json:7: /scales/0/within: must be a whole number, 0 or more")) << all(errors);
    EXPECT_TRUE(has(errors, "/scales/0/minimumPercent: 120 is out of range")) << all(errors);
    EXPECT_TRUE(has(errors, "c.json:8: /judgements/0/of: 4 of 3 tapes")) << all(errors);
    EXPECT_TRUE(has(errors, "/judgements/0/level: must be \"sub\"")) << all(errors);
    EXPECT_TRUE(has(errors, "c.json:9: /extra: unknown member 'extra'")) << all(errors);
}

TEST(TrainingCriterion, ToleranceMustBeWholeUnits) {
    const auto errors =
        errorsOf(R"({"timeUnitKappa": [{"per": "overall", "minimum": 0.8, "unit": 2, "tolerance": 3}]})");
    EXPECT_TRUE(has(errors, "/timeUnitKappa/0/tolerance: 3 s is not a whole number of 2 s units"))
        << all(errors);
}

TEST(TrainingCriterion, AnEmptyCriterionAsksForNothing) {
    EXPECT_TRUE(has(errorsOf("{}"), "asks for nothing"));
    EXPECT_TRUE(has(errorsOf("[1]"), "c.json:1: /: a criterion is a JSON object"));
    EXPECT_TRUE(has(errorsOf(R"({"scales": {}})"), "/scales: must be an array"));
}

TEST(TrainingCriterion, DuplicateMembersAreErrors) {
    EXPECT_TRUE(has(errorsOf(R"({"judgements": [{"judgement": "x", "atLeast": 1, "atLeast": 2}]})"),
                    "/judgements/0/atLeast: this member is given twice"));
}

std::vector<std::string> validationErrors(const std::string& text, std::size_t tapes) {
    const auto scheme =
        sb::schemes::loadSchemeTextOrThrow(sb::agreement::test::kSchemeJson, "agreement-test.json");
    try {
        an::validateCriterion(an::parseCriterion(text, "c.json"), scheme, tapes, "c.json", text);
    } catch (const an::CriterionError& e) {
        return e.diagnostics();
    }
    return {};
}

TEST(TrainingCriterion, ValidatesAgainstTheSchemeAndTheSet) {
    EXPECT_TRUE(validationErrors(kFull, 3).empty()) << all(validationErrors(kFull, 3));
    const auto errors = validationErrors(R"({
  "timeUnitKappa": [{"per": "group", "groups": ["distress", "attachment"], "minimum": 0.8, "tapes": 4},
                    {"per": "code", "codes": ["kry"], "minimum": 0.8}],
  "scales": [{"scales": ["avoidance"], "within": 1, "minimumPercent": 80}],
  "judgements": [{"judgement": "notes", "atLeast": 1},
                 {"judgement": "attachment", "atLeast": 1},
                 {"judgement": "classification", "atLeast": 4, "of": 4}]
})",
                                         3);
    EXPECT_TRUE(has(errors,
                    "/timeUnitKappa/0/groups/1: no exclusive group 'attachment' in scheme agreement-test "
                    "1.0.0"))
        << all(errors);
    EXPECT_TRUE(has(errors, "/timeUnitKappa/0/tapes: asks for 4 tapes but the training set has 3"))
        << all(errors);
    EXPECT_TRUE(has(errors, "/timeUnitKappa/1/codes/0: no code 'kry'")) << all(errors);
    EXPECT_TRUE(has(errors, "/scales/0/scales/0: no scale 'avoidance'")) << all(errors);
    EXPECT_TRUE(has(errors, "/judgements/0/judgement: judgement 'notes' is not a category judgement"))
        << all(errors);
    EXPECT_TRUE(has(errors, "/judgements/1/judgement: no judgement 'attachment'")) << all(errors);
    EXPECT_TRUE(has(errors, "/judgements/2/atLeast: asks for 4 tapes but the training set has 3"))
        << all(errors);
    EXPECT_TRUE(has(errors, "/judgements/2/of: says 4 tapes but the training set has 3")) << all(errors);
}

TEST(TrainingCriterion, AStoredCriterionIsValidatedWithoutLines) {
    const auto scheme =
        sb::schemes::loadSchemeTextOrThrow(sb::agreement::test::kSchemeJson, "agreement-test.json");
    const auto criterion = an::parseCriterion(
        R"({"scales": [{"scales": ["ps"], "within": 1, "minimumPercent": 80}]})", "c.json");
    try {
        an::validateCriterion(criterion, scheme, 2, "p.sbproj: training set 'x'");
        FAIL();
    } catch (const an::CriterionError& e) {
        ASSERT_EQ(e.diagnostics().size(), 1U);
        EXPECT_EQ(e.diagnostics()[0],
                  "p.sbproj: training set 'x': /scales/0/scales/0: no scale 'ps' in scheme "
                  "agreement-test 1.0.0");
    }
}

TEST(TrainingCriterion, DescribesEachRequirementInWords) {
    const auto lines = an::describe(an::parseCriterion(kFull, "c.json"));
    ASSERT_EQ(lines.size(), 5U);
    EXPECT_EQ(lines[0],
              "time-unit kappa \u2265 0.8 per exclusive group (distress) with 1 s units and \u00b12 s "
              "tolerance, on every tape");
    EXPECT_EQ(lines[3],
              "scale scores (proximity) within 1 point of gold on at least 80 % of the episodes of each "
              "scale, on at least 3 tapes");
    EXPECT_EQ(lines[4], "the same classification as gold (main category) on at least 2 of 3 tapes");
}

} // namespace
