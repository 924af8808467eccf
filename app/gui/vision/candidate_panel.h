#pragma once
// Candidate events: the peaks of a measure above its threshold offered as events of a code
// the coder chooses, reviewed one by one. Accepting one adds a real annotation through the
// document's undoable edit commands (so it can be undone like a key press); rejecting drops
// it. Nothing is ever added without the coder's say.
//
// A state code becomes the burst around the peak (the frames above the threshold); a point
// code is placed at the peak's frame.

#include "codecs/analysis/peaks.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace sb::gui {

class MeasureLane;
class MotionTracks;
class SessionDocument;

class CandidatePanel : public QWidget {
    Q_OBJECT
public:
    CandidatePanel(SessionDocument& document, MotionTracks& tracks, QWidget* parent = nullptr);

    // Fills the list from the chosen measure's peaks (replacing what is pending).
    void findCandidates();
    // Accepts / rejects the current candidate and moves to the next one.
    bool acceptCurrent();
    void rejectCurrent();
    [[nodiscard]] int pending() const { return static_cast<int>(candidates_.size()); }
    // Chooses the code (by id) and the measure (by track name, e.g. "motion") in the lists.
    bool chooseCode(const QString& code);
    bool chooseMeasure(const QString& track);
    bool chooseSubject(const QString& subject); // empty: none

signals:
    void seekRequested(std::int64_t time);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Candidate {
        analysis::Peak peak;
        std::int64_t start = 0; // session time
        std::int64_t end = 0;   // end of the burst's last frame
    };
    void retranslateUi();
    void rebuildChoices();
    void refreshList();
    void showCurrent();
    [[nodiscard]] MeasureLane* chosenLane() const;

    SessionDocument& document_;
    MotionTracks& tracks_;
    QLabel* measureLabel_ = nullptr;
    QLabel* codeLabel_ = nullptr;
    QLabel* subjectLabel_ = nullptr;
    QComboBox* measure_ = nullptr;
    QComboBox* code_ = nullptr;
    QComboBox* subject_ = nullptr;
    QPushButton* find_ = nullptr;
    QListWidget* list_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* accept_ = nullptr;
    QPushButton* reject_ = nullptr;
    std::vector<Candidate> candidates_;
    QPointer<MeasureLane> source_; // the lane the candidates came from
};

} // namespace sb::gui
