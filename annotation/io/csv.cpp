#include "annotation/io/csv.h"

#include "annotation/io/import_error.h"

#include <cstdint>

namespace sb::annotation::io {

CsvReader::CsvReader(std::string_view text, std::string fileName, char delimiter)
    : text_(text)
    , fileName_(std::move(fileName))
    , delimiter_(delimiter) {
    if (text_.starts_with("\xEF\xBB\xBF")) {
        at_ = 3;
    }
}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    // Skip blank lines between records.
    while (at_ < text_.size() && (text_[at_] == '\n' || text_[at_] == '\r')) {
        ++at_;
    }
    if (at_ >= text_.size()) {
        return false;
    }
    ++row_;
    std::string field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field began with a quote
    for (;;) {
        if (at_ >= text_.size()) {
            if (quoted) {
                throw ImportError(fileName_, row_, "a quoted field is never closed (missing '\"')");
            }
            break;
        }
        const char c = text_[at_++];
        if (quoted) {
            if (c == '"') {
                if (at_ < text_.size() && text_[at_] == '"') {
                    field += '"';
                    ++at_;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == delimiter_) {
            fields.push_back(std::move(field));
            field.clear();
            wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && at_ < text_.size() && text_[at_] == '\n') {
                ++at_;
            }
            break;
        } else if (c == '"') {
            if (!field.empty() || wasQuoted) {
                throw ImportError(fileName_, row_,
                                  wasQuoted
                                      ? "text after a closing quote (a quote inside a field is written \"\")"
                                      : "a quote inside an unquoted field (quote the whole field)");
            }
            quoted = true;
            wasQuoted = true;
        } else {
            if (wasQuoted) {
                throw ImportError(fileName_, row_,
                                  "text after a closing quote (a quote inside a field is written \"\")");
            }
            field += c;
        }
    }
    fields.push_back(std::move(field));
    for (const auto& f : fields) {
        if (!isValidUtf8(f)) {
            throw ImportError(fileName_, row_, "the text is not valid UTF-8 (save the file as UTF-8)");
        }
    }
    return true;
}

void writeCsvRecord(std::ostream& out, const std::vector<std::string>& fields, char delimiter) {
    const char special[] = {delimiter, '"', '\r', '\n', '\0'};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out << delimiter;
        }
        const auto& field = fields[i];
        if (field.find_first_of(special) == std::string::npos) {
            out << field;
            continue;
        }
        out << '"';
        for (const char c : field) {
            if (c == '"') {
                out << '"';
            }
            out << c;
        }
        out << '"';
    }
    out << "\r\n";
}

bool isValidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    for (std::size_t i = 0; i < size;) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            code = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            code = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            code = lead & 0x07;
        } else {
            return false;
        }
        if (i + length > size) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return false;
            }
            code = (code << 6) | (bytes[i + k] & 0x3F);
        }
        const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
}

} // namespace sb::annotation::io
