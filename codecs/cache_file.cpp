#include "codecs/cache_file.h"

extern "C" {
#include <libavutil/md5.h>
}

#include <cstdint>
#include <fstream>
#include <sstream>

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

} // namespace sb::codecs
