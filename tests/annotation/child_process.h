#pragma once
// Runs a program as a child process with its stdout (and optionally stderr) on pipes, for
// the tests that need a second process: crash safety, concurrent access, the CLI.

#include <string>
#include <sys/types.h>
#include <vector>

namespace sb::annotation::test {

class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv);
    ~ChildProcess(); // kills and reaps a child still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The next line of stdout without its newline; false at end of output.
    bool readLine(std::string& line);
    void kill(int signal);
    // Waits for the exit; returns the exit status, or 128 + signal when killed.
    int wait();
    // Reads all remaining stdout and stderr, then waits.
    int finish(std::string& out, std::string& err);

private:
    pid_t pid_ = -1;
    int out_ = -1;
    int err_ = -1;
    std::string buffered_;
};

// Runs to completion and returns the exit status with stdout and stderr.
struct RunResult {
    int status = -1;
    std::string out;
    std::string err;
};
RunResult run(const std::vector<std::string>& argv);

} // namespace sb::annotation::test
