#pragma once
// What the on-disk caches (the frame index, the analysis tracks) share: the MD5 that names a
// cache file and checks its payload, and reading a file whole.

#include <cstddef>
#include <filesystem>
#include <string>

namespace sb::codecs {

// The MD5 of `size` bytes at `data`, as 32 lowercase hex digits (FFmpeg's av_md5_sum).
[[nodiscard]] std::string md5Hex(const void* data, std::size_t size);

// Every byte of `file`; empty when it cannot be read (a cache that is not there is a miss).
[[nodiscard]] std::string readWholeFile(const std::filesystem::path& file);

} // namespace sb::codecs
