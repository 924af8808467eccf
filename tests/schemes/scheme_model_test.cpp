// What the loader puts into the model, and the model's own lookups.

#include "schemes/scheme_loader.h"

#include <gtest/gtest.h>

namespace sb::schemes {
namespace {

using namespace std::chrono_literals;

constexpr const char* kScheme = R"json({
  "formatVersion": 1,
  "id": "demo",
  "name": {"en": "Demo", "fa": "نمونه"},
  "version": "0.3",
  "description": {"en": "A scheme touching every field.", "fa": "x"},
  "sources": ["Ainsworth et al. (1978)"],
  "languages": ["en", "fa"],
  "subjects": [
    {"id": "infant", "label": {"en": "Infant", "fa": "نوزاد"}, "key": "1", "colour": "#0af",
     "description": {"en": "The child", "fa": "کودک"}},
    {"id": "caregiver", "label": {"en": "Caregiver", "fa": "مراقب"}, "key": "2"}
  ],
  "modifiers": [
    {"id": "target", "label": {"en": "Target", "fa": "هدف"}, "kind": "choice", "required": true,
     "values": [{"id": "caregiver", "label": {"en": "Caregiver", "fa": "مراقب"}, "key": "c"}]},
    {"id": "intensity", "label": {"en": "Intensity", "fa": "شدت"}, "kind": "number", "min": 1, "max": 7}
  ],
  "codes": [
    {"id": "cry", "label": {"en": "Crying", "fa": "گریه"}, "kind": "state", "key": "shift+c",
     "colour": "Crimson", "modifiers": ["intensity"], "subjects": ["infant"]},
    {"id": "fuss", "label": {"en": "Fussing", "fa": "بی‌قراری"}, "kind": "state"},
    {"id": "approach", "label": {"en": "Approach", "fa": "نزدیک شدن"}, "kind": "point", "modifiers": ["target"]}
  ],
  "groups": [{"id": "distress", "label": {"en": "Distress", "fa": "پریشانی"}, "codes": ["cry", "fuss"],
              "exhaustive": true}],
  "segments": [
    {"id": "ep1", "label": {"en": "Episode 1", "fa": "بخش ۱"}, "nominalSeconds": 30, "present": ["infant"]},
    {"id": "ep2", "label": {"en": "Episode 2", "fa": "بخش ۲"}, "nominalSeconds": 180.5, "curtailable": true,
     "extendable": true}
  ],
  "scales": [
    {"id": "ps", "label": {"en": "Proximity seeking", "fa": "x"}, "min": 1, "max": 7,
     "anchors": [{"value": 1, "label": {"en": "none", "fa": "x"}}, {"value": 7, "description": {"en": "full", "fa": "x"}}],
     "appliesTo": [{"segments": ["ep2"], "target": "caregiver"}, {"target": "infant"}]}
  ],
  "judgements": [
    {"id": "cls", "label": {"en": "Classification", "fa": "x"}, "kind": "category", "required": true,
     "options": [{"id": "B", "label": {"en": "Secure", "fa": "x"}},
                 {"id": "B3", "label": {"en": "B3", "fa": "x"}, "parent": "B"},
                 {"id": "D", "label": {"en": "D", "fa": "x"}}]},
    {"id": "alt", "label": {"en": "Alternative", "fa": "x"}, "kind": "category", "multiple": true,
     "options": [{"id": "B3", "label": {"en": "B3", "fa": "x"}}],
     "requiredWhen": {"judgement": "cls", "options": ["D"]}},
    {"id": "drating", "label": {"en": "D rating", "fa": "x"}, "kind": "rating", "min": 1, "max": 9,
     "anchors": [{"value": 5, "label": {"en": "cut-off", "fa": "x"}}]},
    {"id": "notes", "label": {"en": "Notes", "fa": "x"}, "kind": "text"}
  ]
})json";

CodingScheme demo() {
    const auto result = loadSchemeText(kScheme, "demo.json");
    for (const auto& diagnostic : result.diagnostics) {
        ADD_FAILURE() << diagnostic.toString();
    }
    return result.scheme.value_or(CodingScheme{});
}

