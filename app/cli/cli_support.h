#pragma once
// The exit-status contract of securebase-cli (README, "Command line"), shared by every command.
//
//   0  success
//   2  usage error: bad or missing arguments (CLI11 parse errors, or UsageError below)
//   3  the input is unreadable, unsupported or invalid; the reason on stderr names the file
//
// Commands report usage problems they find after parsing by throwing UsageError; anything
// else derived from std::exception means the input could not be used.

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

namespace sb::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitBadInput = 3;

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thrown by a command that has already reported its problems on stderr and only needs the
// process to end with `status` (e.g. a validator listing every error).
class ExitStatus : public std::exception {
public:
    explicit ExitStatus(int status)
        : status_(status) {}
    [[nodiscard]] int status() const { return status_; }
    [[nodiscard]] const char* what() const noexcept override { return "exit"; }

private:
    int status_;
};

// A seconds option (`--unit 0.5`): exact decimal seconds, not negative, as microseconds.
// A bad or negative value is a UsageError naming the option.
std::chrono::microseconds secondsOption(const std::string& name, const std::string& value);

// One JSON document on stdout, followed by a newline.
void printJson(const nlohmann::json& document);

} // namespace sb::cli
