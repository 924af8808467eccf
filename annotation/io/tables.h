#pragma once
// Export-only tables for statistics packages (R, SPSS) and sequential analysis (GSEQ), plus
// BORIS's tabular events layout (docs/interchange.md). Every number is written with ASCII
// digits and '.' (formatSeconds): no locale can turn 12.5 into "12,5".
//
//   wide          one row per time unit and session; a column per coder x stream (exclusive
//                 group, or ungrouped state code) x subject, holding the code active at the
//                 unit's start (a state [start, end) is active at t when start <= t < end);
//                 empty when none. Point events have no column.
//   summary       per session x coder x code: count, total and mean duration (states), and
//                 latency (first start, from session time 0); codes never used count 0.
//   sdis          GSEQ's SDIS timed-event data: a Timed declaration of the codes
//                 (subject_code when a subject is set), then per session and coder
//                 "<label> ,start code,on-off … ,end/".
//   boris-events  BORIS's aggregated events table (TSV), one row per annotation.

#include "annotation/io/annotation_format.h"

namespace sb::annotation::io {

class ExportOnlyFormat : public AnnotationFormat {
public:
    [[nodiscard]] bool canImport() const override { return false; }
    [[nodiscard]] bool holdsSessions() const override { return true; }
    [[nodiscard]] ImportedFile read(std::string_view text, const std::string& fileName) const override;
    void write(std::ostream& out, const SessionExport& session) const override {
        writeSessions(out, {session});
    }
};

class WideFormat : public ExportOnlyFormat {
public:
    [[nodiscard]] std::string_view name() const override { return "wide"; }
    void writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const override;
    [[nodiscard]] std::string_view drops() const override { return "modifiers, comments or point events"; }
};

class SummaryFormat : public ExportOnlyFormat {
public:
    [[nodiscard]] std::string_view name() const override { return "summary"; }
    void writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const override;
    [[nodiscard]] std::string_view drops() const override { return "modifiers or comments (it counts)"; }
};

class SdisFormat : public ExportOnlyFormat {
public:
    [[nodiscard]] std::string_view name() const override { return "sdis"; }
    void writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const override;
    [[nodiscard]] std::string_view drops() const override { return "modifiers or comments"; }
    [[nodiscard]] std::string_view note() const override {
        return "sdis: times are rounded to milliseconds; codes with a subject are written subject_code";
    }
};

class BorisEventsFormat : public ExportOnlyFormat {
public:
    [[nodiscard]] std::string_view name() const override { return "boris-events"; }
    void writeSessions(std::ostream& out, const std::vector<SessionExport>& sessions) const override;
};

} // namespace sb::annotation::io
