#include "app/gui/supervision/review_panel.h"
#include "app/gui/bidi_text.h"

#include "app/gui/main_window.h"
#include "app/gui/scheme_text.h"
#include "app/gui/timeline/timeline_view.h"
#include "app/gui/video_view.h"
#include "app/gui/vision/vision_tools.h"

#include "annotation/supervision/gold_standards.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace sb::gui {
namespace {

namespace sv = annotation::supervision;

const QColor kThreadColour(230, 140, 20);  // open threads: amber
const QColor kResolvedColour(90, 160, 90); // resolved threads: green
const QColor kDisagreementColour(200, 40, 60);

QString excerpt(const std::string& text, int length = 60) {
    QString s = QString::fromStdString(text).simplified();
    return s.size() > length ? s.left(length - 1) + QChar(0x2026) : s;
}

} // namespace

ReviewPanel::ReviewPanel(MainWindow& window, QWidget* parent)
    : QWidget(parent)
    , window_(window)
    , overlay_(new RangeOverlay(window.timeline()))
    , traineeLabel_(new QLabel(this))
    , referenceLabel_(new QLabel(this))
    , methodLabel_(new QLabel(this))
    , trainee_(new QComboBox(this))
    , reference_(new QComboBox(this))
    , method_(new QComboBox(this))
    , summary_(new QLabel(this))
    , disagreementsLabel_(new QLabel(this))
    , disagreementTable_(new QTableWidget(this))
    , threadsLabel_(new QLabel(this))
    , threadList_(new QListWidget(this))
    , newThread_(new QPushButton(this))
    , exportClip_(new QPushButton(this))
    , resolved_(new QCheckBox(this))
    , messages_(new QTextBrowser(this))
    , replyText_(new FreeTextEdit(this))
    , send_(new QPushButton(this))
    , keysHint_(new QLabel(this))
    , next_(new QAction(this))
    , previous_(new QAction(this)) {
    setObjectName(QStringLiteral("reviewPanel"));
    trainee_->setObjectName(QStringLiteral("reviewTrainee"));
    reference_->setObjectName(QStringLiteral("reviewReference"));
    disagreementTable_->setObjectName(QStringLiteral("reviewDisagreements"));
    threadList_->setObjectName(QStringLiteral("reviewThreads"));
    replyText_->setObjectName(QStringLiteral("reviewReply"));
    method_->addItem(QString(), static_cast<int>(annotation::TimelineMethod::TimeUnit));
    method_->addItem(QString(), static_cast<int>(annotation::TimelineMethod::Event));

    auto* form = new QFormLayout;
    form->addRow(traineeLabel_, trainee_);
    form->addRow(referenceLabel_, reference_);
    form->addRow(methodLabel_, method_);

    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    disagreementTable_->setColumnCount(4);
    disagreementTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    disagreementTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    disagreementTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    disagreementTable_->verticalHeader()->hide();
    disagreementTable_->horizontalHeader()->setStretchLastSection(true);
    disagreementTable_->setFocusPolicy(Qt::NoFocus); // keys stay with coding and the review key

    threadList_->setFocusPolicy(Qt::NoFocus);
    messages_->setMinimumHeight(80);
    messages_->setOpenLinks(false);
    replyText_->setMaximumHeight(70);
    keysHint_->setWordWrap(true);
    keysHint_->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto* threadButtons = new QHBoxLayout;
    threadButtons->addWidget(newThread_);
    threadButtons->addWidget(exportClip_);
    threadButtons->addStretch();
    threadButtons->addWidget(resolved_);
    auto* replyRow = new QHBoxLayout;
    replyRow->addWidget(replyText_, 1);
    replyRow->addWidget(send_, 0, Qt::AlignBottom);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(summary_);
    layout->addWidget(disagreementsLabel_);
    layout->addWidget(disagreementTable_, 3);
    layout->addWidget(threadsLabel_);
    layout->addWidget(threadList_, 2);
    layout->addLayout(threadButtons);
    layout->addWidget(messages_, 2);
    layout->addLayout(replyRow);
    layout->addWidget(keysHint_);

    next_->setObjectName(QStringLiteral("reviewNext"));
    previous_->setObjectName(QStringLiteral("reviewPrevious"));
    for (QAction* action : {next_, previous_}) {
        action->setShortcutContext(Qt::ApplicationShortcut);
        action->setEnabled(false);
        window.addAction(action);
    }
    connect(next_, &QAction::triggered, this, &ReviewPanel::next);
    connect(previous_, &QAction::triggered, this, &ReviewPanel::previous);

    connect(trainee_, &QComboBox::activated, this, [this] { refresh(); });
    connect(reference_, &QComboBox::activated, this, [this] { refresh(); });
    connect(method_, &QComboBox::activated, this, [this] { refresh(); });
    connect(disagreementTable_, &QTableWidget::cellClicked, this,
            [this](int row, int) { goToDisagreement(row); });
    connect(threadList_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { goToThread(item->data(Qt::UserRole).toLongLong()); });
    connect(newThread_, &QPushButton::clicked, this, &ReviewPanel::newThreadFromSelection);
    connect(exportClip_, &QPushButton::clicked, this, &ReviewPanel::exportClip);
    // A right click on a disagreement or a thread offers its clip (after going there).
    for (QAbstractItemView* view : {static_cast<QAbstractItemView*>(disagreementTable_),
                                    static_cast<QAbstractItemView*>(threadList_)}) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint& at) {
            const QModelIndex index = view->indexAt(at);
            if (!index.isValid() || package_)
                return;
            if (view == disagreementTable_)
                goToDisagreement(index.row());
            else
                goToThread(threadList_->item(index.row())->data(Qt::UserRole).toLongLong());
            QMenu menu(this);
            connect(menu.addAction(tr("Export clip of this range…")), &QAction::triggered, this,
                    &ReviewPanel::exportClip);
            menu.exec(view->viewport()->mapToGlobal(at));
        });
    }
    connect(resolved_, &QCheckBox::clicked, this, [this](bool on) { setResolved(on); });
    connect(send_, &QPushButton::clicked, this, [this] {
        if (reply(replyText_->toPlainText()))
            replyText_->clear();
    });
    connect(&window.document(), &SessionDocument::opened, this, [this] {
        reload();
        if (active_)
            refresh();
    });
    connect(&window.document(), &SessionDocument::changed, this, [this] {
        if (active_)
            refresh();
    });
    retranslateUi();
}

void ReviewPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReviewPanel::retranslateUi() {
    traineeLabel_->setText(tr("Trainee"));
    referenceLabel_->setText(tr("Compared with"));
    methodLabel_->setText(tr("Method"));
    method_->setItemText(0, tr("Time units (1 s)"));
    method_->setItemText(1, tr("Event alignment (±2 s)"));
    disagreementTable_->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Trainee"), tr("Reference")});
    newThread_->setText(tr("New thread…"));
    newThread_->setToolTip(
        tr("Opens a thread on the selected disagreement, else on the selected annotation, else on "
           "the two seconds after the playhead."));
    exportClip_->setText(tr("Export clip…"));
    exportClip_->setToolTip(tr("A teaching clip of the current thread's or disagreement's range, "
                               "faces blurred."));
    resolved_->setText(tr("Resolved"));
    replyText_->setPlaceholderText(tr("Write an answer…"));
    send_->setText(tr("Send"));
    next_->setText(tr("Next thread or disagreement"));
    previous_->setText(tr("Previous thread or disagreement"));
    chooseKeys();
    fillDisagreements();
    fillThreads();
    showMessages();
}

void ReviewPanel::chooseKeys() {
    // The scheme's keys win over every shortcut (main_window.cpp); take N unless it codes.
    const QKeySequence n(Qt::Key_N), shiftN(Qt::SHIFT | Qt::Key_N);
    const bool taken = window_.document().isOpen() &&
                       (window_.liveCoder().isSchemeKey(n) || window_.liveCoder().isSchemeKey(shiftN));
    next_->setShortcut(taken ? QKeySequence(Qt::ALT | Qt::Key_N) : n);
    previous_->setShortcut(taken ? QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_N) : shiftN);
    keysHint_->setText(tr("%1: next thread or disagreement, %2: previous. The video goes there.")
                           .arg(leftToRight(next_->shortcut().toString(QKeySequence::NativeText)),
                                leftToRight(previous_->shortcut().toString(QKeySequence::NativeText))));
}

