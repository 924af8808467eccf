#pragma once
// An ELAN annotation document (.eaf) as read: media, tiers, their annotations with times
// resolved, linguistic types and controlled vocabularies. Reads EAF 2.x to 3.0 (ELAN decides
// by FORMAT, and so do we only where the structure differs: CV_ENTRY up to 2.7,
// CV_ENTRY_ML/CVE_VALUE from 2.8).
//
// Safety: the XML comes from outside. QXmlStreamReader never fetches external entities;
// besides, any DOCTYPE (and with it every entity declaration) is refused outright, so no
// entity can be declared, expanded or fetched.
//
// Times (docs/interchange.md, "Time slots"): a TIME_SLOT with a TIME_VALUE is that many
// milliseconds. Unaligned slots (no TIME_VALUE) are placed as ELAN places them
// (TierImpl.proposeTimeFor): along the tier's chain of slots, the i-th of k unaligned slots
// between aligned neighbours B and E gets B + i * ((E - B) / (k + 1)), integer milliseconds.
// An unaligned slot with no aligned slot before it in the chain takes the chain's parent
// annotation's start when it has one, else 0; with none after it, the parent's end, else the
// last aligned time of the document. Reference annotations take their parent's interval
// (Symbolic_Association), or an equal share of it in PREVIOUS_ANNOTATION order
// (Symbolic_Subdivision), as ELAN draws them.

#include "annotation/time.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation::io {

struct EafMediaDescriptor {
    std::string mediaUrl;
    std::string relativeMediaUrl; // "" when absent
    std::string mimeType;
    std::string extractedFrom;
    std::int64_t timeOriginMs = 0; // the media position played at annotation time 0
    int line = 0;
};

struct EafAnnotation {
    std::string id;
    std::string value;
    int line = 0;
    bool alignable = true;
    std::string slot1, slot2;         // ALIGNABLE_ANNOTATION
    std::string parentId, previousId; // REF_ANNOTATION
    Microseconds start{0}, end{0};    // resolved (see above)
};

struct EafTier {
    std::string id;
    std::string linguisticType;
    std::string participant;
    std::string annotator;
    std::string parentId; // PARENT_REF, "" for a top-level tier
    int line = 0;
    std::vector<EafAnnotation> annotations; // in time order once read
};

struct EafLinguisticType {
    std::string id;
    std::string stereotype; // CONSTRAINTS: "" (top level), "Time_Subdivision", …
    std::string vocabulary; // CONTROLLED_VOCABULARY_REF, "" for none
};

struct EafVocabularyEntry {
    std::string id; // CVE_ID (2.8+), or made up as "cveid0", … for older files
    std::string value;
    std::string description;
};

struct EafVocabulary {
    std::string id;
    std::string description;
    std::vector<EafVocabularyEntry> entries;
    int line = 0;
};

struct EafDocument {
    std::string format; // FORMAT, "3.0" when absent
    std::vector<EafMediaDescriptor> media;
    std::vector<EafTier> tiers;
    std::map<std::string, EafLinguisticType> types;
    std::vector<EafVocabulary> vocabularies;

    // The vocabulary of a tier's linguistic type, or nullptr.
    [[nodiscard]] const EafVocabulary* vocabularyOf(const EafTier& tier) const;
};

// Throws ImportError("FILE:LINE: …") for malformed XML (with the column), a file that is
// not EAF, a DOCTYPE, references to slots, tiers, types or annotations that do not exist,
// times that are not whole non-negative milliseconds, and annotations that end before they
// begin.
[[nodiscard]] EafDocument readEaf(std::string_view text, const std::string& fileName);

} // namespace sb::annotation::io
