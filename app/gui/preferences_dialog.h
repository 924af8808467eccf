#pragma once
// Preferences: the interface language (or the system's), Persian digits and the Solar Hijri
// calendar. Choices apply when accepted, at once and without a restart, and are kept in
// QSettings for the next start.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace sb::gui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // Applies and saves what the dialog shows (what OK does).
    void applyChoices();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QComboBox* language_;
    QCheckBox* digits_;
    QCheckBox* calendar_;
    QLabel* languageLabel_;
    QLabel* note_;
    QDialogButtonBox* buttons_;
};

} // namespace sb::gui
