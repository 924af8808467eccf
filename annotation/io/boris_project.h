#pragma once
// A BORIS project file (.boris, JSON) as read: the ethogram, subjects and observations with
// their raw events. Reads project_format_version 4.0 (BORIS 6) to 8.x; the pre-7.0 "time
// offset second player" is read as player 2's offset, as BORIS's own upgrade does.
// Pairing state events into intervals is the importer's job (boris_import.h).
//
// BORIS keeps its "list" sections as objects keyed by row index ("0", "1", …); they are read
// in numeric key order. Times are seconds written as JSON numbers (BORIS rounds them to the
// millisecond); they are taken to the nearest microsecond.

#include "annotation/time.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::annotation::io {

struct BorisModifierSet {
    std::string name;
    int type = 0;                    // 0 single choice, 1 multiple choice, 2 numeric, 3 external data
    std::vector<std::string> values; // as written, shortcut and spaces included ("a    (a)")
};

struct BorisBehaviour {
    std::string code;
    std::string type; // "Point event", "State event", "… with coding map"
    std::string key;
    std::string description;
    std::string category;
    std::string colour; // "" when absent
    std::vector<BorisModifierSet> modifiers;
    std::vector<std::string> excluded; // codes this one stops when it starts
    [[nodiscard]] bool isState() const { return type.starts_with("State"); }
};

struct BorisSubject {
    std::string name;
    std::string key;
    std::string description;
};

struct BorisEvent {
    std::size_t index = 0; // in the observation's events array
    Microseconds time{0};
    std::string subject; // "" for no focal subject
    std::string code;
    std::string modifiers; // "set1|set2", "None" for an unset set, "" for none
    std::string comment;
};

struct BorisPlayer {
    int player = 1;                 // 1..8
    std::vector<std::string> files; // played back to back
    Microseconds offset{0};         // sync offset of this player
};

struct BorisObservation {
    std::string id;
    std::string type; // MEDIA, LIVE, IMAGES
    std::string description;
    std::vector<BorisPlayer> players;
    std::map<std::string, Microseconds> lengths; // media_info.length, by path
    std::optional<Microseconds> intervalEnd;     // "observation time interval" stop, when > 0
    std::vector<BorisEvent> events;
};

struct BorisProject {
    std::string formatVersion;
    std::string name;
    std::vector<BorisBehaviour> behaviours;
    std::vector<BorisSubject> subjects;
    std::vector<BorisObservation> observations; // by id
    bool hasIndependentVariables = false;
};

// Throws ImportError("FILE:LINE: …") for malformed JSON (with the column) and ("FILE: …")
// for a file that is not a BORIS project or has fields of the wrong type, naming the
// observation and event index where one is to blame.
[[nodiscard]] BorisProject readBoris(std::string_view text, const std::string& fileName);

} // namespace sb::annotation::io
