#pragma once
// The session being coded: the open project, which session, and who is coding. Every edit
// the window makes goes through here, as an undoable command committed to the project file
// at once; observers (timeline, panels) refresh on `changed`.

#include "annotation/project.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace sb::gui {

class SessionDocument : public QObject {
    Q_OBJECT
public:
    explicit SessionDocument(QObject* parent = nullptr);
    ~SessionDocument() override;

    // Opens `projectFile` at `sessionName` (first session when empty) coding as `coderName`
    // (the first coder when empty; created as a coder when the project has none). Throws the
    // annotation layer's errors (file, busy, newer version) for the caller to show.
    void open(const QString& projectFile, const QString& sessionName = {}, const QString& coderName = {});
    void switchSession(annotation::SessionId session);
    void switchCoder(annotation::CoderId coder);
    [[nodiscard]] bool isOpen() const { return project_ != nullptr; }

    [[nodiscard]] annotation::Project& project() { return *project_; }
    [[nodiscard]] const schemes::CodingScheme& scheme() { return project_->scheme(); }
    [[nodiscard]] const annotation::Session& session() const { return session_; }
    [[nodiscard]] const annotation::Coder& coder() const { return coder_; }
    [[nodiscard]] annotation::Viewer viewer() const { return annotation::Viewer::coder(coder_.id); }
    [[nodiscard]] QString projectFile() const { return projectFile_; }

    // Applies an edit; on a rule violation (EditRejected, NotFound) nothing changes and
    // `rejected` carries the reason. Returns whether it applied.
    bool apply(std::unique_ptr<annotation::EditCommand> command);
    template <typename Command>
    Command* applyTyped(std::unique_ptr<Command> command) {
        Command* raw = command.get();
        return apply(std::move(command)) ? raw : nullptr;
    }
    void undo();
    void redo();
    [[nodiscard]] bool canUndo() const;
    [[nodiscard]] bool canRedo() const;
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] QString redoText() const;
    // Descriptions of applied edits, oldest first (for the history panel).
    [[nodiscard]] const QStringList& historyLog() const { return log_; }
    [[nodiscard]] int undoneCount() const { return undone_; }

    // The annotations of this session the viewer may see, ordered by start.
    [[nodiscard]] std::vector<annotation::Annotation>
    annotations(std::optional<annotation::Microseconds> from = {},
                std::optional<annotation::Microseconds> to = {});

signals:
    // Emitted once per turn of the event loop after edits, not inside the key press that
    // made them: the edit is committed first, the views catch up a moment later.
    void opened();
    void changed();
    void rejected(const QString& reason);

private:
    void notifyChanged();

    std::unique_ptr<annotation::Project> project_;
    bool changePending_ = false;
    annotation::Session session_;
    annotation::Coder coder_;
    QString projectFile_;
    QStringList log_;
    int undone_ = 0;
};

} // namespace sb::gui
