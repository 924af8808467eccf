#include "app/gui/agreement_window.h"

#include "app/gui/bidi_text.h"
#include "app/gui/number_format.h"
#include "app/gui/scheme_text.h"
#include "app/gui/video_view.h"

#include "annotation/agreement/report_writer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace sb::gui {
namespace {

QString number(std::optional<double> value, int decimals = 3) {
    return value ? displayDigits(QString::number(*value, 'f', decimals)) : QObject::tr("undefined");
}

// A table cell that knows the code id behind its label.
QTableWidgetItem* codeItem(const QString& label, const std::string& code) {
    auto* item = new QTableWidgetItem(label);
    item->setData(Qt::UserRole, QString::fromStdString(code));
    return item;
}

annotation::Microseconds seconds(double s) {
    return annotation::Microseconds(std::llround(s * 1e6));
}

} // namespace

AgreementWindow::AgreementWindow(SessionDocument& document, QWidget* parent)
    : QDialog(parent)
    , document_(document)
    , coder1_(new QComboBox(this))
    , coder2_(new QComboBox(this))
    , method_(new QComboBox(this))
    , unit_(new QDoubleSpinBox(this))
    , tolerance_(new QDoubleSpinBox(this))
    , stream_(new QComboBox(this))
    , summary_(new QLabel(this))
    , confusion_(new QTableWidget(this))
    , disagreements_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("AgreementWindow"));
    coder1_->setObjectName(QStringLiteral("coder1"));
    coder2_->setObjectName(QStringLiteral("coder2"));
    stream_->setObjectName(QStringLiteral("stream"));
    method_->addItem(QString(), static_cast<int>(annotation::TimelineMethod::TimeUnit));
    method_->addItem(QString(), static_cast<int>(annotation::TimelineMethod::Event));
    unit_->setRange(0.01, 60);
    unit_->setValue(1.0);
    tolerance_->setRange(0, 60);
    tolerance_->setValue(0);

    auto* form = new QFormLayout;
    auto* coders = new QHBoxLayout;
    coders->addWidget(coder1_);
    // Texts are set in retranslateUi(); the widgets that carry them are found by name.
    const auto named = [this](const char* name) {
        auto* label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(name));
        return label;
    };
    coders->addWidget(named("andLabel"));
    coders->addWidget(coder2_);
    form->addRow(named("codersLabel"), coders);
    form->addRow(named("methodLabel"), method_);
    form->addRow(named("unitLabel"), unit_);
    form->addRow(named("toleranceLabel"), tolerance_);
    auto* computeButton = new QPushButton(this);
    computeButton->setObjectName(QStringLiteral("compare"));
    auto* reportButton = new QPushButton(this);
    reportButton->setObjectName(QStringLiteral("exportReport"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(computeButton);
    buttons->addWidget(reportButton);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(stream_);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);
    layout->addWidget(named("confusionHeading"));
    confusion_->setObjectName(QStringLiteral("confusion"));
    confusion_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(confusion_, 1);
    layout->addWidget(named("disagreementsHeading"));
    disagreements_->setObjectName(QStringLiteral("disagreements"));
    disagreements_->setColumnCount(4);
    disagreements_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    disagreements_->setSelectionBehavior(QAbstractItemView::SelectRows);
    disagreements_->setSelectionMode(QAbstractItemView::SingleSelection);
    disagreements_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(disagreements_, 2);

    connect(computeButton, &QPushButton::clicked, this, &AgreementWindow::compute);
    connect(reportButton, &QPushButton::clicked, this, &AgreementWindow::exportReport);
    connect(stream_, &QComboBox::currentIndexChanged, this, &AgreementWindow::showStream);
    connect(disagreements_, &QTableWidget::cellClicked, this,
            [this](int row, int) { selectDisagreement(row); });
    connect(confusion_, &QTableWidget::cellClicked, this, &AgreementWindow::filterByCell);
    new QShortcut(QKeySequence(Qt::Key_N), this, this, &AgreementWindow::nextDisagreement);
    new QShortcut(QKeySequence(Qt::Key_P), this, this, &AgreementWindow::previousDisagreement);
    resize(620, 760);
    retranslateUi();
    reload();
}

void AgreementWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (result_) {
            labelStreams();
            showStream(stream_->currentIndex()); // the summary and times in the new language
        }
    }
    QDialog::changeEvent(event);
}

void AgreementWindow::retranslateUi() {
    setWindowTitle(tr("Agreement"));
    method_->setItemText(0, tr("Time units"));
    method_->setItemText(1, tr("Event alignment"));
    unit_->setSuffix(tr(" s"));
    tolerance_->setSuffix(tr(" s"));
    tolerance_->setToolTip(
        tr("Time units: a disagreement is forgiven when the other coder has the code within "
           "this window (a whole number of units). Events: onsets this close are paired."));
    const auto label = [this](const char* name) { return findChild<QLabel*>(QString::fromLatin1(name)); };
    label("andLabel")->setText(tr("and"));
    label("codersLabel")->setText(tr("Coders"));
    label("methodLabel")->setText(tr("Method"));
    label("unitLabel")->setText(tr("Unit"));
    label("toleranceLabel")->setText(tr("Tolerance"));
    label("confusionHeading")
        ->setText(tr("Confusion matrix (rows: first coder; click a cell to list those units)"));
    label("disagreementsHeading")->setText(tr("Disagreements (click to see them; N next, P previous)"));
    findChild<QPushButton*>(QStringLiteral("compare"))->setText(tr("Compare"));
    findChild<QPushButton*>(QStringLiteral("exportReport"))->setText(tr("Export report…"));
    disagreements_->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("First coder"), tr("Second coder")});
}

