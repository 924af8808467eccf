#pragma once
// Time on a session clock: integer microseconds, never floating-point seconds, so that
// times survive storage, export and import unchanged.

#include <chrono>
#include <cstdint>

namespace sb::annotation {

using Microseconds = std::chrono::microseconds;

// Wall-clock time (created/modified stamps), microseconds since the Unix epoch.
using WallClock = Microseconds (*)();
Microseconds systemWallClock();

} // namespace sb::annotation
