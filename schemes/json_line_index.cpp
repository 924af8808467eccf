#include "schemes/json_line_index.h"

#include <unordered_set>

namespace sb::schemes {

namespace {

// Deeper nesting than any scheme needs; stops a hostile file from exhausting the stack.
constexpr int kMaxDepth = 256;

void appendUtf8(std::string& out, unsigned codePoint) {
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

class Scanner {
public:
    Scanner(std::string_view text, std::unordered_map<std::string, int>& lines,
            std::vector<std::string>& duplicates)
        : text_(text)
        , lines_(lines)
        , duplicates_(duplicates) {}

    void run() {
        // nlohmann skips a UTF-8 byte order mark, so must we.
        if (text_.starts_with("\xEF\xBB\xBF")) {
            pos_ = 3;
        }
        skipSpace();
        if (pos_ < text_.size()) {
            lines_.emplace("", line_);
            value("", 0);
        }
    }

private:
    bool value(const std::string& path, int depth) {
        skipSpace();
        if (pos_ >= text_.size() || depth > kMaxDepth) {
            return false;
        }
        // Object members already have their name's line; array elements get theirs here.
        lines_.emplace(path, line_);
        switch (text_[pos_]) {
        case '{':
            return object(path, depth);
        case '[':
            return array(path, depth);
        case '"': {
            std::string ignored;
            return string(ignored);
        }
        default:
            while (pos_ < text_.size() && !isDelimiter(text_[pos_])) {
                ++pos_;
            }
            return true;
        }
    }

    bool object(const std::string& path, int depth) {
        ++pos_; // '{'
        std::unordered_set<std::string> names;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            return true;
        }
        while (true) {
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != '"') {
                return false;
            }
            const int nameLine = line_;
            std::string name;
            if (!string(name)) {
                return false;
            }
            const std::string memberPath = path + "/" + escapePointerToken(name);
            if (!names.insert(name).second) {
                duplicates_.push_back(memberPath);
            }
            // nlohmann keeps the last of duplicate members, so the last one's line wins.
            lines_[memberPath] = nameLine;
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != ':') {
                return false;
            }
            ++pos_;
            if (!value(memberPath, depth + 1)) {
                return false;
            }
            skipSpace();
            if (pos_ >= text_.size()) {
                return false;
            }
            if (text_[pos_] == '}') {
                ++pos_;
                return true;
            }
            if (text_[pos_] != ',') {
                return false;
            }
            ++pos_;
        }
    }

    bool array(const std::string& path, int depth) {
        ++pos_; // '['
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            return true;
        }
        for (std::size_t index = 0;; ++index) {
            if (!value(path + "/" + std::to_string(index), depth + 1)) {
                return false;
            }
            skipSpace();
            if (pos_ >= text_.size()) {
                return false;
            }
            if (text_[pos_] == ']') {
                ++pos_;
                return true;
            }
            if (text_[pos_] != ',') {
                return false;
            }
            ++pos_;
        }
    }

    // Decodes a string literal (member names must match what nlohmann decoded).
    bool string(std::string& out) {
        ++pos_; // opening quote
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '"') {
                return true;
            }
            if (c == '\n') {
                ++line_; // not valid JSON, but keep the count honest
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) {
                return false;
            }
            const char escaped = text_[pos_++];
            switch (escaped) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned codePoint = 0;
                if (!hex4(codePoint)) {
                    return false;
                }
                if (codePoint >= 0xD800 && codePoint < 0xDC00 && pos_ + 1 < text_.size() &&
                    text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
                    pos_ += 2;
                    unsigned low = 0;
                    if (!hex4(low)) {
                        return false;
                    }
                    codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, codePoint);
                break;
            }
            default: // '"', '\\', '/'
                out += escaped;
            }
        }
        return false;
    }

    bool hex4(unsigned& value) {
        if (pos_ + 4 > text_.size()) {
            return false;
        }
        for (int i = 0; i < 4; ++i) {
            const char c = text_[pos_++];
            value <<= 4;
            if (c >= '0' && c <= '9') {
                value |= static_cast<unsigned>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                value |= static_cast<unsigned>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                value |= static_cast<unsigned>(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return true;
    }

    void skipSpace() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                ++line_;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            ++pos_;
        }
    }

    static bool isDelimiter(char c) {
        return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::unordered_map<std::string, int>& lines_;
    std::vector<std::string>& duplicates_;
};

} // namespace

JsonLineIndex::JsonLineIndex(std::string_view text) {
    Scanner(text, lines_, duplicates_).run();
}

int JsonLineIndex::lineOf(std::string_view pointer) const {
    std::string path(pointer);
    while (true) {
        if (const auto it = lines_.find(path); it != lines_.end()) {
            return it->second;
        }
        if (path.empty()) {
            return 0;
        }
        path.erase(path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
    }
}

std::string escapePointerToken(std::string_view name) {
    std::string token;
    token.reserve(name.size());
    for (const char c : name) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

TextPosition positionAt(std::string_view text, std::size_t offset) {
    TextPosition position;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

} // namespace sb::schemes
