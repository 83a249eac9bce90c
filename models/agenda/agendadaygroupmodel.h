#pragma once

#include <QAbstractItemModel>
#include <QDate>
#include <QList>
#include <QPointer>

namespace Humas {

/**
 * The agenda list: a two-level tree over a model with the AgendaModel roles (normally the
 * filter and colour proxies). Top-level rows are the days that have events ("Senin,
 * 23 November 2026"), in date order; their children are the events of that day, all-day and
 * multi-day events first, then by start. An event over several days is listed on each day
 * it covers (within the date range, when one is set).
 *
 * Event rows have the columns below; every role from Qt::UserRole up that is not one of this
 * model's own passes through to column 0 of the source, so AgendaModel::IdRole gives the
 * event id. The conflict column says "Clash" in words (with the source's conflict colour),
 * so colour is never the only signal.
 *
 * Any change of the source's rows resets this model; a dataChanged that leaves every event on
 * the same days becomes a dataChanged here.
 */
class AgendaDayGroupModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TitleColumn, OfficialsColumn, PlaceColumn, StatusColumn, ConflictColumn, ColumnCount };
    enum Role {
        DateRole = Qt::UserRole + 200, ///< QDate: the day of a day row or of an event row
        IsDayRole,                     ///< bool: a top-level day row
    };
    Q_ENUM(Role)

    explicit AgendaDayGroupModel(QObject *parent = nullptr);
    ~AgendaDayGroupModel() override;

    void setSourceModel(QAbstractItemModel *source);
    QAbstractItemModel *sourceModel() const;

    /** Lists only the days @p from..@p to (inclusive); invalid dates list every day. */
    void setDateRange(const QDate &from, const QDate &to);
    QDate dateFrom() const { return m_from; }
    QDate dateTo() const { return m_to; }

    /** The row of day @p date, or an invalid index when it has no events. */
    QModelIndex indexOfDay(const QDate &date) const;
    /** Column 0 of the source row behind event row @p index, or invalid for a day row. */
    QModelIndex mapToSource(const QModelIndex &index) const;
    /** Whether @p index is a top-level day row. */
    bool isDay(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Day
    {
        QDate date;
        QList<int> rows; ///< source rows, in display order
        bool operator==(const Day &other) const { return date == other.date && rows == other.rows; }
    };

    QList<Day> build() const;
    void sourceAboutToChange();
    void sourceChanged();
    void sourceDataChanged();
    QVariant dayData(const Day &day, int column, int role) const;
    QVariant eventData(const QModelIndex &source, const QDate &date, int column, int role) const;
    QString timeText(const QModelIndex &source, const QDate &date) const;

    QPointer<QAbstractItemModel> m_source;
    QDate m_from;
    QDate m_to;
    QList<Day> m_days;
    bool m_resetting = false;
};

} // namespace Humas
