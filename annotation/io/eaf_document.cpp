#include "annotation/io/eaf_document.h"

#include "annotation/io/import_error.h"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>
#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>
#include <set>

namespace sb::annotation::io {

namespace {

constexpr std::int64_t kMs = 1000; // microseconds per millisecond

struct Slot {
    int position = 0;                  // in TIME_ORDER
    std::optional<std::int64_t> value; // ms; none when unaligned
};

class EafReader {
public:
    EafReader(std::string_view text, const std::string& fileName)
        : xml_(QByteArray(text.data(), static_cast<qsizetype>(text.size())))
        , fileName_(fileName) {
        // No DOCTYPE gets through (below), so nothing can be declared to expand; the limit
        // is a second fence.
        xml_.setEntityExpansionLimit(64);
        xml_.setNamespaceProcessing(false);
    }

    EafDocument read() {
        bool sawRoot = false;
        while (!xml_.atEnd()) {
            const auto token = xml_.readNext();
            if (token == QXmlStreamReader::DTD) {
                fail("a DOCTYPE (with its entity declarations) is not allowed in an EAF file; ELAN never "
                     "writes one");
            }
            if (token == QXmlStreamReader::EntityReference) {
                fail(fmt::format("the entity '&{};' is not allowed", xml_.name().toString().toStdString()));
            }
            if (token != QXmlStreamReader::StartElement) {
                continue;
            }
            const auto name = xml_.name();
            if (!sawRoot) {
                if (name != QLatin1String("ANNOTATION_DOCUMENT")) {
                    fail(fmt::format("not an ELAN file: the root element is <{}>, not <ANNOTATION_DOCUMENT>",
                                     name.toString().toStdString()));
                }
                sawRoot = true;
                attributes_ = xml_.attributes();
                document_.format = attribute("FORMAT");
                if (document_.format.empty()) {
                    document_.format = "3.0";
                }
                continue;
            }
            startElement(name);
        }
        if (xml_.hasError()) {
            const auto line = static_cast<int>(xml_.lineNumber());
            const auto column = xml_.columnNumber();
            std::string message = xml_.errorString().toStdString();
            if (!sawRoot && xml_.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
                message = "not an XML file (or an empty one)";
            }
            throw ImportError(fileName_, std::max(line, 1),
                              fmt::format("malformed XML at column {}: {}", column, message));
        }
        if (!sawRoot) {
            throw ImportError(fileName_, 0, "not an ELAN file: no <ANNOTATION_DOCUMENT> element");
        }
        resolve();
        return std::move(document_);
    }

private:
    [[noreturn]] void fail(const std::string& reason) const {
        throw ImportError(fileName_, static_cast<int>(xml_.lineNumber()), reason);
    }

    // Of the element being read (attributes_ is taken once per element: each call of
    // QXmlStreamReader::attributes() copies them).
    std::string attribute(const char* name) const {
        return attributes_.value(QLatin1String(name)).toString().toStdString();
    }

    bool hasAttribute(const char* name) const { return attributes_.hasAttribute(QLatin1String(name)); }

    std::string required(const char* element, const char* name) const {
        if (!hasAttribute(name)) {
            fail(fmt::format("<{}> lacks the {} attribute", element, name));
        }
        return attribute(name);
    }

    std::string text() { return xml_.readElementText(QXmlStreamReader::IncludeChildElements).toStdString(); }

    std::int64_t milliseconds(const std::string& text, const char* what) const {
        std::int64_t value = 0;
        const auto* end = text.data() + text.size();
        const auto [at, error] = std::from_chars(text.data(), end, value);
        if (text.empty() || error != std::errc() || at != end || value < 0 ||
            value > std::int64_t{1} << 40) { // 35 years in ms is plenty; keeps µs far from overflow
            fail(fmt::format("{} '{}' is not a whole, non-negative number of milliseconds", what, text));
        }
        return value;
    }

