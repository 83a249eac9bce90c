#include "datamasterpage.h"

#include "auth/userrepository.h"
#include "master/masterdata.h"
#include "master/recordtab.h"
#include "master/referencerepositories.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace HumasUi {

using Humas::MasterData;

namespace {

QAction *makeAction(QWidget *owner, const QKeySequence &shortcut)
{
    auto *action = new QAction(owner);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}

} // namespace

DataMasterPage::DataMasterPage(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_toolBar(new QToolBar(this)), m_search(new QLineEdit(this)),
      m_readOnlyNote(new QLabel(this)), m_undoGroup(new QUndoGroup(this))
{
    setObjectName(QStringLiteral("masterPage"));
    m_tabs->setObjectName(QStringLiteral("masterTabs"));
    m_tabs->setDocumentMode(true);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setForegroundRole(QPalette::PlaceholderText);

    for (const Humas::TableSpec *spec : MasterData::editableTables()) {
        if (spec == &MasterData::users() && actor.role != Humas::Role::Admin)
            continue;
        auto *tab = new RecordTab(Humas::createRepository(db, *spec, actor), m_tabs);
        m_undoGroup->addStack(tab->undoStack());
        m_tabs->addTab(tab, QString());
        connect(tab, &RecordTab::currentChanged, this, &DataMasterPage::updateActions);
    }
    createActions();

    auto *top = new QHBoxLayout;
    top->addWidget(m_toolBar);
    top->addStretch();
    top->addWidget(m_readOnlyNote);
    top->addWidget(m_search);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (RecordTab *tab = currentTab())
            m_undoGroup->setActiveStack(tab->undoStack());
        updateActions();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_tabs->count(); ++i)
            static_cast<RecordTab *>(m_tabs->widget(i))->setFilterText(text);
    });
    connect(m_undoGroup, &QUndoGroup::canUndoChanged, this, &DataMasterPage::updateActions);
    connect(m_undoGroup, &QUndoGroup::canRedoChanged, this, &DataMasterPage::updateActions);
    connect(m_undoGroup, &QUndoGroup::undoTextChanged, this, &DataMasterPage::updateActions);
    connect(m_undoGroup, &QUndoGroup::redoTextChanged, this, &DataMasterPage::updateActions);

    if (RecordTab *tab = currentTab())
        m_undoGroup->setActiveStack(tab->undoStack());
    retranslateUi();
}

DataMasterPage::~DataMasterPage()
{
    // Tabs and undo stacks signal while they are torn down; this page is half gone by then.
    disconnect(m_tabs, nullptr, this, nullptr);
    disconnect(m_undoGroup, nullptr, this, nullptr);
    for (int i = 0; i < m_tabs->count(); ++i)
        disconnect(m_tabs->widget(i), nullptr, this, nullptr);
}

void DataMasterPage::createActions()
{
    m_add = makeAction(this, QKeySequence(Qt::Key_Insert));
    m_edit = makeAction(this, QKeySequence());
    m_delete = makeAction(this, QKeySequence(Qt::Key_Delete));
    m_undo = makeAction(this, QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redo = makeAction(this, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_import = makeAction(this, QKeySequence());
    QAction *find = makeAction(this, QKeySequence::Find);

    // Plain framed text buttons: the styles ship no matching add/edit icons on every platform.
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const QList<QPair<QAction *, QString>> buttons = {
        {m_add, QStringLiteral("addButton")},       {m_edit, QStringLiteral("editButton")},
        {m_delete, QStringLiteral("deleteButton")}, {m_undo, QStringLiteral("undoButton")},
        {m_redo, QStringLiteral("redoButton")},     {m_import, QStringLiteral("importButton")},
    };
    for (const auto &button : buttons) {
        if (button.first == m_undo || button.first == m_import)
            m_toolBar->addSeparator();
        m_toolBar->addAction(button.first);
        auto *toolButton = static_cast<QToolButton *>(m_toolBar->widgetForAction(button.first));
        toolButton->setObjectName(button.second);
        toolButton->setAutoRaise(false);
        toolButton->setMinimumWidth(72);
    }

    connect(m_add, &QAction::triggered, this, [this] {
        if (RecordTab *tab = currentTab())
            tab->addRecord();
    });
    connect(m_edit, &QAction::triggered, this, [this] {
        if (RecordTab *tab = currentTab())
            tab->editCurrent();
    });
    connect(m_delete, &QAction::triggered, this, [this] {
        if (RecordTab *tab = currentTab())
            tab->deleteCurrent();
    });
    connect(m_import, &QAction::triggered, this, [this] {
        if (RecordTab *tab = currentTab())
            tab->chooseHolidayFile();
    });
    connect(m_undo, &QAction::triggered, m_undoGroup, &QUndoGroup::undo);
    connect(m_redo, &QAction::triggered, m_undoGroup, &QUndoGroup::redo);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
}

RecordTab *DataMasterPage::currentTab() const
{
    return static_cast<RecordTab *>(m_tabs->currentWidget());
}

RecordTab *DataMasterPage::tab(const QString &table) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *t = static_cast<RecordTab *>(m_tabs->widget(i));
        if (t->spec().table == table)
            return t;
    }
    return nullptr;
}

void DataMasterPage::updateActions()
{
    RecordTab *tab = currentTab();
    const bool writable = tab && tab->canWrite();
    const bool hasRow = tab && !tab->currentId().isEmpty();
    m_add->setEnabled(writable);
    m_edit->setEnabled(writable && hasRow);
    m_delete->setEnabled(writable && hasRow);
    m_import->setVisible(tab && tab->isHolidays());
    m_import->setEnabled(writable);
    m_undo->setEnabled(writable && m_undoGroup->canUndo());
    m_redo->setEnabled(writable && m_undoGroup->canRedo());
    m_undo->setToolTip(m_undoGroup->canUndo() ? tr("Undo: %1 (Ctrl+Z)").arg(m_undoGroup->undoText())
                                              : tr("Undo (Ctrl+Z)"));
    m_redo->setToolTip(m_undoGroup->canRedo() ? tr("Redo: %1 (Ctrl+Shift+Z)").arg(m_undoGroup->redoText())
                                              : tr("Redo (Ctrl+Shift+Z)"));
    m_readOnlyNote->setVisible(tab && !writable);
    if (tab && !writable) {
        m_readOnlyNote->setText(
            tr("Read only: your role cannot change %1.").arg(MasterData::label(tab->spec().title).toLower()));
    }
}

void DataMasterPage::reloadAll()
{
    for (int i = 0; i < m_tabs->count(); ++i)
        static_cast<RecordTab *>(m_tabs->widget(i))->reload();
}

void DataMasterPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        reloadAll(); // headers, choice labels and dates come from the model in the new language
    }
    QWidget::changeEvent(event);
}

void DataMasterPage::retranslateUi()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *t = static_cast<RecordTab *>(m_tabs->widget(i));
        m_tabs->setTabText(i, MasterData::label(t->spec().title));
    }
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add an entry (Ins)"));
    m_edit->setText(tr("Edit"));
    m_edit->setToolTip(tr("Edit the selected entry (Enter or double-click)"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected entry (Del)"));
    m_undo->setText(tr("Undo"));
    m_redo->setText(tr("Redo"));
    m_import->setText(tr("Import CSV…"));
    m_import->setToolTip(tr("Import a holiday list (date,kind,name,source)"));
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_toolBar->setWindowTitle(tr("Data Master"));
    updateActions();
}

} // namespace HumasUi
