#pragma once
// The selected annotation: its code, subject, modifiers and comment, editable in place
// (each change one undoable edit), with delete and split at the playhead.

#include "app/gui/session_document.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace sb::gui {

class FreeTextEdit;

class AnnotationPanel : public QWidget {
    Q_OBJECT
public:
    AnnotationPanel(SessionDocument& document, std::function<std::int64_t()> playhead,
                    QWidget* parent = nullptr);

    void showAnnotation(std::int64_t id); // 0: none
    [[nodiscard]] std::int64_t shownAnnotation() const { return id_; }

public slots:
    void apply();
    void removeShown();
    void splitAtPlayhead();

protected:
    void changeEvent(QEvent* event) override;

private:
    void reload();
    void retranslateUi(); // on QEvent::LanguageChange

    SessionDocument& document_;
    std::function<std::int64_t()> playhead_;
    std::int64_t id_ = 0;
    QLabel* title_;
    QLabel* times_;
    QComboBox* code_;
    QComboBox* subject_;
    QWidget* modifiersBox_;
    QFormLayout* modifiers_;
    FreeTextEdit* comment_;
    QPushButton* apply_;
    QPushButton* delete_;
    QPushButton* split_;
};

} // namespace sb::gui
