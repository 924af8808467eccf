#pragma once
// Review mode: a trainee's coding of the open session beside a reference (the session's gold
// standard, or any other coder), the disagreements the agreement engine finds between them, and
// the review threads anchored to time ranges of the session, where the supervisor writes and the
// trainee answers (in their feedback package). One key (N, Shift+N for back) walks through
// threads and disagreements in time order and puts the video there.
//
// The supervisor uses it in the main project; in a feedback package the trainee sees the same
// panel with the gold standard read-only, answers threads, and cannot resolve them.

#include "app/gui/supervision/range_overlay.h"
#include "app/gui/supervision/review_disagreements.h"
#include "app/gui/timeline/timeline_data.h"

#include "annotation/supervision/review_threads.h"

#include <QWidget>

#include <optional>
#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace sb::gui {

class FreeTextEdit;

class MainWindow;

class ReviewPanel : public QWidget {
    Q_OBJECT
public:
    ReviewPanel(MainWindow& window, QWidget* parent = nullptr);

    // Review mode on: the timeline shows the two coders' lanes and the marked ranges.
    void setActive(bool active);
    [[nodiscard]] bool isActive() const { return active_; }
    // A package fixes the trainee (its coder) and lets them answer, not open or resolve threads.
    void setPackageMode(bool package);

    // Coder lists from the project, the gold standard as reference when the session has one.
    void reload();
    // Recomputes disagreements and rereads threads for the chosen coders.
    void refresh();
    void setCoders(const QString& trainee, const QString& reference);
    [[nodiscard]] QString trainee() const;
    [[nodiscard]] QString reference() const;

    // Replaces the timeline's rows with the trainee's and the reference's lanes (review mode).
    void decorateTimeline(TimelineContent& content);

    [[nodiscard]] const std::vector<ReviewDisagreement>& disagreements() const { return disagreements_; }
    [[nodiscard]] const std::vector<annotation::supervision::ReviewThread>& threads() const {
        return threads_;
    }
    [[nodiscard]] QString problem() const { return problem_; }

    // Opens a thread on [start, end) about the trainee with its first message; false (reason
    // shown) when refused. The range of the current disagreement, the selected annotation or
    // the playhead's next two seconds is what the button offers.
    bool openThread(std::int64_t start, std::int64_t end, const QString& text);
    // Writes in the current thread as the person at the window.
    bool reply(const QString& text);
    bool setResolved(bool resolved);
    // Opens the clip export dialog (faces blurred) on the range of the thread or disagreement
    // last gone to, for a seminar; false (reason shown) when there is none.
    bool exportClip();
    // The thread shown (0: none).
    [[nodiscard]] std::int64_t currentThread() const { return currentThread_; }
    void showThread(std::int64_t id);

    [[nodiscard]] QAction* nextAction() const { return next_; }
    [[nodiscard]] QAction* previousAction() const { return previous_; }
    // Picks keys the scheme does not use: N / Shift+N, else Alt+N / Alt+Shift+N.
    void chooseKeys();

public slots:
    // Next (previous) thread or disagreement after (before) the one last visited, or the playhead.
    void next();
    void previous();

signals:
    void message(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Stop {
        std::int64_t start = 0;
        std::int64_t end = 0;
        std::int64_t thread = 0; // 0: a disagreement
        int disagreement = -1;
    };
    void retranslateUi();
    void fillDisagreements();
    void fillThreads();
    void showMessages();
    void updateRanges();
    void goTo(const Stop& stop);
    void goToDisagreement(int row); // a row of the table
    void goToThread(std::int64_t id);
    void newThreadFromSelection();
    [[nodiscard]] std::vector<Stop> stops() const;
    [[nodiscard]] std::optional<annotation::CoderId> coderId(const QString& name);
    [[nodiscard]] QString codeText(const std::string& code) const;
    [[nodiscard]] QString authorName(annotation::CoderId id);

    MainWindow& window_;
    RangeOverlay* overlay_;
    bool active_ = false;
    bool package_ = false;
    QLabel* traineeLabel_;
    QLabel* referenceLabel_;
    QLabel* methodLabel_;
    QComboBox* trainee_;
    QComboBox* reference_;
    QComboBox* method_;
    QLabel* summary_;
    QLabel* disagreementsLabel_;
    QTableWidget* disagreementTable_;
    QLabel* threadsLabel_;
    QListWidget* threadList_;
    QPushButton* newThread_;
    QPushButton* exportClip_;
    QCheckBox* resolved_;
    QTextBrowser* messages_;
    FreeTextEdit* replyText_;
    QPushButton* send_;
    QLabel* keysHint_;
    QAction* next_;
    QAction* previous_;

    std::vector<ReviewDisagreement> disagreements_;
    std::vector<annotation::supervision::ReviewThread> threads_;
    QString problem_;
    std::int64_t currentThread_ = 0;
    int currentDisagreement_ = -1;
    std::optional<std::int64_t> lastStop_; // start of the stop last jumped to
    std::int64_t positionAfterJump_ = -1;  // where the jump left the playhead
};

} // namespace sb::gui
