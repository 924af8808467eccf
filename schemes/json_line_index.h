#pragma once
// Lines of a JSON text by RFC 6901 pointer.
//
// nlohmann/json forgets where values came from once it has parsed them, yet every scheme
// diagnostic should name a line. This index makes one pass over the same text, tracking the
// current pointer, and remembers where each value starts. It also notices member names that
// occur twice in one object, which nlohmann accepts silently (keeping the last).

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sb::schemes {

class JsonLineIndex {
public:
    // `text` should be JSON that has already parsed; on anything else the index is simply
    // partial (lines before the damage are still found). Never throws for bad input.
    explicit JsonLineIndex(std::string_view text);

    // The 1-based line of the member name (object members) or of the value (array elements,
    // the root ""). A pointer that does not exist, e.g. a missing field, gets the line of its
    // nearest existing ancestor; 0 only for an empty text.
    [[nodiscard]] int lineOf(std::string_view pointer) const;

    // Pointers of members whose name had already occurred in the same object, in text order.
    [[nodiscard]] const std::vector<std::string>& duplicateMembers() const { return duplicates_; }

private:
    std::unordered_map<std::string, int> lines_;
    std::vector<std::string> duplicates_;
};

// A member name as a pointer token: "~" becomes "~0", "/" becomes "~1".
std::string escapePointerToken(std::string_view name);

struct TextPosition {
    int line = 1;   // 1-based
    int column = 1; // 1-based, in bytes
};

// The line and column of the byte at `offset` (clamped to the text).
TextPosition positionAt(std::string_view text, std::size_t offset);

} // namespace sb::schemes
