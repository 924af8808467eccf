#pragma once
// The audit history of a project: every recorded change (edits, merges, reveals, releases,
// sign-offs) with who, when, what, and the row before and after, filtered by coder, session and
// time; "Verify chain" recomputes the hash chain and names the first broken row, as
// `securebase-cli audit verify` does.

#include "app/gui/session_document.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace sb::gui {

class AuditWindow : public QWidget {
    Q_OBJECT
public:
    AuditWindow(SessionDocument& document, QWidget* parent = nullptr);

    // Coder and session lists from the project, then the rows.
    void reload();
    // The rows the filters select, newest first.
    void refresh();
    // Filters for tests and the menu: empty names mean anyone / any session.
    void filter(const QString& coder, const QString& session);
    [[nodiscard]] int rowCount() const;
    // Verifies the chain; the verdict's text (also shown).
    QString verifyChain();
    [[nodiscard]] bool lastVerificationIntact() const { return intact_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    SessionDocument& document_;
    QLabel* coderLabel_;
    QLabel* sessionLabel_;
    QComboBox* coder_;
    QComboBox* session_;
    QCheckBox* useFrom_;
    QDateTimeEdit* from_;
    QCheckBox* useTo_;
    QDateTimeEdit* to_;
    QPushButton* verify_;
    QLabel* verdict_;
    QTableWidget* table_;
    bool intact_ = false;
};

} // namespace sb::gui
