#include "annotation/io/media_paths.h"

#include "annotation/io/import_error.h"

#include <fmt/core.h>

#include <cctype>

namespace sb::annotation::io {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::string percentDecoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool isWithin(const std::filesystem::path& path, const std::filesystem::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p) {
        if (r->empty() && std::next(r) == root.end()) {
            return true; // a trailing separator
        }
        if (p == path.end() || *p != *r) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<std::string> localPathOfUrl(std::string_view url) {
    const auto colon = url.find(':');
    // "C:/video.mp4" (a Windows drive) is a path, not a scheme.
    if (colon == std::string_view::npos || colon < 2 || url.find('/') < colon) {
        return percentDecoded(url);
    }
    std::string scheme(url.substr(0, colon));
    for (auto& c : scheme) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (scheme != "file") {
        return std::nullopt;
    }
    std::string_view rest = url.substr(colon + 1);
    if (rest.starts_with("//")) {
        rest.remove_prefix(2);
        const auto slash = rest.find('/');
        if (slash == std::string_view::npos) {
            return std::nullopt;
        }
        rest.remove_prefix(slash); // drop the host ("localhost" or empty)
    }
    // ELAN has written relative URLs as "file:/./clip.wav" and "file:/../clip.wav".
    if (rest.starts_with("/./") || rest.starts_with("/../")) {
        rest.remove_prefix(1);
    }
    // "/C:/video.mp4" is a Windows drive path.
    if (rest.size() > 3 && rest[0] == '/' && rest[2] == ':' &&
        std::isalpha(static_cast<unsigned char>(rest[1]))) {
        rest.remove_prefix(1);
    }
    return percentDecoded(rest);
}

std::string resolveMediaPath(const std::string& path, const std::filesystem::path& baseDir,
                             const std::optional<std::filesystem::path>& mediaRoot, const std::string& file,
                             int line, std::string_view where) {
    if (path.find('\0') != std::string::npos) {
        throw ImportError(file, line, fmt::format("{}: the media path holds a NUL character", where));
    }
    // A Windows path ("D:/clips/a.mp4", "\\\\server\\a.mp4") from a file made on another machine is
    // kept as written: it is absolute there, and relative to nothing here.
    const bool foreignAbsolute = (path.size() > 2 && std::isalpha(static_cast<unsigned char>(path[0])) &&
                                  path[1] == ':' && (path[2] == '/' || path[2] == '\\')) ||
                                 path.starts_with("\\\\");
    std::filesystem::path resolved(path);
    if (foreignAbsolute) {
        if (mediaRoot) {
            throw ImportError(file, line,
                              fmt::format("{}: the media file '{}' is outside the media root '{}'", where,
                                          path, mediaRoot->string()));
        }
        return path;
    }
    if (resolved.is_relative()) {
        resolved = baseDir / resolved;
    }
    resolved = resolved.lexically_normal();
    if (mediaRoot) {
        std::error_code error;
        // weakly_canonical follows the symbolic links that exist, so a link inside the root
        // that points out of it is caught too; a missing file is judged by its text.
        const auto root = std::filesystem::weakly_canonical(std::filesystem::absolute(*mediaRoot), error);
        const auto real = std::filesystem::weakly_canonical(std::filesystem::absolute(resolved), error);
        if (error || !isWithin(real, root)) {
            throw ImportError(file, line,
                              fmt::format("{}: the media file '{}' is outside the media root '{}'", where,
                                          path, mediaRoot->string()));
        }
    }
    return resolved.string();
}

} // namespace sb::annotation::io