void ReviewPanel::setActive(bool active) {
    active_ = active;
    next_->setEnabled(active);
    previous_->setEnabled(active);
    if (active) {
        reload();
        refresh();
    } else {
        overlay_->setRanges({});
    }
    window_.refreshTimeline();
}

void ReviewPanel::setPackageMode(bool package) {
    package_ = package;
    trainee_->setEnabled(!package);
    reference_->setEnabled(!package);
    newThread_->setVisible(!package);
    exportClip_->setVisible(!package); // teaching clips are the supervisor's
    resolved_->setEnabled(!package);
}

std::optional<annotation::CoderId> ReviewPanel::coderId(const QString& name) {
    if (name.isEmpty() || !window_.document().isOpen())
        return std::nullopt;
    const auto coder = window_.document().project().store().findCoder(name.toStdString());
    return coder ? std::optional(coder->id) : std::nullopt;
}

QString ReviewPanel::trainee() const {
    return trainee_->currentText();
}

QString ReviewPanel::reference() const {
    return reference_->currentText();
}

void ReviewPanel::setCoders(const QString& trainee, const QString& reference) {
    trainee_->setCurrentIndex(trainee_->findText(trainee));
    reference_->setCurrentIndex(reference_->findText(reference));
    refresh();
}

void ReviewPanel::reload() {
    const QString wasTrainee = trainee_->currentText();
    const QString wasReference = reference_->currentText();
    trainee_->clear();
    reference_->clear();
    auto& document = window_.document();
    if (!document.isOpen())
        return;
    auto& store = document.project().store();
    std::optional<annotation::CoderId> gold;
    try {
        if (const auto g = sv::GoldStandards(store).of(document.session().id))
            gold = g->coder;
    } catch (const std::exception&) {
        // A project without supervision tables yet: no gold standard.
    }
    for (const auto& coder : store.coders()) {
        const QString name = QString::fromStdString(coder.name);
        if (coder.role == annotation::CoderRole::Coder && (!gold || coder.id != *gold))
            trainee_->addItem(name);
        reference_->addItem(name);
    }
    if (package_) {
        trainee_->setCurrentText(QString::fromStdString(document.coder().name));
    } else if (trainee_->findText(wasTrainee) >= 0) {
        trainee_->setCurrentText(wasTrainee);
    }
    if (gold &&
        !(!package_ && reference_->findText(wasReference) >= 0 && wasReference != trainee_->currentText()))
        reference_->setCurrentText(QString::fromStdString(store.coder(*gold).name));
    else if (reference_->findText(wasReference) >= 0)
        reference_->setCurrentText(wasReference);
    if (reference_->currentText() == trainee_->currentText())
        for (int i = 0; i < reference_->count(); ++i)
            if (reference_->itemText(i) != trainee_->currentText()) {
                reference_->setCurrentIndex(i);
                break;
            }
}

