// interchange_bench: ELAN and BORIS files at the size a long study session reaches (issue 6).
// Not a test; run on demand:
//
//   interchange_bench [DIR]     (default: the system temp dir; files are deleted after)
//
// Writes a BORIS project of 10,000 events (one observation, two subjects, three exclusive
// states with modifiers, two point behaviours) and an ELAN file of 10,000 annotations (four
// coder tiers with a vocabulary, plus comment tiers), then measures, best of 5 runs each:
// making a project from each file (parse, generated scheme, one-transaction import), importing
// the file into an existing project, and exporting the session back (BORIS tabular events,
// EAF). Target: each under 1 s.

#include "annotation/io/annotation_transfer.h"
#include "annotation/io/boris_import.h"
#include "annotation/io/eaf_import.h"
#include "annotation/project.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace sb::annotation;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kEvents = 10'000;
constexpr int kRuns = 5;

std::string borisProject() {
    std::mt19937 random(6);
    std::string events;
    // States alternate per subject within the clique {cry, fuss, calm}: each event stops the
    // running state and the next starts 1 ms later (BORIS's own stop-at-t-0.001 rule).
    const char* states[] = {"cry", "fuss", "calm"};
    const char* subjects[] = {"infant", "mother"};
    int written = 0;
    double t = 0.5;
    while (written < kEvents) {
        const auto* subject = subjects[random() % 2];
        if (random() % 3 == 0) {
            events += fmt::format("{}[{:.3f}, \"{}\", \"{}\", \"{}\", \"\", {}]", written ? ",\n" : "", t,
                                  subject, random() % 2 ? "touch" : "look away",
                                  random() % 2 ? "left" : "right", static_cast<int>(t * 25));
            ++written;
        } else if (written + 2 <= kEvents) {
            const auto* state = states[random() % 3];
            const auto* modifier = random() % 2 ? "low|None" : "high|3";
            const double length = 0.2 + (random() % 2000) / 1000.0;
            events += fmt::format("{}[{:.3f}, \"{}\", \"{}\", \"{}\", \"start\", {}]", written ? ",\n" : "",
                                  t, subject, state, modifier, static_cast<int>(t * 25));
            // The stop is written in time order below: keep states of one subject sequential.
            events += fmt::format(",\n[{:.3f}, \"{}\", \"{}\", \"{}\", \"\", {}]", t + length, subject, state,
                                  modifier, static_cast<int>((t + length) * 25));
            written += 2;
            t += length;
        }
        t += 0.05 + (random() % 100) / 1000.0;
    }
    return fmt::format(R"json({{
 "project_format_version": "7.0", "project_name": "bench", "time_format": "s",
 "subjects_conf": {{"0": {{"key": "1", "name": "infant", "description": ""}},
                   "1": {{"key": "2", "name": "mother", "description": ""}}}},
 "behaviors_conf": {{
  "0": {{"type": "State event", "key": "c", "code": "cry", "description": "", "category": "distress",
        "modifiers": {{"0": {{"name": "intensity", "type": 0, "values": ["low", "high"]}},
                      "1": {{"name": "count", "type": 2, "values": []}}}}, "excluded": "fuss,calm", "coding map": ""}},
  "1": {{"type": "State event", "key": "f", "code": "fuss", "description": "", "category": "distress",
        "modifiers": {{"0": {{"name": "intensity", "type": 0, "values": ["low", "high"]}},
                      "1": {{"name": "count", "type": 2, "values": []}}}}, "excluded": "cry,calm", "coding map": ""}},
  "2": {{"type": "State event", "key": "k", "code": "calm", "description": "", "category": "",
        "modifiers": {{"0": {{"name": "intensity", "type": 0, "values": ["low", "high"]}},
                      "1": {{"name": "count", "type": 2, "values": []}}}}, "excluded": "cry,fuss", "coding map": ""}},
  "3": {{"type": "Point event", "key": "t", "code": "touch", "description": "", "category": "",
        "modifiers": {{"0": {{"name": "side", "type": 0, "values": ["left", "right"]}}}}, "excluded": "", "coding map": ""}},
  "4": {{"type": "Point event", "key": "a", "code": "look away", "description": "", "category": "",
        "modifiers": {{"0": {{"name": "side", "type": 0, "values": ["left", "right"]}}}}, "excluded": "", "coding map": ""}}
 }},
 "observations": {{"session 1": {{"type": "MEDIA", "file": {{"1": ["clip.mp4"]}},
   "media_info": {{"length": {{"clip.mp4": {:.3f}}}, "offset": {{"1": 0.0}}}},
   "events": [
{}]}}}},
 "independent_variables": {{}}
}})json",
                       t + 1, events);
}

