#pragma once
// The agreement window: two coders of the open session compared by time units or by event
// alignment (the same library call as `securebase-cli agree`), the figures and confusion matrix
// per stream, and the list of disagreements; a click (or N / P) puts the video there, with both
// coders' lanes on the timeline. The reliability report is exported from here too.

#include "app/gui/session_document.h"

#include "annotation/agreement/session_agreement.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTableWidget;

namespace sb::gui {

class AgreementWindow : public QDialog {
    Q_OBJECT
public:
    explicit AgreementWindow(SessionDocument& document, QWidget* parent = nullptr);

    // Fills the coder lists from the project (after opening or switching session).
    void reload();
    // Runs the comparison with the chosen coders and parameters; false (reason shown) on error.
    bool compute();
    void setCoders(const QString& first, const QString& second);
    void setMethod(annotation::TimelineMethod method);

    [[nodiscard]] const std::optional<annotation::TimelineAgreement>& result() const { return result_; }
    [[nodiscard]] int disagreementCount() const;
    [[nodiscard]] QString summaryText() const;

public slots:
    void nextDisagreement();
    void previousDisagreement();
    void exportReport();

signals:
    // Session time to show (the start of a disagreement).
    void jumpRequested(std::int64_t time);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi(); // on QEvent::LanguageChange
    void showStream(int index);
    void selectDisagreement(int row);
    void filterByCell(int row, int column);
    void labelStreams();
    // A code id, a stream or "nil" as the scheme names them in the interface language.
    [[nodiscard]] QString codeText(const std::string& code) const;
    [[nodiscard]] QString streamText(const annotation::Stream& stream) const;

    SessionDocument& document_;
    QComboBox* coder1_;
    QComboBox* coder2_;
    QComboBox* method_;
    QDoubleSpinBox* unit_;
    QDoubleSpinBox* tolerance_;
    QComboBox* stream_;
    QLabel* summary_;
    QTableWidget* confusion_;
    QTableWidget* disagreements_;
    std::optional<annotation::TimelineAgreement> result_;
};

} // namespace sb::gui