void AgreementWindow::reload() {
    coder1_->clear();
    coder2_->clear();
    if (!document_.isOpen())
        return;
    for (const auto& coder : document_.project().store().coders()) {
        coder1_->addItem(QString::fromStdString(coder.name));
        coder2_->addItem(QString::fromStdString(coder.name));
    }
    if (coder2_->count() > 1)
        coder2_->setCurrentIndex(1);
}

void AgreementWindow::setCoders(const QString& first, const QString& second) {
    coder1_->setCurrentText(first);
    coder2_->setCurrentText(second);
}

void AgreementWindow::setMethod(annotation::TimelineMethod method) {
    method_->setCurrentIndex(method_->findData(static_cast<int>(method)));
}

bool AgreementWindow::compute() {
    annotation::TimelineRequest request;
    request.session = document_.session().name;
    request.coders = {coder1_->currentText().toStdString(), coder2_->currentText().toStdString()};
    request.method = static_cast<annotation::TimelineMethod>(method_->currentData().toInt());
    request.unit = seconds(unit_->value());
    if (tolerance_->value() > 0 || request.method == annotation::TimelineMethod::Event)
        request.tolerance =
            seconds(request.method == annotation::TimelineMethod::Event && tolerance_->value() == 0
                        ? 2.0
                        : tolerance_->value());
    try {
        // Whole-project reading, as the CLI: agreement is a supervisor's tool.
        result_ = annotation::timelineAgreement(document_.project(), request);
    } catch (const std::exception& e) {
        result_.reset();
        summary_->setText(QString::fromStdString(e.what()));
        stream_->clear();
        confusion_->clear();
        disagreements_->setRowCount(0);
        return false;
    }
    stream_->blockSignals(true);
    stream_->clear();
    for (std::size_t i = 0; i < result_->streams.size(); ++i)
        stream_->addItem(QString());
    labelStreams(); // the texts, in the interface language
    stream_->blockSignals(false);
    showStream(0);
    return true;
}

void AgreementWindow::showStream(int index) {
    confusion_->clear();
    disagreements_->setRowCount(0);
    if (!result_ || index < 0 || index >= static_cast<int>(result_->streams.size()))
        return;
    const auto& stream = result_->streams[static_cast<std::size_t>(index)];
    if (stream.pairs.empty())
        return;
    const auto& pair = stream.pairs.front();
    const agreement::ConfusionMatrix* table = nullptr;
    if (pair.timeUnit) {
        const auto& t = *pair.timeUnit;
        summary_->setText(inDirectionOf(
            summary_, tr("κ = %1   agreement %2 %   over %3 units%4")
                          .arg(leftToRight(number(t.kappa)), number(100 * t.percentAgreement, 1))
                          .arg(displayNumber(t.units))
                          .arg(t.toleranceUnits > 0
                                   ? tr("   with ±%1 units: κ = %2")
                                         .arg(displayNumber(t.toleranceUnits), number(t.toleranceKappa))
                                   : QString())));
        table = &t.table;
        for (const auto& d : t.disagreements) {
            const int row = disagreements_->rowCount();
            disagreements_->insertRow(row);
            auto* from = new QTableWidgetItem(formatTime(d.start.count()));
            from->setData(Qt::UserRole, static_cast<qlonglong>(d.start.count()));
            disagreements_->setItem(row, 0, from);
            disagreements_->setItem(row, 1, new QTableWidgetItem(formatTime(d.end.count())));
            disagreements_->setItem(row, 2, codeItem(codeText(d.code1), d.code1));
            disagreements_->setItem(row, 3, codeItem(codeText(d.code2), d.code2));
        }
    } else if (pair.events) {
        const auto& e = *pair.events;
        summary_->setText(
            inDirectionOf(summary_, tr("aligned κ = %1   %2 pairings   agreement %3 %")
                                        .arg(leftToRight(number(e.kappa)))
                                        .arg(displayNumber(static_cast<std::int64_t>(e.pairings.size())))
                                        .arg(number(100 * e.observedAgreement, 1))));
        table = &e.table;
        // Each pairing names its events by index into the coders' timelines of this stream.
        const auto& events1 = stream.timelines[pair.coder1].events;
        const auto& events2 = stream.timelines[pair.coder2].events;
        for (const auto& p : e.pairings) {
            if (p.kind == agreement::PairingKind::Paired && p.code1 == p.code2)
                continue;
            const agreement::TimelineEvent* first = p.event1 ? &events1[*p.event1] : nullptr;
            const agreement::TimelineEvent* second = p.event2 ? &events2[*p.event2] : nullptr;
            const std::int64_t start = std::min(first ? first->start.count() : INT64_MAX,
                                                second ? second->start.count() : INT64_MAX);
            const std::int64_t end =
                std::max(first ? first->stop().count() : 0, second ? second->stop().count() : 0);
            const int row = disagreements_->rowCount();
            disagreements_->insertRow(row);
            auto* from = new QTableWidgetItem(formatTime(start));
            from->setData(Qt::UserRole, static_cast<qlonglong>(start));
            disagreements_->setItem(row, 0, from);
            disagreements_->setItem(row, 1, new QTableWidgetItem(formatTime(end)));
            disagreements_->setItem(row, 2, codeItem(codeText(p.code1), p.code1));
            disagreements_->setItem(row, 3, codeItem(codeText(p.code2), p.code2));
        }
    }
    if (!table)
        return;
    const int n = static_cast<int>(table->size());
    confusion_->setRowCount(n);
    confusion_->setColumnCount(n);
    for (int i = 0; i < n; ++i) {
        const std::string& code = table->labels[static_cast<std::size_t>(i)];
        confusion_->setHorizontalHeaderItem(i, codeItem(codeText(code), code));
        confusion_->setVerticalHeaderItem(i, codeItem(codeText(code), code));
    }
    const double total = std::max(table->total(), 1.0);
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            const double count = table->at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
            auto* cell = new QTableWidgetItem(displayDigits(QString::number(count, 'g', 6)));
            const int shade = static_cast<int>(230 - 180 * std::sqrt(count / total));
            cell->setBackground(r == c ? QColor(shade, 240, shade) : QColor(240, shade, shade));
            cell->setForeground(Qt::black);
            cell->setTextAlignment(Qt::AlignCenter);
            confusion_->setItem(r, c, cell);
        }
    }
    confusion_->resizeColumnsToContents();
}

