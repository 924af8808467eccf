#pragma once
// Input an agreement statistic cannot take (one coder, text where numbers are needed, missing
// judgements where the method has no rule for them, ...). The message says which method and
// why, in words a research assistant can act on.

#include <stdexcept>

namespace sb::agreement {

class AgreementError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace sb::agreement
