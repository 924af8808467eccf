#pragma once
// Live coding: the scheme's keys while the video plays. A state code's key starts it at the
// current frame and a second press ends it there; a point code's key marks the current
// frame; starting a code of an exclusive group ends the running one (one undoable step);
// subject keys choose whom the next code applies to. Every press is one edit committed to
// the project file at once.

#include "app/gui/playback.h"
#include "app/gui/session_document.h"

#include <QKeySequence>
#include <QMap>
#include <QObject>

class QKeyEvent;

namespace sb::gui {

class LiveCoder : public QObject {
    Q_OBJECT
public:
    LiveCoder(SessionDocument& document, Playback& playback, QObject* parent = nullptr);

    // Rebuilds the key map from the scheme (after opening a project).
    void reloadScheme();
    // Handles a key press bound by the scheme; false when the key is not the scheme's.
    bool handleKey(const QKeyEvent& event);
    [[nodiscard]] bool isSchemeKey(const QKeySequence& key) const;

    // Presses a code as its key would (the keypad's buttons).
    void pressCode(const QString& code);
    void selectSubject(const QString& subject);
    [[nodiscard]] QString subject() const { return subject_; }
    // Codes running for the current coder (any subject), code id -> annotation id.
    [[nodiscard]] QList<QString> runningCodes() const;
    [[nodiscard]] bool isRunning(const QString& code) const;
    // Ends every running state at the current frame (closing the window, switching session).
    void closeRunning();
    // The key bound to a code or subject, as the scheme gives it.
    [[nodiscard]] QKeySequence keyOf(const QString& id) const { return keys_.value(id); }

signals:
    void runningChanged();
    void subjectChanged(const QString& subject);

private:
    struct Running {
        std::int64_t annotation = 0;
        std::int64_t start = 0;
        QString subject;
    };
    [[nodiscard]] std::int64_t now() const;
    void startState(const schemes::Code& code, std::int64_t at);
    void endState(const QString& code, std::int64_t at);
    void addPoint(const schemes::Code& code, std::int64_t at);
    [[nodiscard]] std::optional<std::string> subjectFor(const schemes::Code& code) const;
    void dropStaleRunning();

    SessionDocument& document_;
    Playback& playback_;
    QMap<QString, QKeySequence> keys_; // code or "subject:" + id -> key
    QString subject_;
    QMap<QString, Running> running_; // code id -> the state it started
};

// The scheme's key text ("p", "Shift+P", "F2") as a key sequence; empty when it has none.
QKeySequence schemeKey(const std::string& key);

} // namespace sb::gui