void ReviewPanel::refresh() {
    disagreements_.clear();
    threads_.clear();
    problem_.clear();
    auto& document = window_.document();
    if (document.isOpen() && !trainee_->currentText().isEmpty()) {
        auto& project = document.project();
        const auto traineeId = coderId(trainee_->currentText());
        annotation::TimelineRequest request;
        request.session = document.session().name;
        request.coders = {reference_->currentText().toStdString(), trainee_->currentText().toStdString()};
        request.method = static_cast<annotation::TimelineMethod>(method_->currentData().toInt());
        if (request.method == annotation::TimelineMethod::Event)
            request.tolerance = annotation::Microseconds(2'000'000);
        try {
            disagreements_ = reviewDisagreements(annotation::timelineAgreement(project, request));
        } catch (const std::exception& e) {
            problem_ = QString::fromStdString(e.what()); // e.g. the trainee has not coded it yet
        }
        if (traineeId) {
            try {
                sv::ThreadFilter filter;
                filter.session = document.session().id;
                filter.trainee = *traineeId;
                threads_ = sv::ReviewThreads(project.store()).threads(filter);
            } catch (const std::exception& e) {
                problem_ = QString::fromStdString(e.what());
            }
        }
    }
    if (std::none_of(threads_.begin(), threads_.end(),
                     [this](const auto& t) { return t.id == currentThread_; }))
        currentThread_ = 0;
    if (currentDisagreement_ >= static_cast<int>(disagreements_.size()))
        currentDisagreement_ = -1;
    fillDisagreements();
    fillThreads();
    showMessages();
    updateRanges();
}

QString ReviewPanel::codeText(const std::string& code) const {
    if (code.empty())
        return tr("(nothing)");
    auto& document = window_.document();
    return document.isOpen() ? codeLabel(document.project().schemes().current(), code)
                             : QString::fromStdString(code);
}

void ReviewPanel::fillDisagreements() {
    const int n = static_cast<int>(disagreements_.size());
    disagreementTable_->setRowCount(n);
    for (int row = 0; row < n; ++row) {
        const auto& d = disagreements_[static_cast<std::size_t>(row)];
        auto set = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(QString::fromStdString(d.stream));
            disagreementTable_->setItem(row, column, item);
        };
        set(0, formatTime(d.start));
        set(1, formatTime(d.end));
        set(2, codeText(d.trainee));
        set(3, codeText(d.reference));
    }
    disagreementTable_->resizeColumnsToContents();
    if (currentDisagreement_ >= 0 && currentDisagreement_ < n)
        disagreementTable_->selectRow(currentDisagreement_);
    else
        disagreementTable_->clearSelection();

    const QString who = reference_->currentText();
    disagreementsLabel_->setText(tr("Disagreements with %1: %Ln", nullptr, n).arg(who));
    if (!problem_.isEmpty())
        summary_->setText(problem_);
    else if (!window_.document().isOpen() || trainee_->currentText().isEmpty())
        summary_->setText(tr("No trainee to review in this project yet."));
    else
        summary_->setText(tr("%1's coding of %2 against %3.")
                              .arg(trainee_->currentText(),
                                   QString::fromStdString(window_.document().session().name), who));
}

QString ReviewPanel::authorName(annotation::CoderId id) {
    try {
        return QString::fromStdString(window_.document().project().store().coder(id).name);
    } catch (const std::exception&) {
        return tr("Supervisor"); // a package names no one but its coder
    }
}

void ReviewPanel::fillThreads() {
    threadList_->clear();
    int open = 0;
    for (const auto& t : threads_) {
        if (!t.resolved)
            ++open;
        const QString first = t.messages.empty() ? QString() : excerpt(t.messages.front().text);
        auto* item = new QListWidgetItem(tr("%1–%2  %3%4")
                                             .arg(formatTime(t.start.count()), formatTime(t.end.count()),
                                                  t.resolved ? tr("✓ ") : QString(), first),
                                         threadList_);
        item->setData(Qt::UserRole, static_cast<qlonglong>(t.id));
        item->setToolTip(tr("%n message(s)", nullptr, static_cast<int>(t.messages.size())));
        item->setForeground(t.resolved ? palette().color(QPalette::Disabled, QPalette::Text)
                                       : palette().color(QPalette::Text));
        if (t.id == currentThread_)
            threadList_->setCurrentItem(item);
    }
    threadsLabel_->setText(
        tr("Threads: %1 open, %2 resolved")
            .arg(QLocale().toString(open), QLocale().toString(static_cast<int>(threads_.size()) - open)));
}