std::string eafFile() {
    std::mt19937 random(7);
    const int coders = 4;
    const int perCoder = kEvents / coders;
    std::string slots;
    std::string tiers;
    int slot = 0;
    int id = 0;
    for (int c = 0; c < coders; ++c) {
        std::string annotations;
        std::string comments;
        std::int64_t t = 500;
        for (int i = 0; i < perCoder; ++i) {
            const std::int64_t length = 200 + random() % 2000;
            slots += fmt::format("<TIME_SLOT TIME_SLOT_ID=\"ts{}\" TIME_VALUE=\"{}\"/>\n", slot + 1, t);
            slots +=
                fmt::format("<TIME_SLOT TIME_SLOT_ID=\"ts{}\" TIME_VALUE=\"{}\"/>\n", slot + 2, t + length);
            annotations +=
                fmt::format("<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a{}\" TIME_SLOT_REF1=\"ts{}\" "
                            "TIME_SLOT_REF2=\"ts{}\"><ANNOTATION_VALUE>{}</ANNOTATION_VALUE>"
                            "</ALIGNABLE_ANNOTATION></ANNOTATION>\n",
                            id + 1, slot + 1, slot + 2, random() % 3 == 0 ? "cry" : "calm");
            if (i % 10 == 0) {
                comments += fmt::format(
                    "<ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"c{}\" ANNOTATION_REF=\"a{}\">"
                    "<ANNOTATION_VALUE>note {}</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\n",
                    id + 1, id + 1, i);
            }
            slot += 2;
            ++id;
            t += length + random() % 500;
        }
        tiers += fmt::format(
            "<TIER LINGUISTIC_TYPE_REF=\"state\" PARTICIPANT=\"infant\" TIER_ID=\"coder{}\">\n{}</TIER>\n"
            "<TIER LINGUISTIC_TYPE_REF=\"note\" PARENT_REF=\"coder{}\" TIER_ID=\"coder{}#comment\">\n{}"
            "</TIER>\n",
            c, annotations, c, c, comments);
    }
    return fmt::format(R"eaf(<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-01-01T00:00:00+00:00" FORMAT="3.0" VERSION="3.0">
<HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
<MEDIA_DESCRIPTOR MEDIA_URL="file:///data/clip.mp4" MIME_TYPE="video/mp4" RELATIVE_MEDIA_URL="./clip.mp4"/>
</HEADER>
<TIME_ORDER>
{}</TIME_ORDER>
{}<LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="state" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="state" TIME_ALIGNABLE="true"/>
<LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="note" TIME_ALIGNABLE="false"/>
<LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00130975-001" LANG_ID="und" LANG_LABEL="undetermined (und)"/>
<CONTROLLED_VOCABULARY CV_ID="state"><DESCRIPTION LANG_REF="und">State</DESCRIPTION>
<CV_ENTRY_ML CVE_ID="c1"><CVE_VALUE LANG_REF="und" DESCRIPTION="Crying">cry</CVE_VALUE></CV_ENTRY_ML>
<CV_ENTRY_ML CVE_ID="c2"><CVE_VALUE LANG_REF="und" DESCRIPTION="Calm">calm</CVE_VALUE></CV_ENTRY_ML>
</CONTROLLED_VOCABULARY>
</ANNOTATION_DOCUMENT>
)eaf",
                       slots, tiers);
}

