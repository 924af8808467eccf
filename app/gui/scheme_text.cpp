#include "app/gui/scheme_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace sb::gui {

std::string interfaceLanguage() {
    return QLocale().name().section(QLatin1Char('_'), 0, 0).toStdString();
}

QString schemeText(const schemes::LocalizedText& text) {
    return QString::fromStdString(text.in(interfaceLanguage()));
}

QString codeLabel(const schemes::CodingScheme& scheme, const std::string& code) {
    const schemes::Code* c = scheme.code(code);
    return c ? schemeText(c->label) : QString::fromStdString(code);
}

QString streamLabel(const schemes::CodingScheme& scheme, const std::string& stream) {
    std::string id = stream;
    std::string subject;
    if (const auto open = stream.find(" ("); open != std::string::npos && stream.ends_with(')')) {
        id = stream.substr(0, open);
        subject = stream.substr(open + 2, stream.size() - open - 3);
    }
    QString name = QString::fromStdString(id);
    if (const schemes::ExclusiveGroup* g = scheme.group(id); g && !g->label.empty())
        name = schemeText(g->label);
    else if (scheme.code(id))
        name = codeLabel(scheme, id);
    if (subject.empty())
        return name;
    const schemes::Subject* s = scheme.subject(subject);
    return QCoreApplication::translate("sb::gui::AgreementWindow", "%1 (%2)")
        .arg(name, s ? schemeText(s->label) : QString::fromStdString(subject));
}

} // namespace sb::gui
