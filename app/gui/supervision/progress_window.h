#pragma once
// A trainee's progress on a training set (annotation/training): each attempted tape with its
// figures against the criterion, the trend over the attempts as a line chart with the
// criterion's thresholds, and the codes that hold the trainee back. When the criterion is met,
// a supervisor signs the trainee off here and writes the reliability certificate (app/reports).
// Every figure is the training library's, which takes them from the agreement engine.

#include "app/gui/session_document.h"

#include "annotation/training/training_status.h"

#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace sb::gui {

class ProgressWindow : public QWidget {
    Q_OBJECT
public:
    ProgressWindow(SessionDocument& document, QWidget* parent = nullptr);

    // Trainees and training sets from the project; keeps the choice where it can.
    void reload();
    void choose(const QString& trainee, const QString& set);
    // Recomputes the status of the chosen trainee on the chosen set.
    void refresh();
    [[nodiscard]] const std::optional<annotation::TrainingStatus>& status() const { return status_; }
    [[nodiscard]] QString problem() const { return problem_; }

    // Signs the trainee off as the person at the window; false with the reasons when refused.
    bool signOff();
    // Writes the certificate of the trainee's latest sign-off on the set into `directory`;
    // returns the files written (empty, with problem(), on failure).
    QStringList writeCertificate(const QString& directory);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fill();
    void fillChart();

    SessionDocument& document_;
    QLabel* traineeLabel_;
    QLabel* setLabel_;
    QComboBox* trainee_;
    QComboBox* set_;
    QLabel* verdict_;
    QLabel* requirementsLabel_;
    QTableWidget* requirements_;
    QLabel* tapesLabel_;
    QTableWidget* tapes_;
    QChartView* chart_;
    QLabel* holdingLabel_;
    QTableWidget* holding_;
    QPushButton* signOff_;
    QPushButton* certificate_;
    std::optional<annotation::TrainingStatus> status_;
    QString problem_;
};

} // namespace sb::gui
