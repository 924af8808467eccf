#include "annotation/io/annotation_format.h"
#include "annotation/io/csv_format.h"

#include <array>

namespace sb::annotation::io {

namespace {
// Every format the importers and exporters know; add new ones here.
const CsvFormat kCsv;
const std::array<const AnnotationFormat*, 1> kFormats = {&kCsv};
} // namespace

const AnnotationFormat* findFormat(std::string_view name) {
    for (const auto* format : kFormats) {
        if (format->name() == name) {
            return format;
        }
    }
    return nullptr;
}

std::vector<std::string> formatNames() {
    std::vector<std::string> names;
    for (const auto* format : kFormats) {
        names.emplace_back(format->name());
    }
    return names;
}

} // namespace sb::annotation::io