void ReviewPanel::showMessages() {
    const sv::ReviewThread* thread = nullptr;
    for (const auto& t : threads_)
        if (t.id == currentThread_)
            thread = &t;
    resolved_->blockSignals(true);
    resolved_->setChecked(thread && thread->resolved);
    resolved_->blockSignals(false);
    resolved_->setEnabled(thread && !package_);
    replyText_->setEnabled(thread != nullptr);
    send_->setEnabled(thread != nullptr);
    if (!thread) {
        messages_->setPlainText(threads_.empty() ? QString() : tr("Choose a thread to read it."));
        return;
    }
    QString html;
    for (const auto& m : thread->messages) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(m.at.count() / 1000).toLocalTime();
        html += QStringLiteral("<p><b>%1</b> <span style=\"color:gray\">%2</span><br>%3</p>")
                    .arg(authorName(m.author).toHtmlEscaped(),
                         QLocale().toString(at, QLocale::ShortFormat).toHtmlEscaped(),
                         QString::fromStdString(m.text).toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                                QStringLiteral("<br>")));
    }
    messages_->setHtml(html);
}

void ReviewPanel::updateRanges() {
    if (!active_) {
        overlay_->setRanges({});
        return;
    }
    QVector<MarkedRange> ranges;
    for (int i = 0; i < static_cast<int>(disagreements_.size()); ++i) {
        const auto& d = disagreements_[static_cast<std::size_t>(i)];
        ranges.push_back({d.start, d.end, kDisagreementColour, i == currentDisagreement_});
    }
    for (const auto& t : threads_)
        ranges.push_back({t.start.count(), t.end.count(), t.resolved ? kResolvedColour : kThreadColour,
                          t.id == currentThread_});
    overlay_->setRanges(std::move(ranges));
}

void ReviewPanel::decorateTimeline(TimelineContent& content) {
    auto& document = window_.document();
    if (!active_ || !document.isOpen())
        return;
    const auto traineeId = coderId(trainee_->currentText());
    const auto referenceId = coderId(reference_->currentText());
    if (!traineeId || !referenceId)
        return;
    // The whole session as the file holds it: review is the supervisor's view (a package holds
    // only what its coder may see anyway).
    auto& store = document.project().store();
    annotation::AnnotationFilter filter;
    filter.session = document.session().id;
    filter.coder = *traineeId;
    const auto mine = store.annotations(annotation::Viewer::wholeProject(), filter);
    filter.coder = *referenceId;
    const auto theirs = store.annotations(annotation::Viewer::wholeProject(), filter);

    const auto& scheme = document.project().schemes().current();
    std::vector<std::string> order;
    for (const auto& code : scheme.codes)
        order.push_back(code.id);
    for (const auto* list : {&mine, &theirs})
        for (const auto& a : *list)
            if (std::find(order.begin(), order.end(), a.code) == order.end())
                order.push_back(a.code);

    const QString traineeName = trainee_->currentText();
    const QString referenceName = reference_->currentText();
    QVector<TimelineTrack> tracks;
    for (const auto& code : order) {
        const schemes::Code* c = scheme.code(code);
        const QColor colour = c ? QColor::fromRgb(c->colour.rgb) : QColor(Qt::gray);
        const QString label = codeText(code);
        bool any = false;
        for (const auto& [list, name] : {std::pair{&mine, traineeName}, std::pair{&theirs, referenceName}}) {
            TimelineTrack track{QStringLiteral("review:%1:%2").arg(name, QString::fromStdString(code)),
                                tr("%1 · %2").arg(label, name),
                                colour,
                                false,
                                {}};
            for (const auto& a : *list) {
                if (a.code != code)
                    continue;
                TimelineItem item;
                item.id = a.id.value;
                item.code = QString::fromStdString(a.code);
                item.subject = QString::fromStdString(a.subject.value_or(""));
                item.coder = name;
                item.editable = false;
                item.start = a.start.count();
                if (a.end)
                    item.end = a.end->count();
                item.colour = colour;
                item.label = label;
                track.items.push_back(std::move(item));
            }
            any = any || !track.items.isEmpty();
            tracks.push_back(std::move(track));
        }
        if (!any)
            tracks.resize(tracks.size() - 2); // neither coded it: no rows
    }
    content.tracks = std::move(tracks);
}

