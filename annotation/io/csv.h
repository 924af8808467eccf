#pragma once
// RFC 4180 CSV, both ways. Fields are quoted with '"' when they hold a comma, quote, CR or
// LF; a quote inside is doubled. Records end with CRLF when written; CRLF or LF is accepted
// when read. Text must be UTF-8 (a leading byte-order mark, as spreadsheets write, is
// skipped). Blank lines are skipped.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation::io {

class CsvReader {
public:
    // `fileName` is for messages only. The text must outlive the reader. `delimiter` is ','
    // for CSV and '\t' for TSV (quoting works the same way in both).
    CsvReader(std::string_view text, std::string fileName, char delimiter = ',');

    // The next record's fields; false at the end. Throws ImportError (with the record's row)
    // for an unterminated quote, text after a closing quote, a stray quote or invalid UTF-8.
    bool next(std::vector<std::string>& fields);
    // 1-based number of the record last returned, counting the header: the row a spreadsheet
    // shows it on when no field spans lines.
    [[nodiscard]] int row() const { return row_; }

private:
    std::string_view text_;
    std::string fileName_;
    std::size_t at_ = 0;
    int row_ = 0;
    char delimiter_ = ',';
};

void writeCsvRecord(std::ostream& out, const std::vector<std::string>& fields, char delimiter = ',');

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
[[nodiscard]] bool isValidUtf8(std::string_view text);

} // namespace sb::annotation::io
