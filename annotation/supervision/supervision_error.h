#pragma once
// Why a supervision step was refused. Each message names the file (project or package) and
// the reason, so the CLI and the GUI can show what() as it is. A refused step changes nothing.

#include <stdexcept>

namespace sb::annotation::supervision {

// A package that cannot be merged (another project, another coder, another scheme version,
// altered outside SecureBase, superseded) or a package that may not be made (feedback before
// submission, a session the coder has no access to).
class PackageRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace sb::annotation::supervision