    void startElement(QStringView name) {
        const int line = static_cast<int>(xml_.lineNumber());
        attributes_ = xml_.attributes();
        if (name == QLatin1String("HEADER")) {
            const auto units = attribute("TIME_UNITS");
            if (!units.empty() && units != "milliseconds") {
                fail(fmt::format("TIME_UNITS '{}' is not supported (only milliseconds; ELAN has written "
                                 "nothing else since 2.x)",
                                 units));
            }
        } else if (name == QLatin1String("MEDIA_DESCRIPTOR")) {
            EafMediaDescriptor media;
            media.mediaUrl = required("MEDIA_DESCRIPTOR", "MEDIA_URL");
            media.relativeMediaUrl = attribute("RELATIVE_MEDIA_URL");
            media.mimeType = attribute("MIME_TYPE");
            media.extractedFrom = attribute("EXTRACTED_FROM");
            if (hasAttribute("TIME_ORIGIN")) {
                const auto origin = attribute("TIME_ORIGIN");
                // TIME_ORIGIN is an xsd:long: it may be negative.
                const bool negative = origin.starts_with('-');
                media.timeOriginMs = milliseconds(negative ? origin.substr(1) : origin, "TIME_ORIGIN");
                media.timeOriginMs = negative ? -media.timeOriginMs : media.timeOriginMs;
            }
            media.line = line;
            document_.media.push_back(std::move(media));
        } else if (name == QLatin1String("TIME_SLOT")) {
            const auto id = required("TIME_SLOT", "TIME_SLOT_ID");
            Slot slot;
            slot.position = static_cast<int>(slots_.size());
            if (hasAttribute("TIME_VALUE")) {
                slot.value = milliseconds(attribute("TIME_VALUE"), "TIME_VALUE");
            }
            if (!slots_.emplace(id, slot).second) {
                fail(fmt::format("time slot '{}' is declared twice", id));
            }
        } else if (name == QLatin1String("TIER")) {
            EafTier tier;
            tier.id = required("TIER", "TIER_ID");
            tier.linguisticType = required("TIER", "LINGUISTIC_TYPE_REF");
            tier.participant = attribute("PARTICIPANT");
            tier.annotator = attribute("ANNOTATOR");
            tier.parentId = attribute("PARENT_REF");
            tier.line = line;
            for (const auto& other : document_.tiers) {
                if (other.id == tier.id) {
                    fail(fmt::format("tier '{}' is declared twice", tier.id));
                }
            }
            document_.tiers.push_back(std::move(tier));
        } else if (name == QLatin1String("ALIGNABLE_ANNOTATION") || name == QLatin1String("REF_ANNOTATION")) {
            if (document_.tiers.empty()) {
                fail("an annotation outside any <TIER>");
            }
            EafAnnotation annotation;
            annotation.line = line;
            annotation.alignable = name == QLatin1String("ALIGNABLE_ANNOTATION");
            const char* element = annotation.alignable ? "ALIGNABLE_ANNOTATION" : "REF_ANNOTATION";
            annotation.id = required(element, "ANNOTATION_ID");
            if (annotation.alignable) {
                annotation.slot1 = required(element, "TIME_SLOT_REF1");
                annotation.slot2 = required(element, "TIME_SLOT_REF2");
            } else {
                annotation.parentId = required(element, "ANNOTATION_REF");
                annotation.previousId = attribute("PREVIOUS_ANNOTATION");
            }
            annotationElement_ = true;
            document_.tiers.back().annotations.push_back(std::move(annotation));
        } else if (name == QLatin1String("ANNOTATION_VALUE")) {
            if (!annotationElement_) {
                fail("<ANNOTATION_VALUE> outside an annotation");
            }
            document_.tiers.back().annotations.back().value = text();
            annotationElement_ = false;
        } else if (name == QLatin1String("LINGUISTIC_TYPE")) {
            EafLinguisticType type;
            type.id = required("LINGUISTIC_TYPE", "LINGUISTIC_TYPE_ID");
            type.stereotype = attribute("CONSTRAINTS");
            type.vocabulary = attribute("CONTROLLED_VOCABULARY_REF");
            document_.types.emplace(type.id, type);
        } else if (name == QLatin1String("CONTROLLED_VOCABULARY")) {
            EafVocabulary vocabulary;
            vocabulary.id = required("CONTROLLED_VOCABULARY", "CV_ID");
            vocabulary.description = attribute("DESCRIPTION");
            vocabulary.line = line;
            document_.vocabularies.push_back(std::move(vocabulary));
        } else if (name == QLatin1String("CV_ENTRY")) { // up to EAF 2.7
            if (document_.vocabularies.empty()) {
                fail("<CV_ENTRY> outside a <CONTROLLED_VOCABULARY>");
            }
            auto& entries = document_.vocabularies.back().entries;
            EafVocabularyEntry entry;
            entry.id = hasAttribute("CVE_ID") ? attribute("CVE_ID") : fmt::format("cveid{}", entries.size());
            entry.description = attribute("DESCRIPTION");
            entry.value = text();
            entries.push_back(std::move(entry));
        } else if (name == QLatin1String("CV_ENTRY_ML")) { // EAF 2.8+
            if (document_.vocabularies.empty()) {
                fail("<CV_ENTRY_ML> outside a <CONTROLLED_VOCABULARY>");
            }
            EafVocabularyEntry entry;
            entry.id = required("CV_ENTRY_ML", "CVE_ID");
            document_.vocabularies.back().entries.push_back(std::move(entry));
            entryValues_ = 0;
        } else if (name == QLatin1String("CVE_VALUE")) {
            if (document_.vocabularies.empty() || document_.vocabularies.back().entries.empty()) {
                fail("<CVE_VALUE> outside a <CV_ENTRY_ML>");
            }
            auto& entry = document_.vocabularies.back().entries.back();
            const auto description = attribute("DESCRIPTION");
            auto value = text();
            // A multilingual entry has one value per language; the first is the code.
            if (entryValues_++ == 0) {
                entry.value = std::move(value);
                entry.description = description;
            }
        }
    }

