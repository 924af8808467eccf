#include "annotation/io/import_error.h"

#include <fmt/core.h>

namespace sb::annotation::io {

ImportError::ImportError(const std::string& file, int row, const std::string& reason)
    : std::runtime_error(row > 0 ? fmt::format("{}:{}: {}", file, row, reason)
                                 : fmt::format("{}: {}", file, reason))
    , file_(file)
    , row_(row)
    , reason_(reason) {}

} // namespace sb::annotation::io
