#pragma once
// Finding the scheme's code, subject, modifier set or value that another program's name
// stands for: the id itself, else the (source-language) label, else the id the name would
// get when made into one (schemeIdFrom), so a project made from a file takes later files
// of the same kind. nullptr when nothing matches.

#include "schemes/coding_scheme.h"

#include <string>

namespace sb::annotation::io {

[[nodiscard]] const schemes::Code* findCode(const schemes::CodingScheme& scheme, const std::string& name);
[[nodiscard]] const schemes::Subject* findSubject(const schemes::CodingScheme& scheme,
                                                  const std::string& name);
// Among the code's modifier sets only.
[[nodiscard]] const schemes::ModifierSet* findModifier(const schemes::CodingScheme& scheme,
                                                       const schemes::Code& code, const std::string& name);
// Labels first here: generated value ids may be suffixed ("a_b_2") while labels are exact.
[[nodiscard]] const schemes::ModifierValue* findValue(const schemes::ModifierSet& set,
                                                      const std::string& name);

} // namespace sb::annotation::io
