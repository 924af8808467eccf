#pragma once
// Media paths found in other programs' files (ELAN's MEDIA_DESCRIPTOR, BORIS's player lists).
// They are data from a file someone sent: they are resolved and checked as text, never
// opened, probed or executed here. A relative path is taken relative to the file that names
// it; with a media root, a path that resolves outside that folder (by "..", an absolute path
// or a symbolic link) is refused.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sb::annotation::io {

// The local path of a file: URL ("file:///a/b%20c.mp4" -> "/a/b c.mp4", "file:/./x.wav" ->
// "./x.wav"); text without a scheme is returned as it is. None for another scheme (http:,
// rtsp:, …), which is not a local file.
[[nodiscard]] std::optional<std::string> localPathOfUrl(std::string_view url);

// `path` made absolute against `baseDir` and normalised. Throws ImportError(file, line, …)
// when `mediaRoot` is given and the result lies outside it.
[[nodiscard]] std::string resolveMediaPath(const std::string& path, const std::filesystem::path& baseDir,
                                           const std::optional<std::filesystem::path>& mediaRoot,
                                           const std::string& file, int line, std::string_view where);

} // namespace sb::annotation::io
