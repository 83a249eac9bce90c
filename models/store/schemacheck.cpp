#include "schemacheck.h"

#include "migrations.h"

#include <QAtomicInt>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Humas {

namespace {

QAtomicInt s_counter;

QString kindAndName(const QString &line)
{
    // "table events: …" / "column events.title …" / "index x on …" → the part before the details
    const int colon = line.indexOf(QLatin1Char(':'));
    return colon < 0 ? line : line.left(colon);
}

bool describeInto(const QSqlDatabase &db, QStringList *lines, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Shadow tables of FTS5 and SQLite's own tables follow from the virtual table's definition.
    if (!q.exec(QStringLiteral("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                               "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"))) {
        if (error)
            *error = q.lastError().text().trimmed();
        return false;
    }
    struct Entry
    {
        QString type, name, table, sql;
    };
    QList<Entry> entries;
    while (q.next())
        entries.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    for (const Entry &e : entries) {
        if (e.type == QLatin1String("table")) {
            lines->append(QStringLiteral("table %1").arg(e.name));
            QSqlQuery c(db);
            c.setForwardOnly(true);
            // table_xinfo also lists generated and hidden columns; bound as text, not glued in.
            c.prepare(QStringLiteral("SELECT name, upper(type), \"notnull\", pk FROM pragma_table_xinfo(?)"));
            c.addBindValue(e.name);
            if (!c.exec()) {
                if (error)
                    *error = c.lastError().text().trimmed();
                return false;
            }
            while (c.next()) {
                lines->append(QStringLiteral("column %1.%2: %3%4%5")
                                  .arg(e.name, c.value(0).toString(), c.value(1).toString(),
                                       c.value(2).toInt() ? QStringLiteral(" NOT NULL") : QString(),
                                       c.value(3).toInt() ? QStringLiteral(" PRIMARY KEY") : QString()));
            }
        } else if (e.type == QLatin1String("index")) {
            QSqlQuery c(db);
            c.setForwardOnly(true);
            c.prepare(QStringLiteral("SELECT coalesce(name, '(expression)') FROM pragma_index_info(?) ORDER BY seqno"));
            c.addBindValue(e.name);
            QStringList columns;
            if (c.exec()) {
                while (c.next())
                    columns << c.value(0).toString();
            }
            lines->append(QStringLiteral("index %1: on %2(%3)").arg(e.name, e.table, columns.join(QLatin1Char(','))));
        } else {
            // Triggers and views: their text, with runs of white space folded.
            lines->append(QStringLiteral("%1 %2: on %3 %4").arg(e.type, e.name, e.table, e.sql.simplified()));
        }
    }
    lines->sort();
    return true;
}

} // namespace

QStringList SchemaCheck::describe(const QSqlDatabase &db, QString *error)
{
    QStringList lines;
    if (!describeInto(db, &lines, error))
        return {};
    return lines;
}

QStringList SchemaCheck::expected(int version, QString *error)
{
    static QMutex mutex;
    static QHash<int, QStringList> cache;
    QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(version); it != cache.constEnd())
        return *it;
    const QString name = QStringLiteral("humas-schemacheck-%1").arg(s_counter.fetchAndAddRelaxed(1));
    QStringList lines;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        ok = db.open();
        if (!ok && error)
            *error = db.lastError().text().trimmed();
        QSqlQuery q(db);
        for (int v = 1; ok && v <= version; ++v) {
            const QStringList statements = Migrations::statements(v);
            if (statements.isEmpty()) {
                ok = false;
                if (error)
                    *error = tr("Migration %1 is missing from this build.").arg(v);
            }
            for (const QString &sql : statements) {
                if (ok && !q.exec(sql)) {
                    ok = false;
                    if (error)
                        *error = q.lastError().text().trimmed();
                }
            }
        }
        if (ok)
            ok = describeInto(db, &lines, error);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!ok)
        return {};
    cache.insert(version, lines);
    return lines;
}

QStringList SchemaCheck::problems(const QSqlDatabase &db, int version)
{
    QString error;
    const QStringList want = expected(version, &error);
    if (want.isEmpty())
        return {tr("the expected schema %1 cannot be built: %2").arg(version).arg(error)};
    const QStringList have = describe(db, &error);
    if (have.isEmpty() && !error.isEmpty())
        return {tr("the schema cannot be read: %1").arg(error)};
    const QSet<QString> haveSet(have.cbegin(), have.cend());
    const QSet<QString> wantSet(want.cbegin(), want.cend());
    QHash<QString, QString> haveByName;
    for (const QString &line : have)
        haveByName.insert(kindAndName(line), line);
    QSet<QString> wantNames;
    QStringList out;
    for (const QString &line : want) {
        wantNames.insert(kindAndName(line));
        if (haveSet.contains(line))
            continue;
        const QString other = haveByName.value(kindAndName(line));
        if (other.isEmpty())
            out << tr("missing %1").arg(kindAndName(line));
        else
            out << tr("%1 differs (expected \"%2\", found \"%3\")").arg(kindAndName(line), line, other);
    }
    for (const QString &line : have) {
        if (!wantSet.contains(line) && !wantNames.contains(kindAndName(line)))
            out << tr("unexpected %1 (not part of schema %2)").arg(kindAndName(line)).arg(version);
    }
    return out;
}

} // namespace Humas
