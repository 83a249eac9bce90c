#pragma once

#include "auth/role.h"
#include "ppid/ppidrequest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace Humas {

class Database;

/**
 * The request register as CSV for one actor (issue 4 "Printing and export"): UTF-8 with a
 * byte-order mark so that Excel recognises the encoding, CRLF line ends (RFC 4180), one
 * header row with the register's official Indonesian column names, then one row per request.
 * Requesters' personal data (NIK, address, phone, email) is masked unless the actor's role
 * may see it (PersonalData::canSee: ppid and admin).
 *
 * Used by `humasdesk-cli ppid export-csv` and by the GUI's export of the register.
 */
class PpidCsv
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PpidCsv)
public:
    PpidCsv(Database &db, Actor actor);

    /**
     * The register's column names. They stay Indonesian in every UI language: the register's
     * layout is the official one, and spreadsheets and scripts rely on the names.
     */
    static QStringList headers();

    /** @p request with its personal data masked unless the actor's role may see it. */
    PpidRequest forActor(const PpidRequest &request) const;
    /**
     * One register row (the fields in headers() order) for @p request, the @p index-th
     * (1-based) in the register, masked as forActor().
     */
    QStringList row(const PpidRequest &request, int index) const;
    /** The whole CSV file for @p requests, in the order given. */
    QByteArray toCsv(const QList<PpidRequest> &requests) const;
    /**
     * The register of the live requests received in [@p from, @p to] (local dates, inclusive;
     * every request when both are null), by received time. @p count receives the row count.
     */
    QByteArray registerCsv(const QDate &from = {}, const QDate &to = {}, int *count = nullptr,
                           QString *error = nullptr) const;
    /**
     * Writes registerCsv() to @p path. The file appears only when complete (it is written as
     * "@p path.part" and renamed); on failure nothing is left behind and @p error says why.
     */
    bool exportFile(const QString &path, const QDate &from, const QDate &to, int *count, QString *error) const;

private:
    Database &m_db;
    Actor m_actor;
    QTimeZone m_zone;
    QHash<QString, QString> m_opdNames;
};

} // namespace Humas
