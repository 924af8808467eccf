#pragma once
// A session as an ELAN 3.0 document (docs/interchange.md, "ELAN export") that ELAN opens and
// our EAF import (--tier-mapping coder) reads back:
//
//   - one tier per coder x code stream x subject, named "coder:stream" or
//     "coder:stream@subject", with ANNOTATOR = coder and PARTICIPANT = subject; a stream is an
//     exclusive group, or a code outside any group (ELAN tiers cannot hold overlaps, and only
//     a group's states are kept from overlapping);
//   - a controlled vocabulary per stream (its codes, the labels as descriptions);
//   - times in whole milliseconds, rounded to the nearest; point events last 1 ms (ELAN
//     cannot hold zero-length annotations) and so does a state shorter than 1 ms;
//     times before 0 become 0;
//   - modifiers and comments on Symbolic_Association child tiers "<tier>#modifiers" and
//     "<tier>#comment" (modifiers in the CSV encoding), so nothing of an annotation is lost;
//   - the session's media as MEDIA_DESCRIPTORs, offsets as TIME_ORIGIN.
// Import of EAF is annotation/io/eaf_import.h; this class only writes.

#include "annotation/io/annotation_format.h"

namespace sb::annotation::io {

class EafFormat : public AnnotationFormat {
public:
    [[nodiscard]] std::string_view name() const override { return "eaf"; }
    [[nodiscard]] bool canImport() const override { return false; } // see eaf_import.h
    [[nodiscard]] ImportedFile read(std::string_view text, const std::string& fileName) const override;
    void write(std::ostream& out, const SessionExport& session) const override;
    [[nodiscard]] std::string_view note() const override {
        return "eaf: times are rounded to whole milliseconds and point events last 1 ms (ELAN has no "
               "zero-length annotations); a point code imports back as a point";
    }
};

} // namespace sb::annotation::io
