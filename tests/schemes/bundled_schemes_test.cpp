// The schemes shipped in samples/schemes: each loads with no diagnostic at all, is complete in
// English and Persian, and says what the notes on the procedures say it must.

#include "schemes/key_binding.h"
#include "schemes/scheme_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
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

// Every text of a scheme with what it belongs to, for the translation checks.
void forEachText(const CodingScheme& scheme,
                 const std::function<void(const std::string&, const LocalizedText&)>& visit) {
    visit("name", scheme.name);
    visit("description", scheme.description);
    const auto item = [&](const std::string& what, const auto& thing) {
        visit(what + " label", thing.label);
        if constexpr (requires { thing.description; }) {
            visit(what + " description", thing.description);
        }
    };
    const auto anchors = [&](const std::string& what, const std::vector<ScaleAnchor>& list) {
        for (const ScaleAnchor& anchor : list) {
            item(what + " anchor " + std::to_string(anchor.value), anchor);
        }
    };
    for (const Subject& subject : scheme.subjects) {
        item("subject " + subject.id, subject);
    }
    for (const ModifierSet& modifier : scheme.modifiers) {
        item("modifier " + modifier.id, modifier);
        for (const ModifierValue& value : modifier.values) {
            item("modifier value " + modifier.id + "/" + value.id, value);
        }
    }
    for (const Code& code : scheme.codes) {
        item("code " + code.id, code);
    }
    for (const ExclusiveGroup& group : scheme.groups) {
        item("group " + group.id, group);
    }
    for (const Segment& segment : scheme.segments) {
        item("segment " + segment.id, segment);
    }
    for (const Scale& scale : scheme.scales) {
        item("scale " + scale.id, scale);
        anchors("scale " + scale.id, scale.anchors);
    }
    for (const Judgement& judgement : scheme.judgements) {
        item("judgement " + judgement.id, judgement);
        for (const JudgementOption& option : judgement.options) {
            item("option " + judgement.id + "/" + option.id, option);
        }
        anchors("judgement " + judgement.id, judgement.anchors);
    }
}

bool hasPersianLetter(const std::string& utf8) {
    // Arabic-script letters are U+0600-U+06FF: UTF-8 lead bytes 0xD8-0xDB.
    return std::any_of(utf8.begin(), utf8.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0xD8 && byte <= 0xDB;
    });
}

TEST_P(BundledScheme, IsCompleteInEnglishAndPersian) {
    const CodingScheme scheme = loadClean(GetParam());
    EXPECT_EQ(scheme.languages, (Ids{"en", "fa"}));
    std::size_t texts = 0;
    forEachText(scheme, [&](const std::string& what, const LocalizedText& text) {
        if (text.empty()) {
            return;
        }
        ++texts;
        ASSERT_TRUE(text.translations.contains("en")) << what;
        ASSERT_TRUE(text.translations.contains("fa")) << what;
        const std::string& persian = text.translations.at("fa");
        EXPECT_EQ(text.in("en"), text.text) << what;
        EXPECT_EQ(text.in("fa"), persian) << what;
        // Written in Persian, except labels that are notation ("B3", "A1").
        const bool notation = persian == text.text && persian.size() <= 3;
        EXPECT_TRUE(notation || hasPersianLetter(persian)) << what << ": " << persian;
        // The continuous prefix is joined with a zero-width non-joiner (می‌شود), never a
        // space ("می شود") or nothing ("میشود").
        for (const char* wrong : {" \u0645\u06CC ", " \u0646\u0645\u06CC "}) {
            EXPECT_EQ((" " + persian + " ").find(wrong), std::string::npos) << what << ": " << persian;
        }
        for (const char* verb : {"\u0645\u06CC\u0634\u0648\u062F", "\u0645\u06CC\u06A9\u0646\u062F"}) {
            EXPECT_EQ(persian.find(verb), std::string::npos) << what << ": " << persian; // میشود, میکند
        }
    });
    EXPECT_GT(texts, 20U);
}

TEST_P(BundledScheme, IdsAreAsciiAndLabelsDiffer) {
    const CodingScheme scheme = loadClean(GetParam());
    std::set<std::string> persianCodeLabels;
    for (const Code& code : scheme.codes) {
        EXPECT_TRUE(std::all_of(code.id.begin(), code.id.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x80;
        })) << code.id;
        // Two codes with one Persian label could not be told apart on the pad.
        EXPECT_TRUE(persianCodeLabels.insert(code.label.in("fa")).second) << code.id;
    }
}

INSTANTIATE_TEST_SUITE_P(Samples, BundledScheme,
                         testing::Values("strange-situation.json", "therapy-process.json", "generic.json",
                                         "eft-couples.json"),
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
              "ssp.json:104: error: /codes/1/key: key \"L\" is bound twice (also /codes/0/key)");
}

