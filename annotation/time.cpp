#include "annotation/time.h"

namespace sb::annotation {

Microseconds systemWallClock() {
    return std::chrono::duration_cast<Microseconds>(std::chrono::system_clock::now().time_since_epoch());
}

} // namespace sb::annotation
