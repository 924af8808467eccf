#include "app/gui/supervision/supervision_menu.h"

#include "app/gui/main_window.h"
#include "app/gui/supervision/audit_window.h"
#include "app/gui/supervision/progress_window.h"
#include "app/gui/supervision/review_panel.h"

#include "annotation/supervision/gold_standards.h"
#include "annotation/supervision/reveals.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

#include <stdexcept>

namespace sb::gui {
namespace {

namespace sv = annotation::supervision;

QString text(const std::exception& e) {
    return QString::fromStdString(e.what());
}

} // namespace

SupervisionMenu::SupervisionMenu(MainWindow& window)
    : QMenu(&window)
    , window_(window)
    , review_(new ReviewPanel(window))
    , reviewDock_(new QDockWidget(&window))
    , packageLabel_(new QLabel(&window))
    , createPackage_(addAction(QString(), this, &SupervisionMenu::chooseCreatePackage))
    , merge_(addAction(QString(), this, &SupervisionMenu::chooseMerge))
    , feedback_(addAction(QString(), this, &SupervisionMenu::chooseFeedback))
    , gold_(nullptr)
    , reveal_(nullptr)
    , reviewMode_(nullptr)
    , progressAction_(nullptr)
    , auditAction_(nullptr) {
    setObjectName(QStringLiteral("supervisionMenu"));
    addSeparator();
    gold_ = addAction(QString(), this, &SupervisionMenu::chooseGold);
    reveal_ = addAction(QString(), this, &SupervisionMenu::chooseReveal);
    addSeparator();
    reviewMode_ = addAction(QString());
    reviewMode_->setCheckable(true);
    reviewMode_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    reviewMode_->setShortcutContext(Qt::ApplicationShortcut);
    window.addAction(reviewMode_);
    connect(reviewMode_, &QAction::toggled, this, &SupervisionMenu::setReviewMode);
    addAction(review_->nextAction());
    addAction(review_->previousAction());
    addSeparator();
    progressAction_ = addAction(QString(), this, [this] { showProgress(); });
    auditAction_ = addAction(QString(), this, [this] { showAudit(); });
    createPackage_->setObjectName(QStringLiteral("createPackage"));
    merge_->setObjectName(QStringLiteral("mergePackage"));
    feedback_->setObjectName(QStringLiteral("releaseFeedback"));
    gold_->setObjectName(QStringLiteral("setGold"));
    reveal_->setObjectName(QStringLiteral("reveal"));
    reviewMode_->setObjectName(QStringLiteral("reviewMode"));
    progressAction_->setObjectName(QStringLiteral("trainingProgress"));
    auditAction_->setObjectName(QStringLiteral("auditHistory"));

    reviewDock_->setObjectName(QStringLiteral("reviewDock"));
    reviewDock_->setWidget(review_);
    window.addDockWidget(window.dockSide(Qt::RightDockWidgetArea), reviewDock_);
    reviewDock_->hide();
    connect(reviewDock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Closing the dock leaves review mode; hiding it behind a tab does not.
        if (!visible && reviewDock_->isHidden() && reviewMode_->isChecked())
            reviewMode_->setChecked(false);
    });
    connect(review_, &ReviewPanel::message, this,
            [this](const QString& message) { window_.statusBar()->showMessage(message, 8000); });

    packageLabel_->setObjectName(QStringLiteral("packageLabel"));
    packageLabel_->setStyleSheet(QStringLiteral("QLabel { padding: 1px 6px; font-weight: bold; }"));
    packageLabel_->hide();
    window.statusBar()->addPermanentWidget(packageLabel_);

    // Every change is recorded in the audit trail under the person at the window.
    connect(&window.document(), &SessionDocument::opened, this, [this] {
        auto& document = window_.document();
        if (document.isOpen())
            document.project().store().setActor(document.coder().id);
        readPackage(); // before the window titles itself
        refreshState();
    });
    retranslateUi();
    refreshState();
}

void SupervisionMenu::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMenu::changeEvent(event);
}

void SupervisionMenu::retranslateUi() {
    setTitle(tr("&Supervision"));
    createPackage_->setText(tr("Make coding &package for a coder…"));
    merge_->setText(tr("&Merge returned package…"));
    feedback_->setText(tr("Release &feedback to a trainee…"));
    gold_->setText(tr("Set &gold standard of this session…"));
    reveal_->setText(tr("Re&veal a coder's work to another…"));
    reviewMode_->setText(tr("&Review mode"));
    progressAction_->setText(tr("Training &progress…"));
    auditAction_->setText(tr("&Audit history…"));
    reviewDock_->setWindowTitle(tr("Review"));
    refreshState();
}

