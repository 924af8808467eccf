#pragma once
// Comments: timestamped notes at the playhead ("door opens", "ask Sue about this"), listed by
// time; a click jumps there. Each add, edit and delete is one undoable edit.

#include "app/gui/session_document.h"

#include <QWidget>

#include <functional>

class QLineEdit;
class QListWidget;

namespace sb::gui {

class NotesPanel : public QWidget {
    Q_OBJECT
public:
    NotesPanel(SessionDocument& document, std::function<std::int64_t()> playhead, QWidget* parent = nullptr);
    void refresh();
    // Adds `text` at the playhead (the note field's contents when empty).
    void addAtPlayhead(const QString& text = {});
    // Puts the cursor in the note field, ready to type.
    void focusEntry();
    [[nodiscard]] int noteCount() const;

signals:
    void seekRequested(std::int64_t time);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    SessionDocument& document_;
    std::function<std::int64_t()> playhead_;
    QLineEdit* entry_;
    QListWidget* list_;
};

} // namespace sb::gui
