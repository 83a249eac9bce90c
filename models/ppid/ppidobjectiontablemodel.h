#pragma once

#include "auth/role.h"
#include "ppid/ppidobjection.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QTimeZone>

namespace Humas {

class Database;

/**
 * The objection register (keberatan) as a table, in the register's column order: number,
 * date filed, filed by, the request's number, ground (Pasal 35(1) a–g), case summary, the
 * Atasan's deadline, decision and its date, the requester's response, the Komisi Informasi
 * stage and outcome. Read through PpidObjectionRepository, all rows at once (objections are
 * few), on reload(): empty before. An undecided objection past its deadline is marked like an overdue request
 * (vermillion fill and warning triangle, OverdueRole).
 */
class PpidObjectionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        FiledColumn,
        FiledByColumn,
        RequestColumn,
        GroundColumn,
        SummaryColumn,
        DueColumn,
        DecisionColumn,
        DecisionDateColumn,
        ResponseColumn,
        DisputeColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, RequestIdRole, OverdueRole };

    PpidObjectionTableModel(Database &db, const Actor &actor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Today in the regency's zone, as of the last reload. */
    QDate today() const { return m_today; }

public Q_SLOTS:
    /** Reads the register; from then on it follows the store's ChangeFeed by itself. */
    void reload();

private:
    bool isOverdue(const PpidObjection &objection) const;
    QVariant displayData(const PpidObjection &objection, int column) const;

    Database &m_db;
    Actor m_actor;
    QList<PpidObjection> m_rows;
    QHash<QString, QString> m_requestNumbers; ///< request id -> registration number
    QDate m_today;
    QTimeZone m_zone;
    bool m_loaded = false; ///< read once (the page reads it when its tab is first shown)
};

} // namespace Humas
