#include "app/gui/scheme_text.h"

#include <QLocale>

namespace sb::gui {

std::string interfaceLanguage() {
    return QLocale().name().section(QLatin1Char('_'), 0, 0).toStdString();
}

QString schemeText(const schemes::LocalizedText& text) {
    return QString::fromStdString(text.in(interfaceLanguage()));
}

} // namespace sb::gui
