// Crash safety and concurrent access, with real second processes (project_writer):
//  - a writer killed with SIGKILL at random moments never loses a reported commit and never
//    leaves the file damaged or an edit half-applied;
//  - two processes writing the same project at once both succeed;
//  - a process that cannot get the write lock in time is told the project is busy.

#include "annotation/annotation_rules.h"
#include "annotation/project.h"
#include "annotation/project_error.h"
#include "annotation/sqlite/statement.h"
#include "tests/annotation/child_process.h"
#include "tests/annotation/test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <random>
#include <set>
#include <thread>

namespace sb::annotation {
namespace {

using test::ChildProcess;
using test::ScratchDir;

const std::string kWriter = SB_PROJECT_WRITER;

std::string integrity(ProjectStore& store) {
    auto check = store.database().prepare("PRAGMA integrity_check");
    return check.step() ? check.columnText(0) : "no result";
}

// No two states of the distress group overlap for one coder: each live-coding edit ends the
// running state and starts the next in one transaction.
void expectNoHalfAppliedEdits(Project& project, SessionId session, CoderId coder) {
    const auto all = project.store().annotations(Viewer::wholeProject(), {session, coder});
    for (const auto& a : all) {
        EXPECT_TRUE(exclusiveConflicts(project.store(), project.scheme(), a).empty())
            << "annotation " << a.id.value << " overlaps its group";
    }
}

TEST(CrashSafety, KilledWriterLosesNoReportedCommit) {
    ScratchDir dir;
    const auto file = dir / "p.sbproj";
    { test::makeFixture(file); }

    std::mt19937 random(std::random_device{}());
    std::set<std::int64_t> reported;
    for (int round = 0; round < 8; ++round) {
        ChildProcess writer({kWriter, "write", file.string(), "ana", "0"});
        // Let it commit a random number of edits, then kill it wherever it is.
        const int commits = std::uniform_int_distribution<int>(1, 40)(random);
        std::string line;
        for (int i = 0; i < commits && writer.readLine(line); ++i) {
            ASSERT_EQ(line.rfind("committed ", 0), 0U) << line;
            reported.insert(std::stoll(line.substr(10)));
        }
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(random)));
        writer.kill(SIGKILL);
        // Lines already written before the kill are commits too.
        while (writer.readLine(line)) {
            if (line.rfind("committed ", 0) == 0) {
                reported.insert(std::stoll(line.substr(10)));
            }
        }
        EXPECT_EQ(writer.wait(), 128 + SIGKILL);

        Project project(file);
        EXPECT_EQ(integrity(project.store()), "ok") << "round " << round;
        for (const auto id : reported) {
            EXPECT_TRUE(project.store().annotation(Viewer::wholeProject(), AnnotationId{id}))
                << "commit " << id << " lost in round " << round;
        }
        const auto session = project.store().sessionNamed("S1").id;
        expectNoHalfAppliedEdits(project, session, project.store().coderNamed("ana").id);
    }
    EXPECT_GT(reported.size(), 8U);
}

TEST(Concurrency, TwoProcessesWriteOneProjectAtOnce) {
    ScratchDir dir;
    const auto file = dir / "p.sbproj";
    { test::makeFixture(file); }
    ChildProcess first({kWriter, "write", file.string(), "ana", "40"});
    ChildProcess second({kWriter, "write", file.string(), "ben", "40"});
    std::string out1, err1, out2, err2;
    EXPECT_EQ(first.finish(out1, err1), 0) << err1;
    EXPECT_EQ(second.finish(out2, err2), 0) << err2;

    Project project(file);
    EXPECT_EQ(integrity(project.store()), "ok");
    const auto session = project.store().sessionNamed("S1").id;
    const auto ana = project.store().coderNamed("ana").id;
    const auto ben = project.store().coderNamed("ben").id;
    EXPECT_EQ(project.store().annotationCount(Viewer::wholeProject(), session, ana), 40);
    EXPECT_EQ(project.store().annotationCount(Viewer::wholeProject(), session, ben), 40);
    expectNoHalfAppliedEdits(project, session, ana);
    expectNoHalfAppliedEdits(project, session, ben);
}

TEST(Concurrency, WriterIsToldTheProjectIsBusy) {
    ScratchDir dir;
    const auto file = dir / "p.sbproj";
    { test::makeFixture(file); }
    ChildProcess holder({kWriter, "hold", file.string(), "3000"});
    std::string line;
    ASSERT_TRUE(holder.readLine(line));
    ASSERT_EQ(line, "holding");

    // Reading is never blocked by a writer (WAL)...
    Project project(file);
    EXPECT_EQ(project.store().sessions().size(), 1U);
    // ...but writing waits for the lock, then gives up with a clear message.
    project.store().database().setBusyTimeout(std::chrono::milliseconds(200));
    try {
        project.store().addCoder("carl", CoderRole::Coder);
        FAIL() << "wrote while another process held the lock";
    } catch (const ProjectBusyError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(file.string()), std::string::npos) << message;
        EXPECT_NE(message.find("busy"), std::string::npos) << message;
    }
    std::string out, err;
    EXPECT_EQ(holder.finish(out, err), 0) << err;
    // Once the other process is done, the same edit goes through.
    project.store().addCoder("carl", CoderRole::Coder);
    EXPECT_TRUE(project.store().findCoder("carl"));
}

} // namespace
} // namespace sb::annotation
