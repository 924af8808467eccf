#pragma once
// Each group of securebase-cli subcommands registers itself on the application here.
// A command parses into its own options struct and runs in the subcommand's callback;
// errors follow cli_support.h.

namespace CLI {
class App;
}

namespace sb::cli {

void addMediaCommands(CLI::App& app);    // probe, frame (media_commands.cpp)
void addSchemeCommands(CLI::App& app);   // scheme validate (scheme_commands.cpp)
void addProjectCommands(CLI::App& app);  // project create/info, session add, coder add (project_commands.cpp)
void addTransferCommands(CLI::App& app); // import, export (transfer_commands.cpp)
void addAgreeCommands(CLI::App& app);    // agree (agree_command.cpp)
void addReportCommands(CLI::App& app);   // report (report_command.cpp)
void addTrainingCommands(CLI::App& app); // training set/status/signoff, certificate (training_commands.cpp)
void addAnalyzeCommands(CLI::App& app);  // analyze (analyze_command.cpp)
// package, gold, reveal, thread, audit (supervision_commands.cpp)
void addSupervisionCommands(CLI::App& app);
void addClipCommands(CLI::App& app);     // clip (clip_command.cpp)

} // namespace sb::cli