void AgreementWindow::labelStreams() {
    for (int i = 0; i < stream_->count() && i < static_cast<int>(result_->streams.size()); ++i) {
        const auto& stream = result_->streams[static_cast<std::size_t>(i)].stream;
        stream_->setItemText(i, streamText(stream));
        stream_->setItemData(i, QString::fromStdString(stream.name()), Qt::ToolTipRole); // as in reports
    }
}

QString AgreementWindow::codeText(const std::string& code) const {
    if (code.empty() || code == agreement::kNil)
        return tr("(nothing)");
    return document_.isOpen() ? codeLabel(document_.project().schemes().current(), code)
                              : QString::fromStdString(code);
}

QString AgreementWindow::streamText(const annotation::Stream& stream) const {
    return document_.isOpen() ? streamLabel(document_.project().schemes().current(), stream.name())
                              : QString::fromStdString(stream.name());
}

int AgreementWindow::disagreementCount() const {
    return disagreements_->rowCount();
}

QString AgreementWindow::summaryText() const {
    return summary_->text();
}

void AgreementWindow::selectDisagreement(int row) {
    if (row < 0 || row >= disagreements_->rowCount())
        return;
    disagreements_->selectRow(row);
    emit jumpRequested(disagreements_->item(row, 0)->data(Qt::UserRole).toLongLong());
}

void AgreementWindow::nextDisagreement() {
    int row = disagreements_->currentRow() + 1;
    while (row < disagreements_->rowCount() && disagreements_->isRowHidden(row))
        ++row;
    selectDisagreement(row);
}

void AgreementWindow::previousDisagreement() {
    int row = disagreements_->currentRow() - 1;
    while (row >= 0 && disagreements_->isRowHidden(row))
        --row;
    selectDisagreement(row);
}

void AgreementWindow::filterByCell(int row, int column) {
    // A cell lists the units where the first coder said the row's code and the second the column's.
    const QVariant code1 = confusion_->verticalHeaderItem(row)->data(Qt::UserRole);
    const QVariant code2 = confusion_->horizontalHeaderItem(column)->data(Qt::UserRole);
    int first = -1;
    for (int r = 0; r < disagreements_->rowCount(); ++r) {
        const bool match = disagreements_->item(r, 2)->data(Qt::UserRole) == code1 &&
                           disagreements_->item(r, 3)->data(Qt::UserRole) == code2;
        disagreements_->setRowHidden(r, row != column && !match);
        if (match && first < 0)
            first = r;
    }
    if (first >= 0)
        selectDisagreement(first);
}

void AgreementWindow::exportReport() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Write the reliability report into"));
    if (dir.isEmpty())
        return;
    try {
        annotation::ReportRequest request;
        request.sessions = {document_.session().name};
        request.unit = seconds(unit_->value());
        request.tolerance = seconds(tolerance_->value());
        annotation::writeReport(annotation::buildReport(document_.project(), request), dir.toStdString());
        summary_->setText(tr("Report written to %1").arg(dir));
    } catch (const std::exception& e) {
        summary_->setText(QString::fromStdString(e.what()));
    }
}

} // namespace sb::gui
