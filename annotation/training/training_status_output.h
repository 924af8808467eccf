#pragma once
// A training status (training_status.h) as one JSON object for scripts — the `securebase-cli
// training status --json` contract and what a sign-off stores as its figures — and as text for
// people. Numbers are JSON numbers (ASCII, '.' decimals), times ISO 8601 UTC.

#include "annotation/training/training_status.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sb::annotation {

[[nodiscard]] nlohmann::json toJson(const TrainingStatus& status);
[[nodiscard]] std::string toText(const TrainingStatus& status);

// "2026-11-23T18:52:28Z" (whole seconds, UTC) for a wall-clock time in µs since the epoch.
[[nodiscard]] std::string isoUtc(Microseconds wallClock);

} // namespace sb::annotation
