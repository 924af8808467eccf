#pragma once
// Who is looking. Every read of annotations names a viewer, so that the store itself (not
// only the UI) keeps coders blind to each other's work while the project is blind: a coder
// then sees their own annotations only; supervisors, and whole-project tools (agreement,
// export by a research team, the command line working on the file), see everything.

#include "annotation/ids.h"

namespace sb::annotation {

class Viewer {
public:
    // A person at the GUI, with their role looked up in the project.
    static Viewer coder(CoderId id) { return Viewer(id); }
    // Whole-project access: agreement, reports, the command line.
    static Viewer wholeProject() { return Viewer(CoderId{}); }

    [[nodiscard]] bool isWholeProject() const { return !coder_.stored(); }
    [[nodiscard]] CoderId coderId() const { return coder_; }

private:
    explicit Viewer(CoderId id)
        : coder_(id) {}
    CoderId coder_;
};

} // namespace sb::annotation
