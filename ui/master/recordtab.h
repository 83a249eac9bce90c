#pragma once

#include "master/recordrepository.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;
class QUndoStack;

namespace Humas {
class RecordTableModel;
}

namespace HumasUi {

class RecordSortProxy;

/**
 * One reference table in Data Master: a sortable, searchable table view over a
 * RecordTableModel, its own undo stack, and the add/edit/delete/import operations the
 * page's toolbar triggers. The current row survives reloads (undo, redo, language change).
 */
class RecordTab : public QWidget
{
    Q_OBJECT
public:
    RecordTab(std::unique_ptr<Humas::RecordRepository> repository, QWidget *parent = nullptr);
    ~RecordTab() override;

    const Humas::TableSpec &spec() const;
    Humas::RecordTableModel *model() const { return m_model; }
    RecordSortProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QUndoStack *undoStack() const { return m_undoStack; }

    bool canWrite() const;
    bool isHolidays() const;
    /** Id of the selected row or empty. */
    QString currentId() const;
    void selectId(const QString &id);
    void setFilterText(const QString &text);

public Q_SLOTS:
    /** Opens the editor for a new row (window-modal; returns at once). */
    void addRecord();
    /** Opens the editor for the selected row. */
    void editCurrent();
    /** Asks, then deletes the selected row (a tombstone; undo restores it). */
    void deleteCurrent();
    /** Asks for a CSV file and imports it (holidays tab only). */
    void chooseHolidayFile();
    /** Imports a holiday list and reports the counts or the error. */
    bool importHolidays(const QString &fileName);
    /** Re-reads the rows (after a sync or a language change); keeps the selection. */
    void reload();

Q_SIGNALS:
    void currentChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateEmptyState();
    void openEditor(const QString &id);
    QString labelOf(const QString &id) const;
    void resizeColumns();

    Humas::RecordTableModel *m_model;
    RecordSortProxy *m_proxy;
    QTableView *m_view;
    QUndoStack *m_undoStack;
    QLabel *m_emptyLabel;
    QString m_rememberedId;
};

} // namespace HumasUi
