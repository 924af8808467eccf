#pragma once
// Segments, scales and judgements: the scheme's rating scales scored per segment instance
// (each point's anchor description shown), and the session-level judgements (e.g. the A/B/C/D
// classification). Every choice is one undoable edit.

#include "app/gui/session_document.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;

namespace sb::gui {

class ScoringPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScoringPanel(SessionDocument& document, QWidget* parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showScales();
    void showJudgements();

    SessionDocument& document_;
    QListWidget* segments_;
    QWidget* scalesBox_;
    QFormLayout* scales_;
    QWidget* judgementsBox_;
    QFormLayout* judgements_;
    std::int64_t shownInstance_ = 0;
    bool refreshing_ = false;
};

} // namespace sb::gui
