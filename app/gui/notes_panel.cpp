#include "app/gui/notes_panel.h"

#include "app/gui/video_view.h"

#include "annotation/note_commands.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::gui {

NotesPanel::NotesPanel(SessionDocument& document, std::function<std::int64_t()> playhead, QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , playhead_(std::move(playhead))
    , entry_(new QLineEdit(this))
    , list_(new QListWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    entry_->setObjectName(QStringLiteral("noteEntry"));
    entry_->setClearButtonEnabled(true);
    auto* add = new QPushButton(this);
    add->setObjectName(QStringLiteral("addNote"));
    auto* remove = new QPushButton(this);
    remove->setObjectName(QStringLiteral("deleteNote"));
    layout->addWidget(entry_); // the whole width for typing; the buttons below
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    layout->addLayout(row);
    list_->setObjectName(QStringLiteral("notes"));
    list_->setWordWrap(true);
    layout->addWidget(list_);
    connect(entry_, &QLineEdit::returnPressed, this, [this] { addAtPlayhead(); });
    connect(add, &QPushButton::clicked, this, [this] { addAtPlayhead(); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (auto* item = list_->currentItem(); item && item->data(Qt::UserRole + 1).toBool())
            document_.apply(std::make_unique<annotation::RemoveNote>(
                annotation::SessionNoteId{item->data(Qt::UserRole).toLongLong()}));
    });
    connect(list_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { emit seekRequested(item->data(Qt::UserRole + 2).toLongLong()); });
    connect(&document_, &SessionDocument::changed, this, &NotesPanel::refresh);
    retranslateUi();
}

void NotesPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refresh(); // times in the display digits
    }
    QWidget::changeEvent(event);
}

void NotesPanel::retranslateUi() {
    setAccessibleName(tr("Comments"));
    entry_->setPlaceholderText(tr("A note at the playhead…"));
    findChild<QPushButton*>(QStringLiteral("addNote"))->setText(tr("Add"));
    findChild<QPushButton*>(QStringLiteral("deleteNote"))->setText(tr("Delete"));
}

void NotesPanel::addAtPlayhead(const QString& text) {
    const QString body = (text.isEmpty() ? entry_->text() : text).trimmed();
    if (body.isEmpty() || !document_.isOpen())
        return;
    annotation::SessionNote note;
    note.session = document_.session().id;
    note.author = document_.coder().id;
    note.at = annotation::Microseconds(playhead_());
    note.text = body.toStdString();
    if (document_.apply(std::make_unique<annotation::AddNote>(note)) && text.isEmpty())
        entry_->clear();
}

void NotesPanel::focusEntry() {
    entry_->setFocus();
}

int NotesPanel::noteCount() const {
    return list_->count();
}

void NotesPanel::refresh() {
    list_->clear();
    if (!document_.isOpen())
        return;
    auto& store = document_.project().store();
    std::map<std::int64_t, QString> names;
    for (const auto& coder : store.coders())
        names[coder.id.value] = QString::fromStdString(coder.name);
    for (const auto& note : store.notes(document_.viewer(), document_.session().id)) {
        // Time first, left to right even in a right-to-left layout; the name and the text keep
        // their own direction (first-strong isolates), so Persian, Latin and digits stay in order.
        const QString time = QChar(0x2066) + formatTime(note.at.count()) + QChar(0x2069); // LRI … PDI
        const auto isolated = [](const QString& text) { return QChar(0x2068) + text + QChar(0x2069); };
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2 — %3")
                                             .arg(time, isolated(names[note.author.value]),
                                                  isolated(QString::fromStdString(note.text))),
                                         list_);
        item->setData(Qt::UserRole, static_cast<qlonglong>(note.id.value));
        item->setData(Qt::UserRole + 1,
                      note.author == document_.coder().id); // one's own notes can be deleted
        item->setData(Qt::UserRole + 2, static_cast<qlonglong>(note.at.count()));
    }
}

} // namespace sb::gui
