#pragma once
// The Supervision menu of the workstation and what hangs off it: coding packages (make one for a
// coder, merge one back, release feedback), the gold standard of a session, reveals, review mode
// (review_panel.h), a trainee's progress (progress_window.h) and the audit history
// (audit_window.h). Every step is one call into securebase_supervision / securebase_training, the
// same calls the command line makes; a refusal is shown with the library's reason, and nothing
// changes then.
//
// It also knows when the open file is a coding package (.sbpkg): the window then says whose
// package it is, the coder cannot be switched, and a feedback package opens in review mode with
// the gold standard read-only.
//
// The public methods taking names and files are what the menu's dialogs call; tests call them too.

#include "app/gui/timeline/timeline_data.h"

#include "annotation/supervision/coding_package.h"

#include <QMenu>
#include <QPointer>

#include <optional>

class QDockWidget;
class QLabel;

namespace sb::gui {

class AuditWindow;
class MainWindow;
class ProgressWindow;
class ReviewPanel;

class SupervisionMenu : public QMenu {
    Q_OBJECT
public:
    explicit SupervisionMenu(MainWindow& window);

    // The coder to open `file` as: a package's own coder (when `coder` is empty or names them);
    // throws std::runtime_error naming the package and its coder for anyone else. Files that
    // are not packages: `coder` unchanged.
    [[nodiscard]] static QString coderForOpening(const QString& file, const QString& coder);

    // After the window opened a project or package: package state, title, keys, review.
    void projectOpened();
    // " — coding package for Ana" while a package is open, else empty.
    [[nodiscard]] QString titleSuffix() const;
    // Review mode's lanes on the timeline (nothing when review mode is off).
    void decorateTimeline(TimelineContent& content);

    [[nodiscard]] const std::optional<annotation::supervision::PackageHeader>& package() const {
        return package_;
    }
    [[nodiscard]] bool supervisorAtWindow() const;
    [[nodiscard]] ReviewPanel* review() const { return review_; }
    void setReviewMode(bool on);
    ProgressWindow* showProgress();
    AuditWindow* showAudit();

    // Supervisor steps; false with lastError() (also shown in the status bar) when refused.
    bool createPackage(const QString& coder, const QString& file, const QStringList& sessions = {});
    bool mergePackage(const QString& file);
    bool releaseFeedback(const QString& coder, const QString& file);
    bool setGoldStandard(const QString& coder);
    bool reveal(const QString& viewer, const QString& owner, bool thisSessionOnly);
    [[nodiscard]] QString lastError() const { return lastError_; }
    [[nodiscard]] QString lastResult() const { return lastResult_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void readPackage();
    void refreshState();
    void failed(const QString& what, const std::exception& error);
    void succeeded(const QString& text);
    void reloadAfterChange();
    QString chooseCoder(const QString& title, const QString& label, bool traineesOnly);
    void chooseCreatePackage();
    void chooseMerge();
    void chooseFeedback();
    void chooseGold();
    void chooseReveal();

    MainWindow& window_;
    ReviewPanel* review_;
    QDockWidget* reviewDock_;
    QLabel* packageLabel_;
    QPointer<ProgressWindow> progress_;
    QPointer<AuditWindow> audit_;
    QAction* createPackage_;
    QAction* merge_;
    QAction* feedback_;
    QAction* gold_;
    QAction* reveal_;
    QAction* reviewMode_;
    QAction* progressAction_;
    QAction* auditAction_;
    std::optional<annotation::supervision::PackageHeader> package_;
    QString packageFile_; // the file package_ was read from
    QString lastError_;
    QString lastResult_;
};

} // namespace sb::gui
