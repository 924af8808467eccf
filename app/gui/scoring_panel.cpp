#include "app/gui/scoring_panel.h"
#include "app/gui/scheme_text.h"

#include "app/gui/video_view.h"

#include "annotation/scoring_commands.h"

#include <QEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace sb::gui {
namespace {

QString text(const schemes::LocalizedText& localized) {
    return schemeText(localized);
}

const schemes::ScaleAnchor* anchorFor(const std::vector<schemes::ScaleAnchor>& anchors, int value) {
    for (const auto& anchor : anchors)
        if (anchor.value == value)
            return &anchor;
    return nullptr;
}

// A combo of min..max whose items carry their anchors, "(not scored)" first.
QComboBox* ratingCombo(int min, int max, const std::vector<schemes::ScaleAnchor>& anchors,
                       std::optional<int> value, QWidget* parent) {
    auto* combo = new QComboBox(parent);
    combo->addItem(QObject::tr("(not scored)"), QVariant());
    for (int v = min; v <= max; ++v) {
        const auto* anchor = anchorFor(anchors, v);
        combo->addItem(anchor && !anchor->label.empty()
                           ? QStringLiteral("%1 — %2").arg(v).arg(text(anchor->label))
                           : QString::number(v),
                       v);
        if (anchor)
            combo->setItemData(combo->count() - 1, text(anchor->description), Qt::ToolTipRole);
    }
    if (value)
        combo->setCurrentIndex(std::max(0, combo->findData(*value)));
    return combo;
}

} // namespace

ScoringPanel::ScoringPanel(SessionDocument& document, QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , segments_(new QListWidget(this))
    , scalesBox_(new QWidget(this))
    , scales_(new QFormLayout(scalesBox_))
    , judgementsBox_(new QWidget(this))
    , judgements_(new QFormLayout(judgementsBox_)) {
    auto* layout = new QVBoxLayout(this);
    const auto heading = [this](const char* name) {
        auto* label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(name));
        return label;
    };
    layout->addWidget(heading("segmentsHeading"));
    segments_->setMaximumHeight(140);
    segments_->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(segments_);
    layout->addWidget(heading("scalesHeading"));
    layout->addWidget(scalesBox_);
    layout->addWidget(heading("judgementsHeading"));
    layout->addWidget(judgementsBox_);
    layout->addStretch();
    connect(segments_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (refreshing_ || row < 0)
            return;
        shownInstance_ = segments_->item(row)->data(Qt::UserRole).toLongLong();
        showScales();
    });
    connect(&document_, &SessionDocument::changed, this, &ScoringPanel::refresh);
    retranslateUi();
}

void ScoringPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refresh(); // scheme labels and times in the new language
    }
    QWidget::changeEvent(event);
}

void ScoringPanel::retranslateUi() {
    setAccessibleName(tr("Scales and judgements"));
    findChild<QLabel*>(QStringLiteral("segmentsHeading"))
        ->setText(tr("Segments (mark their starts from Edit ▸ Mark segment start)"));
    findChild<QLabel*>(QStringLiteral("scalesHeading"))->setText(tr("Scales in the selected segment"));
    findChild<QLabel*>(QStringLiteral("judgementsHeading"))->setText(tr("Session judgements"));
}

void ScoringPanel::refresh() {
    if (!document_.isOpen())
        return;
    refreshing_ = true;
    segments_->clear();
    const auto& scheme = document_.scheme();
    for (const auto& instance : document_.project().store().segmentInstances(document_.session().id)) {
        const schemes::Segment* segment = scheme.segment(instance.segment);
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  %2").arg(formatTime(instance.start.count()),
                                         segment ? text(segment->label)
                                                 : QString::fromStdString(instance.segment)),
            segments_);
        item->setData(Qt::UserRole, static_cast<qlonglong>(instance.id.value));
        if (instance.id.value == shownInstance_)
            segments_->setCurrentItem(item);
    }
    refreshing_ = false;
    showScales();
    showJudgements();
}

