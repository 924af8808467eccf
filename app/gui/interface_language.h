#pragma once
// The interface language of the workstation, switched at run time.
//
// English is the source language of every tr() string; other languages are Qt Linguist
// catalogues compiled into the binary (app/translations/, docs/i18n.md). Switching installs the
// catalogue and Qt's own (standard dialogs and buttons), makes the language QLocale's default
// (scheme labels follow it through schemeText()) and sets the application's layout direction.
// Qt then sends QEvent::LanguageChange to every widget, which re-reads its texts in
// changeEvent(); nothing is rebuilt and no restart is needed.
//
// Only the interface changes: files the workstation writes keep ASCII digits and ISO dates in
// every language (docs/i18n.md).

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

namespace sb::gui {

class InterfaceLanguage : public QObject {
    Q_OBJECT
public:
    // The one switch of the running application (a child of qApp, made on first use).
    static InterfaceLanguage& instance();

    // Languages with a catalogue, as ISO 639-1 codes; "en" first.
    [[nodiscard]] static QStringList available();
    // The language the system locale asks for, among available() ("en" when none matches).
    [[nodiscard]] static QString systemLanguage();

    // "en" or "fa": applies it now. An empty or unknown code means the system language.
    void apply(const QString& language);
    [[nodiscard]] QString current() const { return current_; }
    [[nodiscard]] bool rightToLeft() const;

    // The saved choice ("" = follow the system), read and written through QSettings.
    [[nodiscard]] static QString saved();
    static void save(const QString& language);

signals:
    void changed(const QString& language);

private:
    explicit InterfaceLanguage(QObject* parent);

    QTranslator* own_ = nullptr;
    QTranslator* qt_ = nullptr;
    QString current_;
};

} // namespace sb::gui
