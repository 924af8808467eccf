#include "app/gui/supervision/audit_window.h"
#include "app/gui/bidi_text.h"
#include "app/gui/number_format.h"

#include "annotation/supervision/audit_trail.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace sb::gui {
namespace {

namespace sv = annotation::supervision;

QString shortJson(const std::optional<std::string>& json) {
    if (!json)
        return {};
    const QString text = QString::fromStdString(*json);
    return text.size() > 80 ? text.left(79) + QChar(0x2026) : text;
}

} // namespace

AuditWindow::AuditWindow(SessionDocument& document, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , document_(document)
    , coderLabel_(new QLabel(this))
    , sessionLabel_(new QLabel(this))
    , coder_(new QComboBox(this))
    , session_(new QComboBox(this))
    , useFrom_(new QCheckBox(this))
    , from_(new QDateTimeEdit(this))
    , useTo_(new QCheckBox(this))
    , to_(new QDateTimeEdit(this))
    , verify_(new QPushButton(this))
    , verdict_(new QLabel(this))
    , table_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("AuditWindow"));
    coder_->setObjectName(QStringLiteral("auditCoder"));
    session_->setObjectName(QStringLiteral("auditSession"));
    table_->setObjectName(QStringLiteral("auditTable"));
    verify_->setObjectName(QStringLiteral("verifyChain"));
    for (QDateTimeEdit* edit : {from_, to_}) {
        edit->setCalendarPopup(true);
        edit->setDateTime(QDateTime::currentDateTime());
        edit->setEnabled(false);
    }
    from_->setDateTime(QDateTime::currentDateTime().addDays(-30));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* filters = new QHBoxLayout;
    filters->addWidget(coderLabel_);
    filters->addWidget(coder_);
    filters->addWidget(sessionLabel_);
    filters->addWidget(session_);
    filters->addWidget(useFrom_);
    filters->addWidget(from_);
    filters->addWidget(useTo_);
    filters->addWidget(to_);
    filters->addStretch();
    filters->addWidget(verify_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(verdict_);
    layout->addWidget(table_, 1);

    connect(coder_, &QComboBox::activated, this, [this] { refresh(); });
    connect(session_, &QComboBox::activated, this, [this] { refresh(); });
    connect(useFrom_, &QCheckBox::toggled, this, [this](bool on) {
        from_->setEnabled(on);
        refresh();
    });
    connect(useTo_, &QCheckBox::toggled, this, [this](bool on) {
        to_->setEnabled(on);
        refresh();
    });
    connect(from_, &QDateTimeEdit::dateTimeChanged, this, [this] { refresh(); });
    connect(to_, &QDateTimeEdit::dateTimeChanged, this, [this] { refresh(); });
    connect(verify_, &QPushButton::clicked, this, [this] { verifyChain(); });
    resize(1100, 600);
    retranslateUi();
}

void AuditWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AuditWindow::retranslateUi() {
    setWindowTitle(tr("Audit history"));
    coderLabel_->setText(tr("Who"));
    sessionLabel_->setText(tr("Session"));
    useFrom_->setText(tr("From"));
    useTo_->setText(tr("To"));
    verify_->setText(tr("Verify chain"));
    table_->setColumnCount(8);
    table_->setHorizontalHeaderLabels(
        {tr("#"), tr("When"), tr("Who"), tr("Action"), tr("Edit"), tr("Session"), tr("Before"), tr("After")});
    if (coder_->count() > 0)
        coder_->setItemText(0, tr("Anyone"));
    if (session_->count() > 0)
        session_->setItemText(0, tr("Any session"));
}

