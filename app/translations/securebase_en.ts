<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CriterionText</name>
    <message numerus="yes">
        <source>scale scores (%1) within %2 point(s) of gold on at least %3 % of the episodes of each scale, %4</source>
        <translation>
            <numerusform>scale scores (%1) within %2 point of gold on at least %3 % of the episodes of each scale, %4</numerusform>
            <numerusform>scale scores (%1) within %2 points of gold on at least %3 % of the episodes of each scale, %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>scale scores (%1) within %2 point(s) of gold on at least %3 % of the episodes, %4</source>
        <translation>
            <numerusform>scale scores (%1) within %2 point of gold on at least %3 % of the episodes, %4</numerusform>
            <numerusform>scale scores (%1) within %2 points of gold on at least %3 % of the episodes, %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the same %1 as gold%2 on at least %3 tape(s)</source>
        <translation>
            <numerusform>the same %1 as gold%2 on at least %3 tape</numerusform>
            <numerusform>the same %1 as gold%2 on at least %3 tapes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on at least %1 tape(s)</source>
        <translation>
            <numerusform>on at least %1 tape</numerusform>
            <numerusform>on at least %1 tapes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::gui::AuditWindow</name>
    <message numerus="yes">
        <source>The chain is intact: %n row(s) checked.</source>
        <translation>
            <numerusform>The chain is intact: %n row checked.</numerusform>
            <numerusform>The chain is intact: %n rows checked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::gui::ProgressWindow</name>
    <message numerus="yes">
        <source>%1 meets the criterion of %2 on %Ln tape(s).</source>
        <translation>
            <numerusform>%1 meets the criterion of %2 on %Ln tape.</numerusform>
            <numerusform>%1 meets the criterion of %2 on %Ln tapes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::gui::ReviewPanel</name>
    <message numerus="yes">
        <source>Disagreements with %1: %Ln</source>
        <translation>
            <numerusform>Disagreements with %1: %Ln</numerusform>
            <numerusform>Disagreements with %1: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::gui::SupervisionMenu</name>
    <message numerus="yes">
        <source>Coding package for %1 written to %2 (%n session(s)).</source>
        <translation>
            <numerusform>Coding package for %1 written to %2 (%n session).</numerusform>
            <numerusform>Coding package for %1 written to %2 (%n sessions).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Feedback for %1 written to %2: %3 thread(s), gold standard of %n session(s).</source>
        <translation>
            <numerusform>Feedback for %1 written to %2: %3 thread(s), gold standard of %n session.</numerusform>
            <numerusform>Feedback for %1 written to %2: %3 thread(s), gold standard of %n sessions.</numerusform>
        </translation>
    </message>
</context>
</TS>
