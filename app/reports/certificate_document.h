#pragma once
// The reliability certificate as documents (docs/training.md, "Certificate"): one XHTML text that
// a browser shows and Qt's QTextDocument lays out, and a PDF of that same text through
// QPdfWriter, so the two never say different things. Names, sets and sessions are data: they are
// escaped, and wrapped in <bdi dir="auto"> (isolated, direction from their own first strong
// letter), so a Persian name inside an English sentence keeps its shape and its order; Qt shapes
// Arabic script itself when it lays out the PDF.
//
// Fixed texts go through Qt's translation system (context "sb::reports::Certificate"), so a
// translator for it gives a translated certificate; rightToLeft mirrors the page for Persian.
//
// Needs a QGuiApplication for the PDF (fonts); QT_QPA_PLATFORM=offscreen is enough.

#include "annotation/training/certificate.h"

#include <QString>

#include <filesystem>

namespace sb::reports {

struct CertificateOptions {
    bool jalaliDate = false;  // add the signing date in the Solar Hijri calendar
    bool rightToLeft = false; // lay the page out right to left (a Persian interface)
};

// The interface language asks for right to left and a Jalali date (Persian).
[[nodiscard]] CertificateOptions optionsForInterface();

[[nodiscard]] QString certificateHtml(const annotation::Certificate& certificate,
                                      const CertificateOptions& options);

// Lays `html` out on A4 pages and writes them to `file` as PDF. Throws std::runtime_error naming
// the file when it cannot be written.
void writePdf(const QString& html, const std::filesystem::path& file);

struct CertificateFiles {
    std::filesystem::path html;
    std::filesystem::path pdf;
};

// Writes DIR/<certificateStem>.html and .pdf (DIR made when absent), each beside its name and
// then renamed, so a failure leaves no half-written certificate.
CertificateFiles writeCertificate(const annotation::Certificate& certificate,
                                  const CertificateOptions& options, const std::filesystem::path& dir);

} // namespace sb::reports
