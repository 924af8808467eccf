#pragma once
// How the interface writes numbers and dates for people to read: the one place where the
// "Persian digits" and "Solar Hijri calendar" preferences act.
//
// Display only. Whatever is stored or exported (project file, CSV, JSON, EAF, reports) is
// written with ASCII digits, '.' decimals and ISO dates in UTC by the code that writes it,
// never through these functions (docs/i18n.md).

#include <QDateTime>
#include <QString>

#include <cstdint>

namespace sb::gui {

struct DisplayPreferences {
    bool persianDigits = false;  // ۰۱۲۳۴۵۶۷۸۹ instead of 0123456789
    bool jalaliCalendar = false; // session dates in the Solar Hijri calendar
};

// The preferences in force; set by the preferences dialog and at start-up.
[[nodiscard]] DisplayPreferences displayPreferences();
void setDisplayPreferences(const DisplayPreferences& preferences);
// Saved choices, or the defaults of a language (Persian: both on).
[[nodiscard]] DisplayPreferences savedDisplayPreferences(const QString& language);
void saveDisplayPreferences(const DisplayPreferences& preferences);

// ASCII digits of `text` as the interface shows them (unchanged unless Persian digits are on).
[[nodiscard]] QString displayDigits(const QString& text);
// An integer for display (counts, frame numbers).
[[nodiscard]] QString displayNumber(std::int64_t value);
// A session time for display: "00:01:02.500" (microseconds), in the display digits.
[[nodiscard]] QString displayTime(std::int64_t us);
// A date (UTC instant) for display in local time, in the chosen calendar and the interface's
// language: "2026-11-23" or "۱۴۰۵/۰۹/۰۲".
[[nodiscard]] QString displayDate(const QDateTime& when);
// The same with the local time of day: "2026-11-23 14:05" or "۱۴۰۵/۰۹/۰۲ ۱۴:۰۵".
[[nodiscard]] QString displayDateTime(const QDateTime& when);

} // namespace sb::gui
