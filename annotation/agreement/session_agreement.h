#pragma once
// Agreement on a project's stored work: what `securebase-cli agree P.sbproj`, the reliability
// report and later the workstation compute. This is the glue between the project store and the
// pure statistics of securebase_agreement: it reads the sessions, coders, annotations, scale
// scores and judgements through a whole-project Viewer (blind projects still compute), turns
// them into the engine's inputs and keeps the engine's results as they are. Nothing here prints;
// session_agreement_output.h renders the results (text, JSON), report_writer.h the report.
//
// The rules (docs/agreement.md, "Agreement on a project"):
//  - Timelines are compared per *stream*: an exclusive group of the current scheme, or a code in
//    no group, for one subject (annotations without a subject form their own stream). Within a
//    stream a coder's states never overlap, which is what time units and alignment assume.
//  - The session length is the latest end (or point) of any annotation of the chosen coders in
//    the session, whatever its code: every stream of a session shares one unit grid.
//  - A chosen coder with no annotations in the session is an error (they have not coded it; an
//    all-nil timeline would report agreement on nothing happening). A coder with annotations
//    in the session but none in a stream is compared there as having coded nothing.

#include "annotation/agreement/event_alignment.h"
#include "annotation/agreement/icc.h"
#include "annotation/agreement/kappa.h"
#include "annotation/agreement/krippendorff_alpha.h"
#include "annotation/agreement/multi_coder_agreement.h"
#include "annotation/agreement/time_unit_kappa.h"
#include "annotation/project.h"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sb::annotation {

// Something in the request the project does not have, or work that is not there to compare.
// what() names the file and, where they apply, the session and the coder.
class SessionAgreementError : public std::runtime_error {
public:
    SessionAgreementError(std::string file, std::string session, std::string coder,
                          const std::string& reason);
    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] const std::string& session() const { return session_; }
    [[nodiscard]] const std::string& coder() const { return coder_; }

private:
    std::string file_;
    std::string session_;
    std::string coder_;
};

enum class TimelineMethod { TimeUnit, Event };

struct TimelineRequest {
    std::string session;
    std::vector<std::string> coders; // names, at least two, distinct
    TimelineMethod method = TimelineMethod::TimeUnit;
    Microseconds unit{1'000'000};          // time-unit only
    std::optional<Microseconds> tolerance; // time-unit: ±window (a whole number of units, default 0);
                                           // event: onset tolerance (default 2 s)
    std::optional<std::string> group;      // one exclusive group only
};

// What a stream is: an exclusive group or an ungrouped code, and the subject.
struct Stream {
    enum class Kind { Group, Code };
    Kind kind = Kind::Group;
    std::string id;
    std::optional<std::string> subject;
    std::vector<std::string> codes; // the scheme's codes of the group (or the one code)

    [[nodiscard]] std::string name() const; // "distress (infant)", "look"
};

struct TimelinePair {
    std::size_t coder1 = 0; // indices into TimelineAgreement::coders
    std::size_t coder2 = 0;
    std::optional<agreement::TimeUnitKappa> timeUnit; // method time-unit
    std::optional<agreement::EventAlignment> events;  // method event
};

struct StreamAgreement {
    Stream stream;
    std::vector<agreement::CoderTimeline> timelines; // per coder, as fed to the engine
    std::vector<TimelinePair> pairs;                 // (0,1), (0,2), …, (1,2), …
    // Three or more coders. Time units: the engine's multi-coder summary (mean pairwise kappas on
    // one grid, nominal alpha over the unit codes). Events: the mean of the defined pairwise
    // alignment kappas (the engine has no multi-coder alignment).
    std::optional<agreement::MultiCoderAgreement> multiCoder;
    std::optional<double> meanPairwiseKappa;
};

struct TimelineAgreement {
    std::string file;
    std::string session;
    std::vector<std::string> coders;
    TimelineMethod method = TimelineMethod::TimeUnit;
    Microseconds unit{1'000'000};
    int toleranceUnits = 0;             // time-unit
    Microseconds tolerance{0};          // the tolerance in time, either method
    agreement::Fraction minimumOverlap; // event
    Microseconds sessionLength{0};
    std::vector<StreamAgreement> streams;
};

// Throws NotFound (unknown session or coder), SessionAgreementError (unknown group, fewer than
// two or repeated coders, a coder with no annotations in the session, a tolerance that is not a
// whole number of units, a unit ≤ 0) and agreement::AgreementError.
[[nodiscard]] TimelineAgreement timelineAgreement(Project& project, const TimelineRequest& request);

// ---- segment scales and session judgements, across sessions

struct RatingsRequest {
    std::vector<std::string> sessions; // names, at least one
    std::vector<std::string> coders;   // names, at least two
};

// Two coders' figures on one ratings table; `problem` says why a figure is missing.
struct RatingsPair {
    std::size_t coder1 = 0;
    std::size_t coder2 = 0;
    std::size_t units = 0; // judged by both
    double percentAgreement = 0;
    std::optional<agreement::KappaEstimate> kappa;          // judgements
    std::optional<agreement::KappaEstimate> linearKappa;    // scales, linear weights
    std::optional<agreement::KappaEstimate> quadraticKappa; // scales, quadratic weights
    std::optional<std::string> problem;
};

// One scale: units are (session, segment instance, target) where a coder scored it.
struct ScaleAgreement {
    std::string scale;
    int min = 1;
    int max = 7;
    std::size_t units = 0;         // scored by at least one coder
    std::size_t completeUnits = 0; // scored by every coder: the ICC's targets
    std::optional<agreement::IccResult> icc;
    std::optional<std::string> iccProblem;
    std::vector<RatingsPair> pairs;
    agreement::RatingsTable ratings; // as fed to the engine (units × coders)
};

// One category judgement at one level: "sub" (the option as chosen) or "main" (the option's
// parent when it has one).
struct JudgementAgreement {
    std::string judgement;
    std::string level; // "sub" or "main"
    std::vector<std::string> categories;
    std::size_t units = 0; // sessions judged by at least one coder
    std::vector<RatingsPair> pairs;
    std::optional<agreement::AlphaEstimate> alpha; // nominal, three or more coders
    std::optional<std::string> alphaProblem;
    agreement::RatingsTable ratings; // units are sessions
};

struct ScalesAgreement {
    std::string file;
    std::vector<std::string> sessions;
    std::vector<std::string> coders;
    std::vector<ScaleAgreement> scales;
};

struct JudgementsAgreement {
    std::string file;
    std::vector<std::string> sessions;
    std::vector<std::string> coders;
    std::vector<JudgementAgreement> judgements;
    std::vector<std::string> skipped; // judgements not compared, with the reason
};

// Throws as timelineAgreement; a coder with no scores (judgements) in any of the sessions is a
// SessionAgreementError.
[[nodiscard]] ScalesAgreement scalesAgreement(Project& project, const RatingsRequest& request);
[[nodiscard]] JudgementsAgreement judgementsAgreement(Project& project, const RatingsRequest& request);

[[nodiscard]] std::string_view methodName(TimelineMethod method); // "time-unit", "event"

} // namespace sb::annotation
