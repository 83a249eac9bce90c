#include "synctestsupport.h"

#include "store/changewriter.h"
#include "store/database.h"
#include "sync/syncprotocol.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariantMap>
#include <QtTest>

namespace HumasTest {

QString tableHash(Humas::Database &db, const QString &table)
{
    static const QStringList stamps = {"rev", "updated_at", "updated_by", "site_id", "hlc", "sync_seq"};
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec("SELECT * FROM " + table + " ORDER BY id"))
        return "error: " + table;
    QCryptographicHash hash(QCryptographicHash::Sha1);
    while (q.next()) {
        const QSqlRecord rec = q.record();
        for (int i = 0; i < rec.count(); ++i) {
            if (stamps.contains(rec.fieldName(i)))
                continue;
            const QVariant v = q.value(i);
            hash.addData(v.isNull() ? QByteArray("\x01N") : v.toString().toUtf8());
            hash.addData(QByteArray("\x1f", 1));
        }
        hash.addData(QByteArray("\x1e", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString contentHash(Humas::Database &db)
{
    QStringList parts;
    for (const QString &table : Humas::SyncProtocol::syncedTables())
        parts << table + "=" + tableHash(db, table);
    return parts.join("\n");
}

QVariantMap eventValues(const QString &title)
{
    return {{"title", title},
            {"starts_at", "2026-11-23T01:00:00.000Z"},
            {"ends_at", "2026-11-23T02:00:00.000Z"},
            {"status", "terjadwal"}};
}

QString insertEvent(Humas::Database &db, const QString &title)
{
    QString id;
    QString error;
    if (!db.writer().insert(QString(), "events", eventValues(title), &id, &error))
        qWarning() << "insertEvent failed:" << error;
    return id;
}

} // namespace HumasTest
