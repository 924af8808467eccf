#include "annotation/io/csv_format.h"

#include "annotation/io/csv.h"
#include "annotation/io/import_error.h"
#include "annotation/io/modifier_text.h"
#include "annotation/seconds_text.h"

#include <fmt/core.h>

namespace sb::annotation::io {

namespace {

const std::vector<std::string> kHeader = {"code", "subject", "start", "end", "modifiers", "comment"};
const std::vector<std::string> kHeaderWithCoder = {"coder", "code",      "subject", "start",
                                                   "end",   "modifiers", "comment"};

std::string joined(const std::vector<std::string>& fields) {
    std::string text;
    for (const auto& field : fields) {
        text += text.empty() ? "" : ",";
        text += field;
    }
    return text;
}

} // namespace

ImportedFile CsvFormat::read(std::string_view text, const std::string& fileName) const {
    CsvReader reader(text, fileName, delimiter_);
    std::vector<std::string> fields;
    if (!reader.next(fields)) {
        throw ImportError(fileName, 0,
                          fmt::format("the file is empty; it needs the header {}", joined(kHeader)));
    }
    ImportedFile file;
    if (fields == kHeaderWithCoder) {
        file.namesCoders = true;
    } else if (fields != kHeader) {
        throw ImportError(fileName, reader.row(),
                          fmt::format("the header must be exactly {} (or {}), not {}", joined(kHeader),
                                      joined(kHeaderWithCoder), joined(fields)));
    }
    const std::size_t columns = file.namesCoders ? kHeaderWithCoder.size() : kHeader.size();
    const std::size_t first = file.namesCoders ? 1 : 0;
    while (reader.next(fields)) {
        const int row = reader.row();
        if (fields.size() != columns) {
            throw ImportError(fileName, row,
                              fmt::format("expected {} fields, found {}", columns, fields.size()));
        }
        ImportedRow imported;
        imported.row = row;
        if (file.namesCoders) {
            imported.coderName = fields[0];
            if (imported.coderName.empty()) {
                throw ImportError(fileName, row, "empty coder");
            }
        }
        auto& a = imported.annotation;
        a.code = fields[first];
        if (a.code.empty()) {
            throw ImportError(fileName, row, "empty code");
        }
        if (!fields[first + 1].empty()) {
            a.subject = fields[first + 1];
        }
        std::string why;
        const auto start = parseSeconds(fields[first + 2], &why);
        if (!start) {
            throw ImportError(fileName, row, fmt::format("bad start '{}': {}", fields[first + 2], why));
        }
        a.start = *start;
        if (!fields[first + 3].empty()) {
            const auto end = parseSeconds(fields[first + 3], &why);
            if (!end) {
                throw ImportError(fileName, row, fmt::format("bad end '{}': {}", fields[first + 3], why));
            }
            a.end = *end;
        }
        auto modifiers = decodeModifiers(fields[first + 4], &why);
        if (!modifiers) {
            throw ImportError(fileName, row, fmt::format("bad modifiers '{}': {}", fields[first + 4], why));
        }
        a.modifiers = std::move(*modifiers);
        a.comment = fields[first + 5];
        file.rows.push_back(std::move(imported));
    }
    return file;
}

void CsvFormat::write(std::ostream& out, const SessionExport& session) const {
    writeCsvRecord(out, session.namesCoders ? kHeaderWithCoder : kHeader, delimiter_);
    std::vector<std::string> fields;
    for (const auto& a : session.annotations) {
        fields.clear();
        if (session.namesCoders) {
            const auto coder = session.coders.find(a.coder);
            fields.push_back(coder != session.coders.end() ? coder->second.name
                                                           : std::to_string(a.coder.value));
        }
        fields.push_back(a.code);
        fields.push_back(a.subject.value_or(""));
        fields.push_back(formatSeconds(a.start));
        fields.push_back(a.end ? formatSeconds(*a.end) : "");
        fields.push_back(encodeModifiers(a.modifiers));
        fields.push_back(a.comment);
        writeCsvRecord(out, fields, delimiter_);
    }
}

} // namespace sb::annotation::io
