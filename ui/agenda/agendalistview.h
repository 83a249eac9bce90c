#pragma once

#include <QDate>
#include <QWidget>

class QAbstractItemModel;
class QModelIndex;
class QTreeView;

namespace Humas {
class AgendaDayGroupModel;
}

namespace HumasUi {

/**
 * The agenda as a list grouped by day: a bold row per day ("Senin, 23 November 2026") with the
 * day's events under it (time, title, officials, place, status, clash). Reads the same model
 * as the other agenda views through Humas::AgendaDayGroupModel.
 *
 * Double-click or Enter on an event emits eventActivated(); on a day row, dayActivated().
 */
class AgendaListView : public QWidget
{
    Q_OBJECT
public:
    explicit AgendaListView(QWidget *parent = nullptr);
    ~AgendaListView() override;

    /** The events (a model with the Humas::AgendaModel roles); not owned. */
    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const;
    /** Lists only these days (the range the page shows); invalid dates list every day. */
    void setDateRange(const QDate &from, const QDate &to);

    /** Selects the first event of @p date (or the day row) and scrolls to it. */
    void setCurrentDate(const QDate &date);
    /** The day of the current row, or an invalid date. */
    QDate currentDate() const;
    /** The id of the current event, or an empty string on a day row. */
    QString currentEventId() const;

    Humas::AgendaDayGroupModel *groupModel() const { return m_groups; }
    QTreeView *treeView() const { return m_tree; }

Q_SIGNALS:
    void eventActivated(const QString &id);
    void dayActivated(const QDate &date);
    void currentDateChanged(const QDate &date);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(const QModelIndex &index);
    void groupsReset();

    Humas::AgendaDayGroupModel *m_groups;
    QTreeView *m_tree;
    QDate m_lastCurrentDate;
    QString m_rememberedId;
};

} // namespace HumasUi
