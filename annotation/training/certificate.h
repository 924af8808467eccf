#pragma once
// What a reliability certificate says (docs/training.md, "Certificate"), read from a sign-off:
// the trainee, the supervisor, the scheme and its version, the tapes with their figures, the
// criterion and the date. It is built from the figures stored with the sign-off, not recomputed,
// so the certificate states what the supervisor saw and signed even if codings change later.
// Rendering (HTML, PDF) is app/reports/'s job; this is plain data, Qt-free.

#include "annotation/training/training_criterion.h"
#include "annotation/training/training_sets.h"

#include <optional>
#include <string>
#include <vector>

namespace sb::annotation {

struct CertificateRequirement {
    std::string description; // describe()'s line
    std::size_t tapesMet = 0;
    std::size_t tapesRequired = 0;
    bool met = false;
};

struct CertificateTape {
    std::size_t attempt = 0;
    std::string session;
    std::string goldCoder;
    std::string codedAt;            // ISO 8601 UTC
    std::vector<std::string> cells; // per requirement: the figures on this tape ("distress (infant) 0.852")
    bool met = false;
};

struct Certificate {
    std::string project; // the project file's name, without its directory
    std::string set;
    std::string trainee;
    std::string supervisor;
    std::string schemeId;
    std::string schemeVersion;
    Microseconds signedAt{0};
    std::int64_t signOffId = 0;
    std::vector<CertificateRequirement> requirements;
    std::vector<CertificateTape> tapes;
    // The criterion as signed, for writing its requirements in another language; none when the
    // stored figures do not carry a readable one.
    std::optional<TrainingCriterion> criterion;
};

// Throws std::runtime_error naming the sign-off when its stored figures cannot be read.
[[nodiscard]] Certificate certificateFor(const SignOff& signOff, const std::string& projectFile);

// A file name stem for the certificate ("certificate-sara-ssp-training"): the trainee's and the
// set's names with characters a file system or a shell trips over replaced by '-'.
[[nodiscard]] std::string certificateStem(const Certificate& certificate);

} // namespace sb::annotation
