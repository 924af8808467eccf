#include "app/reports/certificate_document.h"

#include "annotation/training/training_status_output.h"

#include <QCalendar>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTimeZone>

#include <fmt/core.h>

#include <stdexcept>

namespace sb::reports {

namespace {

// The certificate's words, translated with the workstation's catalogue (app/translations): the
// class only names their context, which lupdate reads from the macro.
class CertificateText {
    Q_DECLARE_TR_FUNCTIONS(CertificateText)
};

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

// Data (names, ids, figures) escaped and isolated, so its direction never reorders the sentence
// around it.
QString data(const std::string& text) {
    return QStringLiteral("<bdi dir=\"auto\">%1</bdi>").arg(q(text).toHtmlEscaped());
}

QString multiline(const std::string& text) {
    QStringList lines;
    for (const QString& line : q(text).split(QLatin1Char('\n'))) {
        lines << QStringLiteral("<bdi dir=\"auto\">%1</bdi>").arg(line.toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br/>"));
}

QDateTime signedAt(const annotation::Certificate& c) {
    return QDateTime::fromMSecsSinceEpoch(c.signedAt.count() / 1000, QTimeZone::utc());
}

void writeAtomically(const std::filesystem::path& file, const QByteArray& bytes) {
    QSaveFile out(QString::fromStdString(file.string()));
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        throw std::runtime_error(
            fmt::format("{}: cannot write: {}", file.string(), out.errorString().toStdString()));
    }
}

} // namespace

CertificateOptions optionsForInterface() {
    const bool persian = QLocale().language() == QLocale::Persian;
    return {persian, persian};
}

QString certificateHtml(const annotation::Certificate& c, const CertificateOptions& options) {
    const QDateTime at = signedAt(c);
    const QString dir = options.rightToLeft ? QStringLiteral("rtl") : QStringLiteral("ltr");
    const QString align = options.rightToLeft ? QStringLiteral("right") : QStringLiteral("left");
    QString html;
    html += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
    html += QStringLiteral("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%1\" dir=\"%2\">\n<head>\n"
                           "<meta charset=\"UTF-8\"/>\n<title>%3</title>\n")
                .arg(options.rightToLeft ? QStringLiteral("fa") : QStringLiteral("en"), dir,
                     CertificateText::tr("Reliability certificate").toHtmlEscaped() + QStringLiteral(": ") +
                         q(c.trainee).toHtmlEscaped());
    html += QStringLiteral("<style>\n"
                           "body { font-family: 'Noto Sans', 'DejaVu Sans', 'Noto Sans Arabic', sans-serif; "
                           "color: #1a1a1a; }\n"
                           "h1 { font-size: 22pt; color: #23415c; margin-bottom: 2pt; }\n"
                           "h2 { font-size: 13pt; color: #23415c; margin-top: 14pt; }\n"
                           "p.lead { font-size: 12pt; }\n"
                           "table { border-collapse: collapse; }\n"
                           "th, td { border: 1px solid #9aa7b4; padding: 4px 6px; vertical-align: top; }\n"
                           "th { background: #e8eef4; text-align: %1; }\n"
                           "td.met { color: #1d6b2f; } td.unmet { color: #9b1c1c; }\n"
                           ".small { font-size: 8pt; color: #555555; }\n"
                           "</style>\n</head>\n<body>\n")
                .arg(align);
    html +=
        QStringLiteral("<h1>%1</h1>\n").arg(CertificateText::tr("Reliability certificate").toHtmlEscaped());
    html +=
        QStringLiteral("<p class=\"lead\">%1</p>\n")
            .arg(CertificateText::tr(
                     "This certifies that %1 has coded the tapes of training set %2 with the reliability the "
                     "criterion below asks for, against the gold-standard coding, and was signed off by %3.")
                     .toHtmlEscaped()
                     .arg(QStringLiteral("<b>") + data(c.trainee) + QStringLiteral("</b>"), data(c.set),
                          QStringLiteral("<b>") + data(c.supervisor) + QStringLiteral("</b>")));

    html += QStringLiteral("<table class=\"facts\">\n");
    const auto fact = [&](const QString& label, const QString& value) {
        html += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(label.toHtmlEscaped(), value);
    };
    fact(CertificateText::tr("Trainee"), data(c.trainee));
    fact(CertificateText::tr("Supervisor"), data(c.supervisor));
    fact(CertificateText::tr("Training set"), data(c.set));
    fact(CertificateText::tr("Coding scheme"), data(c.schemeId) + QStringLiteral(", ") +
                                                   CertificateText::tr("version").toHtmlEscaped() +
                                                   QStringLiteral(" ") + data(c.schemeVersion));
    fact(CertificateText::tr("Project"), data(c.project));
    fact(CertificateText::tr("Date"),
         QStringLiteral("<bdi dir=\"ltr\">%1</bdi>").arg(at.date().toString(Qt::ISODate)));
    if (options.jalaliDate) {
        const QLocale persian(QLocale::Persian, QLocale::Iran);
        fact(CertificateText::tr("Date (Solar Hijri)"),
             QStringLiteral("<bdi dir=\"rtl\">%1</bdi>")
                 .arg(persian
                          .toString(at.date(), QStringLiteral("d MMMM yyyy"),
                                    QCalendar(QCalendar::System::Jalali))
                          .toHtmlEscaped()));
    }
    html += QStringLiteral("</table>\n");

    html += QStringLiteral(
                "<h2>%1</h2>\n<table class=\"criterion\">\n<tr><th>%2</th><th>%3</th><th>%4</th></tr>\n")
                .arg(CertificateText::tr("Criterion").toHtmlEscaped(),
                     CertificateText::tr("Requirement").toHtmlEscaped(),
                     CertificateText::tr("Tapes meeting it").toHtmlEscaped(),
                     CertificateText::tr("Result").toHtmlEscaped());
    for (const annotation::CertificateRequirement& r : c.requirements) {
        html +=
            QStringLiteral(
                "<tr><td>%1</td><td><bdi dir=\"ltr\">%2 / %3</bdi></td><td class=\"%4\">%5</td></tr>\n")
                .arg(data(r.description))
                .arg(r.tapesMet)
                .arg(r.tapesRequired)
                .arg(r.met ? QStringLiteral("met") : QStringLiteral("unmet"),
                     (r.met ? CertificateText::tr("met") : CertificateText::tr("not met")).toHtmlEscaped());
    }
    html += QStringLiteral("</table>\n");

    html += QStringLiteral(
                "<h2>%1</h2>\n<table class=\"tapes\">\n<tr><th>#</th><th>%2</th><th>%3</th><th>%4</th>")
                .arg(CertificateText::tr("Tapes and figures").toHtmlEscaped(),
                     CertificateText::tr("Session").toHtmlEscaped(),
                     CertificateText::tr("Gold standard").toHtmlEscaped(),
                     CertificateText::tr("Coded").toHtmlEscaped());
    for (std::size_t i = 0; i < c.requirements.size(); ++i) {
        html += QStringLiteral("<th>%1</th>")
                    .arg(CertificateText::tr("Requirement %1").arg(i + 1).toHtmlEscaped());
    }
    html += QStringLiteral("</tr>\n");
    for (const annotation::CertificateTape& t : c.tapes) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td><bdi dir=\"ltr\">%4</bdi></td>")
                    .arg(t.attempt)
                    .arg(data(t.session), data(t.goldCoder), q(t.codedAt.substr(0, 10)).toHtmlEscaped());
        for (const std::string& cell : t.cells) {
            html += QStringLiteral("<td>%1</td>").arg(multiline(cell));
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    html +=
        QStringLiteral("<p class=\"small\">%1</p>\n")
            .arg(CertificateText::tr(
                     "Figures as computed by SecureBase's agreement engine when the supervisor signed off "
                     "(sign-off %1, %2 UTC). Time-unit kappas compare the trainee with the gold standard "
                     "unit by unit; the gold standard is the reference coder.")
                     .arg(c.signOffId)
                     .arg(at.toString(Qt::ISODate))
                     .toHtmlEscaped());
    html += QStringLiteral(
                "<p>%1 ____________________________ &#160;&#160; %2 ____________________________</p>\n")
                .arg(CertificateText::tr("Supervisor:").toHtmlEscaped(),
                     CertificateText::tr("Trainee:").toHtmlEscaped());
    html += QStringLiteral("</body>\n</html>\n");
    return html;
}

void writePdf(const QString& html, const std::filesystem::path& file) {
    const QString temporary = QString::fromStdString(file.string() + ".part");
    {
        QPdfWriter writer(temporary);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(QStringLiteral("Reliability certificate"));
        writer.setCreator(QStringLiteral("SecureBase"));
        QTextDocument document;
        document.setDocumentMargin(0);
        QFont font(QStringLiteral("Noto Sans"));
        font.setPointSizeF(10);
        document.setDefaultFont(font);
        document.setHtml(html);
        document.print(&writer);
    }
    QFile written(temporary);
    if (!written.exists() || written.size() == 0) {
        QFile::remove(temporary);
        throw std::runtime_error(fmt::format("{}: cannot write the PDF", file.string()));
    }
    std::error_code error;
    std::filesystem::rename(temporary.toStdString(), file, error);
    if (error) {
        QFile::remove(temporary);
        throw std::runtime_error(fmt::format("{}: cannot write: {}", file.string(), error.message()));
    }
}

CertificateFiles writeCertificate(const annotation::Certificate& certificate,
                                  const CertificateOptions& options, const std::filesystem::path& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        throw std::runtime_error(
            fmt::format("{}: cannot make the directory: {}", dir.string(), error.message()));
    }
    const std::string stem = annotation::certificateStem(certificate);
    CertificateFiles files{dir / (stem + ".html"), dir / (stem + ".pdf")};
    const QString html = certificateHtml(certificate, options);
    writeAtomically(files.html, html.toUtf8());
    writePdf(html, files.pdf);
    return files;
}

} // namespace sb::reports
