#include "codecs/cache_file.h"

extern "C" {
#include <libavutil/md5.h>
}

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace sb::codecs {

std::string md5Hex(const void* data, std::size_t size) {
    std::uint8_t digest[16];
    av_md5_sum(digest, static_cast<const std::uint8_t*>(data), static_cast<int>(size));
    static constexpr char hex[] = "0123456789abcdef";
    std::string text;
    for (const std::uint8_t byte : digest) {
        text += hex[byte >> 4];
        text += hex[byte & 0xf];
    }
    return text;
}

std::string readWholeFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

void markUsed(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now(), ec);
}

namespace {

struct CacheEntry {
    std::filesystem::path path;
    std::filesystem::file_time_type used;
    std::uintmax_t size;
};

// Removes entries, least recently used first, until the rest total at most `budget`.
std::uintmax_t dropOldest(std::vector<CacheEntry> entries, std::uintmax_t budget,
                          const std::filesystem::path& keep) {
    std::uintmax_t total = 0;
    for (const CacheEntry& e : entries)
        total += e.size;
    std::sort(entries.begin(), entries.end(),
              [](const CacheEntry& a, const CacheEntry& b) { return a.used < b.used; });
    std::uintmax_t removed = 0;
    std::error_code ec;
    for (const CacheEntry& e : entries) {
        if (total <= budget)
            break;
        if (e.path == keep)
            continue;
        if (std::filesystem::remove_all(e.path, ec) > 0 && !ec) {
            total -= e.size;
            removed += e.size;
        }
        ec.clear();
    }
    return removed;
}

std::uintmax_t folderSize(const std::filesystem::path& folder) {
    std::uintmax_t size = 0;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code fileError;
        if (it->is_regular_file(fileError))
            size += it->file_size(fileError);
    }
    return size;
}

} // namespace

std::uintmax_t pruneCache(const std::filesystem::path& directory, std::string_view extension,
                          std::uintmax_t budget) {
    std::vector<CacheEntry> entries;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code fileError;
        if (it->path().extension() != extension || !it->is_regular_file(fileError))
            continue;
        const auto size = it->file_size(fileError);
        const auto used = it->last_write_time(fileError);
        if (!fileError)
            entries.push_back({it->path(), used, size});
    }
    return dropOldest(std::move(entries), budget, {});
}

std::uintmax_t pruneCacheFolders(const std::filesystem::path& directory, std::uintmax_t budget,
                                 const std::filesystem::path& keep) {
    std::vector<CacheEntry> entries;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code folderError;
        if (!it->is_directory(folderError))
            continue;
        const auto used = it->last_write_time(folderError);
        if (!folderError)
            entries.push_back({it->path(), used, folderSize(it->path())});
    }
    return dropOldest(std::move(entries), budget, keep);
}

std::uintmax_t cacheBudget(std::uintmax_t fallback) {
    const char* text = std::getenv("SECUREBASE_CACHE_LIMIT_MB");
    if (text == nullptr)
        return fallback;
    std::uintmax_t megabytes = 0;
    const std::string_view view(text);
    const auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), megabytes);
    if (error != std::errc{} || end != view.data() + view.size())
        return fallback;
    return megabytes * 1024 * 1024;
}

} // namespace sb::codecs