    // ---- times

    void resolve() {
        for (const auto& tier : document_.tiers) {
            if (!document_.types.contains(tier.linguisticType)) {
                throw ImportError(
                    fileName_, tier.line,
                    fmt::format("tier '{}' names the linguistic type '{}', which is not declared", tier.id,
                                tier.linguisticType));
            }
            if (!tier.parentId.empty() && tierIndex(tier.parentId) < 0) {
                throw ImportError(fileName_, tier.line,
                                  fmt::format("tier '{}' names the parent tier '{}', which does not exist",
                                              tier.id, tier.parentId));
            }
        }
        std::set<std::string> ids;
        for (std::size_t t = 0; t < document_.tiers.size(); ++t) {
            for (std::size_t a = 0; a < document_.tiers[t].annotations.size(); ++a) {
                const auto& annotation = document_.tiers[t].annotations[a];
                if (!ids.insert(annotation.id).second) {
                    throw ImportError(fileName_, annotation.line,
                                      fmt::format("annotation id '{}' is used twice", annotation.id));
                }
                where_.emplace(annotation.id, std::make_pair(t, a));
            }
        }
        for (const auto& [id, slot] : slots_) {
            if (slot.value) {
                lastAligned_ = std::max(lastAligned_, *slot.value);
            }
        }
        state_.assign(document_.tiers.size(), 0);
        for (std::size_t t = 0; t < document_.tiers.size(); ++t) {
            resolveTier(t);
        }
        for (auto& tier : document_.tiers) {
            std::stable_sort(
                tier.annotations.begin(), tier.annotations.end(),
                [](const EafAnnotation& x, const EafAnnotation& y) { return x.start < y.start; });
        }
    }

