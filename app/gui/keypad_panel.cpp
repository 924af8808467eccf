#include "app/gui/keypad_panel.h"
#include "app/gui/scheme_text.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace sb::gui {
namespace {

QString keyText(const QKeySequence& key) {
    return key.isEmpty() ? QString() : key.toString(QKeySequence::NativeText);
}

} // namespace

KeypadPanel::KeypadPanel(SessionDocument& document, LiveCoder& coder, QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , coder_(coder)
    , layout_(new QVBoxLayout(this)) {
    setAccessibleName(tr("Coding pad"));
    connect(&coder_, &LiveCoder::runningChanged, this, &KeypadPanel::refreshRunning);
    connect(&coder_, &LiveCoder::subjectChanged, this, &KeypadPanel::refreshRunning);
}

void KeypadPanel::rebuild() {
    delete content_;
    content_ = new QWidget(this);
    auto* column = new QVBoxLayout(content_);
    column->setContentsMargins(0, 0, 0, 0);
    if (!document_.isOpen()) {
        layout_->addWidget(content_);
        return;
    }
    const auto& scheme = document_.scheme();
    const std::string language = interfaceLanguage();
    if (!scheme.subjects.empty()) {
        column->addWidget(new QLabel(tr("Subject"), content_));
        auto* subjects = new QButtonGroup(content_);
        auto* row = new QGridLayout;
        int i = 0;
        for (const auto& subject : scheme.subjects) {
            const QString id = QString::fromStdString(subject.id);
            auto* button = new QRadioButton(
                QStringLiteral("%1  %2").arg(keyText(coder_.keyOf(QStringLiteral("subject:") + id)),
                                             QString::fromStdString(subject.label.in(language))),
                content_);
            button->setObjectName(QStringLiteral("subject:") + id);
            subjects->addButton(button);
            connect(button, &QRadioButton::clicked, this, [this, id] { coder_.selectSubject(id); });
            row->addWidget(button, i / 2, i % 2);
            ++i;
        }
        column->addLayout(row);
    }
    column->addWidget(new QLabel(tr("Codes"), content_));
    auto* grid = new QGridLayout;
    int i = 0;
    for (const auto& code : scheme.codes) {
        const QString id = QString::fromStdString(code.id);
        auto* button = new QPushButton(content_);
        button->setObjectName(QStringLiteral("code:") + id);
        button->setCheckable(code.kind == schemes::CodeKind::State);
        button->setFocusPolicy(Qt::NoFocus); // keys keep going to the coding, not the pad
        const QString kind = code.kind == schemes::CodeKind::State ? tr("state") : tr("point");
        button->setText(QStringLiteral("%1  %2").arg(keyText(coder_.keyOf(id)),
                                                     QString::fromStdString(code.label.in(language))));
        button->setToolTip(QStringLiteral("%1 (%2)\n%3")
                               .arg(QString::fromStdString(code.label.in(language)), kind,
                                    QString::fromStdString(code.description.in(language))));
        const QColor colour = QColor::fromRgb(code.colour.rgb);
        button->setStyleSheet(
            QStringLiteral("QPushButton { border-left: 6px solid %1; padding: 4px; text-align: left; }"
                           "QPushButton:checked { background: %2; color: %3; }")
                .arg(colour.name(), colour.name(), colour.lightness() > 140 ? "black" : "white"));
        connect(button, &QPushButton::clicked, this, [this, id] { coder_.pressCode(id); });
        grid->addWidget(button, i / 2, i % 2);
        ++i;
    }
    column->addLayout(grid);
    column->addStretch();
    layout_->addWidget(content_);
    refreshRunning();
}

void KeypadPanel::refreshRunning() {
    if (!content_)
        return;
    for (auto* button : content_->findChildren<QPushButton*>()) {
        const QString id = button->objectName().mid(5);
        if (button->isCheckable())
            button->setChecked(coder_.isRunning(id));
    }
    for (auto* button : content_->findChildren<QRadioButton*>())
        button->setChecked(button->objectName().mid(8) == coder_.subject());
}

} // namespace sb::gui