bool ReviewPanel::exportClip() {
    QString label;
    std::optional<std::pair<std::int64_t, std::int64_t>> range;
    if (currentThread_ != 0) {
        for (const auto& t : threads_)
            if (t.id == currentThread_)
                range = std::pair(t.start.count(), t.end.count());
    } else if (currentDisagreement_ >= 0 && currentDisagreement_ < static_cast<int>(disagreements_.size())) {
        const auto& d = disagreements_[static_cast<std::size_t>(currentDisagreement_)];
        range = std::pair(d.start, d.end);
        label = tr("%1 / %2").arg(codeText(d.reference), codeText(d.trainee));
    }
    if (!range) {
        emit message(tr("Go to a thread or a disagreement first (%1).")
                         .arg(leftToRight(next_->shortcut().toString(QKeySequence::NativeText))));
        return false;
    }
    return window_.vision() != nullptr &&
           window_.vision()->exportClip(range->first, range->second, label) != nullptr;
}

std::vector<ReviewPanel::Stop> ReviewPanel::stops() const {
    std::vector<Stop> out;
    for (int i = 0; i < static_cast<int>(disagreements_.size()); ++i)
        out.push_back({disagreements_[static_cast<std::size_t>(i)].start,
                       disagreements_[static_cast<std::size_t>(i)].end, 0, i});
    for (const auto& t : threads_)
        out.push_back({t.start.count(), t.end.count(), t.id, -1});
    // Threads first where both start together: the conversation is what brought us here.
    std::stable_sort(out.begin(), out.end(), [](const Stop& a, const Stop& b) {
        return a.start != b.start ? a.start < b.start : (a.thread != 0) > (b.thread != 0);
    });
    return out;
}

void ReviewPanel::goToDisagreement(int row) {
    if (row >= 0 && row < static_cast<int>(disagreements_.size()))
        goTo(Stop{disagreements_[static_cast<std::size_t>(row)].start,
                  disagreements_[static_cast<std::size_t>(row)].end, 0, row});
}

void ReviewPanel::goToThread(std::int64_t id) {
    for (const auto& t : threads_)
        if (t.id == id)
            goTo(Stop{t.start.count(), t.end.count(), t.id, -1});
}

void ReviewPanel::goTo(const Stop& stop) {
    currentThread_ = stop.thread;
    currentDisagreement_ = stop.disagreement;
    lastStop_ = stop.start;
    auto& playback = window_.playback();
    playback.pause();
    playback.seek(stop.start);
    positionAfterJump_ = playback.position();
    if (stop.disagreement >= 0)
        disagreementTable_->selectRow(stop.disagreement);
    else
        disagreementTable_->clearSelection();
    for (int i = 0; i < threadList_->count(); ++i)
        if (threadList_->item(i)->data(Qt::UserRole).toLongLong() == stop.thread && stop.thread != 0)
            threadList_->setCurrentRow(i);
    if (stop.thread == 0)
        threadList_->clearSelection();
    showMessages();
    updateRanges();
}

void ReviewPanel::next() {
    const auto all = stops();
    if (all.empty())
        return;
    const auto& playback = window_.playback();
    // From the stop last visited while the playhead stays there, else from the playhead.
    const bool stayed = lastStop_ && playback.position() == positionAfterJump_;
    const std::int64_t from = stayed ? *lastStop_ : playback.position();
    auto it = all.begin();
    if (stayed) {
        // Past the one we are at (stops that start together are visited in order).
        it = std::find_if(all.begin(), all.end(), [&](const Stop& s) {
            return s.thread == currentThread_ && s.disagreement == currentDisagreement_;
        });
        it = it == all.end()
                 ? std::find_if(all.begin(), all.end(), [&](const Stop& s) { return s.start >= from; })
                 : it + 1;
    } else {
        it = std::find_if(all.begin(), all.end(), [&](const Stop& s) { return s.start >= from; });
    }
    if (it == all.end()) {
        emit message(tr("No further thread or disagreement in this session."));
        return;
    }
    goTo(*it);
}

