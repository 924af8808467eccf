#include "app/gui/vision/candidate_panel.h"

#include "app/gui/scheme_text.h"
#include "app/gui/session_document.h"
#include "app/gui/video_view.h"
#include "app/gui/vision/motion_tracks.h"

#include "annotation/annotation_commands.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::gui {

CandidatePanel::CandidatePanel(SessionDocument& document, MotionTracks& tracks, QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , tracks_(tracks) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QGridLayout;
    measureLabel_ = new QLabel(this);
    codeLabel_ = new QLabel(this);
    subjectLabel_ = new QLabel(this);
    measure_ = new QComboBox(this);
    measure_->setObjectName(QStringLiteral("candidateMeasure"));
    code_ = new QComboBox(this);
    code_->setObjectName(QStringLiteral("candidateCode"));
    subject_ = new QComboBox(this);
    subject_->setObjectName(QStringLiteral("candidateSubject"));
    form->addWidget(measureLabel_, 0, 0);
    form->addWidget(measure_, 0, 1);
    form->addWidget(codeLabel_, 1, 0);
    form->addWidget(code_, 1, 1);
    form->addWidget(subjectLabel_, 2, 0);
    form->addWidget(subject_, 2, 1);
    form->setColumnStretch(1, 1);
    layout->addLayout(form);
    find_ = new QPushButton(this);
    find_->setObjectName(QStringLiteral("findCandidates"));
    layout->addWidget(find_);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("candidates"));
    layout->addWidget(list_, 1);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    layout->addWidget(status_);
    auto* buttons = new QHBoxLayout;
    accept_ = new QPushButton(this);
    accept_->setObjectName(QStringLiteral("acceptCandidate"));
    reject_ = new QPushButton(this);
    reject_->setObjectName(QStringLiteral("rejectCandidate"));
    buttons->addWidget(accept_);
    buttons->addWidget(reject_);
    layout->addLayout(buttons);

    connect(find_, &QPushButton::clicked, this, &CandidatePanel::findCandidates);
    connect(accept_, &QPushButton::clicked, this, &CandidatePanel::acceptCurrent);
    connect(reject_, &QPushButton::clicked, this, &CandidatePanel::rejectCurrent);
    connect(list_, &QListWidget::currentRowChanged, this, [this] { showCurrent(); });
    connect(&tracks_, &MotionTracks::lanesChanged, this, &CandidatePanel::rebuildChoices);
    connect(&tracks_, &MotionTracks::activeLaneChanged, this, [this](MeasureLane* lane) {
        const int index = measure_->findData(lane ? lane->name() : QString());
        if (index >= 0)
            measure_->setCurrentIndex(index);
    });
    connect(&document_, &SessionDocument::opened, this, &CandidatePanel::rebuildChoices);
    retranslateUi();
    rebuildChoices();
}

void CandidatePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuildChoices();
    }
    QWidget::changeEvent(event);
}

void CandidatePanel::retranslateUi() {
    measureLabel_->setText(tr("Measure"));
    codeLabel_->setText(tr("Code"));
    subjectLabel_->setText(tr("Subject"));
    find_->setText(tr("Find candidates above the threshold"));
    find_->setToolTip(
        tr("Each peak of the measure above its threshold becomes a candidate event of the code"));
    accept_->setText(tr("Accept"));
    accept_->setToolTip(tr("Add this candidate as an annotation (undoable)"));
    reject_->setText(tr("Reject"));
    reject_->setToolTip(tr("Drop this candidate; nothing is added"));
    refreshList();
}

void CandidatePanel::rebuildChoices() {
    const QString measure = measure_->currentData().toString();
    const QString code = code_->currentData().toString();
    const QString subject = subject_->currentData().toString();
    measure_->clear();
    for (MeasureLane* lane : tracks_.lanes())
        measure_->addItem(lane->title(), lane->name());
    if (const int i = measure_->findData(measure); i >= 0)
        measure_->setCurrentIndex(i);
    code_->clear();
    subject_->clear();
    subject_->addItem(tr("(none)"), QString());
    if (document_.isOpen()) {
        for (const auto& c : document_.scheme().codes)
            code_->addItem(schemeText(c.label), QString::fromStdString(c.id));
        for (const auto& s : document_.scheme().subjects)
            subject_->addItem(schemeText(s.label), QString::fromStdString(s.id));
    }
    if (const int i = code_->findData(code); i >= 0)
        code_->setCurrentIndex(i);
    if (const int i = subject_->findData(subject); i >= 0)
        subject_->setCurrentIndex(i);
    find_->setEnabled(measure_->count() > 0 && code_->count() > 0);
    if (!source_) {
        candidates_.clear();
        refreshList();
    }
}