TEST(SchemeModel, Header) {
    const CodingScheme scheme = demo();
    EXPECT_EQ(scheme.id, "demo");
    EXPECT_EQ(scheme.version, "0.3");
    EXPECT_EQ(scheme.formatVersion, 1);
    EXPECT_EQ(scheme.name.text, "Demo");
    EXPECT_EQ(scheme.description.text, "A scheme touching every field.");
    EXPECT_EQ(scheme.sources, std::vector<std::string>{"Ainsworth et al. (1978)"});
    EXPECT_EQ(scheme.languages, (std::vector<std::string>{"en", "fa"}));
    EXPECT_EQ(scheme.sourceLanguage(), "en");
}

TEST(SchemeModel, PlainAndTranslatedLabels) {
    const CodingScheme scheme = demo();
    const LocalizedText& label = scheme.subjects.at(0).label;
    EXPECT_EQ(label.text, "Infant");
    EXPECT_EQ(label.in("fa"), "نوزاد");
    EXPECT_EQ(label.in("en"), "Infant");
    EXPECT_EQ(label.in("de"), "Infant"); // falls back to the source text
    EXPECT_EQ(label.translations.size(), 2U);
    EXPECT_TRUE(scheme.codes.at(0).description.empty());

    const CodingScheme plain = loadSchemeTextOrThrow(
        R"({"formatVersion": 1, "id": "p", "name": "Plain", "version": "1"})", "p.json");
    EXPECT_EQ(plain.name.text, "Plain");
    EXPECT_TRUE(plain.name.translations.empty());
    EXPECT_EQ(plain.name.in("fa"), "Plain");
    EXPECT_FALSE(plain.name.empty());
}

TEST(LocalizedText, RegionalLanguageFallsBackToItsLanguage) {
    const LocalizedText text{"colour", {{"en", "colour"}, {"pt", "cor"}, {"en-US", "color"}}};
    EXPECT_EQ(text.in("pt-BR"), "cor");
    EXPECT_EQ(text.in("en-US"), "color");
    EXPECT_EQ(text.in("en-GB"), "colour");
    EXPECT_EQ(text.in("fr-CA"), "colour");
}

TEST(SchemeModel, SubjectsModifiersAndCodes) {
    const CodingScheme scheme = demo();
    EXPECT_EQ(scheme.subjects.at(0).colour, Colour{0x00aaff});
    EXPECT_EQ(scheme.subjects.at(0).description.in("fa"), "کودک");
    EXPECT_EQ(scheme.subjects.at(1).colour, Colour{}); // default grey

    const ModifierSet& target = scheme.modifiers.at(0);
    EXPECT_EQ(target.kind, ModifierKind::Choice);
    EXPECT_TRUE(target.required);
    EXPECT_EQ(target.values.at(0).key, "c");
    const ModifierSet& intensity = scheme.modifiers.at(1);
    EXPECT_EQ(intensity.kind, ModifierKind::Number);
    EXPECT_EQ(intensity.min, 1.0);
    EXPECT_EQ(intensity.max, 7.0);

    const Code& cry = scheme.codes.at(0);
    EXPECT_EQ(cry.kind, CodeKind::State);
    EXPECT_EQ(cry.key, "shift+c"); // as written; normaliseKey gives "Shift+C"
    EXPECT_EQ(cry.colour.hex(), "#dc143c");
    EXPECT_EQ(cry.modifierIds, std::vector<std::string>{"intensity"});
    EXPECT_EQ(cry.subjectIds, std::vector<std::string>{"infant"});
    EXPECT_EQ(scheme.codes.at(2).kind, CodeKind::Point);
    EXPECT_TRUE(scheme.codes.at(2).key.empty());
}