QString SupervisionMenu::coderForOpening(const QString& file, const QString& coder) {
    if (!QFileInfo::exists(file))
        return coder; // opening says what is wrong
    std::optional<sv::PackageHeader> header;
    try {
        header = sv::readPackageHeader(file.toStdString());
    } catch (const std::exception&) {
        return coder; // not a package: a project
    }
    const QString own = QString::fromStdString(header->coderName);
    if (!coder.isEmpty() && coder != own)
        throw std::runtime_error(
            tr("%1 is %2's coding package; it cannot be opened as %3.").arg(file, own, coder).toStdString());
    return own;
}

bool SupervisionMenu::supervisorAtWindow() const {
    auto& document = window_.document();
    return document.isOpen() && !package_ && document.coder().role == annotation::CoderRole::Supervisor;
}

void SupervisionMenu::readPackage() {
    auto& document = window_.document();
    if (document.isOpen() && document.projectFile() == packageFile_)
        return; // a session or coder switch in the same file
    package_.reset();
    packageFile_ = document.isOpen() ? document.projectFile() : QString();
    if (document.isOpen()) {
        try {
            package_ = sv::readPackageHeader(document.projectFile().toStdString());
        } catch (const std::exception&) {
            // A project.
        }
    }
}

void SupervisionMenu::projectOpened() {
    readPackage();
    // In a package the coder is the package's: no switching to anyone else in the file.
    if (auto* coders = window_.findChild<QComboBox*>(QStringLiteral("coders")))
        coders->setEnabled(!package_);
    review_->setPackageMode(package_.has_value());
    review_->chooseKeys();
    refreshState();
    const bool feedback = package_ && package_->kind == sv::PackageKind::Feedback;
    if (feedback != reviewMode_->isChecked())
        reviewMode_->setChecked(feedback); // feedback is read in review mode
    else if (reviewMode_->isChecked())
        setReviewMode(true);
}

QString SupervisionMenu::titleSuffix() const {
    if (!package_)
        return {};
    const QString coder = QString::fromStdString(package_->coderName);
    return package_->kind == sv::PackageKind::Feedback ? tr(" — feedback package for %1").arg(coder)
                                                       : tr(" — coding package for %1").arg(coder);
}

void SupervisionMenu::refreshState() {
    const bool supervisor = supervisorAtWindow();
    for (QAction* action : {createPackage_, merge_, feedback_, gold_, reveal_})
        action->setEnabled(supervisor);
    const bool open = window_.document().isOpen();
    reviewMode_->setEnabled(open);
    progressAction_->setEnabled(open && !package_);
    auditAction_->setEnabled(open);
    const QString tip = tr("Only a supervisor, in the main project, does this.");
    for (QAction* action : {createPackage_, merge_, feedback_, gold_, reveal_})
        action->setToolTip(supervisor ? QString() : tip);
    if (package_) {
        const QString coder = QString::fromStdString(package_->coderName);
        packageLabel_->setText(
            package_->kind == sv::PackageKind::Feedback
                ? tr("Feedback package for %1: gold standard and comments (read-only)").arg(coder)
                : tr("Coding package for %1: return this file to your supervisor").arg(coder));
        packageLabel_->show();
    } else {
        packageLabel_->hide();
    }
}

void SupervisionMenu::setReviewMode(bool on) {
    if (reviewMode_->isChecked() != on) {
        reviewMode_->setChecked(on); // comes back here through toggled
        return;
    }
    if (on && !reviewDock_->isFloating() && window_.tabifiedDockWidgets(reviewDock_).isEmpty()) {
        // A tab over the coding pad (its keys still code): stacked under it, the panels would
        // make the window taller than a laptop's screen.
        auto* pad = window_.findChild<QDockWidget*>(QStringLiteral("keypadDock"));
        if (pad && !pad->isFloating() && window_.dockWidgetArea(pad) == window_.dockWidgetArea(reviewDock_))
            window_.tabifyDockWidget(pad, reviewDock_);
    }
    reviewDock_->setVisible(on);
    if (on)
        reviewDock_->raise();
    review_->setActive(on);
}

void SupervisionMenu::decorateTimeline(TimelineContent& content) {
    review_->decorateTimeline(content);
}

void SupervisionMenu::failed(const QString& what, const std::exception& error) {
    lastError_ = tr("%1: %2").arg(what, text(error));
    lastResult_.clear();
    window_.statusBar()->showMessage(lastError_, 15000);
}

void SupervisionMenu::succeeded(const QString& message) {
    lastError_.clear();
    lastResult_ = message;
    window_.statusBar()->showMessage(message, 10000);
}

void SupervisionMenu::reloadAfterChange() {
    auto& document = window_.document();
    if (document.isOpen())
        document.switchSession(document.session().id); // reread what the library wrote
    review_->reload();
    review_->refresh();
    window_.refreshTimeline();
}

