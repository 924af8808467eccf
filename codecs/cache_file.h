#pragma once
// What the on-disk caches (the frame index, the analysis tracks) share: the MD5 that names a
// cache file and checks its payload, and reading a file whole.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace sb::codecs {

// The MD5 of `size` bytes at `data`, as 32 lowercase hex digits (FFmpeg's av_md5_sum).
[[nodiscard]] std::string md5Hex(const void* data, std::size_t size);

// Every byte of `file`; empty when it cannot be read (a cache that is not there is a miss).
[[nodiscard]] std::string readWholeFile(const std::filesystem::path& file);

// ---- keeping a cache folder within a budget -------------------------------------------------
// A cache file's modification time is when it was last used: a read touches it.
void markUsed(const std::filesystem::path& file);

// Deletes the least recently used files named *`extension` directly in `directory` until those
// left total at most `budget` bytes; returns how many bytes went. Never throws: a file another
// process removed or holds is passed over.
std::uintmax_t pruneCache(const std::filesystem::path& directory, std::string_view extension,
                          std::uintmax_t budget);

// The same for a folder of folders, one per media file (the workstation's thumbnails): a
// folder's size is its files', its use its modification time; `keep` (the one in use) stays.
std::uintmax_t pruneCacheFolders(const std::filesystem::path& directory, std::uintmax_t budget,
                                 const std::filesystem::path& keep);

// The budget of one cache folder: $SECUREBASE_CACHE_LIMIT_MB when set to a number, else
// `fallback` bytes.
[[nodiscard]] std::uintmax_t cacheBudget(std::uintmax_t fallback);

} // namespace sb::codecs
