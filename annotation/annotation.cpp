#include "annotation/annotation.h"

namespace sb::annotation {

bool sameContent(const Annotation& a, const Annotation& b) {
    return a.code == b.code && a.subject == b.subject && a.start == b.start && a.end == b.end &&
           a.modifiers == b.modifiers && a.comment == b.comment;
}

} // namespace sb::annotation