bool SupervisionMenu::createPackage(const QString& coder, const QString& file, const QStringList& sessions) {
    auto& document = window_.document();
    try {
        auto& store = document.project().store();
        sv::PackageOptions options;
        options.coder = store.coderNamed(coder.toStdString()).id;
        for (const QString& s : sessions)
            options.sessions.push_back(store.sessionNamed(s.toStdString()).id);
        const auto summary = sv::createCodingPackage(document.project(), options, file.toStdString());
        succeeded(tr("Coding package for %1 written to %2 (%n session(s)).", nullptr,
                     static_cast<int>(summary.header.sessions.size()))
                      .arg(coder, file));
        return true;
    } catch (const std::exception& e) {
        failed(tr("No package was made"), e);
        return false;
    }
}

bool SupervisionMenu::mergePackage(const QString& file) {
    try {
        const auto result = sv::mergePackage(window_.document().project(), file.toStdString());
        const QString coder = QString::fromStdString(result.header.coderName);
        if (result.alreadyMerged)
            succeeded(tr("%1 was merged before: nothing changed.").arg(QFileInfo(file).fileName()));
        else
            succeeded(tr("Merged %1's package: %2 annotations in %3 session(s), %4 new message(s).")
                          .arg(coder)
                          .arg(result.annotations)
                          .arg(result.sessions)
                          .arg(result.threadReplies));
    } catch (const std::exception& e) {
        failed(tr("The package was refused and nothing was merged"), e);
        return false;
    }
    reloadAfterChange();
    return true;
}

bool SupervisionMenu::releaseFeedback(const QString& coder, const QString& file) {
    auto& document = window_.document();
    try {
        sv::PackageOptions options;
        options.coder = document.project().store().coderNamed(coder.toStdString()).id;
        const auto summary = sv::createFeedbackPackage(document.project(), options, file.toStdString());
        succeeded(tr("Feedback for %1 written to %2: %3 thread(s), gold standard of %n session(s).", nullptr,
                     static_cast<int>(summary.header.sessions.size()))
                      .arg(coder, file)
                      .arg(summary.threads));
    } catch (const std::exception& e) {
        failed(tr("No feedback was released"), e);
        return false;
    }
    review_->refresh();
    return true;
}

bool SupervisionMenu::setGoldStandard(const QString& coder) {
    auto& document = window_.document();
    try {
        auto& store = document.project().store();
        sv::GoldStandards(store).set(document.session().id, store.coderNamed(coder.toStdString()).id);
        succeeded(tr("%1's coding is now the gold standard of %2.")
                      .arg(coder, QString::fromStdString(document.session().name)));
    } catch (const std::exception& e) {
        failed(tr("The gold standard was not set"), e);
        return false;
    }
    review_->reload();
    review_->refresh();
    window_.refreshTimeline();
    return true;
}

bool SupervisionMenu::reveal(const QString& viewer, const QString& owner, bool thisSessionOnly) {
    auto& document = window_.document();
    try {
        auto& store = document.project().store();
        std::optional<annotation::SessionId> session;
        if (thisSessionOnly)
            session = document.session().id;
        sv::Reveals(store).reveal(store.coderNamed(viewer.toStdString()).id,
                                  store.coderNamed(owner.toStdString()).id, session);
        succeeded(thisSessionOnly ? tr("%1 will see %2's work on %3 in their next package.")
                                        .arg(viewer, owner, QString::fromStdString(document.session().name))
                                  : tr("%1 will see %2's work in their next package.").arg(viewer, owner));
    } catch (const std::exception& e) {
        failed(tr("Nothing was revealed"), e);
        return false;
    }
    return true;
}

ProgressWindow* SupervisionMenu::showProgress() {
    if (!window_.document().isOpen())
        return nullptr;
    if (!progress_)
        progress_ = new ProgressWindow(window_.document(), &window_);
    progress_->reload();
    progress_->show();
    progress_->raise();
    return progress_;
}

AuditWindow* SupervisionMenu::showAudit() {
    if (!window_.document().isOpen())
        return nullptr;
    if (!audit_)
        audit_ = new AuditWindow(window_.document(), &window_);
    audit_->reload();
    audit_->show();
    audit_->raise();
    return audit_;
}

// ---- the menu's dialogs ---------------------------------------------------------------------

QString SupervisionMenu::chooseCoder(const QString& title, const QString& label, bool traineesOnly) {
    QStringList names;
    for (const auto& coder : window_.document().project().store().coders())
        if (!traineesOnly || coder.role == annotation::CoderRole::Coder)
            names << QString::fromStdString(coder.name);
    if (names.isEmpty()) {
        QMessageBox::information(&window_, title, tr("The project has no coder yet."));
        return {};
    }
    bool ok = false;
    const QString name = QInputDialog::getItem(&window_, title, label, names, 0, false, &ok);
    return ok ? name : QString();
}

