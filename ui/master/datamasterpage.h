#pragma once

#include "auth/role.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTabWidget;
class QToolBar;
class QUndoGroup;

namespace Humas {
class Database;
}

namespace HumasUi {

class RecordTab;

/**
 * "Data Master": one tab per reference table (users only for an administrator) with a
 * shared toolbar — Add (Ins), Edit (Enter), Delete (Del), Undo (Ctrl+Z), Redo
 * (Ctrl+Shift+Z), Import CSV… on the holidays tab — and a search field. What the role may
 * not change stays visible but read-only.
 */
class DataMasterPage : public QWidget
{
    Q_OBJECT
public:
    DataMasterPage(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);
    ~DataMasterPage() override;

    QTabWidget *tabs() const { return m_tabs; }
    RecordTab *currentTab() const;
    /** The tab of a table ("opd", "holidays", …) or nullptr when the role does not see it. */
    RecordTab *tab(const QString &table) const;
    QUndoGroup *undoGroup() const { return m_undoGroup; }

public Q_SLOTS:
    void reloadAll();

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void updateActions();
    void retranslateUi();

    QTabWidget *m_tabs;
    QToolBar *m_toolBar;
    QLineEdit *m_search;
    QLabel *m_readOnlyNote;
    QUndoGroup *m_undoGroup;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_import = nullptr;
};

} // namespace HumasUi
