#pragma once
// The regions drawn over a session's video, kept in the project as per-session documents
// (annotation/project_store.h putSessionDocument): "analysis-regions" (named rectangles the
// motion measures look inside, codecs/analysis/region_of_interest.h's JSON) and "blur-regions"
// (keyframed rectangles and ellipses the clip export blurs, codecs/vision/blur_regions.h's
// JSON). Every change is written at once, like any other edit.

#include "codecs/analysis/region_of_interest.h"
#include "codecs/vision/blur_regions.h"

#include <QObject>
#include <QString>

#include <vector>

namespace sb::gui {

class SessionDocument;

class SessionRegions : public QObject {
    Q_OBJECT
public:
    explicit SessionRegions(SessionDocument& document, QObject* parent = nullptr);

    // Reads both documents of the open session; a document that does not parse is reported
    // through `problem` and treated as empty (the stored text is left alone until the next save).
    void load();
    [[nodiscard]] const std::vector<analysis::RegionOfInterest>& analysisRegions() const { return analysis_; }
    [[nodiscard]] const vision::BlurRegions& blurRegions() const { return blur_; }

    // Replace and store (throws nothing: a failed write is reported through `problem`).
    void setAnalysisRegions(std::vector<analysis::RegionOfInterest> regions);
    void setBlurRegions(vision::BlurRegions regions);
    // A fresh id for a new blur region ("r1", "r2", …).
    [[nodiscard]] std::string newBlurId() const;

signals:
    void analysisRegionsChanged();
    void blurRegionsChanged();
    void problem(const QString& message);

private:
    SessionDocument& document_;
    std::vector<analysis::RegionOfInterest> analysis_;
    vision::BlurRegions blur_;
};

} // namespace sb::gui
