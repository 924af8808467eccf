#include "app/gui/session_document.h"

#include "annotation/project_error.h"

#include <QTimer>

namespace sb::gui {

SessionDocument::SessionDocument(QObject* parent)
    : QObject(parent) {}

SessionDocument::~SessionDocument() = default;

void SessionDocument::open(const QString& projectFile, const QString& sessionName, const QString& coderName) {
    auto project = std::make_unique<annotation::Project>(projectFile.toStdString());
    auto& store = project->store();
    const auto sessions = store.sessions();
    if (sessions.empty())
        throw annotation::NotFound(
            tr("%1 has no session yet: add one with its media first.").arg(projectFile).toStdString());
    annotation::Session session =
        sessionName.isEmpty() ? sessions.front() : store.sessionNamed(sessionName.toStdString());

    std::optional<annotation::Coder> coder;
    if (!coderName.isEmpty()) {
        coder = store.findCoder(coderName.toStdString());
        if (!coder)
            coder = store.coder(store.addCoder(coderName.toStdString(), annotation::CoderRole::Coder));
    } else {
        const auto coders = store.coders();
        if (coders.empty())
            coder = store.coder(store.addCoder(qEnvironmentVariable("USER", "coder").toStdString(),
                                               annotation::CoderRole::Coder));
        else
            coder = coders.front();
    }
    project_ = std::move(project);
    session_ = std::move(session);
    coder_ = *coder;
    projectFile_ = projectFile;
    log_.clear();
    undone_ = 0;
    emit opened();
    emit changed();
}

void SessionDocument::switchSession(annotation::SessionId session) {
    session_ = project_->store().session(session);
    project_->history().clear(); // the history is per session being coded
    log_.clear();
    undone_ = 0;
    emit opened();
    emit changed();
}

void SessionDocument::switchCoder(annotation::CoderId coder) {
    coder_ = project_->store().coder(coder);
    project_->history().clear();
    log_.clear();
    undone_ = 0;
    emit opened();
    emit changed();
}

bool SessionDocument::apply(std::unique_ptr<annotation::EditCommand> command) {
    const QString description = QString::fromStdString(command->description());
    try {
        project_->history().push(std::move(command));
    } catch (const std::exception& e) {
        // Rule violations and a busy file alike: nothing was written, say why.
        emit rejected(QString::fromStdString(e.what()));
        return false;
    }
    log_.erase(log_.end() - undone_, log_.end());
    undone_ = 0;
    log_.append(description);
    notifyChanged();
    return true;
}

void SessionDocument::undo() {
    if (!canUndo())
        return;
    try {
        project_->history().undo();
        ++undone_;
    } catch (const std::exception& e) {
        emit rejected(QString::fromStdString(e.what()));
    }
    notifyChanged();
}

void SessionDocument::redo() {
    if (!canRedo())
        return;
    try {
        project_->history().redo();
        --undone_;
    } catch (const std::exception& e) {
        emit rejected(QString::fromStdString(e.what()));
    }
    notifyChanged();
}

void SessionDocument::notifyChanged() {
    if (changePending_)
        return;
    changePending_ = true;
    QTimer::singleShot(0, this, [this] {
        changePending_ = false;
        emit changed();
    });
}

bool SessionDocument::canUndo() const {
    return project_ && project_->history().canUndo();
}

bool SessionDocument::canRedo() const {
    return project_ && project_->history().canRedo();
}

QString SessionDocument::undoText() const {
    return project_ ? QString::fromStdString(project_->history().undoText()) : QString();
}

QString SessionDocument::redoText() const {
    return project_ ? QString::fromStdString(project_->history().redoText()) : QString();
}

std::vector<annotation::Annotation> SessionDocument::annotations(std::optional<annotation::Microseconds> from,
                                                                 std::optional<annotation::Microseconds> to) {
    annotation::AnnotationFilter filter;
    filter.session = session_.id;
    filter.from = from;
    filter.to = to;
    return project_->store().annotations(viewer(), filter);
}

} // namespace sb::gui
