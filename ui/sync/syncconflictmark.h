#pragma once

#include <QHash>
#include <QToolButton>

#include <functional>

namespace Humas {
class Database;
}

namespace HumasUi {

/**
 * The marker of a field with an open sync conflict: a warning triangle on the editor (inside a
 * line edit, at the top-right corner of any other widget) whose tooltip shows both values, who
 * wrote them and when. Clicking it shows that text and asks the main window to open the
 * Sinkronisasi page (behind a modal editor, so it is there when the editor closes).
 *
 * An editor makes its marks with one call:
 *     SyncConflictMark::markFields(db, "events", id, {{"title", m_title}, {"notes", m_notes}});
 */
class SyncConflictMark : public QToolButton
{
    Q_OBJECT
public:
    /**
     * Marks every widget of @p fields (column → editor) whose field of the row has an open
     * conflict; the key "*" takes conflicts of fields without an editor of their own. Returns
     * the number of widgets marked.
     */
    static int markFields(Humas::Database &db, const QString &entity, const QString &rowId,
                          const QHash<QString, QWidget *> &fields);
    /** Removes the marks markFields() put on @p fields (before loading another row). */
    static void clearFields(const QHash<QString, QWidget *> &fields);
    /** What a click asks for (MainWindow: show the Sinkronisasi page); empty: nothing. */
    static void setOpenSyncPageHandler(std::function<void()> handler);

    SyncConflictMark(QWidget *field, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void onClicked();

    QWidget *m_field;
};

} // namespace HumasUi
