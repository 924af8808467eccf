// Coding keys that survive keyboard layouts: a code bound to "P" fires from the key printed P
// whether the English or the Persian layout is active, and the pad shows both the key and what
// it types ("P · ح"). Key events carry what a Persian layout under X11 sends: the Persian
// character and the xkb key code of the physical key. Every coding check reads the project file.

#include "app/gui/coding_keys.h"
#include "app/gui/keyboard_layout.h"
#include "app/gui/keypad_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/physical_keys.h"

#include "annotation/project.h"

#include <QDockWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using gui::NativeKeyCodes;

namespace {

// evdev codes of the keys used below (linux/input-event-codes.h).
constexpr int kKey2 = 3, kKeyE = 18, kKeyW = 17, kKeyP = 25, kKeyS = 31, kKeyZ = 44, kKeyQ = 16;

quint32 xkb(int evdev) {
    return gui::nativeScanCodeOf(evdev, NativeKeyCodes::Xkb);
}

// A key press as a platform delivers it: Qt key, text and the native scan code.
QKeyEvent keyPress(int key, const QString& text, quint32 scanCode, Qt::KeyboardModifiers modifiers = {}) {
    return QKeyEvent(QEvent::KeyPress, key, modifiers, scanCode, 0, 0, text);
}

// What the pad shows without the bidi isolates around the key.
QString visible(QString text) {
    return text.remove(QChar(0x2066)).remove(QChar(0x2069));
}

} // namespace

class KeyboardLayoutTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QString makeProject(const QString& name) {
        const QString file = dir_.filePath(name + QStringLiteral(".sbproj"));
        auto project = annotation::Project::create(file.toStdString(),
                                                   SB_SOURCE_DIR "/samples/schemes/eft-couples.json");
        project->store().addSession("tape 1", {annotation::MediaFile{SB_TEST_MEDIA_DIR "/h264_bframes.mp4",
                                                                     annotation::Microseconds(0)}});
        project->store().addCoder("Maryam", annotation::CoderRole::Coder);
        return file;
    }

    std::vector<annotation::Annotation> stored(const QString& file) {
        annotation::Project project(file.toStdString(), annotation::ProjectStore::Access::ReadOnly);
        annotation::AnnotationFilter filter;
        filter.session = project.store().sessionNamed("tape 1").id;
        return project.store().annotations(annotation::Viewer::wholeProject(), filter);
    }

    // Delivered as the platform would: to the focused widget, through the application (where
    // the window's key routing listens).
    static void send(gui::MainWindow& window, QKeyEvent event) {
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QApplication::sendEvent(target, &event);
        QKeyEvent release(QEvent::KeyRelease, event.key(), event.modifiers(), event.nativeScanCode(), 0, 0,
                          event.text());
        QApplication::sendEvent(target, &release);
        QCoreApplication::processEvents();
    }

    static const annotation::Annotation* find(const std::vector<annotation::Annotation>& all,
                                              const std::string& code) {
        for (const auto& annotation : all)
            if (annotation.code == code)
                return &annotation;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SecureBaseTest"));
        QVERIFY(dir_.isValid());
    }

    void theTableKnowsWhereKeysAreAndWhatPersianTypes() {
        QCOMPARE(gui::physicalKeyOf("P"), (gui::PhysicalKey{kKeyP, false}));
        QCOMPARE(gui::physicalKeyOf("!"), (gui::PhysicalKey{2, true})); // Shift+1 on US
        QCOMPARE(gui::physicalKeyOf("F2"), (gui::PhysicalKey{60, false}));
        QCOMPARE(gui::physicalKeyOf(";"), (gui::PhysicalKey{39, false}));
        QVERIFY(!gui::physicalKeyOf("Left")); // the same Qt key on every layout
        QVERIFY(!gui::physicalKeyOf("\u062D"));
        // ISIRI 9147 on the keys of the brief's examples.
        QCOMPARE(gui::persianCharacters(kKeyP).plain, QStringLiteral("ح"));
        QCOMPARE(gui::persianCharacters(kKeyP).shifted, QStringLiteral("["));
        QCOMPARE(gui::persianCharacters(39).plain, QStringLiteral("ک"));
        QCOMPARE(gui::persianCharacters(40).plain, QStringLiteral("گ"));
        QCOMPARE(gui::persianCharacters(48).shifted, QString(QChar(0x200C))); // Shift+B: ZWNJ
        QCOMPARE(gui::persianKeyOf(QStringLiteral("ح")), (gui::PhysicalKey{kKeyP, false}));
        QCOMPARE(gui::persianKeyOf(QStringLiteral("ژ")), (gui::PhysicalKey{46, true}));
        QCOMPARE(gui::persianKeyOf(QStringLiteral("۲")), (gui::PhysicalKey{kKey2, false}));
        QVERIFY(!gui::persianKeyOf(QStringLiteral("/"))); // ASCII: on both layouts, ambiguous
        // Native codes per platform.
        QCOMPARE(gui::nativeKeyCodesOf(QStringLiteral("xcb")), NativeKeyCodes::Xkb);
        QCOMPARE(gui::nativeKeyCodesOf(QStringLiteral("wayland-egl")), NativeKeyCodes::Xkb);
        QCOMPARE(gui::nativeKeyCodesOf(QStringLiteral("windows")), NativeKeyCodes::WindowsScanCodes);
        QCOMPARE(gui::nativeKeyCodesOf(QStringLiteral("offscreen")), NativeKeyCodes::None);
        QCOMPARE(gui::evdevOf(33, NativeKeyCodes::Xkb), std::optional<int>(kKeyP)); // X11 keycode of P
        QCOMPARE(gui::evdevOf(25, NativeKeyCodes::WindowsScanCodes), std::optional<int>(kKeyP));
        QVERIFY(!gui::evdevOf(33, NativeKeyCodes::None));
        QVERIFY(!gui::evdevOf(0, NativeKeyCodes::Xkb));
        QVERIFY(!gui::evdevOf(87, NativeKeyCodes::Xkb)); // keypad 1: not a key of the table
    }

    void keysMatchByPlaceFirstThenByCharacter() {
        gui::CodingKeys keys;
        keys.bind(QStringLiteral("p"), "p");
        keys.bind(QStringLiteral("shiftP"), "shift+p");
        keys.bind(QStringLiteral("a"), "a");
        keys.bind(QStringLiteral("bang"), "!");
        keys.bind(QStringLiteral("one"), "1");
        keys.bind(QStringLiteral("f2"), "F2");
        keys.bind(QStringLiteral("left"), "Left");
        keys.bind(QStringLiteral("he"), "\u0647"); // a Persian letter as the binding: by character
        keys.bind(QStringLiteral("none"), "");
        QCOMPARE(keys.bindings().size(), 8);
        const auto match = [&](QKeyEvent event, NativeKeyCodes codes = NativeKeyCodes::Xkb) {
            return keys.match(event, codes);
        };
        // The Persian layout under X11: the character of the layout, the code of the key.
        QCOMPARE(match(keyPress(0x062D, QStringLiteral("ح"), xkb(kKeyP))), QStringLiteral("p"));
        QCOMPARE(match(keyPress(Qt::Key_BracketLeft, QStringLiteral("["), xkb(kKeyP), Qt::ShiftModifier)),
                 QStringLiteral("shiftP"));
        QCOMPARE(match(keyPress(0x06F1, QStringLiteral("۱"), xkb(2))), QStringLiteral("one"));
        QCOMPARE(match(keyPress(Qt::Key_Exclam, QStringLiteral("!"), xkb(2), Qt::ShiftModifier)),
                 QStringLiteral("bang"));
        QCOMPARE(match(keyPress(Qt::Key_F2, QString(), xkb(60))), QStringLiteral("f2"));
        QCOMPARE(match(keyPress(Qt::Key_P, QStringLiteral("p"), xkb(kKeyP), Qt::ControlModifier)), QString());
        // A key with a place answers only to it: on AZERTY the key printed Q types "a" and
        // does not fire the code bound to A.
        QCOMPARE(match(keyPress(Qt::Key_A, QStringLiteral("a"), xkb(kKeyQ))), QString());
        // The Windows numbering of the same key.
        QCOMPARE(match(keyPress(0x062D, QStringLiteral("ح"), kKeyP), NativeKeyCodes::WindowsScanCodes),
                 QStringLiteral("p"));
        // Keys without a place: by Qt key, whatever the code.
        QCOMPARE(match(keyPress(Qt::Key_Left, QString(), 113)), QStringLiteral("left"));
        QCOMPARE(match(keyPress(0x0647, QStringLiteral("\u0647"), xkb(23))), QStringLiteral("he"));
        // The keypad's 1 is not the main row's key: its own code is unknown, so its key decides.
        QCOMPARE(match(keyPress(Qt::Key_1, QStringLiteral("1"), 87, Qt::KeypadModifier)),
                 QStringLiteral("one"));

        // No native code (offscreen, other platforms): the character decides.
        QCOMPARE(match(keyPress(Qt::Key_P, QStringLiteral("p"), 0)), QStringLiteral("p"));
        QCOMPARE(match(keyPress(Qt::Key_A, QStringLiteral("a"), 0)), QStringLiteral("a"));
        QCOMPARE(match(keyPress(0x062D, QStringLiteral("ح"), 0)), QStringLiteral("p")); // Persian table
        QCOMPARE(match(keyPress(Qt::Key_Exclam, QStringLiteral("!"), 0, Qt::ShiftModifier)),
                 QStringLiteral("bang"));
        QCOMPARE(match(keyPress(0x06F1, QStringLiteral("۱"), 0)), QStringLiteral("one"));
        QCOMPARE(match(keyPress(0x0661, QStringLiteral("\u0661"), 0)),
                 QStringLiteral("one")); // Arabic-Indic 1
        QCOMPARE(match(keyPress(Qt::Key_P, QStringLiteral("P"), 0, Qt::ShiftModifier)),
                 QStringLiteral("shiftP"));
        QCOMPARE(match(keyPress(Qt::Key_Z, QStringLiteral("z"), 0)), QString());
        // Codes of a platform whose numbering is unknown are ignored, not misread.
        QCOMPARE(match(keyPress(Qt::Key_P, QStringLiteral("p"), 35), NativeKeyCodes::None),
                 QStringLiteral("p"));
        QVERIFY(keys.binds(QKeySequence(QStringLiteral("Shift+P"))));
        QVERIFY(!keys.binds(QKeySequence(QStringLiteral("J"))));
    }

    void theLayoutIsLearntFromKeyPresses() {
        gui::CodingKeys keys;
        keys.bind(QStringLiteral("p"), "p");
        keys.bind(QStringLiteral("s"), "s");
        keys.bind(QStringLiteral("q"), "q");
        keys.bind(QStringLiteral("f2"), "F2");
        keys.bind(QStringLiteral("ctrlP"), "ctrl+p");
        gui::KeyboardLayout layout;
        layout.setNativeKeyCodes(NativeKeyCodes::Xkb);
        QSignalSpy changed(&layout, &gui::KeyboardLayout::changed);
        const auto caption = [&](const char* id) {
            return visible(layout.caption(keys.binding(QString::fromLatin1(id))));
        };
        layout.observe(keyPress(Qt::Key_A, QStringLiteral("a"), xkb(30))); // an English letter
        QVERIFY(!layout.isPersian());
        QCOMPARE(caption("p"), QStringLiteral("P"));
        // One Persian character shows the layout: the pad learns the pressed key and takes the
        // others from the ISIRI 9147 table.
        changed.clear();
        layout.observe(keyPress(0x062D, QStringLiteral("ح"), xkb(kKeyP)));
        QVERIFY(layout.isPersian());
        QVERIFY(!changed.isEmpty());
        QCOMPARE(caption("p"), QStringLiteral("P · ح"));
        QCOMPARE(caption("s"), QStringLiteral("S · س"));
        QCOMPARE(caption("f2"), QStringLiteral("F2"));
        QVERIFY(!caption("ctrlP").contains(QStringLiteral("ح")));
        QVERIFY(layout.caption(keys.binding(QStringLiteral("p"))).startsWith(QChar(0x2066)));
        QCOMPARE(layout.caption(nullptr), QString());
        // Back to English.
        layout.observe(keyPress(Qt::Key_P, QStringLiteral("p"), xkb(kKeyP)));
        QVERIFY(!layout.isPersian());
        QCOMPARE(caption("p"), QStringLiteral("P"));
        QCOMPARE(caption("s"), QStringLiteral("S"));
        // Another Latin layout: the key printed Q types "a" on AZERTY.
        layout.observe(keyPress(Qt::Key_A, QStringLiteral("a"), xkb(kKeyQ)));
        QCOMPARE(caption("q"), QStringLiteral("Q · a"));
        // Nothing to learn from a press without a code, but its script still tells the layout.
        layout.observe(keyPress(0x0633, QStringLiteral("س"), 0));
        QVERIFY(layout.isPersian());
        QCOMPARE(caption("q"), QStringLiteral("Q · ض"));
    }

    void persianKeysCodeTheSessionInTheWorkstation() {
        const QString file = makeProject(QStringLiteral("persian"));
        gui::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openProject(file, {}, QStringLiteral("Maryam")));
        window.liveCoder().setNativeKeyCodes(NativeKeyCodes::Xkb); // what xcb sends, on offscreen

        auto* pursuing = window.findChild<QPushButton*>(QStringLiteral("code:pursuing"));
        QVERIFY(pursuing);
        if (!window.liveCoder().keyboardLayout().isPersian())
            QVERIFY2(!pursuing->text().contains(QStringLiteral("ح")), qPrintable(pursuing->text()));

        window.playback().seek(400'000);
        // "2" on the Persian layout types "۲": partner B.
        send(window, keyPress(0x06F2, QStringLiteral("۲"), xkb(kKey2)));
        QCOMPARE(window.liveCoder().subject(), QStringLiteral("partner_b"));
        // P types "ح": pursuing starts, and the pad now shows both glyphs.
        send(window, keyPress(0x062D, QStringLiteral("ح"), xkb(kKeyP)));
        QVERIFY(window.liveCoder().isRunning(QStringLiteral("pursuing")));
        QVERIFY(pursuing->isChecked());
        QVERIFY2(visible(pursuing->text()).startsWith(QStringLiteral("P · ح")), qPrintable(pursuing->text()));
        QVERIFY(visible(window.liveCoder().keyCaption(QStringLiteral("subject:partner_b")))
                    .startsWith(QStringLiteral("2 · ۲")));
        auto* withdrawing = window.findChild<QPushButton*>(QStringLiteral("code:withdrawing"));
        QVERIFY2(visible(withdrawing->text()).startsWith(QStringLiteral("W · ص")),
                 qPrintable(withdrawing->text()));
        const std::int64_t pursuitStart = window.playback().snap(window.playback().position());

        window.playback().seek(1'200'000);
        const std::int64_t pursuitEnd = window.playback().snap(window.playback().position());
        send(window, keyPress(0x062D, QStringLiteral("ح"), xkb(kKeyP))); // ends it
        QVERIFY(!window.liveCoder().isRunning(QStringLiteral("pursuing")));
        // E types "ث": the therapist reflects (a point, the code's own subject).
        send(window, keyPress(0x062B, QStringLiteral("ث"), xkb(kKeyE)));
        // S types "س": partner B voices shame.
        send(window, keyPress(0x0633, QStringLiteral("س"), xkb(kKeyS)));
        // Z types "ظ" and is bound to nothing: nothing is coded.
        send(window, keyPress(0x0638, QStringLiteral("ظ"), xkb(kKeyZ)));

        // Without a native code the character still codes: "w" and then "ص", W's Persian letter.
        window.playback().seek(2'000'000);
        const std::int64_t withdrawStart = window.playback().snap(window.playback().position());
        send(window, keyPress(Qt::Key_W, QStringLiteral("w"), 0));
        QVERIFY(window.liveCoder().isRunning(QStringLiteral("withdrawing")));
        window.playback().seek(2'600'000);
        const std::int64_t withdrawEnd = window.playback().snap(window.playback().position());
        send(window, keyPress(0x0635, QStringLiteral("ص"), 0));
        QVERIFY(!window.liveCoder().isRunning(QStringLiteral("withdrawing")));

        const auto annotations = stored(file);
        QCOMPARE(annotations.size(), std::size_t{4});
        const auto* pursuit = find(annotations, "pursuing");
        QVERIFY(pursuit);
        QCOMPARE(pursuit->subject.value_or(""), std::string("partner_b"));
        QCOMPARE(pursuit->start.count(), pursuitStart);
        QCOMPARE(pursuit->end->count(), pursuitEnd);
        const auto* reflect = find(annotations, "reflecting");
        QVERIFY(reflect);
        QCOMPARE(reflect->subject.value_or(""), std::string("therapist"));
        QVERIFY(!reflect->end);
        const auto* shame = find(annotations, "shame");
        QVERIFY(shame);
        QCOMPARE(shame->subject.value_or(""), std::string("partner_b"));
        const auto* withdrawal = find(annotations, "withdrawing");
        QVERIFY(withdrawal);
        QCOMPARE(withdrawal->start.count(), withdrawStart);
        QCOMPARE(withdrawal->end->count(), withdrawEnd);
        QCOMPARE(withdrawal->subject.value_or(""), std::string("partner_b"));

        // For the docs: the pad with the Persian layout active, in Persian.
        if (const QByteArray out = qgetenv("SB_KEYPAD_SCREENSHOT"); !out.isEmpty()) {
            QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
            auto* pad = window.findChild<gui::KeypadPanel*>();
            pad->setLayoutDirection(Qt::RightToLeft);
            pad->refreshTexts();
            auto* dock = window.findChild<QDockWidget*>(QStringLiteral("keypadDock"));
            QVERIFY(dock);
            dock->setFloating(true);
            dock->resize(560, 640);
            QCoreApplication::processEvents();
            QVERIFY(dock->grab().save(QString::fromLocal8Bit(out)));
            QLocale::setDefault(QLocale::c());
        }
    }
};

QTEST_MAIN(KeyboardLayoutTest)
#include "keyboard_layout_test.moc"
