#include "app/gui/supervision/progress_window.h"
#include "app/gui/bidi_text.h"
#include "app/gui/number_format.h"
#include "app/gui/scheme_text.h"
#include "app/gui/supervision/criterion_text.h"

#include "app/reports/certificate_document.h"

#include "annotation/training/certificate.h"
#include "annotation/training/training_sets.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace sb::gui {
namespace {

QString figure(std::optional<double> value, int decimals = 2) {
    return value ? QLocale().toString(*value, 'f', decimals) : QStringLiteral("—");
}

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QTableWidgetItem* metCell(bool met) {
    auto* item = cell(met ? QObject::tr("met") : QObject::tr("not met"));
    item->setForeground(met ? QColor(30, 120, 50) : QColor(180, 40, 40));
    return item;
}

void setupTable(QTableWidget* table) {
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
}

} // namespace

ProgressWindow::ProgressWindow(SessionDocument& document, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , document_(document)
    , traineeLabel_(new QLabel(this))
    , setLabel_(new QLabel(this))
    , trainee_(new QComboBox(this))
    , set_(new QComboBox(this))
    , verdict_(new QLabel(this))
    , requirementsLabel_(new QLabel(this))
    , requirements_(new QTableWidget(this))
    , tapesLabel_(new QLabel(this))
    , tapes_(new QTableWidget(this))
    , chart_(new QChartView(this))
    , holdingLabel_(new QLabel(this))
    , holding_(new QTableWidget(this))
    , signOff_(new QPushButton(this))
    , certificate_(new QPushButton(this)) {
    setObjectName(QStringLiteral("ProgressWindow"));
    trainee_->setObjectName(QStringLiteral("progressTrainee"));
    set_->setObjectName(QStringLiteral("progressSet"));
    tapes_->setObjectName(QStringLiteral("progressTapes"));
    holding_->setObjectName(QStringLiteral("progressHolding"));
    signOff_->setObjectName(QStringLiteral("signOff"));
    certificate_->setObjectName(QStringLiteral("certificate"));
    for (QTableWidget* t : {requirements_, tapes_, holding_})
        setupTable(t);
    // A requirement's description is a sentence: it wraps in the space left by the figures.
    requirements_->setWordWrap(true);
    requirements_->horizontalHeader()->setStretchLastSection(false);
    connect(requirements_->horizontalHeader(), &QHeaderView::sectionResized, requirements_,
            &QTableWidget::resizeRowsToContents);
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(220);
    chart_->setLayoutDirection(Qt::LeftToRight); // attempts run left to right, as time does

    auto* pickers = new QHBoxLayout;
    pickers->addWidget(traineeLabel_);
    pickers->addWidget(trainee_, 1);
    pickers->addSpacing(12);
    pickers->addWidget(setLabel_);
    pickers->addWidget(set_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(signOff_);
    buttons->addWidget(certificate_);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(requirementsLabel_);
    leftLayout->addWidget(requirements_, 1);
    leftLayout->addWidget(tapesLabel_);
    leftLayout->addWidget(tapes_, 2);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(chart_, 2);
    rightLayout->addWidget(holdingLabel_);
    rightLayout->addWidget(holding_, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pickers);
    layout->addWidget(verdict_);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(trainee_, &QComboBox::activated, this, [this] { refresh(); });
    connect(set_, &QComboBox::activated, this, [this] { refresh(); });
    connect(signOff_, &QPushButton::clicked, this, [this] {
        if (!signOff())
            QMessageBox::warning(this, tr("Sign-off refused"), problem_);
    });
    connect(certificate_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Write the certificate into"));
        if (dir.isEmpty())
            return;
        const QStringList files = writeCertificate(dir);
        if (files.isEmpty())
            QMessageBox::warning(this, tr("No certificate"), problem_);
        else
            QMessageBox::information(this, tr("Certificate written"), files.join(QLatin1Char('\n')));
    });
    resize(1180, 720);
    retranslateUi();
}

void ProgressWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProgressWindow::retranslateUi() {
    setWindowTitle(tr("Training progress"));
    traineeLabel_->setText(tr("Trainee"));
    setLabel_->setText(tr("Training set"));
    requirementsLabel_->setText(tr("Criterion"));
    tapesLabel_->setText(tr("Attempted tapes (oldest first)"));
    holdingLabel_->setText(tr("Codes holding the trainee back (worst first)"));
    signOff_->setText(tr("Sign off…"));
    certificate_->setText(tr("Write certificate…"));
    requirements_->setColumnCount(3);
    requirements_->setHorizontalHeaderLabels({tr("Requirement"), tr("Tapes"), tr("Status")});
    holding_->setColumnCount(5);
    holding_->setHorizontalHeaderLabels(
        {tr("Stream"), tr("Code"), tr("Mean κ"), tr("Lowest κ"), tr("Tapes")});
    fill();
}

void ProgressWindow::reload() {
    const QString wasTrainee = trainee_->currentText();
    const QString wasSet = set_->currentText();
    trainee_->clear();
    set_->clear();
    if (!document_.isOpen())
        return;
    for (const auto& coder : document_.project().store().coders())
        if (coder.role == annotation::CoderRole::Coder)
            trainee_->addItem(QString::fromStdString(coder.name));
    try {
        for (const auto& set : annotation::TrainingSets(document_.project()).all())
            set_->addItem(QString::fromStdString(set.name));
    } catch (const std::exception& e) {
        problem_ = QString::fromStdString(e.what());
    }
    if (trainee_->findText(wasTrainee) >= 0)
        trainee_->setCurrentText(wasTrainee);
    if (set_->findText(wasSet) >= 0)
        set_->setCurrentText(wasSet);
    refresh();
}

void ProgressWindow::choose(const QString& trainee, const QString& set) {
    trainee_->setCurrentIndex(trainee_->findText(trainee));
    set_->setCurrentIndex(set_->findText(set));
    refresh();
}

void ProgressWindow::refresh() {
    status_.reset();
    problem_.clear();
    if (document_.isOpen() && !trainee_->currentText().isEmpty() && !set_->currentText().isEmpty()) {
        try {
            status_ = annotation::TrainingSets(document_.project())
                          .status(set_->currentText().toStdString(), trainee_->currentText().toStdString());
        } catch (const std::exception& e) {
            problem_ = QString::fromStdString(e.what());
        }
    } else if (set_->count() == 0) {
        problem_ = tr("The project has no training set yet (securebase-cli training define).");
    }
    fill();
}

void ProgressWindow::fill() {
    requirements_->setRowCount(0);
    tapes_->setRowCount(0);
    holding_->setRowCount(0);
    const bool supervisor = document_.isOpen() && document_.coder().role == annotation::CoderRole::Supervisor;
    bool signedOff = false;
    if (status_ && document_.isOpen()) {
        try {
            signedOff = !annotation::TrainingSets(document_.project())
                             .signOffs(status_->trainee, status_->set)
                             .empty();
        } catch (const std::exception&) {
        }
    }
    signOff_->setEnabled(status_ && status_->met && supervisor);
    signOff_->setToolTip(!supervisor                ? tr("Only a supervisor signs off.")
                         : status_ && !status_->met ? tr("The criterion is not met yet.")
                                                    : QString());
    certificate_->setEnabled(signedOff);
    fillChart();
    if (!status_) {
        verdict_->setText(problem_);
        return;
    }
    const auto& s = *status_;
    const schemes::CodingScheme& scheme = document_.project().schemes().current();
    // The requirements in the interface language; the library's English where they do not line up.
    QStringList described = criterionText(s.criterion, scheme);
    if (described.size() != static_cast<qsizetype>(s.requirements.size()))
        described.clear();
    QString verdict =
        s.met ? tr("%1 meets the criterion of %2 on %Ln tape(s).", nullptr, static_cast<int>(s.tapes.size()))
                    .arg(QString::fromStdString(s.trainee), QString::fromStdString(s.set))
              : tr("%1 does not meet the criterion of %2 yet.")
                    .arg(QString::fromStdString(s.trainee), QString::fromStdString(s.set));
    if (signedOff)
        verdict += QLatin1Char(' ') + tr("Signed off.");
    for (const auto& line : s.shortfalls())
        verdict += QStringLiteral("\n• ") + QString::fromStdString(line);
    if (!s.notAttempted.empty()) {
        QStringList names;
        for (const auto& n : s.notAttempted)
            names << QString::fromStdString(n);
        verdict += QLatin1Char('\n') + tr("Not attempted yet: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (!s.withoutGold.empty()) {
        QStringList names;
        for (const auto& n : s.withoutGold)
            names << QString::fromStdString(n);
        verdict += QLatin1Char('\n') + tr("No gold standard yet: %1").arg(names.join(QStringLiteral(", ")));
    }
    verdict_->setText(verdict);

    requirements_->setRowCount(static_cast<int>(s.requirements.size()));
    for (int r = 0; r < static_cast<int>(s.requirements.size()); ++r) {
        const auto& req = s.requirements[static_cast<std::size_t>(r)];
        auto* description =
            cell(described.isEmpty() ? QString::fromStdString(req.description) : described[r]);
        description->setToolTip(QString::fromStdString(req.description)); // as files and the CLI say it
        requirements_->setItem(r, 0, description);
        requirements_->setItem(r, 1,
                               cell(tr("%1 of %2")
                                        .arg(QLocale().toString(static_cast<qlonglong>(req.tapesMet)),
                                             QLocale().toString(static_cast<qlonglong>(req.tapesRequired)))));
        requirements_->setItem(r, 2, metCell(req.met));
    }
    requirements_->resizeColumnsToContents();
    requirements_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    requirements_->resizeRowsToContents();

    const int fixed = 4;
    tapes_->setColumnCount(fixed + static_cast<int>(s.requirements.size()) + 1);
    QStringList headers{tr("#"), tr("Session"), tr("Gold"), tr("Coded")};
    for (std::size_t r = 0; r < s.requirements.size(); ++r)
        headers << tr("Requirement %1").arg(QLocale().toString(static_cast<qlonglong>(r + 1)));
    headers << tr("Tape");
    tapes_->setHorizontalHeaderLabels(headers);
    tapes_->setRowCount(static_cast<int>(s.tapes.size()));
    for (int t = 0; t < static_cast<int>(s.tapes.size()); ++t) {
        const auto& tape = s.tapes[static_cast<std::size_t>(t)];
        tapes_->setItem(t, 0, cell(QLocale().toString(t + 1)));
        tapes_->setItem(t, 1, cell(QString::fromStdString(tape.session)));
        tapes_->setItem(t, 2, cell(QString::fromStdString(tape.goldCoder)));
        tapes_->setItem(t, 3,
                        cell(leftToRight(displayDateTime(
                            QDateTime::fromMSecsSinceEpoch(tape.attemptedAt.count() / 1000)))));
        for (int r = 0; r < static_cast<int>(tape.parts.size()); ++r) {
            const auto& part = tape.parts[static_cast<std::size_t>(r)];
            QStringList figures;
            for (const auto& f : part.figures)
                figures << QStringLiteral("%1 %2").arg(streamLabel(scheme, f.label), figure(f.value));
            if (part.problem)
                figures << QString::fromStdString(*part.problem);
            auto* item = cell(figures.join(QStringLiteral("; ")));
            item->setToolTip(figures.join(QLatin1Char('\n')));
            item->setForeground(part.met ? QColor(30, 120, 50) : QColor(180, 40, 40));
            tapes_->setItem(t, fixed + r, item);
        }
        tapes_->setItem(t, fixed + static_cast<int>(s.requirements.size()), metCell(tape.met));
    }
    tapes_->resizeColumnsToContents();

    holding_->setRowCount(static_cast<int>(s.holdingBack.size()));
    for (int c = 0; c < static_cast<int>(s.holdingBack.size()); ++c) {
        const auto& code = s.holdingBack[static_cast<std::size_t>(c)];
        holding_->setItem(c, 0, cell(streamLabel(scheme, code.stream)));
        holding_->setItem(c, 1, cell(codeLabel(scheme, code.code)));
        holding_->setItem(c, 2, cell(figure(code.meanKappa)));
        holding_->setItem(c, 3, cell(figure(code.lowestKappa)));
        holding_->setItem(c, 4, cell(QLocale().toString(static_cast<int>(code.tapes))));
    }
    holding_->resizeColumnsToContents();
}

void ProgressWindow::fillChart() {
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitle(tr("Trend over the attempts"));
    chart_->setChart(chart); // the view owns it and deletes the previous one
    if (!status_ || status_->tapes.empty())
        return;
    const auto& s = *status_;
    const int n = static_cast<int>(s.tapes.size());
    auto* x = new QValueAxis;
    x->setRange(1, std::max(2, n));
    x->setTickCount(std::max(2, n));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("Attempt"));
    auto* y = new QValueAxis;
    y->setRange(0, 1);
    y->setTitleText(tr("κ, or share of episodes"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lowest = 0;

    std::size_t kappaIndex = 0, scaleIndex = 0;
    for (std::size_t r = 0; r < s.requirements.size(); ++r) {
        const auto& req = s.requirements[r];
        double threshold = 0;
        double scale = 1;
        if (req.kind == annotation::RequirementKind::TimeUnitKappa && kappaIndex < s.criterion.kappa.size())
            threshold = s.criterion.kappa[kappaIndex++].minimum;
        else if (req.kind == annotation::RequirementKind::Scales && scaleIndex < s.criterion.scales.size()) {
            threshold = s.criterion.scales[scaleIndex++].minimumPercent / 100.0;
            scale = 0.01;
        } else
            continue; // a judgement is same or not: in the table, not on the chart
        // The weakest figure of the requirement on each tape: what decides it.
        auto* series = new QLineSeries;
        series->setName(tr("Requirement %1").arg(QLocale().toString(static_cast<qlonglong>(r + 1))));
        series->setPointsVisible(true);
        for (int t = 0; t < n; ++t) {
            const auto& part = s.tapes[static_cast<std::size_t>(t)].parts[r];
            std::optional<double> worst;
            for (const auto& f : part.figures)
                if (f.value)
                    worst = worst ? std::min(*worst, *f.value * scale) : *f.value * scale;
            if (worst) {
                series->append(t + 1, *worst);
                lowest = std::min(lowest, *worst);
            }
        }
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        auto* bar = new QLineSeries;
        bar->setName(tr("Criterion %1").arg(QLocale().toString(static_cast<qlonglong>(r + 1))));
        bar->append(1, threshold);
        bar->append(std::max(2, n), threshold);
        QPen pen = series->pen();
        pen.setStyle(Qt::DashLine);
        pen.setColor(series->color());
        pen.setWidthF(1.2);
        bar->setPen(pen);
        chart->addSeries(bar);
        bar->attachAxis(x);
        bar->attachAxis(y);
    }
    y->setRange(std::min(0.0, std::floor(lowest * 10) / 10), 1);
}

bool ProgressWindow::signOff() {
    if (!status_ || !document_.isOpen())
        return false;
    try {
        const auto done = annotation::TrainingSets(document_.project())
                              .signOff(status_->set, status_->trainee, document_.coder().name);
        (void)done;
    } catch (const std::exception& e) {
        problem_ = QString::fromStdString(e.what());
        return false;
    }
    fill();
    return true;
}

QStringList ProgressWindow::writeCertificate(const QString& directory) {
    if (!status_ || !document_.isOpen())
        return {};
    try {
        const auto signOffs =
            annotation::TrainingSets(document_.project()).signOffs(status_->trainee, status_->set);
        if (signOffs.empty()) {
            problem_ =
                tr("%1 has not been signed off on %2.")
                    .arg(QString::fromStdString(status_->trainee), QString::fromStdString(status_->set));
            return {};
        }
        // The latest sign-off, with the figures stored when it was signed.
        auto certificate = annotation::certificateFor(signOffs.back(), document_.projectFile().toStdString());
        // The requirements as signed, written in the interface language.
        if (certificate.criterion) {
            const QStringList lines =
                criterionText(*certificate.criterion, document_.project().schemes().current());
            if (lines.size() == static_cast<qsizetype>(certificate.requirements.size()))
                for (std::size_t r = 0; r < certificate.requirements.size(); ++r)
                    certificate.requirements[r].description = lines[static_cast<qsizetype>(r)].toStdString();
        }
        const auto files =
            reports::writeCertificate(certificate, reports::optionsForInterface(), directory.toStdString());
        return {QString::fromStdString(files.html.string()), QString::fromStdString(files.pdf.string())};
    } catch (const std::exception& e) {
        problem_ = QString::fromStdString(e.what());
        return {};
    }
}

} // namespace sb::gui
