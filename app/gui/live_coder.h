#pragma once
// Live coding: the scheme's keys while the video plays. A state code's key starts it at the
// current frame and a second press ends it there; a point code's key marks the current
// frame; starting a code of an exclusive group ends the running one (one undoable step);
// subject keys choose whom the next code applies to. Every press is one edit committed to
// the project file at once. Keys are physical keys (coding_keys.h): a code bound to "P" fires
// from that key whichever keyboard layout is active.

#include "app/gui/coding_keys.h"
#include "app/gui/keyboard_layout.h"
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
    // Handles a key press bound by the scheme; false when the key is not the scheme's. Every
    // press also teaches the keyboard layout what the active layout types.
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
    // The key bound to a code or subject ("subject:" + id), as the scheme gives it.
    [[nodiscard]] QKeySequence keyOf(const QString& id) const;
    // The key as the pad shows it, with what it types in the active layout ("P · ح").
    [[nodiscard]] QString keyCaption(const QString& id) const { return layout_->caption(keys_.binding(id)); }
    [[nodiscard]] KeyboardLayout& keyboardLayout() { return *layout_; }
    // Tests send the key codes of another platform than the one they run on.
    void setNativeKeyCodes(NativeKeyCodes codes) { layout_->setNativeKeyCodes(codes); }

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
    CodingKeys keys_; // code id or "subject:" + id -> key
    KeyboardLayout* layout_;
    QString subject_;
    QMap<QString, Running> running_; // code id -> the state it started
};

} // namespace sb::gui
