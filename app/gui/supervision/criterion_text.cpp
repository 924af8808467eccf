#include "app/gui/supervision/criterion_text.h"

#include "app/gui/number_format.h"
#include "app/gui/scheme_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace sb::gui {

namespace {

class CriterionText {
    Q_DECLARE_TR_FUNCTIONS(CriterionText)

public:
    explicit CriterionText(const schemes::CodingScheme& scheme)
        : scheme_(scheme) {}

    QString kappa(const annotation::KappaRequirement& r) const {
        QString what;
        switch (r.per) {
        case annotation::KappaRequirement::Per::Group:
            what = r.ids.empty()
                       ? tr("per exclusive group (every group coded)")
                       : tr("per exclusive group (%1)").arg(names(r.ids, &CriterionText::groupLabel));
            break;
        case annotation::KappaRequirement::Per::Code:
            what = r.ids.empty() ? tr("per code (every code coded)")
                                 : tr("per code (%1)").arg(names(r.ids, &CriterionText::codeName));
            break;
        case annotation::KappaRequirement::Per::Overall:
            what = tr("overall (mean over the streams)");
            break;
        }
        return tr("time-unit kappa ≥ %1 %2 with %3 s units and ±%4 s tolerance, %5")
            .arg(decimal(r.minimum), what, seconds(r.unit), seconds(r.tolerance), tapes(r.tapes));
    }

    QString scales(const annotation::ScaleRequirement& r) const {
        const QString which =
            r.scales.empty() ? tr("every scale") : names(r.scales, &CriterionText::scaleLabel);
        return (r.perScale
                    ? tr("scale scores (%1) within %2 point(s) of gold on at least %3 % of the episodes "
                         "of each scale, %4",
                         nullptr, r.within)
                    : tr("scale scores (%1) within %2 point(s) of gold on at least %3 % of the episodes, %4",
                         nullptr, r.within))
            .arg(which, number(r.within), decimal(r.minimumPercent), tapes(r.tapes));
    }

    QString judgement(const annotation::JudgementRequirement& r) const {
        const schemes::Judgement* j = scheme_.judgement(r.judgement);
        const QString name = j ? schemeText(j->label) : QString::fromStdString(r.judgement);
        const QString level = r.mainLevel ? tr(" (main category)") : QString();
        return r.of ? tr("the same %1 as gold%2 on at least %3 of %4 tapes")
                          .arg(name, level, number(r.atLeast), number(*r.of))
                    : tr("the same %1 as gold%2 on at least %3 tape(s)", nullptr, r.atLeast)
                          .arg(name, level, number(r.atLeast));
    }

private:
    using Label = QString (CriterionText::*)(const std::string&) const;

    QString names(const std::vector<std::string>& ids, Label label) const {
        QStringList out;
        for (const auto& id : ids)
            out << (this->*label)(id);
        return out.join(tr(", "));
    }
    QString groupLabel(const std::string& id) const {
        const schemes::ExclusiveGroup* g = scheme_.group(id);
        return g && !g->label.empty() ? schemeText(g->label) : QString::fromStdString(id);
    }
    QString codeName(const std::string& id) const { return codeLabel(scheme_, id); }
    QString scaleLabel(const std::string& id) const {
        const schemes::Scale* s = scheme_.scale(id);
        return s ? schemeText(s->label) : QString::fromStdString(id);
    }
    QString tapes(const std::optional<int>& n) const {
        return n ? tr("on at least %1 tape(s)", nullptr, *n).arg(number(*n)) : tr("on every tape");
    }
    static QString number(std::int64_t n) { return displayNumber(n); }
    static QString decimal(double v) { return displayDigits(QString::number(v, 'g', 6)); }
    static QString seconds(annotation::Microseconds t) {
        return displayDigits(QString::number(static_cast<double>(t.count()) / 1e6, 'g', 9));
    }

    const schemes::CodingScheme& scheme_;
};

} // namespace

QStringList criterionText(const annotation::TrainingCriterion& criterion,
                          const schemes::CodingScheme& scheme) {
    const CriterionText text(scheme);
    QStringList lines;
    for (const auto& r : criterion.kappa)
        lines << text.kappa(r);
    for (const auto& r : criterion.scales)
        lines << text.scales(r);
    for (const auto& r : criterion.judgements)
        lines << text.judgement(r);
    return lines;
}

} // namespace sb::gui