void AuditWindow::reload() {
    const QString wasCoder = coder_->currentText();
    const QString wasSession = session_->currentText();
    coder_->clear();
    session_->clear();
    coder_->addItem(tr("Anyone"), QVariant());
    session_->addItem(tr("Any session"), QVariant());
    if (document_.isOpen()) {
        auto& store = document_.project().store();
        for (const auto& c : store.coders())
            coder_->addItem(QString::fromStdString(c.name), static_cast<qlonglong>(c.id.value));
        for (const auto& s : store.sessions())
            session_->addItem(QString::fromStdString(s.name), static_cast<qlonglong>(s.id.value));
    }
    if (coder_->findText(wasCoder) > 0)
        coder_->setCurrentText(wasCoder);
    if (session_->findText(wasSession) > 0)
        session_->setCurrentText(wasSession);
    refresh();
}

void AuditWindow::filter(const QString& coder, const QString& session) {
    coder_->setCurrentIndex(coder.isEmpty() ? 0 : std::max(0, coder_->findText(coder)));
    session_->setCurrentIndex(session.isEmpty() ? 0 : std::max(0, session_->findText(session)));
    refresh();
}

int AuditWindow::rowCount() const {
    return table_->rowCount();
}

void AuditWindow::refresh() {
    table_->setRowCount(0);
    if (!document_.isOpen())
        return;
    auto& store = document_.project().store();
    sv::AuditFilter filter;
    if (coder_->currentData().isValid())
        filter.actor = annotation::CoderId{coder_->currentData().toLongLong()};
    if (session_->currentData().isValid())
        filter.session = annotation::SessionId{session_->currentData().toLongLong()};
    if (useFrom_->isChecked())
        filter.from = annotation::Microseconds(from_->dateTime().toMSecsSinceEpoch() * 1000);
    if (useTo_->isChecked())
        filter.to = annotation::Microseconds(to_->dateTime().toMSecsSinceEpoch() * 1000);
    filter.newestFirst = true;
    std::vector<sv::AuditEntry> rows;
    try {
        rows = sv::AuditTrail(store).entries(filter);
    } catch (const std::exception& e) {
        verdict_->setText(QString::fromStdString(e.what()));
        return;
    }
    std::map<std::int64_t, QString> coders, sessions;
    for (const auto& c : store.coders())
        coders[c.id.value] = QString::fromStdString(c.name);
    for (const auto& s : store.sessions())
        sessions[s.id.value] = QString::fromStdString(s.name);
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const auto& row = rows[static_cast<std::size_t>(r)];
        auto set = [&](int column, const QString& text, const QString& tip = {}) {
            auto* item = new QTableWidgetItem(text);
            if (!tip.isEmpty())
                item->setToolTip(tip);
            table_->setItem(r, column, item);
        };
        set(0, QString::number(row.seq)); // a row number as the CLI prints it
        set(1, leftToRight(displayDateTime(QDateTime::fromMSecsSinceEpoch(row.at.count() / 1000))));
        set(2, row.actor ? coders[row.actor->value] : tr("SecureBase"));
        set(3, QString::fromStdString(row.action));
        set(4, QString::fromStdString(row.what), QString::fromStdString(row.subject));
        set(5, row.session ? sessions[row.session->value] : QString());
        set(6, shortJson(row.before), row.before ? QString::fromStdString(*row.before) : QString());
        set(7, shortJson(row.after), row.after ? QString::fromStdString(*row.after) : QString());
    }
    table_->resizeColumnsToContents();
}

QString AuditWindow::verifyChain() {
    if (!document_.isOpen())
        return {};
    QString text;
    try {
        const auto result = sv::AuditTrail(document_.project().store()).verify();
        intact_ = !result.broken;
        text = result.broken
                   ? tr("The chain is broken at row %1: %2")
                         .arg(result.broken->seq)
                         .arg(QString::fromStdString(result.broken->reason))
                   : tr("The chain is intact: %n row(s) checked.", nullptr, static_cast<int>(result.rows));
    } catch (const std::exception& e) {
        intact_ = false;
        text = QString::fromStdString(e.what());
    }
    verdict_->setText(text);
    verdict_->setStyleSheet(intact_ ? QStringLiteral("color: #1e7832;") : QStringLiteral("color: #b42828;"));
    return text;
}

} // namespace sb::gui
