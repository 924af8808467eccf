// annotation_bench: the project store at research scale (issue 3). Not a test; run on demand:
//
//   annotation_bench [DIR]     (default: the system temp dir; the project is deleted after)
//
// Builds a project of 1,000,000 annotations across 100 one-hour sessions (two coders each),
// then measures: opening it, a 10-minute window query on one session, a single edit committed
// (synchronous=FULL, so including the fsync), its undo, exporting one session to CSV, and the
// peak resident memory. Targets: open < 1 s, window query < 5 ms, edit < 5 ms.

#include "annotation/annotation_commands.h"
#include "annotation/io/annotation_transfer.h"
#include "annotation/project.h"
#include "annotation/sqlite/statement.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/resource.h>
#include <vector>

using namespace sb::annotation;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kSessions = 100;
constexpr int kAnnotationsPerSession = 10'000;
constexpr std::int64_t kSessionLength = 3'600'000'000; // one hour, µs

const char* kScheme = R"({
  "formatVersion": 1, "id": "bench", "name": "Benchmark scheme", "version": "1",
  "subjects": [{"id": "infant", "label": "Infant"}, {"id": "mother", "label": "Mother"}],
  "modifiers": [{"id": "intensity", "label": "Intensity", "kind": "choice",
                 "values": [{"id": "low", "label": "Low"}, {"id": "high", "label": "High"}]}],
  "codes": [
    {"id": "cry", "label": "Cry", "kind": "state", "subjects": ["infant"], "modifiers": ["intensity"]},
    {"id": "fuss", "label": "Fuss", "kind": "state", "subjects": ["infant"]},
    {"id": "look", "label": "Look", "kind": "state"},
    {"id": "touch", "label": "Touch", "kind": "point"},
    {"id": "smile", "label": "Smile", "kind": "point"}
  ],
  "groups": [{"id": "distress", "label": "Distress", "codes": ["cry", "fuss"]}]
})";