void SupervisionMenu::chooseCreatePackage() {
    auto& store = window_.document().project().store();
    QDialog dialog(&window_);
    dialog.setWindowTitle(tr("Make a coding package"));
    auto* coder = new QComboBox(&dialog);
    for (const auto& c : store.coders())
        if (c.role == annotation::CoderRole::Coder)
            coder->addItem(QString::fromStdString(c.name));
    auto* sessions = new QListWidget(&dialog);
    for (const auto& s : store.sessions()) {
        auto* item = new QListWidgetItem(QString::fromStdString(s.name), sessions);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    auto* explanation = new QLabel(tr("The package holds the scheme, these sessions with their media "
                                      "references and the coder's own earlier work: no one else's "
                                      "coding, comments or names."),
                                   &dialog);
    explanation->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Coder"), coder);
    form->addRow(tr("Sessions"), sessions);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (coder->count() == 0) {
        QMessageBox::information(&window_, dialog.windowTitle(), tr("The project has no coder yet."));
        return;
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList chosen;
    for (int i = 0; i < sessions->count(); ++i)
        if (sessions->item(i)->checkState() == Qt::Checked)
            chosen << sessions->item(i)->text();
    if (chosen.isEmpty())
        return;
    const QString suggested = QFileInfo(window_.document().projectFile())
                                  .dir()
                                  .filePath(coder->currentText() + QStringLiteral(".sbpkg"));
    const QString file = QFileDialog::getSaveFileName(&window_, tr("Save the coding package"), suggested,
                                                      tr("SecureBase coding packages (*.sbpkg)"));
    if (file.isEmpty())
        return;
    if (!createPackage(coder->currentText(), file, chosen))
        QMessageBox::warning(&window_, tr("No package was made"), lastError_);
}

void SupervisionMenu::chooseMerge() {
    const QString file = QFileDialog::getOpenFileName(
        &window_, tr("Merge a returned package"), QFileInfo(window_.document().projectFile()).absolutePath(),
        tr("SecureBase coding packages (*.sbpkg);;All files (*)"));
    if (file.isEmpty())
        return;
    if (mergePackage(file))
        QMessageBox::information(&window_, tr("Package merged"), lastResult_);
    else
        QMessageBox::warning(&window_, tr("Package refused"),
                             tr("%1\n\nNothing was merged; the project is as it was.").arg(lastError_));
}

void SupervisionMenu::chooseFeedback() {
    const QString coder = chooseCoder(tr("Release feedback"), tr("Trainee"), true);
    if (coder.isEmpty())
        return;
    const QString suggested =
        QFileInfo(window_.document().projectFile()).dir().filePath(coder + QStringLiteral("-feedback.sbpkg"));
    const QString file = QFileDialog::getSaveFileName(&window_, tr("Save the feedback package"), suggested,
                                                      tr("SecureBase coding packages (*.sbpkg)"));
    if (file.isEmpty())
        return;
    if (!releaseFeedback(coder, file))
        QMessageBox::warning(&window_, tr("No feedback was released"), lastError_);
}

void SupervisionMenu::chooseGold() {
    const QString coder = chooseCoder(tr("Gold standard"),
                                      tr("Whose coding of %1 is the gold standard?")
                                          .arg(QString::fromStdString(window_.document().session().name)),
                                      false);
    if (!coder.isEmpty() && !setGoldStandard(coder))
        QMessageBox::warning(&window_, tr("Gold standard"), lastError_);
}

void SupervisionMenu::chooseReveal() {
    auto& store = window_.document().project().store();
    QDialog dialog(&window_);
    dialog.setWindowTitle(tr("Reveal a coder's work"));
    auto* viewer = new QComboBox(&dialog);
    auto* owner = new QComboBox(&dialog);
    for (const auto& c : store.coders()) {
        viewer->addItem(QString::fromStdString(c.name));
        owner->addItem(QString::fromStdString(c.name));
    }
    if (owner->count() > 1)
        owner->setCurrentIndex(1);
    auto* only =
        new QCheckBox(tr("Only %1").arg(QString::fromStdString(window_.document().session().name)), &dialog);
    auto* explanation = new QLabel(tr("Coding is blind by default. The work is shown read-only in the "
                                      "viewer's next coding package."),
                                   &dialog);
    explanation->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Show to"), viewer);
    form->addRow(tr("The work of"), owner);
    form->addRow(QString(), only);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!reveal(viewer->currentText(), owner->currentText(), only->isChecked()))
        QMessageBox::warning(&window_, dialog.windowTitle(), lastError_);
}

} // namespace sb::gui
