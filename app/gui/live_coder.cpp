#include "app/gui/live_coder.h"

#include "annotation/annotation_commands.h"
#include "annotation/live_coding_commands.h"

#include <QKeyEvent>

namespace sb::gui {

LiveCoder::LiveCoder(SessionDocument& document, Playback& playback, QObject* parent)
    : QObject(parent)
    , document_(document)
    , playback_(playback)
    , layout_(new KeyboardLayout(this)) {
    connect(&document_, &SessionDocument::changed, this, &LiveCoder::dropStaleRunning);
    connect(&document_, &SessionDocument::opened, this, &LiveCoder::reloadScheme);
}

void LiveCoder::reloadScheme() {
    keys_.clear();
    running_.clear();
    const auto& scheme = document_.scheme();
    for (const auto& code : scheme.codes)
        keys_.bind(QString::fromStdString(code.id), code.key);
    for (const auto& subject : scheme.subjects)
        keys_.bind(QStringLiteral("subject:") + QString::fromStdString(subject.id), subject.key);
    subject_ = scheme.subjects.empty() ? QString() : QString::fromStdString(scheme.subjects.front().id);
    emit subjectChanged(subject_);
    emit runningChanged();
}

bool LiveCoder::isSchemeKey(const QKeySequence& key) const {
    return keys_.binds(key);
}

QKeySequence LiveCoder::keyOf(const QString& id) const {
    const CodingKeys::Binding* binding = keys_.binding(id);
    return binding ? binding->sequence : QKeySequence();
}

bool LiveCoder::handleKey(const QKeyEvent& event) {
    layout_->observe(event);
    if (!document_.isOpen() || event.isAutoRepeat())
        return false; // a held key is one press, not a burst of annotations
    const QString id = keys_.match(event, layout_->nativeKeyCodes());
    if (id.isEmpty())
        return false;
    if (id.startsWith(QStringLiteral("subject:")))
        selectSubject(id.mid(8));
    else
        pressCode(id);
    return true;
}

std::int64_t LiveCoder::now() const {
    return playback_.snap(playback_.position());
}

std::optional<std::string> LiveCoder::subjectFor(const schemes::Code& code) const {
    if (subject_.isEmpty())
        return std::nullopt;
    const std::string subject = subject_.toStdString();
    if (code.subjectIds.empty() ||
        std::find(code.subjectIds.begin(), code.subjectIds.end(), subject) != code.subjectIds.end())
        return subject;
    return code.subjectIds.front(); // the code's own subject when the chosen one does not apply
}

void LiveCoder::pressCode(const QString& codeId) {
    const schemes::Code* code = document_.scheme().code(codeId.toStdString());
    if (!code)
        return;
    const std::int64_t at = now();
    if (code->kind == schemes::CodeKind::Point)
        addPoint(*code, at);
    else if (running_.contains(codeId))
        endState(codeId, at);
    else
        startState(*code, at);
}

void LiveCoder::selectSubject(const QString& subject) {
    subject_ = subject;
    emit subjectChanged(subject_);
}

void LiveCoder::addPoint(const schemes::Code& code, std::int64_t at) {
    annotation::Annotation point;
    point.session = document_.session().id;
    point.coder = document_.coder().id;
    point.code = code.id;
    point.subject = subjectFor(code);
    point.start = annotation::Microseconds(at);
    document_.apply(std::make_unique<annotation::AddAnnotation>(point));
}

void LiveCoder::startState(const schemes::Code& code, std::int64_t at) {
    annotation::StartState::Request request;
    request.session = document_.session().id;
    request.coder = document_.coder().id;
    request.code = code.id;
    request.subject = subjectFor(code);
    request.at = annotation::Microseconds(at);
    // Runs until the end of the session unless pressed again; the file always holds a
    // complete annotation, so a crash loses nothing.
    request.until = annotation::Microseconds(std::max(playback_.duration(), at + 1));
    auto* started = document_.applyTyped(std::make_unique<annotation::StartState>(request));
    if (!started)
        return;
    // Starting a code of a group ended the group's running code (for this subject).
    if (const schemes::ExclusiveGroup* group = document_.scheme().groupOf(code.id)) {
        for (const auto& member : group->codeIds) {
            const QString id = QString::fromStdString(member);
            if (running_.contains(id) && running_[id].subject.toStdString() == request.subject.value_or(""))
                running_.remove(id);
        }
    }
    running_.insert(QString::fromStdString(code.id),
                    Running{started->id().value, at, QString::fromStdString(request.subject.value_or(""))});
    emit runningChanged();
}

void LiveCoder::endState(const QString& codeId, std::int64_t at) {
    const Running running = running_.take(codeId);
    // A second press on the same frame still leaves a state one frame long.
    std::int64_t end = at;
    if (end <= running.start) {
        const auto next = playback_.frameStart(playback_.currentFrame() + 1);
        end = next && *next > running.start ? *next : running.start + 1;
    }
    document_.apply(std::make_unique<annotation::TrimAnnotation>(
        annotation::AnnotationId{running.annotation}, std::nullopt, annotation::Microseconds(end)));
    emit runningChanged();
}

void LiveCoder::closeRunning() {
    const auto codes = running_.keys();
    for (const QString& code : codes)
        endState(code, now());
}

QList<QString> LiveCoder::runningCodes() const {
    return running_.keys();
}

bool LiveCoder::isRunning(const QString& code) const {
    return running_.contains(code);
}

void LiveCoder::dropStaleRunning() {
    // After an undo the state a key started may be gone or already ended.
    if (!document_.isOpen())
        return;
    bool changed = false;
    for (auto it = running_.begin(); it != running_.end();) {
        const auto stored = document_.project().store().annotation(document_.viewer(),
                                                                   annotation::AnnotationId{it->annotation});
        if (!stored || !stored->end || stored->end->count() < playback_.duration()) {
            it = running_.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed)
        emit runningChanged();
}

} // namespace sb::gui