double millis(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// One session's annotations: two coders, a distress group coded without overlaps, looks and
// point events spread over the hour.
std::vector<Annotation> sessionAnnotations(SessionId session, CoderId a, CoderId b, SchemeVersionId version,
                                           std::mt19937& random) {
    std::vector<Annotation> rows;
    rows.reserve(kAnnotationsPerSession);
    const std::int64_t step = kSessionLength / (kAnnotationsPerSession / 2);
    for (const CoderId coder : {a, b}) {
        std::int64_t distressFree = 0; // end of the last distress state
        for (int i = 0; i < kAnnotationsPerSession / 2; ++i) {
            Annotation row;
            row.session = session;
            row.coder = coder;
            row.schemeVersion = version;
            row.start =
                Microseconds{i * step + std::uniform_int_distribution<std::int64_t>(0, step - 1)(random)};
            row.createdAt = row.modifiedAt = systemWallClock();
            const int kind = std::uniform_int_distribution<int>(0, 9)(random);
            const auto duration =
                Microseconds{std::uniform_int_distribution<std::int64_t>(500'000, 20'000'000)(random)};
            if (kind < 3 && row.start.count() >= distressFree) {
                row.code = kind == 0 ? "cry" : "fuss";
                row.subject = "infant";
                row.end = row.start + duration;
                distressFree = row.end->count();
                if (kind == 0) {
                    row.modifiers = {{"intensity", "high"}};
                }
            } else if (kind < 6) {
                row.code = "look";
                row.subject = kind == 4 ? "mother" : "infant";
                row.end = row.start + duration;
            } else {
                row.code = kind < 8 ? "touch" : "smile";
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    const auto file = dir / "annotation_bench.sbproj";
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(file.string() + suffix);
    }
    fmt::print("annotation_bench: {} sessions x {} annotations in {}\n", kSessions, kAnnotationsPerSession,
               file.string());

    // ---- create (bulk load: one transaction per session)
    auto started = Clock::now();
    {
        auto project = Project::createFromSchemeText(file, kScheme, "bench.json");
        auto& store = project->store();
        const auto version = store.currentSchemeVersion();
        const auto a = store.addCoder("ana", CoderRole::Coder);
        const auto b = store.addCoder("ben", CoderRole::Coder);
        std::mt19937 random(42);
        for (int s = 0; s < kSessions; ++s) {
            const auto session =
                store.addSession(fmt::format("S{:03}", s), {{fmt::format("s{:03}.mp4", s), {}}});
            auto rows = sessionAnnotations(session, a, b, version, random);
            store.insertAnnotations(rows);
        }
        store.database().execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const double createMs = millis(Clock::now() - started);
    const auto fileSize = std::filesystem::file_size(file);

    // ---- open
    started = Clock::now();
    Project project(file);
    auto& store = project.store();
    const auto sessions = store.sessions();
    const double openMs = millis(Clock::now() - started);
    const auto total = store.annotationCount(Viewer::wholeProject());

    // ---- window queries: 10-minute windows on one session
    const auto session = store.sessionNamed("S050").id;
    std::mt19937 random(7);
    std::vector<double> windowMs;
    std::size_t rowsInWindow = 0;
    for (int i = 0; i < 200; ++i) {
        AnnotationFilter filter{session};
        filter.from = Microseconds{
            std::uniform_int_distribution<std::int64_t>(0, kSessionLength - 600'000'000)(random)};
        filter.to = *filter.from + Microseconds{600'000'000};
        started = Clock::now();
        const auto rows = store.annotations(Viewer::wholeProject(), filter);
        windowMs.push_back(millis(Clock::now() - started));
        rowsInWindow = rows.size();
    }
    std::vector<double> coderWindowMs;
    const auto ana = store.coderNamed("ana").id;
    for (int i = 0; i < 200; ++i) {
        AnnotationFilter filter{session};
        filter.coder = ana;
        filter.from = Microseconds{
            std::uniform_int_distribution<std::int64_t>(0, kSessionLength - 600'000'000)(random)};
        filter.to = *filter.from + Microseconds{600'000'000};
        started = Clock::now();
        (void)store.annotations(Viewer::wholeProject(), filter);
        coderWindowMs.push_back(millis(Clock::now() - started));
    }
    std::vector<double> activeMs;
    for (int i = 0; i < 200; ++i) {
        const Microseconds t{std::uniform_int_distribution<std::int64_t>(0, kSessionLength)(random)};
        started = Clock::now();
        (void)store.activeStates(Viewer::wholeProject(), session, t);
        activeMs.push_back(millis(Clock::now() - started));
    }

    // ---- single edits, each its own transaction (checked against the scheme, fsync'd)
    std::vector<double> editMs;
    std::vector<double> undoMs;
    for (int i = 0; i < 100; ++i) {
        Annotation a;
        a.session = session;
        a.coder = ana;
        a.code = "look";
        a.subject = "mother";
        a.start = Microseconds{kSessionLength + i * 1'000'000LL};
        a.end = a.start + Microseconds{500'000};
        started = Clock::now();
        project.history().push(std::make_unique<AddAnnotation>(a));
        editMs.push_back(millis(Clock::now() - started));
        if (i % 2 == 0) {
            started = Clock::now();
            project.history().undo();
            undoMs.push_back(millis(Clock::now() - started));
        }
    }

    // ---- references measured in the same run, on the same file: the floor an edit cannot go
    // below (one row committed with synchronous=FULL, i.e. one WAL fsync) and the edit's cost
    // without any fsync (synchronous=OFF), which is what our code adds.
    std::vector<double> bareCommitMs;
    store.database().execute("CREATE TABLE IF NOT EXISTS bench_reference (x INTEGER)");
    for (int i = 0; i < 100; ++i) {
        started = Clock::now();
        auto transaction = store.beginTransaction();
        store.database().prepare("INSERT INTO bench_reference VALUES (?1)").bind(1, i).run();
        transaction.commit();
        bareCommitMs.push_back(millis(Clock::now() - started));
    }
    store.database().execute("PRAGMA synchronous = OFF");
    std::vector<double> editNoSyncMs;
    for (int i = 0; i < 100; ++i) {
        Annotation a;
        a.session = session;
        a.coder = ana;
        a.code = "look";
        a.subject = "mother";
        a.start = Microseconds{2 * kSessionLength + i * 1'000'000LL};
        a.end = a.start + Microseconds{500'000};
        started = Clock::now();
        project.history().push(std::make_unique<AddAnnotation>(a));
        editNoSyncMs.push_back(millis(Clock::now() - started));
    }
    store.database().execute("PRAGMA synchronous = FULL");

    // ---- export one session
    const auto csvFile = dir / "annotation_bench_export.csv";
    started = Clock::now();
    {
        std::ofstream out(csvFile, std::ios::binary);
        io::exportAnnotations(project, session, std::nullopt, *io::findFormat("csv"), out);
    }
    const double exportMs = millis(Clock::now() - started);
    const auto exportSize = std::filesystem::file_size(csvFile);

    fmt::print("project: {} annotations, {} sessions, file {:.1f} MiB\n", total, sessions.size(),
               static_cast<double>(fileSize) / (1024.0 * 1024.0));
    fmt::print("create (bulk load)         {:9.1f} ms\n", createMs);
    fmt::print("open                       {:9.2f} ms   (target < 1000 ms)\n", openMs);
    fmt::print("10-min window query        {:9.3f} ms median, {:.3f} ms p95, {:.3f} ms max, ~{} rows "
               "(target < 5 ms)\n",
               median(windowMs), percentile(windowMs, 0.95), percentile(windowMs, 1.0), rowsInWindow);
    fmt::print("10-min window, one coder   {:9.3f} ms median, {:.3f} ms p95\n", median(coderWindowMs),
               percentile(coderWindowMs, 0.95));
    fmt::print("active states at t         {:9.3f} ms median, {:.3f} ms p95\n", median(activeMs),
               percentile(activeMs, 0.95));
    fmt::print("single edit committed      {:9.3f} ms median, {:.3f} ms p95, {:.3f} ms max (target < 5 ms)\n",
               median(editMs), percentile(editMs, 0.95), percentile(editMs, 1.0));
    fmt::print("undo committed             {:9.3f} ms median\n", median(undoMs));
    fmt::print("  reference: bare 1-row commit (fsync) {:.3f} ms median, {:.3f} ms p95; "
               "edit without fsync {:.3f} ms median -> edit / bare commit = {:.2f}\n",
               median(bareCommitMs), percentile(bareCommitMs, 0.95), median(editNoSyncMs),
               median(editMs) / median(bareCommitMs));
    fmt::print("export one session (csv)   {:9.1f} ms, {} rows, {:.1f} KiB\n", exportMs,
               store.annotationCount(Viewer::wholeProject(), session),
               static_cast<double>(exportSize) / 1024.0);
    fmt::print("peak memory (ru_maxrss)    {:9.1f} MiB\n", static_cast<double>(peakRssKiB()) / 1024.0);

    std::filesystem::remove(csvFile);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(file.string() + suffix);
    }
    return 0;
}
