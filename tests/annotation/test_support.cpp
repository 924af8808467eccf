#include "tests/annotation/test_support.h"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace sb::annotation::test {

ScratchDir::ScratchDir() {
    std::random_device random;
    const auto base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = base / ("sb-annotation-test-" + std::to_string(random()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot make a scratch directory");
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string testSchemeJson(const std::string& version) {
    return R"({
  "formatVersion": 1,
  "id": "test-scheme",
  "name": "Test scheme",
  "version": ")" +
           version + R"(",
  "subjects": [
    {"id": "infant", "label": "Infant", "key": "1"},
    {"id": "mother", "label": "Mother", "key": "2"}
  ],
  "modifiers": [
    {"id": "intensity", "label": "Intensity", "kind": "choice",
     "values": [{"id": "low", "label": "Low"}, {"id": "high", "label": "High"}]},
    {"id": "note", "label": "Note", "kind": "text"},
    {"id": "count", "label": "Count", "kind": "number", "min": 0, "max": 10}
  ],
  "codes": [
    {"id": "cry", "label": "Cry", "kind": "state", "key": "c", "subjects": ["infant"], "modifiers": ["intensity"]},
    {"id": "fuss", "label": "Fuss", "kind": "state", "key": "f", "subjects": ["infant"]},
    {"id": "calm", "label": "Calm", "kind": "state", "key": "k", "subjects": ["infant"]},
    {"id": "look", "label": "Look", "kind": "state", "key": "l"},
    {"id": "touch", "label": "Touch", "kind": "point", "key": "t", "modifiers": ["note", "count"]}
  ],
  "groups": [
    {"id": "distress", "label": "Distress", "codes": ["cry", "fuss", "calm"]}
  ],
  "segments": [
    {"id": "ep1", "label": "Episode 1"},
    {"id": "ep2", "label": "Episode 2"}
  ],
  "scales": [
    {"id": "proximity", "label": "Proximity seeking", "min": 1, "max": 7,
     "anchors": [{"value": 1, "label": "None"}, {"value": 7, "label": "Very strong"}],
     "appliesTo": [{"segments": ["ep2"], "target": "mother"}]}
  ],
  "judgements": [
    {"id": "classification", "label": "Classification", "kind": "category",
     "options": [{"id": "A", "label": "Avoidant"}, {"id": "B", "label": "Secure"}, {"id": "C", "label": "Resistant"}]},
    {"id": "indices", "label": "Indices", "kind": "category", "multiple": true,
     "options": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}, {"id": "z", "label": "Z"}]},
    {"id": "disorg", "label": "Disorganisation", "kind": "rating", "min": 1, "max": 9,
     "anchors": [{"value": 1, "label": "None"}, {"value": 9, "label": "Strong"}]},
    {"id": "notes", "label": "Notes", "kind": "text"}
  ]
})";
}

void writeFile(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) {
        throw std::runtime_error("cannot write " + file.string());
    }
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Fixture makeFixture(const std::filesystem::path& file) {
    Fixture f;
    f.project = Project::createFromSchemeText(file, testSchemeJson(), "test-scheme.json");
    auto& store = f.project->store();
    f.session =
        store.addSession("S1", {{"cam1.mp4", Microseconds{0}}, {"cam2.mp4", Microseconds{-1'500'000}}});
    f.ana = store.addCoder("ana", CoderRole::Coder);
    f.ben = store.addCoder("ben", CoderRole::Coder);
    f.sue = store.addCoder("sue", CoderRole::Supervisor);
    return f;
}

Annotation state(const Fixture& f, CoderId coder, const std::string& code, double start, double end,
                 std::optional<std::string> subject) {
    Annotation a;
    a.session = f.session;
    a.coder = coder;
    a.code = code;
    a.subject = std::move(subject);
    a.start = seconds(start);
    a.end = seconds(end);
    return a;
}

Annotation point(const Fixture& f, CoderId coder, const std::string& code, double at,
                 std::optional<std::string> subject) {
    Annotation a;
    a.session = f.session;
    a.coder = coder;
    a.code = code;
    a.subject = std::move(subject);
    a.start = seconds(at);
    return a;
}

} // namespace sb::annotation::test
