#pragma once
// A file that cannot be imported: what() is "FILE:ROW: reason" (or "FILE: reason" when no
// row is to blame), the form editors and terminals turn into a jump to the line.

#include <stdexcept>
#include <string>

namespace sb::annotation::io {

class ImportError : public std::runtime_error {
public:
    // row 0: the file as a whole.
    ImportError(const std::string& file, int row, const std::string& reason);
    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] int row() const { return row_; }
    [[nodiscard]] const std::string& reason() const { return reason_; }

private:
    std::string file_;
    int row_;
    std::string reason_;
};

} // namespace sb::annotation::io
