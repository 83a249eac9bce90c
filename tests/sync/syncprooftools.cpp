#include "syncprooftools.h"

#include "store/changewriter.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "sync/synctransport.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtDebug>

namespace SyncTest {

QStringList userColumns(const QSqlDatabase &db, const QString &table)
{
    static const QStringList skip = {"rev", "updated_at", "updated_by", "site_id", "hlc", "sync_seq"};
    QStringList out;
    const QSqlRecord rec = db.record(table);
    for (int i = 0; i < rec.count(); ++i)
        if (!skip.contains(rec.fieldName(i)))
            out << rec.fieldName(i);
    return out;
}

QStringList tableDump(const QSqlDatabase &db, const QString &table)
{
    const QStringList cols = userColumns(db, table);
    QStringList out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QString("SELECT %1 FROM %2 ORDER BY id").arg(cols.join(", "), table))) {
        qWarning() << "dump of" << table << "failed:" << q.lastError().text();
        return {"<error>"};
    }
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < cols.size(); ++i) {
            const QVariant v = q.value(i);
            fields << cols.at(i) + "=" + (v.isNull() ? QString("<null>") : "'" + v.toString() + "'");
        }
        out << table + ": " + fields.join(" ");
    }
    return out;
}

QString tableHash(const QSqlDatabase &db, const QStringList &tables)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &table : tables) {
        for (const QString &line : tableDump(db, table)) {
            hash.addData(line.toUtf8());
            hash.addData(QByteArrayView("\n"));
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString firstDifference(const QStringList &a, const QStringList &b)
{
    const int n = int(std::max(a.size(), b.size()));
    for (int i = 0; i < n; ++i) {
        const QString x = i < a.size() ? a.at(i) : QString("<none>");
        const QString y = i < b.size() ? b.at(i) : QString("<none>");
        if (x != y)
            return QString("row %1:\n  %2\n  %3").arg(i).arg(x, y);
    }
    return {};
}

QStringList column(const QString &path, const QString &sql)
{
    static int counter = 0;
    const QString name = QString("synctest-ro-%1").arg(++counter);
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
        db.setConnectOptions("QSQLITE_OPEN_READONLY");
        if (!db.open()) {
            out << "<cannot open: " + db.lastError().text() + ">";
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                out << "<" + q.lastError().text() + ">";
            while (q.next())
                out << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QString integrityCheck(const QString &path)
{
    return column(path, "PRAGMA integrity_check").join("; ");
}

QString scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning() << sql << q.lastError().text();
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

int roundsToQuiescence(const QList<Humas::Database *> &dbs, const QList<Humas::SyncTransport *> &transports,
                       QString *error, int maxPasses)
{
    for (int pass = 1; pass <= maxPasses; ++pass) {
        bool quiet = true;
        for (int i = 0; i < dbs.size(); ++i) {
            Humas::SyncEngine engine(*dbs.at(i), *transports.at(i));
            const Humas::SyncReport report = engine.round();
            if (!report.ok) {
                *error = QString("client %1, pass %2: %3").arg(i).arg(pass).arg(report.error);
                return -1;
            }
            if (report.pushed != 0 || report.pulled != 0)
                quiet = false;
        }
        if (quiet)
            return pass;
    }
    *error = QString("no quiescence after %1 passes").arg(maxPasses);
    return -1;
}

} // namespace SyncTest
