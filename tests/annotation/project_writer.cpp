// Test helper process for crash-safety and concurrency tests (not a test itself).
//
//   project_writer write FILE CODER COUNT   live-codes COUNT key presses (0: until killed),
//                                           printing "committed ID" after each commit
//   project_writer hold FILE MILLIS         holds the write lock for MILLIS, printing
//                                           "holding" once it has it
//
// Each press is a StartState edit alternating "cry" and "fuss" one second apart, so every
// edit is a multi-row transaction (end the running state, insert the new one): a half-applied
// edit would show up as an overlap in the exclusive group.

#include "annotation/live_coding_commands.h"
#include "annotation/project.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

using namespace sb::annotation;

namespace {

int write(const char* file, const char* coderName, long count) {
    Project project(file);
    auto& store = project.store();
    const auto session = store.sessionNamed("S1");
    const auto coder = store.coderNamed(coderName);
    // Continue after what earlier (killed) runs committed.
    Microseconds at{0};
    for (const auto& a : store.annotations(Viewer::wholeProject(), {session.id, coder.id})) {
        at = std::max(at, a.start);
    }
    for (long i = 0; count == 0 || i < count; ++i) {
        at += Microseconds{1'000'000};
        auto& edit = project.history().push(
            std::make_unique<StartState>(StartState::Request{session.id,
                                                             coder.id,
                                                             i % 2 == 0 ? "cry" : "fuss",
                                                             std::string("infant"),
                                                             at,
                                                             at + Microseconds{3'600'000'000},
                                                             {}}));
        std::printf("committed %lld\n", static_cast<long long>(edit.id().value));
        std::fflush(stdout);
    }
    return 0;
}

int hold(const char* file, long millis) {
    Project project(file);
    auto transaction = project.store().beginTransaction();
    project.store().setBlind(false); // a write, so the lock is really taken
    std::printf("holding\n");
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::milliseconds(millis));
    transaction.commit();
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "write" && argc == 5) {
            return write(argv[2], argv[3], std::strtol(argv[4], nullptr, 10));
        }
        if (mode == "hold" && argc == 4) {
            return hold(argv[2], std::strtol(argv[3], nullptr, 10));
        }
        std::fprintf(stderr, "usage: project_writer write FILE CODER COUNT | hold FILE MILLIS\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "project_writer: %s\n", e.what());
        return 3;
    }
}
