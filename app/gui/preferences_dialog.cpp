#include "app/gui/preferences_dialog.h"

#include "app/gui/interface_language.h"
#include "app/gui/number_format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sb::gui {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , language_(new QComboBox(this))
    , digits_(new QCheckBox(this))
    , calendar_(new QCheckBox(this))
    , languageLabel_(new QLabel(this))
    , note_(new QLabel(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("preferences"));
    language_->setObjectName(QStringLiteral("language"));
    digits_->setObjectName(QStringLiteral("persianDigits"));
    calendar_->setObjectName(QStringLiteral("jalaliCalendar"));
    // Item 0 follows the system; the others carry their language code. Each language is named
    // in itself, so a user who cannot read the current interface still finds their own.
    language_->addItem(QString(), QString());
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("فارسی"), QStringLiteral("fa"));
    language_->setCurrentIndex(std::max(0, language_->findData(InterfaceLanguage::saved())));
    const DisplayPreferences shown = displayPreferences();
    digits_->setChecked(shown.persianDigits);
    calendar_->setChecked(shown.jalaliCalendar);
    note_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(languageLabel_, language_);
    form->addRow(QString(), digits_);
    form->addRow(QString(), calendar_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        applyChoices();
        accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
}

void PreferencesDialog::applyChoices() {
    const QString language = language_->currentData().toString();
    DisplayPreferences chosen;
    chosen.persianDigits = digits_->isChecked();
    chosen.jalaliCalendar = calendar_->isChecked();
    saveDisplayPreferences(chosen);
    setDisplayPreferences(chosen);
    InterfaceLanguage::save(language);
    // Applied even when the language stays: every view then redraws its numbers and dates.
    InterfaceLanguage::instance().apply(language);
}

void PreferencesDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PreferencesDialog::retranslateUi() {
    setWindowTitle(tr("Preferences"));
    languageLabel_->setText(tr("Interface language"));
    language_->setItemText(0, tr("System language (%1)").arg(InterfaceLanguage::systemLanguage()));
    digits_->setText(tr("Persian digits (۱۲۳) in times and counts"));
    calendar_->setText(tr("Session dates in the Solar Hijri calendar"));
    note_->setText(tr("Files and exports always keep ASCII digits, a '.' decimal point and ISO dates, "
                      "whatever is chosen here."));
}

} // namespace sb::gui
