#include "app/gui/keypad_panel.h"
#include "app/gui/scheme_text.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace sb::gui {
namespace {

QString withKey(const QString& key, const QString& label) {
    return key.isEmpty() ? label : QStringLiteral("%1  %2").arg(key, label);
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
    connect(&coder_.keyboardLayout(), &KeyboardLayout::changed, this, &KeypadPanel::refreshTexts);
}

void KeypadPanel::rebuild() {
    delete content_;
    subjectsTitle_ = nullptr;
    codesTitle_ = nullptr;
    content_ = new QWidget(this);
    auto* column = new QVBoxLayout(content_);
    column->setContentsMargins(0, 0, 0, 0);
    if (!document_.isOpen()) {
        layout_->addWidget(content_);
        return;
    }
    const auto& scheme = document_.scheme();
    if (!scheme.subjects.empty()) {
        subjectsTitle_ = new QLabel(content_);
        column->addWidget(subjectsTitle_);
        auto* subjects = new QButtonGroup(content_);
        auto* row = new QGridLayout;
        int i = 0;
        for (const auto& subject : scheme.subjects) {
            const QString id = QString::fromStdString(subject.id);
            auto* button = new QRadioButton(content_);
            button->setObjectName(QStringLiteral("subject:") + id);
            subjects->addButton(button);
            connect(button, &QRadioButton::clicked, this, [this, id] { coder_.selectSubject(id); });
            row->addWidget(button, i / 2, i % 2);
            ++i;
        }
        column->addLayout(row);
    }
    codesTitle_ = new QLabel(content_);
    column->addWidget(codesTitle_);
    auto* grid = new QGridLayout;
    int i = 0;
    for (const auto& code : scheme.codes) {
        const QString id = QString::fromStdString(code.id);
        auto* button = new QPushButton(content_);
        button->setObjectName(QStringLiteral("code:") + id);
        button->setCheckable(code.kind == schemes::CodeKind::State);
        button->setFocusPolicy(Qt::NoFocus); // keys keep going to the coding, not the pad
        connect(button, &QPushButton::clicked, this, [this, id] { coder_.pressCode(id); });
        grid->addWidget(button, i / 2, i % 2);
        ++i;
    }
    column->addLayout(grid);
    column->addStretch();
    layout_->addWidget(content_);
    refreshTexts();
    refreshRunning();
}

void KeypadPanel::refreshTexts() {
    if (!content_ || !document_.isOpen())
        return;
    if (subjectsTitle_)
        subjectsTitle_->setText(tr("Subject"));
    if (codesTitle_)
        codesTitle_->setText(tr("Codes"));
    const auto& scheme = document_.scheme();
    for (const auto& subject : scheme.subjects) {
        const QString name = QStringLiteral("subject:") + QString::fromStdString(subject.id);
        if (auto* button = content_->findChild<QRadioButton*>(name)) {
            button->setText(withKey(coder_.keyCaption(name), schemeText(subject.label)));
            button->setToolTip(schemeText(subject.description));
        }
    }
    for (const auto& code : scheme.codes) {
        const QString id = QString::fromStdString(code.id);
        auto* button = content_->findChild<QPushButton*>(QStringLiteral("code:") + id);
        if (!button)
            continue;
        // The colour bar and the text sit on the reading side: the right in a right-to-left pad.
        const bool rtl = layoutDirection() == Qt::RightToLeft;
        const QColor colour = QColor::fromRgb(code.colour.rgb);
        button->setStyleSheet(
            QStringLiteral("QPushButton { border-%1: 6px solid %2; padding: 4px; text-align: %1; }"
                           "QPushButton:checked { background: %2; color: %3; }")
                .arg(QLatin1String(rtl ? "right" : "left"), colour.name(),
                     QLatin1String(colour.lightness() > 140 ? "black" : "white")));
        const QString kind = code.kind == schemes::CodeKind::State ? tr("state") : tr("point");
        button->setText(withKey(coder_.keyCaption(id), schemeText(code.label)));
        button->setToolTip(
            QStringLiteral("%1 (%2)\n%3").arg(schemeText(code.label), kind, schemeText(code.description)));
    }
}

void KeypadPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Coding pad"));
        refreshTexts();
    } else if (event->type() == QEvent::LayoutDirectionChange) {
        refreshTexts();
    }
    QWidget::changeEvent(event);
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