bool CandidatePanel::chooseCode(const QString& code) {
    const int i = code_->findData(code);
    if (i >= 0)
        code_->setCurrentIndex(i);
    return i >= 0;
}

bool CandidatePanel::chooseMeasure(const QString& track) {
    const int i = measure_->findData(track);
    if (i >= 0)
        measure_->setCurrentIndex(i);
    return i >= 0;
}

bool CandidatePanel::chooseSubject(const QString& subject) {
    const int i = subject_->findData(subject);
    if (i >= 0)
        subject_->setCurrentIndex(i);
    return i >= 0;
}

MeasureLane* CandidatePanel::chosenLane() const {
    const QString name = measure_->currentData().toString();
    for (MeasureLane* lane : tracks_.lanes())
        if (lane->name() == name)
            return lane;
    return nullptr;
}

void CandidatePanel::findCandidates() {
    candidates_.clear();
    source_ = chosenLane();
    if (source_) {
        const auto& analysis = source_->analysis();
        for (const analysis::Peak& peak : source_->peaks()) {
            Candidate c;
            c.peak = peak;
            c.start = source_->sessionTime(peak.first);
            c.end = peak.last + 1 < analysis.frameCount() ? source_->sessionTime(peak.last + 1)
                                                          : source_->offset() + analysis.videoEndUs;
            candidates_.push_back(c);
        }
    }
    refreshList();
    if (!candidates_.empty())
        list_->setCurrentRow(0);
}

void CandidatePanel::refreshList() {
    const int row = list_->currentRow();
    list_->blockSignals(true);
    list_->clear();
    for (const Candidate& c : candidates_)
        list_->addItem(tr("%1  (frame %2, %3)")
                           .arg(formatTime(source_ ? source_->sessionTime(c.peak.frame) : c.start))
                           .arg(c.peak.frame)
                           .arg(QString::number(c.peak.value, 'f', 2)));
    list_->blockSignals(false);
    if (!candidates_.empty())
        list_->setCurrentRow(std::clamp(row, 0, static_cast<int>(candidates_.size()) - 1));
    accept_->setEnabled(!candidates_.empty());
    reject_->setEnabled(!candidates_.empty());
    if (candidates_.empty())
        status_->setText(source_ ? tr("No candidates left.")
                                 : tr("Choose a measure and a code, then find candidates."));
    else
        showCurrent();
}

void CandidatePanel::showCurrent() {
    const int row = list_->currentRow();
    if (row < 0 || row >= static_cast<int>(candidates_.size()))
        return;
    status_->setText(tr("Candidate %1 of %2").arg(row + 1).arg(candidates_.size()));
    emit seekRequested(source_ ? source_->sessionTime(candidates_[static_cast<std::size_t>(row)].peak.frame)
                               : candidates_[static_cast<std::size_t>(row)].start);
}

bool CandidatePanel::acceptCurrent() {
    const int row = list_->currentRow();
    if (row < 0 || row >= static_cast<int>(candidates_.size()) || !document_.isOpen())
        return false;
    const Candidate c = candidates_[static_cast<std::size_t>(row)];
    const std::string code = code_->currentData().toString().toStdString();
    const schemes::Code* scheme = document_.scheme().code(code);
    if (!scheme)
        return false;
    annotation::Annotation a;
    a.session = document_.session().id;
    a.coder = document_.coder().id;
    a.code = code;
    if (const QString subject = subject_->currentData().toString(); !subject.isEmpty())
        a.subject = subject.toStdString();
    if (scheme->kind == schemes::CodeKind::Point) {
        a.start = annotation::Microseconds(source_ ? source_->sessionTime(c.peak.frame) : c.start);
    } else {
        a.start = annotation::Microseconds(c.start);
        a.end = annotation::Microseconds(std::max(c.end, c.start + 1));
    }
    if (!document_.apply(std::make_unique<annotation::AddAnnotation>(a)))
        return false; // the document said why (status bar); the candidate stays
    candidates_.erase(candidates_.begin() + row);
    refreshList();
    return true;
}

void CandidatePanel::rejectCurrent() {
    const int row = list_->currentRow();
    if (row < 0 || row >= static_cast<int>(candidates_.size()))
        return;
    candidates_.erase(candidates_.begin() + row);
    refreshList();
}

} // namespace sb::gui
