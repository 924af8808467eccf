#include "app/gui/interface_language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace sb::gui {
namespace {

const QString kSettingsKey = QStringLiteral("interface/language");

QLocale localeFor(const QString& language) {
    // Persian as written in Iran: its calendar and digits are the ones users expect.
    if (language == QLatin1String("fa"))
        return QLocale(QLocale::Persian, QLocale::Iran);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace

InterfaceLanguage::InterfaceLanguage(QObject* parent)
    : QObject(parent) {}

InterfaceLanguage& InterfaceLanguage::instance() {
    static InterfaceLanguage* language = nullptr;
    if (!language) {
        language = new InterfaceLanguage(QCoreApplication::instance());
        connect(language, &QObject::destroyed, [] { language = nullptr; });
    }
    return *language;
}

QStringList InterfaceLanguage::available() {
    return {QStringLiteral("en"), QStringLiteral("fa")};
}

QString InterfaceLanguage::systemLanguage() {
    // uiLanguages() follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG, in that order.
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QString code = name.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (available().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

void InterfaceLanguage::apply(const QString& requested) {
    const QString language = available().contains(requested) ? requested : systemLanguage();
    // Each translator installed or removed makes Qt post LanguageChange to every window.
    const bool hadTranslators = own_ || qt_;
    if (own_) {
        QCoreApplication::removeTranslator(own_);
        delete own_;
        own_ = nullptr;
    }
    if (qt_) {
        QCoreApplication::removeTranslator(qt_);
        delete qt_;
        qt_ = nullptr;
    }
    const QLocale locale = localeFor(language);
    QLocale::setDefault(locale);
    // English is the source text; its catalogue holds only the plural forms ("%n tapes").
    auto* own = new QTranslator(this);
    if (own->load(locale, QStringLiteral("securebase"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own_ = own);
    else
        delete own;
    if (language != QLatin1String("en")) {
        auto* qt = new QTranslator(this);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt_ = qt);
        else
            delete qt; // Qt's own catalogue is optional: standard buttons then stay English
    }
    current_ = language;
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        QGuiApplication::setLayoutDirection(locale.textDirection());
    if (!hadTranslators && !own_ && !qt_) {
        // No catalogue came or went: Qt would say nothing, so say it, and every view redraws
        // its numbers and dates (new display preferences, say).
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
    emit changed(language);
}

bool InterfaceLanguage::rightToLeft() const {
    return localeFor(current_).textDirection() == Qt::RightToLeft;
}

QString InterfaceLanguage::saved() {
    return QSettings().value(kSettingsKey).toString();
}

void InterfaceLanguage::save(const QString& language) {
    QSettings().setValue(kSettingsKey, language);
}

} // namespace sb::gui