void ReviewPanel::previous() {
    const auto all = stops();
    if (all.empty())
        return;
    const auto& playback = window_.playback();
    const bool stayed = lastStop_ && playback.position() == positionAfterJump_;
    int index = -1;
    if (stayed) {
        for (int i = 0; i < static_cast<int>(all.size()); ++i)
            if (all[static_cast<std::size_t>(i)].thread == currentThread_ &&
                all[static_cast<std::size_t>(i)].disagreement == currentDisagreement_)
                index = i - 1;
    } else {
        const std::int64_t from = playback.position();
        for (int i = 0; i < static_cast<int>(all.size()); ++i)
            if (all[static_cast<std::size_t>(i)].start < from)
                index = i;
    }
    if (index < 0) {
        emit message(tr("No earlier thread or disagreement in this session."));
        return;
    }
    goTo(all[static_cast<std::size_t>(index)]);
}

void ReviewPanel::showThread(std::int64_t id) {
    for (const auto& t : threads_)
        if (t.id == id)
            goTo(Stop{t.start.count(), t.end.count(), t.id, -1});
}

void ReviewPanel::newThreadFromSelection() {
    std::int64_t start = window_.playback().position();
    std::int64_t end = start + 2'000'000;
    auto& document = window_.document();
    if (currentDisagreement_ >= 0 && currentDisagreement_ < static_cast<int>(disagreements_.size())) {
        start = disagreements_[static_cast<std::size_t>(currentDisagreement_)].start;
        end = disagreements_[static_cast<std::size_t>(currentDisagreement_)].end;
    } else if (const qint64 selected = window_.timeline()->selected(); selected != 0 && document.isOpen()) {
        if (const auto a = document.project().store().annotation(annotation::Viewer::wholeProject(),
                                                                 annotation::AnnotationId{selected})) {
            start = a->start.count();
            end = a->end ? a->end->count() : start + 1'000'000;
        }
    }
    bool ok = false;
    const QString text =
        QInputDialog::getMultiLineText(this, tr("New thread"),
                                       tr("%1 to %2, about %3's coding. First message:")
                                           .arg(formatTime(start), formatTime(end), trainee_->currentText()),
                                       QString(), &ok);
    if (ok)
        openThread(start, end, text);
}

bool ReviewPanel::openThread(std::int64_t start, std::int64_t end, const QString& text) {
    auto& document = window_.document();
    const auto traineeId = coderId(trainee_->currentText());
    if (!document.isOpen() || !traineeId)
        return false;
    try {
        currentThread_ = sv::ReviewThreads(document.project().store())
                             .open(document.session().id, *traineeId, annotation::Microseconds(start),
                                   annotation::Microseconds(end), document.coder().id, text.toStdString());
    } catch (const std::exception& e) {
        emit message(tr("The thread was not opened: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    currentDisagreement_ = -1;
    refresh();
    return true;
}

bool ReviewPanel::reply(const QString& text) {
    auto& document = window_.document();
    if (!document.isOpen() || currentThread_ == 0)
        return false;
    try {
        sv::ReviewThreads(document.project().store())
            .reply(currentThread_, document.coder().id, text.toStdString());
    } catch (const std::exception& e) {
        emit message(tr("The message was not saved: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    refresh();
    return true;
}

bool ReviewPanel::setResolved(bool resolved) {
    auto& document = window_.document();
    if (!document.isOpen() || currentThread_ == 0 || package_)
        return false;
    try {
        sv::ReviewThreads(document.project().store()).setResolved(currentThread_, resolved);
    } catch (const std::exception& e) {
        emit message(QString::fromStdString(e.what()));
        return false;
    }
    refresh();
    return true;
}

} // namespace sb::gui
