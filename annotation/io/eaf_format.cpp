#include "annotation/io/eaf_format.h"

#include "annotation/io/import_error.h"
#include "annotation/io/modifier_text.h"

#include <QString>
#include <QXmlStreamWriter>
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <tuple>

namespace sb::annotation::io {

namespace {

QString q(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

std::int64_t toMs(Microseconds t) {
    const auto us = std::max<std::int64_t>(t.count(), 0);
    return (us + 500) / 1000;
}

std::string mimeType(const std::string& path) {
    auto extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".mp4" || extension == ".m4v") {
        return "video/mp4";
    }
    if (extension == ".mpg" || extension == ".mpeg") {
        return "video/mpeg";
    }
    if (extension == ".mov") {
        return "video/quicktime";
    }
    if (extension == ".wav") {
        return "audio/x-wav";
    }
    if (extension == ".mp3") {
        return "audio/mpeg";
    }
    return "video/*";
}

std::string fileUrl(const std::string& path) {
    const auto absolute = std::filesystem::absolute(path).lexically_normal().generic_string();
    std::string url = "file://";
    for (const unsigned char c : absolute) {
        const bool plain = std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
        url += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
    }
    return url;
}

std::string isoDate(Microseconds wallClock) {
    const std::time_t seconds = static_cast<std::time_t>(wallClock.count() / 1'000'000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+00:00", &utc);
    return text;
}

struct Tier {
    std::string id;
    std::string coder;
    std::string stream; // group id or code id
    std::string subject;
    std::vector<const Annotation*> annotations;
};

} // namespace

ImportedFile EafFormat::read(std::string_view, const std::string& fileName) const {
    throw ImportError(fileName, 0,
                      "EAF files are imported with importEaf (securebase-cli import --format eaf)");
}

void EafFormat::write(std::ostream& out, const SessionExport& session) const {
    const auto& scheme = session.scheme;
    // Tiers in a stable order: coder name, the stream's place in the scheme, subject.
    std::map<std::string, int> streamOrder;
    for (const auto& group : scheme.groups) {
        streamOrder.emplace(group.id, static_cast<int>(streamOrder.size()));
    }
    for (const auto& code : scheme.codes) {
        if (scheme.groupOf(code.id) == nullptr) {
            streamOrder.emplace(code.id, static_cast<int>(streamOrder.size()));
        }
    }
    std::map<std::tuple<std::string, int, std::string>, Tier> tiers;
    for (const auto& a : session.annotations) {
        const auto coder = session.coders.find(a.coder);
        const std::string coderName =
            coder != session.coders.end() ? coder->second.name : std::to_string(a.coder.value);
        const auto* group = scheme.groupOf(a.code);
        const std::string stream = group != nullptr ? group->id : a.code;
        const auto order = streamOrder.contains(stream) ? streamOrder.at(stream) : 1 << 20;
        auto& tier = tiers[{coderName, order, a.subject.value_or("")}];
        if (tier.id.empty()) {
            tier.coder = coderName;
            tier.stream = stream;
            tier.subject = a.subject.value_or("");
            tier.id = coderName + ":" + stream + (tier.subject.empty() ? "" : "@" + tier.subject);
        }
        tier.annotations.push_back(&a);
    }

    // Time timeSlots: two per annotation, in time order (ELAN reads TIME_ORDER as time order).
    struct SlotRef {
        std::int64_t ms;
        const Annotation* annotation;
        bool end;
    };
    std::vector<SlotRef> timeSlots;
    std::map<std::pair<const Annotation*, bool>, std::string> slotIds;
    for (const auto& [key, tier] : tiers) {
        for (const auto* a : tier.annotations) {
            const auto start = toMs(a->start);
            const auto end = std::max(a->end ? toMs(*a->end) : start + 1, start + 1);
            timeSlots.push_back({start, a, false});
            timeSlots.push_back({end, a, true});
        }
    }
    std::stable_sort(timeSlots.begin(), timeSlots.end(),
                     [](const SlotRef& x, const SlotRef& y) { return x.ms < y.ms; });
    for (std::size_t i = 0; i < timeSlots.size(); ++i) {
        slotIds[{timeSlots[i].annotation, timeSlots[i].end}] = fmt::format("ts{}", i + 1);
    }

    QString text;
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(4);
    xml.writeStartDocument(QStringLiteral("1.0"));
    xml.writeStartElement(QStringLiteral("ANNOTATION_DOCUMENT"));
    xml.writeAttribute(QStringLiteral("AUTHOR"), QStringLiteral("SecureBase"));
    xml.writeAttribute(QStringLiteral("DATE"), q(isoDate(session.session.createdAt)));
    xml.writeAttribute(QStringLiteral("FORMAT"), QStringLiteral("3.0"));
    xml.writeAttribute(QStringLiteral("VERSION"), QStringLiteral("3.0"));
    xml.writeAttribute(QStringLiteral("xmlns:xsi"),
                       QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    xml.writeAttribute(QStringLiteral("xsi:noNamespaceSchemaLocation"),
                       QStringLiteral("http://www.mpi.nl/tools/elan/EAFv3.0.xsd"));

    xml.writeStartElement(QStringLiteral("HEADER"));
    xml.writeAttribute(QStringLiteral("MEDIA_FILE"), QString());
    xml.writeAttribute(QStringLiteral("TIME_UNITS"), QStringLiteral("milliseconds"));
    for (const auto& media : session.session.media) {
        xml.writeEmptyElement(QStringLiteral("MEDIA_DESCRIPTOR"));
        xml.writeAttribute(QStringLiteral("MEDIA_URL"), q(fileUrl(media.path)));
        xml.writeAttribute(QStringLiteral("MIME_TYPE"), q(mimeType(media.path)));
        if (std::filesystem::path(media.path).is_relative()) {
            xml.writeAttribute(QStringLiteral("RELATIVE_MEDIA_URL"),
                               q("./" + std::filesystem::path(media.path).generic_string()));
        }
        // TIME_ORIGIN is the media time played at annotation time 0: minus our offset, in ms.
        if (media.offset.count() != 0) {
            const auto us = -media.offset.count();
            const auto ms = us >= 0 ? (us + 500) / 1000 : -((-us + 500) / 1000);
            xml.writeAttribute(QStringLiteral("TIME_ORIGIN"), QString::number(ms));
        }
    }
    xml.writeStartElement(QStringLiteral("PROPERTY"));
    xml.writeAttribute(QStringLiteral("NAME"), QStringLiteral("lastUsedAnnotationId"));
    std::size_t annotationCount = 0;
    std::size_t companionCount = 0;
    for (const auto& [key, tier] : tiers) {
        annotationCount += tier.annotations.size();
        for (const auto* a : tier.annotations) {
            companionCount += (a->modifiers.empty() ? 0 : 1) + (a->comment.empty() ? 0 : 1);
        }
    }
    xml.writeCharacters(QString::number(annotationCount + companionCount));
    xml.writeEndElement();
    xml.writeEndElement(); // HEADER

    xml.writeStartElement(QStringLiteral("TIME_ORDER"));
    for (std::size_t i = 0; i < timeSlots.size(); ++i) {
        xml.writeEmptyElement(QStringLiteral("TIME_SLOT"));
        xml.writeAttribute(QStringLiteral("TIME_SLOT_ID"), q(fmt::format("ts{}", i + 1)));
        xml.writeAttribute(QStringLiteral("TIME_VALUE"), QString::number(timeSlots[i].ms));
    }
    xml.writeEndElement();

    std::size_t nextId = 1;
    std::map<const Annotation*, std::string> annotationIds;
    bool anyCompanion = false;
    for (const auto& [key, tier] : tiers) {
        xml.writeStartElement(QStringLiteral("TIER"));
        xml.writeAttribute(QStringLiteral("ANNOTATOR"), q(tier.coder));
        xml.writeAttribute(QStringLiteral("LINGUISTIC_TYPE_REF"), q("securebase-" + tier.stream));
        if (!tier.subject.empty()) {
            xml.writeAttribute(QStringLiteral("PARTICIPANT"), q(tier.subject));
        }
        xml.writeAttribute(QStringLiteral("TIER_ID"), q(tier.id));
        for (const auto* a : tier.annotations) {
            const auto id = fmt::format("a{}", nextId++);
            annotationIds[a] = id;
            xml.writeStartElement(QStringLiteral("ANNOTATION"));
            xml.writeStartElement(QStringLiteral("ALIGNABLE_ANNOTATION"));
            xml.writeAttribute(QStringLiteral("ANNOTATION_ID"), q(id));
            xml.writeAttribute(QStringLiteral("TIME_SLOT_REF1"), q(slotIds.at({a, false})));
            xml.writeAttribute(QStringLiteral("TIME_SLOT_REF2"), q(slotIds.at({a, true})));
            xml.writeTextElement(QStringLiteral("ANNOTATION_VALUE"), q(a->code));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        // Companion tiers for what a value cannot hold.
        for (const bool modifiers : {true, false}) {
            std::vector<const Annotation*> with;
            for (const auto* a : tier.annotations) {
                if (modifiers ? !a->modifiers.empty() : !a->comment.empty()) {
                    with.push_back(a);
                }
            }
            if (with.empty()) {
                continue;
            }
            anyCompanion = true;
            xml.writeStartElement(QStringLiteral("TIER"));
            xml.writeAttribute(QStringLiteral("ANNOTATOR"), q(tier.coder));
            xml.writeAttribute(QStringLiteral("LINGUISTIC_TYPE_REF"), QStringLiteral("securebase-note"));
            xml.writeAttribute(QStringLiteral("PARENT_REF"), q(tier.id));
            if (!tier.subject.empty()) {
                xml.writeAttribute(QStringLiteral("PARTICIPANT"), q(tier.subject));
            }
            xml.writeAttribute(QStringLiteral("TIER_ID"),
                               q(tier.id + (modifiers ? "#modifiers" : "#comment")));
            for (const auto* a : with) {
                xml.writeStartElement(QStringLiteral("ANNOTATION"));
                xml.writeStartElement(QStringLiteral("REF_ANNOTATION"));
                xml.writeAttribute(QStringLiteral("ANNOTATION_ID"), q(fmt::format("a{}", nextId++)));
                xml.writeAttribute(QStringLiteral("ANNOTATION_REF"), q(annotationIds.at(a)));
                xml.writeTextElement(QStringLiteral("ANNOTATION_VALUE"),
                                     q(modifiers ? encodeModifiers(a->modifiers) : a->comment));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
    }

    // One linguistic type per stream, bound to its vocabulary.
    std::map<std::string, bool> streams;
    for (const auto& [key, tier] : tiers) {
        streams[tier.stream] = true;
    }
    for (const auto& [stream, used] : streams) {
        xml.writeEmptyElement(QStringLiteral("LINGUISTIC_TYPE"));
        xml.writeAttribute(QStringLiteral("CONTROLLED_VOCABULARY_REF"), q(stream));
        xml.writeAttribute(QStringLiteral("GRAPHIC_REFERENCES"), QStringLiteral("false"));
        xml.writeAttribute(QStringLiteral("LINGUISTIC_TYPE_ID"), q("securebase-" + stream));
        xml.writeAttribute(QStringLiteral("TIME_ALIGNABLE"), QStringLiteral("true"));
    }
    if (anyCompanion) {
        xml.writeEmptyElement(QStringLiteral("LINGUISTIC_TYPE"));
        xml.writeAttribute(QStringLiteral("CONSTRAINTS"), QStringLiteral("Symbolic_Association"));
        xml.writeAttribute(QStringLiteral("GRAPHIC_REFERENCES"), QStringLiteral("false"));
        xml.writeAttribute(QStringLiteral("LINGUISTIC_TYPE_ID"), QStringLiteral("securebase-note"));
        xml.writeAttribute(QStringLiteral("TIME_ALIGNABLE"), QStringLiteral("false"));
    }
    xml.writeEmptyElement(QStringLiteral("LANGUAGE"));
    xml.writeAttribute(QStringLiteral("LANG_DEF"), QStringLiteral("http://cdb.iso.org/lg/CDB-00130975-001"));
    xml.writeAttribute(QStringLiteral("LANG_ID"), QStringLiteral("und"));
    xml.writeAttribute(QStringLiteral("LANG_LABEL"), QStringLiteral("undetermined (und)"));
    const std::pair<const char*, const char*> constraints[] = {
        {"Time subdivision of parent annotation's time interval, no time gaps allowed within this interval",
         "Time_Subdivision"},
        {"Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered",
         "Symbolic_Subdivision"},
        {"1-1 association with a parent annotation", "Symbolic_Association"},
        {"Time alignable annotations within the parent annotation's time interval, gaps are allowed",
         "Included_In"}};
    for (const auto& [description, stereotype] : constraints) {
        xml.writeEmptyElement(QStringLiteral("CONSTRAINT"));
        xml.writeAttribute(QStringLiteral("DESCRIPTION"), QString::fromLatin1(description));
        xml.writeAttribute(QStringLiteral("STEREOTYPE"), QString::fromLatin1(stereotype));
    }
    for (const auto& [stream, used] : streams) {
        xml.writeStartElement(QStringLiteral("CONTROLLED_VOCABULARY"));
        xml.writeAttribute(QStringLiteral("CV_ID"), q(stream));
        std::vector<std::string> codes;
        std::string description = stream;
        if (const auto* group = scheme.group(stream)) {
            codes = group->codeIds;
            description = group->label.text;
        } else {
            codes.push_back(stream);
        }
        xml.writeStartElement(QStringLiteral("DESCRIPTION"));
        xml.writeAttribute(QStringLiteral("LANG_REF"), QStringLiteral("und"));
        xml.writeCharacters(q(description));
        xml.writeEndElement();
        for (const auto& id : codes) {
            const auto* code = scheme.code(id);
            xml.writeStartElement(QStringLiteral("CV_ENTRY_ML"));
            xml.writeAttribute(QStringLiteral("CVE_ID"), q("cve-" + id));
            xml.writeStartElement(QStringLiteral("CVE_VALUE"));
            xml.writeAttribute(QStringLiteral("DESCRIPTION"), q(code != nullptr ? code->label.text : id));
            xml.writeAttribute(QStringLiteral("LANG_REF"), QStringLiteral("und"));
            xml.writeCharacters(q(id));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement(); // ANNOTATION_DOCUMENT
    xml.writeEndDocument();
    // QXmlStreamWriter on a QString declares no encoding; ELAN expects UTF-8 and says so.
    auto bytes = text.toUtf8();
    bytes.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.write(bytes.constData(), bytes.size());
}

} // namespace sb::annotation::io
