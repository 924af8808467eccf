#include "app/cli/acting_coder.h"

namespace sb::cli {

void setActingCoder(annotation::ProjectStore& store, const std::string& as) {
    if (!as.empty()) {
        store.setActor(store.coderNamed(as).id);
        return;
    }
    for (const annotation::Coder& c : store.coders()) {
        if (c.role == annotation::CoderRole::Supervisor) {
            store.setActor(c.id);
            return;
        }
    }
}

} // namespace sb::cli