// Best of kRuns, in milliseconds; `prepare` runs untimed before each.
double best(const std::function<void()>& prepare, const std::function<void()>& work) {
    double fastest = 1e300;
    for (int run = 0; run < kRuns; ++run) {
        prepare();
        const auto start = Clock::now();
        work();
        fastest = std::min(fastest, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return fastest;
}

void report(const char* what, double ms, std::size_t count, const char* unit) {
    fmt::print("{:<52} {:>8.1f} ms  ({:>7} {:<11})  {}\n", what, ms, count, unit,
               ms < 1000 ? "< 1 s: ok" : "OVER 1 s");
}

} // namespace

int main(int argc, char** argv) {
    const auto dir = (argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::temp_directory_path()) /
                     fmt::format("sb-interchange-bench-{}", ::getpid());
    std::filesystem::create_directories(dir);
    const auto remove = [&] {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".boris" && entry.path().extension() != ".eaf") {
                std::filesystem::remove(entry.path());
            }
        }
    };
    {
        std::ofstream(dir / "bench.boris") << borisProject();
        std::ofstream(dir / "bench.eaf") << eafFile();
    }
    fmt::print("interchange_bench: {} (BORIS {:.1f} KiB, EAF {:.1f} KiB), best of {} runs\n", dir.string(),
               std::filesystem::file_size(dir / "bench.boris") / 1024.0,
               std::filesystem::file_size(dir / "bench.eaf") / 1024.0, kRuns);

    // ---- BORIS
    io::BorisImportOptions boris;
    boris.coder = "ana";
    io::BorisImportSummary borisSummary;
    const auto createBoris = best(remove, [&] {
        (void)io::createProjectFromBoris(dir / "boris.sbproj", dir / "bench.boris", boris, &borisSummary);
    });
    report("BORIS: project create --from-boris (10,000 events)", createBoris, borisSummary.annotations,
           "annotations");
    boris.coder = "ben";
    const auto importBoris =
        best([] {},
             [&] {
                 Project project(dir / "boris.sbproj");
                 borisSummary = io::importBoris(project, dir / "bench.boris", boris);
                 // Keep the next run's import from meeting this one's annotations.
                 project.store().removeAnnotations(project.store().sessionNamed("session 1").id,
                                                   project.store().coderNamed("ben").id);
             });
    report("BORIS: import into an existing project (+ removal)", importBoris, borisSummary.annotations,
           "annotations");
    std::size_t bytes = 0;
    const auto exportBoris =
        best([] {},
             [&] {
                 Project project(dir / "boris.sbproj", ProjectStore::Access::ReadOnly);
                 std::ostringstream out;
                 io::ExportRequest request;
                 (void)io::exportSessions(project, *io::findFormat("boris-events"), request, out);
                 bytes = out.str().size();
             });
    report("BORIS: export --format boris-events", exportBoris, bytes, "bytes");

    // ---- EAF
    io::EafImportSummary eafSummary;
    const auto createEaf = best(remove, [&] {
        (void)io::createProjectFromEaf(dir / "eaf.sbproj", dir / "bench.eaf", {}, &eafSummary);
    });
    report("EAF: project create --from-eaf (10,000 annotations)", createEaf, eafSummary.annotations,
           "annotations");
    io::EafImportOptions eaf;
    eaf.session = "again";
    const auto importEaf = best(
        [] {},
        [&] {
            Project project(dir / "eaf.sbproj");
            eafSummary = io::importEaf(project, dir / "bench.eaf", eaf);
            project.store().removeAnnotations(project.store().sessionNamed("again").id,
                                              project.store().coderNamed("coder0").id);
            for (int c = 1; c < 4; ++c) {
                project.store().removeAnnotations(project.store().sessionNamed("again").id,
                                                  project.store().coderNamed(fmt::format("coder{}", c)).id);
            }
        });
    report("EAF: import into an existing project (+ removal)", importEaf, eafSummary.annotations,
           "annotations");
    const auto exportEaf = best([] {},
                                [&] {
                                    Project project(dir / "eaf.sbproj", ProjectStore::Access::ReadOnly);
                                    std::ostringstream out;
                                    io::ExportRequest request;
                                    request.sessions = {project.store().sessionNamed("bench").id};
                                    (void)io::exportSessions(project, *io::findFormat("eaf"), request, out);
                                    bytes = out.str().size();
                                });
    report("EAF: export --format eaf", exportEaf, bytes, "bytes");

    std::filesystem::remove_all(dir);
    return 0;
}
