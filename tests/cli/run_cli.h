#pragma once
// Runs securebase-cli as a script would, capturing stdout, stderr and the exit status.

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace sb::test {

struct CliResult {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

inline CliResult runCli(const std::string& arguments) {
    const auto errFile =
        std::filesystem::temp_directory_path() / ("sb-cli-stderr-" + std::to_string(::getpid()));
    const std::string command =
        shellQuote(SB_CLI_PATH) + " " + arguments + " 2>" + shellQuote(errFile.string());
    CliResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return result;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
        result.out.append(buffer.data(), n);
    const int raw = ::pclose(pipe);
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream err(errFile);
    std::ostringstream text;
    text << err.rdbuf();
    result.err = text.str();
    std::filesystem::remove(errFile);
    return result;
}

} // namespace sb::test
