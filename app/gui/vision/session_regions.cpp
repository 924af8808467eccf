#include "app/gui/vision/session_regions.h"

#include "app/gui/session_document.h"

namespace sb::gui {
namespace {

constexpr char kAnalysisDocument[] = "analysis-regions";
constexpr char kBlurDocument[] = "blur-regions";

} // namespace

SessionRegions::SessionRegions(SessionDocument& document, QObject* parent)
    : QObject(parent)
    , document_(document) {}

void SessionRegions::load() {
    analysis_.clear();
    blur_ = {};
    if (!document_.isOpen())
        return;
    auto& store = document_.project().store();
    const auto session = document_.session().id;
    const QString name = QString::fromStdString(document_.session().name);
    try {
        if (const auto json = store.sessionDocument(session, kAnalysisDocument))
            analysis_ = analysis::regionsFromJson(*json);
    } catch (const std::exception& e) {
        emit problem(tr("Session %1: analysis regions: %2").arg(name, QString::fromStdString(e.what())));
    }
    try {
        if (const auto json = store.sessionDocument(session, kBlurDocument))
            blur_ = vision::BlurRegions::fromJson(*json,
                                                  "session " + document_.session().name + ": blur-regions");
    } catch (const std::exception& e) {
        emit problem(QString::fromStdString(e.what()));
    }
    emit analysisRegionsChanged();
    emit blurRegionsChanged();
}

void SessionRegions::setAnalysisRegions(std::vector<analysis::RegionOfInterest> regions) {
    try {
        analysis::checkRegionNames(regions);
        document_.project().store().putSessionDocument(document_.session().id, kAnalysisDocument,
                                                       analysis::regionsToJson(regions));
        analysis_ = std::move(regions);
        emit analysisRegionsChanged();
    } catch (const std::exception& e) {
        emit problem(tr("Cannot save the analysis regions: %1").arg(QString::fromStdString(e.what())));
    }
}

void SessionRegions::setBlurRegions(vision::BlurRegions regions) {
    try {
        regions.validate("session " + document_.session().name + ": blur-regions");
        document_.project().store().putSessionDocument(document_.session().id, kBlurDocument,
                                                       regions.toJson());
        blur_ = std::move(regions);
        emit blurRegionsChanged();
    } catch (const std::exception& e) {
        emit problem(tr("Cannot save the blur regions: %1").arg(QString::fromStdString(e.what())));
    }
}

std::string SessionRegions::newBlurId() const {
    for (int n = 1;; ++n) {
        const std::string id = "r" + std::to_string(n);
        if (std::none_of(blur_.regions.begin(), blur_.regions.end(),
                         [&id](const vision::BlurRegion& r) { return r.id == id; }))
            return id;
    }
}

} // namespace sb::gui
