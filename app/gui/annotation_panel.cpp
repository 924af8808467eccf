#include "app/gui/annotation_panel.h"
#include "app/gui/bidi_text.h"
#include "app/gui/scheme_text.h"

#include "app/gui/video_view.h"

#include "annotation/annotation_commands.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::gui {
namespace {

QString text(const schemes::LocalizedText& localized) {
    return schemeText(localized);
}

} // namespace

AnnotationPanel::AnnotationPanel(SessionDocument& document, std::function<std::int64_t()> playhead,
                                 QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , playhead_(std::move(playhead))
    , title_(new QLabel(this))
    , times_(new QLabel(this))
    , code_(new QComboBox(this))
    , subject_(new QComboBox(this))
    , modifiersBox_(new QWidget(this))
    , modifiers_(new QFormLayout(modifiersBox_))
    , comment_(new FreeTextEdit(this))
    , apply_(new QPushButton(this))
    , delete_(new QPushButton(this))
    , split_(new QPushButton(this)) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addWidget(title_);
    // Times are not text: keep them left to right in a right-to-left layout.
    layout->addWidget(times_);
    form->addRow(new QLabel(this), code_);
    form->addRow(new QLabel(this), subject_);
    form->labelForField(code_)->setObjectName(QStringLiteral("codeLabel"));
    form->labelForField(subject_)->setObjectName(QStringLiteral("subjectLabel"));
    layout->addLayout(form);
    layout->addWidget(modifiersBox_);
    auto* commentLabel = new QLabel(this);
    commentLabel->setObjectName(QStringLiteral("commentLabel"));
    layout->addWidget(commentLabel);
    comment_->setMaximumHeight(90);
    layout->addWidget(comment_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(apply_);
    buttons->addWidget(split_);
    buttons->addWidget(delete_);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(apply_, &QPushButton::clicked, this, &AnnotationPanel::apply);
    connect(delete_, &QPushButton::clicked, this, &AnnotationPanel::removeShown);
    connect(split_, &QPushButton::clicked, this, &AnnotationPanel::splitAtPlayhead);
    connect(&document_, &SessionDocument::changed, this, &AnnotationPanel::reload);
    retranslateUi();
    reload();
}

void AnnotationPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AnnotationPanel::retranslateUi() {
    setAccessibleName(tr("Annotation details"));
    apply_->setText(tr("Apply"));
    delete_->setText(tr("Delete"));
    split_->setText(tr("Split at playhead"));
    findChild<QLabel*>(QStringLiteral("codeLabel"))->setText(tr("Code"));
    findChild<QLabel*>(QStringLiteral("subjectLabel"))->setText(tr("Subject"));
    findChild<QLabel*>(QStringLiteral("commentLabel"))->setText(tr("Comment"));
    comment_->setPlaceholderText(tr("A note on this annotation"));
    // Labels of the scheme and times follow the language too; a comment being typed stays.
    const QString typed = comment_->toPlainText();
    reload();
    if (id_ != 0)
        comment_->setPlainText(typed);
}

void AnnotationPanel::showAnnotation(std::int64_t id) {
    id_ = id;
    reload();
}

void AnnotationPanel::reload() {
    std::optional<annotation::Annotation> shown;
    if (id_ != 0 && document_.isOpen())
        shown = document_.project().store().annotation(document_.viewer(), annotation::AnnotationId{id_});
    const bool editable = shown && shown->coder == document_.coder().id;
    for (QWidget* w : std::initializer_list<QWidget*>{code_, subject_, comment_, apply_, delete_, split_})
        w->setEnabled(editable);
    while (modifiers_->rowCount() > 0)
        modifiers_->removeRow(0);
    code_->clear();
    subject_->clear();
    if (!shown) {
        id_ = 0;
        title_->setText(tr("No annotation selected"));
        times_->clear();
        comment_->clear();
        return;
    }
    const auto& scheme = document_.scheme();
    const schemes::Code* code = scheme.code(shown->code);
    title_->setText(code ? text(code->label) : QString::fromStdString(shown->code));
    // Time runs left to right (start – end), on the reading side of the panel: the mark before
    // it gives the label, which has no letters, the panel's direction.
    times_->setText(inDirectionOf(
        times_, leftToRight(shown->end ? QStringLiteral("%1 – %2").arg(formatTime(shown->start.count()),
                                                                       formatTime(shown->end->count()))
                                       : formatTime(shown->start.count()))));
    for (const auto& c : scheme.codes)
        if (!code || c.kind == code->kind) // a state stays a state, a point a point
            code_->addItem(text(c.label), QString::fromStdString(c.id));
    code_->setCurrentIndex(code_->findData(QString::fromStdString(shown->code)));
    subject_->addItem(tr("(none)"), QString());
    for (const auto& s : scheme.subjects)
        subject_->addItem(text(s.label), QString::fromStdString(s.id));
    subject_->setCurrentIndex(
        std::max(0, subject_->findData(QString::fromStdString(shown->subject.value_or("")))));
    if (code) {
        for (const auto& setId : code->modifierIds) {
            const schemes::ModifierSet* set = scheme.modifier(setId);
            if (!set)
                continue;
            const auto current = shown->modifiers.find(setId);
            const QString value =
                current == shown->modifiers.end() ? QString() : QString::fromStdString(current->second);
            QWidget* editor = nullptr;
            if (set->kind == schemes::ModifierKind::Choice) {
                auto* combo = new QComboBox(modifiersBox_);
                combo->addItem(tr("(none)"), QString());
                for (const auto& v : set->values)
                    combo->addItem(text(v.label), QString::fromStdString(v.id));
                combo->setCurrentIndex(std::max(0, combo->findData(value)));
                editor = combo;
            } else {
                auto* line = new QLineEdit(value, modifiersBox_);
                editor = line;
            }
            editor->setObjectName(QString::fromStdString(setId));
            editor->setEnabled(editable);
            modifiers_->addRow(text(set->label), editor);
        }
    }
    comment_->setPlainText(QString::fromStdString(shown->comment));
}

void AnnotationPanel::apply() {
    if (id_ == 0)
        return;
    annotation::AnnotationChange change;
    change.code = code_->currentData().toString().toStdString();
    const QString subject = subject_->currentData().toString();
    if (subject.isEmpty())
        change.clearSubject = true;
    else
        change.subject = subject.toStdString();
    annotation::Modifiers modifiers;
    for (QWidget* editor : modifiersBox_->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        QString value;
        if (auto* combo = qobject_cast<QComboBox*>(editor))
            value = combo->currentData().toString();
        else if (auto* line = qobject_cast<QLineEdit*>(editor))
            value = line->text();
        else
            continue;
        if (!value.isEmpty())
            modifiers[editor->objectName().toStdString()] = value.toStdString();
    }
    change.modifiers = modifiers;
    change.comment = comment_->toPlainText().toStdString();
    document_.apply(std::make_unique<annotation::ChangeAnnotation>(annotation::AnnotationId{id_}, change));
}

void AnnotationPanel::removeShown() {
    if (id_ == 0)
        return;
    const std::int64_t id = id_;
    id_ = 0;
    document_.apply(std::make_unique<annotation::RemoveAnnotation>(annotation::AnnotationId{id}));
}

void AnnotationPanel::splitAtPlayhead() {
    if (id_ == 0)
        return;
    document_.apply(std::make_unique<annotation::SplitAnnotation>(annotation::AnnotationId{id_},
                                                                  annotation::Microseconds(playhead_())));
}

} // namespace sb::gui