TEST(SchemeModel, GroupsSegmentsAndScales) {
    const CodingScheme scheme = demo();
    EXPECT_TRUE(scheme.groups.at(0).exhaustive);
    EXPECT_EQ(scheme.groupOf("fuss"), &scheme.groups.at(0));
    EXPECT_EQ(scheme.groupOf("approach"), nullptr);

    const Segment& ep1 = scheme.segments.at(0);
    EXPECT_EQ(ep1.nominalDuration, std::chrono::microseconds(30s));
    EXPECT_EQ(ep1.presentSubjectIds, std::vector<std::string>{"infant"});
    EXPECT_FALSE(ep1.curtailable);
    const Segment& ep2 = scheme.segments.at(1);
    EXPECT_EQ(ep2.nominalDuration, std::chrono::microseconds(180500ms));
    EXPECT_TRUE(ep2.curtailable);
    EXPECT_TRUE(ep2.extendable);
    EXPECT_FALSE(scheme.segmentWindow.has_value());

    const Scale& ps = scheme.scales.at(0);
    EXPECT_EQ(ps.min, 1);
    EXPECT_EQ(ps.max, 7);
    ASSERT_EQ(ps.anchors.size(), 2U);
    EXPECT_EQ(ps.anchors[1].value, 7);
    EXPECT_EQ(ps.anchors[1].description.text, "full");
    ASSERT_EQ(ps.appliesTo.size(), 2U);
    EXPECT_EQ(ps.appliesTo[0].segmentIds, std::vector<std::string>{"ep2"});
    EXPECT_EQ(ps.appliesTo[0].targetSubjectId, "caregiver");
    EXPECT_TRUE(ps.appliesTo[1].segmentIds.empty());
}

TEST(SchemeModel, Judgements) {
    const CodingScheme scheme = demo();
    const Judgement& cls = *scheme.judgement("cls");
    EXPECT_EQ(cls.kind, JudgementKind::Category);
    EXPECT_TRUE(cls.required);
    EXPECT_FALSE(cls.multiple);
    EXPECT_EQ(cls.options.at(1).parentId, "B");

    const Judgement& alt = *scheme.judgement("alt");
    EXPECT_TRUE(alt.multiple);
    EXPECT_FALSE(alt.required);
    ASSERT_TRUE(alt.requiredWhen.has_value());
    EXPECT_EQ(alt.requiredWhen->judgementId, "cls");
    EXPECT_EQ(alt.requiredWhen->optionIds, std::vector<std::string>{"D"});

    const Judgement& rating = *scheme.judgement("drating");
    EXPECT_EQ(rating.kind, JudgementKind::Rating);
    EXPECT_EQ(rating.max, 9);
    EXPECT_EQ(rating.anchors.at(0).value, 5);
    EXPECT_EQ(scheme.judgement("notes")->kind, JudgementKind::Text);
}

TEST(SchemeModel, LookupsById) {
    const CodingScheme scheme = demo();
    EXPECT_EQ(scheme.code("approach"), &scheme.codes.at(2));
    EXPECT_EQ(scheme.subject("caregiver"), &scheme.subjects.at(1));
    EXPECT_EQ(scheme.modifier("intensity"), &scheme.modifiers.at(1));
    EXPECT_EQ(scheme.group("distress"), &scheme.groups.at(0));
    EXPECT_EQ(scheme.segment("ep2"), &scheme.segments.at(1));
    EXPECT_EQ(scheme.scale("ps"), &scheme.scales.at(0));
    EXPECT_EQ(scheme.judgement("cls"), &scheme.judgements.at(0));
    EXPECT_EQ(scheme.code("nope"), nullptr);
    EXPECT_EQ(scheme.segment(""), nullptr);
}

TEST(SchemeModel, SegmentWindowAndSourceLanguage) {
    const auto result = loadSchemeText(R"({"formatVersion": 1, "id": "w", "name": "دوره", "version": "1",
        "languages": ["fa"], "segmentWindowSeconds": 300})",
                                       "w.json");
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.diagnostics.empty());
    EXPECT_EQ(result.scheme->segmentWindow, std::chrono::microseconds(300s));
    EXPECT_EQ(result.scheme->sourceLanguage(), "fa");
}

TEST(SchemeModel, WarningsDoNotStopLoadingButOrThrowKeepsOnlyTheScheme) {
    const CodingScheme scheme = loadSchemeTextOrThrow(
        R"({"formatVersion": 1, "id": "w", "name": "W", "version": "1", "x": 1})", "w.json");
    EXPECT_EQ(scheme.id, "w");
}

} // namespace
} // namespace sb::schemes