void ScoringPanel::showScales() {
    while (scales_->rowCount() > 0)
        scales_->removeRow(0);
    const auto instance =
        document_.project().store().segmentInstance(annotation::SegmentInstanceId{shownInstance_});
    if (!instance || instance->session != document_.session().id)
        return;
    const auto& scheme = document_.scheme();
    const auto coder = document_.coder().id;
    for (const auto& scale : scheme.scales) {
        std::vector<std::string> targets;
        if (scale.appliesTo.empty())
            targets.push_back({});
        for (const auto& application : scale.appliesTo) {
            const bool here = application.segmentIds.empty() ||
                              std::find(application.segmentIds.begin(), application.segmentIds.end(),
                                        instance->segment) != application.segmentIds.end();
            if (here)
                targets.push_back(application.targetSubjectId);
        }
        for (const auto& target : targets) {
            const auto score = document_.project().store().scaleScore(document_.viewer(), instance->id,
                                                                      scale.id, target, coder);
            auto* combo = ratingCombo(scale.min, scale.max, scale.anchors,
                                      score ? std::optional(score->value) : std::nullopt, scalesBox_);
            combo->setToolTip(text(scale.description));
            const schemes::Subject* subject = scheme.subject(target);
            const QString label =
                subject ? tr("%1 → %2").arg(text(scale.label), text(subject->label)) : text(scale.label);
            const auto instanceId = instance->id;
            connect(combo, &QComboBox::activated, this,
                    [this, combo, instanceId, scaleId = scale.id, target, coder](int) {
                        const QVariant value = combo->currentData();
                        document_.apply(std::make_unique<annotation::ScoreScale>(
                            instanceId, scaleId, target, coder,
                            value.isValid() ? std::optional(value.toInt()) : std::nullopt));
                    });
            scales_->addRow(label, combo);
        }
    }
}

void ScoringPanel::showJudgements() {
    while (judgements_->rowCount() > 0)
        judgements_->removeRow(0);
    const auto& scheme = document_.scheme();
    const auto session = document_.session().id;
    const auto coder = document_.coder().id;
    for (const auto& judgement : scheme.judgements) {
        const auto current =
            document_.project().store().judgement(document_.viewer(), session, coder, judgement.id);
        const QString value = current ? QString::fromStdString(current->value) : QString();
        QWidget* editor = nullptr;
        auto commit = [this, session, coder, id = judgement.id](const QString& v) {
            document_.apply(std::make_unique<annotation::SetJudgement>(
                session, coder, id, v.isEmpty() ? std::nullopt : std::optional(v.toStdString())));
        };
        if (judgement.kind == schemes::JudgementKind::Category) {
            auto* combo = new QComboBox(judgementsBox_);
            combo->addItem(tr("(not decided)"), QString());
            for (const auto& option : judgement.options) {
                const QString indent = option.parentId.empty() ? QString() : QStringLiteral("    ");
                combo->addItem(indent + text(option.label), QString::fromStdString(option.id));
                combo->setItemData(combo->count() - 1, text(option.description), Qt::ToolTipRole);
            }
            combo->setCurrentIndex(std::max(0, combo->findData(value)));
            connect(combo, &QComboBox::activated, this,
                    [combo, commit](int) { commit(combo->currentData().toString()); });
            editor = combo;
        } else if (judgement.kind == schemes::JudgementKind::Rating) {
            bool ok = false;
            const int rating = value.toInt(&ok);
            auto* combo = ratingCombo(judgement.min, judgement.max, judgement.anchors,
                                      ok ? std::optional(rating) : std::nullopt, judgementsBox_);
            connect(combo, &QComboBox::activated, this, [combo, commit](int) {
                const QVariant v = combo->currentData();
                commit(v.isValid() ? QString::number(v.toInt()) : QString());
            });
            editor = combo;
        } else {
            auto* line = new QLineEdit(value, judgementsBox_);
            connect(line, &QLineEdit::editingFinished, this, [line, commit, value] {
                if (line->text() != value)
                    commit(line->text());
            });
            editor = line;
        }
        editor->setToolTip(text(judgement.description));
        judgements_->addRow(text(judgement.label), editor);
    }
}

} // namespace sb::gui
