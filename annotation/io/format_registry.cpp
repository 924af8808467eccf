#include "annotation/io/annotation_format.h"
#include "annotation/io/csv_format.h"
#include "annotation/io/eaf_format.h"
#include "annotation/io/tables.h"

#include <array>

namespace sb::annotation::io {

namespace {
// Every format the importers and exporters know; add new ones here.
const CsvFormat kCsv;
const CsvFormat kTsv("tsv", '\t');
const EafFormat kEaf;
const WideFormat kWide;
const SummaryFormat kSummary;
const SdisFormat kSdis;
const BorisEventsFormat kBorisEvents;
const std::array<const AnnotationFormat*, 7> kFormats = {&kCsv,     &kTsv,  &kEaf,        &kWide,
                                                         &kSummary, &kSdis, &kBorisEvents};
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