TEST(StrangeSituation, PersianUsesTheClinicalTerms) {
    const CodingScheme scheme = loadClean("strange-situation.json");
    EXPECT_EQ(scheme.code("proximity_seeking")->label.in("fa"), "جست\u200Cوجوی نزدیکی");
    EXPECT_EQ(scheme.code("contact_maintaining")->label.in("fa"), "حفظ تماس");
    EXPECT_EQ(scheme.code("avoidance")->label.in("fa"), "اجتناب");
    EXPECT_EQ(scheme.code("resistance")->label.in("fa"), "مقاومت");
    EXPECT_EQ(scheme.segment("ep4")->label.in("fa"), "۴. جدایی نخست");
    EXPECT_EQ(scheme.segment("ep5")->label.in("fa"), "۵. بازپیوند نخست");
    const Judgement& classification = *scheme.judgement("classification");
    const auto option = [&](const std::string& id) {
        for (const JudgementOption& o : classification.options) {
            if (o.id == id) {
                return o.label.in("fa");
            }
        }
        return std::string();
    };
    EXPECT_NE(option("B").find("دلبستگی ایمن"), std::string::npos);
    EXPECT_NE(option("A").find("دلبستگی ناایمن"), std::string::npos);
    EXPECT_NE(option("D").find("آشفته/سازمان\u200Cنیافته"), std::string::npos);
    // English stays the source text.
    EXPECT_EQ(scheme.code("proximity_seeking")->label.in("en"), "Proximity seeking");
    EXPECT_EQ(scheme.code("proximity_seeking")->label.in("de"), "Proximity seeking");
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

TEST(EftCouples, PartnersTherapistAndThePursueWithdrawCycle) {
    const CodingScheme scheme = loadClean("eft-couples.json");
    Ids subjects;
    for (const Subject& subject : scheme.subjects) {
        subjects.push_back(subject.id);
    }
    EXPECT_EQ(subjects, (Ids{"partner_a", "partner_b", "therapist"}));
    // A partner holds one position of the cycle at a time.
    EXPECT_EQ(scheme.group("cycle_position")->codeIds,
              (Ids{"pursuing", "withdrawing", "blaming", "placating"}));
    for (const std::string& id : scheme.group("cycle_position")->codeIds) {
        EXPECT_EQ(scheme.code(id)->kind, CodeKind::State) << id;
        EXPECT_EQ(scheme.code(id)->subjectIds, (Ids{"partner_a", "partner_b"})) << id;
    }
    EXPECT_EQ(scheme.code("blaming")->label.in("fa"), "سرزنش\u200Cگری");
    EXPECT_EQ(scheme.code("withdrawing")->label.in("fa"), "کناره\u200Cگیری");
}

TEST(EftCouples, EmotionalMessagesOfBothDomainsAndTherapistMoves) {
    const CodingScheme scheme = loadClean("eft-couples.json");
    for (const char* id : {"fear_of_abandonment", "longing_for_closeness", "reaching", "shame",
                           "feeling_inadequate", "criticism"}) {
        ASSERT_NE(scheme.code(id), nullptr) << id;
        EXPECT_EQ(scheme.code(id)->kind, CodeKind::Point) << id;
        EXPECT_EQ(scheme.code(id)->subjectIds, (Ids{"partner_a", "partner_b"})) << id;
    }
    for (const char* id : {"fear_of_abandonment", "longing_for_closeness", "reaching"}) {
        EXPECT_NE(scheme.code(id)->description.text.find("Attachment domain"), std::string::npos) << id;
    }
    for (const char* id : {"shame", "feeling_inadequate", "criticism"}) {
        EXPECT_NE(scheme.code(id)->description.text.find("Self-esteem domain"), std::string::npos) << id;
    }
    const ModifierSet& target = *scheme.modifier("target");
    ASSERT_EQ(target.values.size(), 2U);
    EXPECT_EQ(target.values[0].id, "self");
    EXPECT_EQ(target.values[1].id, "partner");
    for (const char* id :
         {"reflecting", "validating", "heightening", "empathic_conjecture", "tracking_cycle"}) {
        ASSERT_NE(scheme.code(id), nullptr) << id;
        EXPECT_EQ(scheme.code(id)->kind, CodeKind::Point) << id;
        EXPECT_EQ(scheme.code(id)->subjectIds, Ids{"therapist"}) << id;
    }
    const Code& enactment = *scheme.code("enactment");
    EXPECT_EQ(enactment.kind, CodeKind::State);
    EXPECT_EQ(enactment.modifierIds, (Ids{"speaker", "outcome"}));
}

TEST(EftCouples, ChangeEventsStageAndSources) {
    const CodingScheme scheme = loadClean("eft-couples.json");
    EXPECT_EQ(scheme.group("change_event")->codeIds, (Ids{"withdrawer_reengagement", "blamer_softening"}));
    EXPECT_EQ(scheme.code("blamer_softening")->kind, CodeKind::State);
    EXPECT_EQ(scheme.code("blamer_softening")->modifierIds, Ids{"completion"});
    const Judgement& stage = *scheme.judgement("stage");
    EXPECT_TRUE(stage.required);
    ASSERT_EQ(stage.options.size(), 3U);
    EXPECT_EQ(stage.options[0].id, "deescalation");
    const Judgement& step = *scheme.judgement("highest_step");
    EXPECT_EQ(step.kind, JudgementKind::Rating);
    EXPECT_EQ(step.min, 1);
    EXPECT_EQ(step.max, 9);
    EXPECT_EQ(step.anchors.size(), 9U);
    EXPECT_EQ(scheme.segmentWindow, std::chrono::microseconds(5min));
    ASSERT_EQ(scheme.scale("exp_peak")->appliesTo.size(), 2U);
    std::string sources;
    for (const std::string& source : scheme.sources) {
        sources += source + "\n";
    }
    for (const char* cited :
         {"Johnson, S. M. (2004). The Practice of Emotionally Focused Couple Therapy",
          "Greenberg, L. S., & Johnson, S. M. (1988)", "Bradley, B., & Furrow, J. L. (2004)", "(EFT-TFS)",
          "Greenberg, L. S., & Goldman, R. N. (2008)"}) {
        EXPECT_NE(sources.find(cited), std::string::npos) << cited;
    }
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
