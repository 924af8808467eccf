#include "app/gui/number_format.h"

#include <QCalendar>
#include <QLocale>
#include <QSettings>

namespace sb::gui {
namespace {

DisplayPreferences& current() {
    static DisplayPreferences preferences;
    return preferences;
}

constexpr char16_t kPersianZero = 0x06F0; // EXTENDED ARABIC-INDIC DIGIT ZERO, the Persian form

} // namespace

DisplayPreferences displayPreferences() {
    return current();
}

void setDisplayPreferences(const DisplayPreferences& preferences) {
    current() = preferences;
}

DisplayPreferences savedDisplayPreferences(const QString& language) {
    const bool persian = language == QLatin1String("fa");
    QSettings settings;
    DisplayPreferences p;
    p.persianDigits = settings.value(QStringLiteral("interface/persianDigits"), persian).toBool();
    p.jalaliCalendar = settings.value(QStringLiteral("interface/jalaliCalendar"), persian).toBool();
    return p;
}

void saveDisplayPreferences(const DisplayPreferences& preferences) {
    QSettings settings;
    settings.setValue(QStringLiteral("interface/persianDigits"), preferences.persianDigits);
    settings.setValue(QStringLiteral("interface/jalaliCalendar"), preferences.jalaliCalendar);
}

QString displayDigits(const QString& text) {
    if (!current().persianDigits)
        return text;
    QString out = text;
    for (QChar& c : out)
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            c = QChar(static_cast<char16_t>(kPersianZero + (c.unicode() - u'0')));
    return out;
}

QString displayNumber(std::int64_t value) {
    return displayDigits(QString::number(value));
}

QString displayTime(std::int64_t us) {
    const bool negative = us < 0;
    if (negative)
        us = -us;
    const std::int64_t ms = us / 1000;
    return displayDigits(QStringLiteral("%1%2:%3:%4.%5")
                             .arg(negative ? QStringLiteral("-") : QString())
                             .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
                             .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
                             .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
                             .arg(ms % 1000, 3, 10, QLatin1Char('0')));
}

QString displayDate(const QDateTime& when) {
    const QDate date = when.toLocalTime().date();
    if (current().jalaliCalendar) {
        const QCalendar jalali(QCalendar::System::Jalali);
        const QCalendar::YearMonthDay ymd = jalali.partsFromDate(date);
        return displayDigits(QStringLiteral("%1/%2/%3")
                                 .arg(ymd.year, 4, 10, QLatin1Char('0'))
                                 .arg(ymd.month, 2, 10, QLatin1Char('0'))
                                 .arg(ymd.day, 2, 10, QLatin1Char('0')));
    }
    return displayDigits(date.toString(Qt::ISODate));
}

QString displayDateTime(const QDateTime& when) {
    return displayDate(when) + QLatin1Char(' ') +
           displayDigits(when.toLocalTime().time().toString(QStringLiteral("HH:mm")));
}

} // namespace sb::gui
