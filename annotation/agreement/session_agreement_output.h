#pragma once
// The results of session_agreement.h as text for people and as one JSON object for scripts
// (the `securebase-cli agree P.sbproj` contract, docs/agreement.md). Times are seconds on the
// session clock; in text they are exact decimals ("12.5"), ASCII with '.' whatever the locale.

#include "annotation/agreement/session_agreement.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sb::annotation {

[[nodiscard]] nlohmann::json toJson(const TimelineAgreement& result);
[[nodiscard]] nlohmann::json toJson(const ScalesAgreement& result);
[[nodiscard]] nlohmann::json toJson(const JudgementsAgreement& result);

[[nodiscard]] std::string toText(const TimelineAgreement& result);
[[nodiscard]] std::string toText(const ScalesAgreement& result);
[[nodiscard]] std::string toText(const JudgementsAgreement& result);

// Seconds as a JSON number (exact microseconds / 10⁶, printed shortest).
[[nodiscard]] double secondsValue(Microseconds time);

} // namespace sb::annotation