    int tierIndex(const std::string& id) const {
        for (std::size_t i = 0; i < document_.tiers.size(); ++i) {
            if (document_.tiers[i].id == id) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }

    // Parents first, so chain ends and reference annotations can ask them.
    void resolveTier(std::size_t t) {
        if (state_[t] == 2) {
            return;
        }
        auto& tier = document_.tiers[t];
        if (state_[t] == 1) {
            throw ImportError(fileName_, tier.line, fmt::format("tier '{}' is its own ancestor", tier.id));
        }
        state_[t] = 1;
        if (!tier.parentId.empty()) {
            resolveTier(static_cast<std::size_t>(tierIndex(tier.parentId)));
        }
        resolveAlignable(tier);
        resolveReferences(tier);
        state_[t] = 2;
    }

    const Slot& slot(const std::string& id, const EafAnnotation& annotation) const {
        const auto found = slots_.find(id);
        if (found == slots_.end()) {
            throw ImportError(fileName_, annotation.line,
                              fmt::format("annotation '{}' names the time slot '{}', which does not exist",
                                          annotation.id, id));
        }
        return found->second;
    }

    void resolveAlignable(EafTier& tier) {
        std::vector<EafAnnotation*> chain;
        bool unaligned = false;
        for (auto& annotation : tier.annotations) {
            if (annotation.alignable) {
                chain.push_back(&annotation);
                unaligned = unaligned || !slot(annotation.slot1, annotation).value ||
                            !slot(annotation.slot2, annotation).value;
            }
        }
        if (chain.empty()) {
            return;
        }
        if (!unaligned) {
            for (auto* annotation : chain) {
                annotation->start = Microseconds{*slots_.at(annotation->slot1).value * kMs};
                annotation->end = Microseconds{*slots_.at(annotation->slot2).value * kMs};
                checkOrder(*annotation);
            }
            return;
        }
        // ELAN orders slots by file position where one is unaligned.
        std::stable_sort(chain.begin(), chain.end(), [this](const EafAnnotation* x, const EafAnnotation* y) {
            return slots_.at(x->slot1).position < slots_.at(y->slot1).position;
        });
        std::vector<std::string> ids;
        for (const auto* annotation : chain) {
            if (ids.empty() || ids.back() != annotation->slot1) {
                ids.push_back(annotation->slot1);
            }
            ids.push_back(annotation->slot2);
        }
        const EafTier* parent = tier.parentId.empty() ? nullptr : &document_.tiers[tierIndex(tier.parentId)];
        std::map<std::string, std::int64_t> times;
        for (std::size_t i = 0; i < ids.size();) {
            const auto& value = slots_.at(ids[i]).value;
            if (value) {
                times[ids[i]] = *value;
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < ids.size() && !slots_.at(ids[j]).value) {
                ++j;
            }
            const std::optional<std::int64_t> before =
                i > 0 ? slots_.at(ids[i - 1]).value : std::optional<std::int64_t>{};
            const std::optional<std::int64_t> after =
                j < ids.size() ? slots_.at(ids[j]).value : std::optional<std::int64_t>{};
            const std::int64_t b = before ? *before : parentBound(parent, after, true);
            const std::int64_t e = after ? *after : parentBound(parent, before, false);
            const auto k = static_cast<std::int64_t>(j - i);
            for (std::int64_t n = 1; n <= k; ++n) {
                times[ids[i + static_cast<std::size_t>(n) - 1]] = b + n * ((e - b) / (k + 1));
            }
            i = j;
        }
        for (auto* annotation : chain) {
            annotation->start = Microseconds{times.at(annotation->slot1) * kMs};
            annotation->end = Microseconds{times.at(annotation->slot2) * kMs};
            checkOrder(*annotation);
        }
    }

    // The start (or end) of the parent annotation around a chain end that has no aligned slot.
    std::int64_t parentBound(const EafTier* parent, std::optional<std::int64_t> near, bool start) const {
        if (parent != nullptr) {
            for (const auto& p : parent->annotations) {
                const auto ps = p.start.count() / kMs;
                const auto pe = p.end.count() / kMs;
                if (!near || (ps <= *near && *near <= pe)) {
                    return start ? ps : pe;
                }
            }
        }
        return start ? 0 : std::max(lastAligned_, near.value_or(0));
    }

    void checkOrder(const EafAnnotation& annotation) const {
        if (annotation.end < annotation.start) {
            throw ImportError(fileName_, annotation.line,
                              fmt::format("annotation '{}' ends ({} ms) before it begins ({} ms)",
                                          annotation.id, annotation.end.count() / kMs,
                                          annotation.start.count() / kMs));
        }
    }

    const EafAnnotation& resolvedParent(const EafAnnotation& annotation) {
        const auto found = where_.find(annotation.parentId);
        if (found == where_.end()) {
            throw ImportError(
                fileName_, annotation.line,
                fmt::format("annotation '{}' refers to the annotation '{}', which does not exist",
                            annotation.id, annotation.parentId));
        }
        const auto [t, a] = found->second;
        resolveTier(t);
        return document_.tiers[t].annotations[a];
    }

    void resolveReferences(EafTier& tier) {
        const bool subdivision = document_.types.at(tier.linguisticType).stereotype == "Symbolic_Subdivision";
        std::map<std::string, std::vector<EafAnnotation*>> byParent;
        for (auto& annotation : tier.annotations) {
            if (!annotation.alignable) {
                byParent[annotation.parentId].push_back(&annotation);
            }
        }
        for (auto& [parentId, children] : byParent) {
            const auto& parent = resolvedParent(*children.front());
            if (!subdivision || children.size() == 1) {
                for (auto* child : children) {
                    child->start = parent.start;
                    child->end = parent.end;
                }
                continue;
            }
            // Order by the PREVIOUS_ANNOTATION chain: the first has none (or one outside the group).
            std::vector<EafAnnotation*> ordered;
            std::map<std::string, EafAnnotation*> byPrevious;
            for (auto* child : children) {
                byPrevious[child->previousId] = child;
            }
            std::set<std::string> siblings;
            for (const auto* child : children) {
                siblings.insert(child->id);
            }
            EafAnnotation* next = nullptr;
            for (auto* child : children) {
                if (child->previousId.empty() || !siblings.contains(child->previousId)) {
                    next = child;
                    break;
                }
            }
            std::set<const EafAnnotation*> seen;
            while (next != nullptr && seen.insert(next).second) {
                ordered.push_back(next);
                const auto found = byPrevious.find(next->id);
                next = found == byPrevious.end() ? nullptr : found->second;
            }
            if (ordered.size() != children.size()) {
                throw ImportError(
                    fileName_, children.front()->line,
                    fmt::format("the PREVIOUS_ANNOTATION chain under annotation '{}' is broken", parentId));
            }
            const auto span = parent.end - parent.start;
            const auto n = static_cast<std::int64_t>(ordered.size());
            for (std::int64_t i = 0; i < n; ++i) {
                ordered[static_cast<std::size_t>(i)]->start = parent.start + span * i / n;
                ordered[static_cast<std::size_t>(i)]->end = parent.start + span * (i + 1) / n;
            }
        }
    }

    QXmlStreamReader xml_;
    QXmlStreamAttributes attributes_;
    std::string fileName_;
    EafDocument document_;
    std::map<std::string, Slot> slots_;
    std::map<std::string, std::pair<std::size_t, std::size_t>> where_; // annotation id -> tier, index
    std::vector<int> state_;                                           // 0 new, 1 resolving, 2 done
    std::int64_t lastAligned_ = 0;
    bool annotationElement_ = false;
    int entryValues_ = 0;
};

} // namespace

const EafVocabulary* EafDocument::vocabularyOf(const EafTier& tier) const {
    const auto type = types.find(tier.linguisticType);
    if (type == types.end() || type->second.vocabulary.empty()) {
        return nullptr;
    }
    for (const auto& vocabulary : vocabularies) {
        if (vocabulary.id == type->second.vocabulary) {
            return &vocabulary;
        }
    }
    return nullptr;
}

EafDocument readEaf(std::string_view text, const std::string& fileName) {
    return EafReader(text, fileName).read();
}

} // namespace sb::annotation::io
