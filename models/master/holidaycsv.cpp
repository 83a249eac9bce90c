#include "holidaycsv.h"

#include "auth/role.h"
#include "common/csv.h"
#include "common/logging.h"
#include "common/nameduuid.h"
#include "masterdata.h"
#include "referencerepositories.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringDecoder>

namespace Humas {

QString HolidayCsv::holidayId(const QString &date)
{
    return NamedUuid::forName(QStringLiteral("holiday:") + date);
}

namespace {

QString tooLarge(qint64 bytes)
{
    const QLocale locale;
    return HolidayCsv::tr("The holiday file is %1 MB; at most %2 MB can be imported. A holiday list is a few "
                          "kilobytes: check that this is the right file.")
        .arg(locale.toString(double(bytes) / (1024 * 1024), 'f', 1),
             locale.toString(HolidayCsv::MaxFileBytes / (1024 * 1024)));
}

QString tooManyRows()
{
    return HolidayCsv::tr("the holiday file has more than %L1 rows; at most %L1 can be imported at once.")
        .arg(HolidayCsv::MaxRows);
}

/** A stored holiday row as the import compares it. */
struct Stored
{
    QString id;
    bool deleted = false;
    QString date;
    QString kind;
    QString name;
    QString source;
};

} // namespace

bool HolidayCsv::parse(const QByteArray &data, QList<HolidayEntry> *entries, QString *error)
{
    if (data.size() > MaxFileBytes) {
        if (error)
            *error = tooLarge(data.size());
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError()) {
        if (error)
            *error = tr("The holiday file is not UTF-8 text.");
        return false;
    }
    QList<QStringList> rows;
    QList<int> rowLines;
    int badLine = 0;
    if (!Csv::parse(text, &rows, &badLine, &rowLines)) {
        if (error)
            *error = tr("Line %1: a quoted field is not closed.").arg(badLine);
        return false;
    }
    if (rows.isEmpty()) {
        if (error)
            *error = tr("The holiday file is empty.");
        return false;
    }
    const QStringList header = rows.first();
    const QStringList expected = {QStringLiteral("date"), QStringLiteral("kind"), QStringLiteral("name"),
                                  QStringLiteral("source")};
    if (header.mid(0, 3) != expected.mid(0, 3)) {
        if (error)
            *error = tr("Line %1: the header must be \"date,kind,name,source\".").arg(rowLines.value(0, 1));
        return false;
    }
    const TableSpec &spec = MasterData::holidays();
    const QStringList kinds = spec.field(QStringLiteral("kind"))->choices;
    const int nameLength = spec.field(QStringLiteral("name"))->maxLength;
    const int sourceLength = spec.field(QStringLiteral("source"))->maxLength;
    QList<HolidayEntry> out;
    QSet<QString> seen;
    for (int i = 1; i < rows.size(); ++i) {
        const QStringList &r = rows.at(i);
        const int line = rowLines.value(i, i + 1);
        auto fail = [&](const QString &message) {
            if (error)
                *error = tr("Line %1: %2").arg(line).arg(message);
            return false;
        };
        if (i > MaxRows)
            return fail(tooManyRows());
        if (r.size() < 3 || r.size() > 4)
            return fail(tr("expected 4 fields (date,kind,name,source), found %1.").arg(r.size()));
        HolidayEntry e{r.at(0).trimmed(), r.at(1).trimmed(), r.at(2).trimmed(), r.value(3).trimmed()};
        if (!QDate::fromString(e.date, Qt::ISODate).isValid())
            return fail(tr("\"%1\" is not a date (YYYY-MM-DD).").arg(e.date));
        if (!kinds.contains(e.kind))
            return fail(tr("unknown kind \"%1\" (libur_nasional, cuti_bersama or lokal).").arg(e.kind));
        if (e.name.isEmpty())
            return fail(tr("the name is empty."));
        // The import writes without the repository's per-row checks: the lengths are checked here.
        if (e.name.size() > nameLength)
            return fail(tr("the name is longer than %1 characters.").arg(nameLength));
        if (e.source.size() > sourceLength)
            return fail(tr("the source is longer than %1 characters.").arg(sourceLength));
        if (seen.contains(e.date))
            return fail(tr("%1 appears twice.").arg(e.date));
        seen.insert(e.date);
        out << e;
    }
    *entries = out;
    return true;
}

bool HolidayCsv::readFile(const QString &path, QList<HolidayEntry> *entries, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    // Checked before reading, so a huge file is never loaded.
    if (f.size() > MaxFileBytes) {
        if (error)
            *error = tooLarge(f.size());
        return false;
    }
    return parse(f.read(MaxFileBytes + 1), entries, error);
}

bool HolidayCsv::import(Database &db, const Actor &actor, const QList<HolidayEntry> &entries, ImportResult *result,
                        QString *error)
{
    HolidayRepository repo(db, actor);
    if (!repo.canWrite()) {
        if (error)
            *error = tr("Your role (%1) may not change holidays.").arg(Roles::displayName(actor.role));
        return false;
    }
    if (entries.size() > MaxRows) {
        if (error)
            *error = tooManyRows();
        return false;
    }
    ImportResult counts;
    Transaction tx(db, error);
    if (!tx.isActive())
        return false;
    // The stored holidays are read once: a look-up per row (case-insensitive, so without the
    // date index) made the import quadratic.
    QHash<QString, Stored> live; ///< date → live row
    QHash<QString, Stored> byId; ///< id → any row, tombstones too
    {
        QSqlQuery q(db.connection());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, deleted, date, kind, name, source FROM holidays"))) {
            if (error)
                *error = tr("Cannot read the holidays: %1").arg(q.lastError().databaseText());
            return false;
        }
        while (q.next()) {
            const Stored row{q.value(0).toString(), q.value(1).toInt() != 0, q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toString(),   q.value(5).toString()};
            byId.insert(row.id, row);
            if (!row.deleted)
                live.insert(row.date, row);
        }
    }
    // One writer for every row: its statements are prepared once.
    ChangeWriter &writer = db.writer();
    const QString table = MasterData::holidays().table;
    for (const HolidayEntry &e : entries) {
        const QVariantMap values = {{QStringLiteral("date"), e.date},
                                    {QStringLiteral("kind"), e.kind},
                                    {QStringLiteral("name"), e.name},
                                    {QStringLiteral("source"), e.source.isNull() ? QStringLiteral("") : e.source}};
        const auto fail = [&](const QString &message) {
            if (error)
                *error = tr("%1: %2").arg(e.date, message);
            return false;
        };
        QString message;
        const auto existing = live.constFind(e.date);
        if (existing != live.cend()) {
            if (existing->kind == e.kind && existing->name == e.name && existing->source == e.source) {
                ++counts.unchanged;
                continue;
            }
            if (!writer.update(actor.userId, table, existing->id, values, &message))
                return fail(message);
            ++counts.updated;
            continue;
        }
        const QString id = holidayId(e.date);
        const auto row = byId.constFind(id);
        bool ok = false;
        if (row != byId.cend()) {
            // The name-based id of this date was used before (a tombstone, or a row whose date
            // was changed since): bring it back with this date rather than make a second id.
            ok = (!row->deleted || writer.restore(actor.userId, table, id, &message)) && writer.update(actor.userId, table, id, values, &message);
            if (ok && !row->deleted)
                live.remove(row->date);
        } else {
            ok = writer.insertWithId(actor.userId, table, id, values, &message);
        }
        if (!ok)
            return fail(message);
        const Stored stored{id, false, e.date, e.kind, e.name, e.source};
        live.insert(e.date, stored);
        byId.insert(id, stored);
        ++counts.added;
    }
    // The PPID deadlines follow the committed holidays (PpidDeadlineWatcher).
    if (!tx.commit(error))
        return false;
    if (result)
        *result = counts;
    return true;
}

} // namespace Humas
