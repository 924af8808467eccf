#pragma once
// Tidy CSV, one annotation per row (docs/project-file.md, "CSV"):
//
//   code,subject,start,end,modifiers,comment
//
// with a leading `coder` column when the file holds several coders' work. Times are seconds
// with up to 6 decimals, parsed exactly to microseconds; `end` is empty for point events;
// `subject` and `modifiers` may be empty; modifiers are encoded as in modifier_text.h.

#include "annotation/io/annotation_format.h"

namespace sb::annotation::io {

// With a tab as delimiter it is the tidy TSV format ("tsv"): the same columns and rules,
// fields holding a tab, quote, CR or LF quoted as in CSV.
class CsvFormat : public AnnotationFormat {
public:
    explicit CsvFormat(std::string_view name = "csv", char delimiter = ',')
        : name_(name)
        , delimiter_(delimiter) {}
    [[nodiscard]] std::string_view name() const override { return name_; }
    [[nodiscard]] ImportedFile read(std::string_view text, const std::string& fileName) const override;
    void write(std::ostream& out, const SessionExport& session) const override;

private:
    std::string_view name_;
    char delimiter_;
};

} // namespace sb::annotation::io
