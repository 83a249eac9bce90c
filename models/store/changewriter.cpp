#include "changewriter.h"

#include "common/clock.h"
#include "common/hybridclock.h"
#include "common/uuid7.h"
#include "database.h"

#include <QDate>

#include <QSqlError>
#include <QSqlRecord>
#include <cstdio>

namespace Humas {

namespace {

ChangeWriter::FaultHook &faultHook()
{
    static ChangeWriter::FaultHook hook;
    return hook;
}

bool faultAt(ChangeWriter::FaultPoint point)
{
    const ChangeWriter::FaultHook &hook = faultHook();
    return hook && hook(point);
}

/** UTC time as "yyyy-MM-ddTHH:mm:ss.zzzZ", formatted by hand: QDateTime::toString costs
 *  about 36,000 instructions a call (callgrind), a tenth of a whole write. */
QString isoUtc(const QDateTime &utc)
{
    const QDate d = utc.date();
    const QTime t = utc.time();
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(), d.month(),
                                d.day(), t.hour(), t.minute(), t.second(), t.msec());
    return QString::fromLatin1(buffer, n);
}

QString nowText()
{
    return isoUtc(Clock::instance()->nowUtc().toUTC());
}

bool needsEscape(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == u'"' || u == u'\\')
            return true;
    }
    return false;
}

void appendJsonString(QString &out, const QString &text)
{
    out += QLatin1Char('"');
    if (!needsEscape(text)) { // the common case: append in one go
        out += text;
        out += QLatin1Char('"');
        return;
    }
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u < 0x20) {
            switch (u) {
            case u'\n':
                out += QLatin1String("\\n");
                break;
            case u'\t':
                out += QLatin1String("\\t");
                break;
            case u'\r':
                out += QLatin1String("\\r");
                break;
            default:
                out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
            }
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
}

void appendJsonValue(QString &out, const QVariant &v)
{
    if (!v.isValid() || v.isNull()) {
        out += QLatin1String("null");
        return;
    }
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out += QString::number(v.toLongLong());
        return;
    case QMetaType::Double:
        out += QString::number(v.toDouble(), 'g', 17);
        return;
    case QMetaType::Bool:
        out += v.toBool() ? QLatin1Char('1') : QLatin1Char('0');
        return;
    default:
        appendJsonString(out, v.toString());
    }
}

/**
 * {"field":[old,new],…} written by hand: QJsonObject/QJsonDocument cost about a third of
 * every write (callgrind), and the outbox needs only this one flat shape.
 */
QString changesJson(const QVariantMap &oldValues, const QVariantMap &newValues)
{
    QString out;
    out.reserve(32 * (newValues.size() + 1));
    out += QLatin1Char('{');
    bool first = true;
    for (auto it = newValues.cbegin(); it != newValues.cend(); ++it) {
        if (!first)
            out += QLatin1Char(',');
        first = false;
        appendJsonString(out, it.key());
        out += QLatin1String(":[");
        appendJsonValue(out, oldValues.value(it.key()));
        out += QLatin1Char(',');
        appendJsonValue(out, it.value());
        out += QLatin1Char(']');
    }
    out += QLatin1Char('}');
    return out;
}

/**
 * The transaction of one write. Alone, a write runs in its own transaction. Inside a
 * caller's transaction it adds no savepoint (a third of the cost of a write in a batch);
 * if it fails after changing something, the caller's transaction is marked failed so it
 * can only be rolled back, never committed half-done.
 */
class WriteScope
{
public:
    WriteScope(Database &db, QString *error) : m_db(db), m_own(db.transactionDepth() == 0)
    {
        m_active = !m_own || m_db.begin(error);
    }
    ~WriteScope()
    {
        if (m_done || !m_active)
            return;
        if (m_own)
            m_db.rollback();
        else if (m_dirty)
            m_db.markFailed();
    }
    bool isActive() const { return m_active; }
    void setDirty() { m_dirty = true; }
    bool commit(QString *error)
    {
        m_done = true;
        return !m_own || m_db.commit(error);
    }

private:
    Database &m_db;
    bool m_own;
    bool m_active = false;
    bool m_dirty = false;
    bool m_done = false;
};

QString shownValue(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return ChangeWriter::tr("(empty)");
    QString text = v.toString();
    if (text.isEmpty())
        return ChangeWriter::tr("(empty)");
    if (text.size() > 80)
        text = text.left(77) + QStringLiteral("...");
    return QStringLiteral("\"%1\"").arg(text);
}

/** The actor's user id as stored: never NULL (an actor without an account, e.g. a test's, is ""). */
QString actorText(const QString &actorId)
{
    return actorId.isNull() ? QStringLiteral("") : actorId;
}

} // namespace

ChangeWriter::ChangeWriter(Database &db) : m_db(db) {}

bool ChangeWriter::sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() != b.isNull())
        return false;
    if (a.isNull())
        return true;
    return a.toString() == b.toString();
}

QString ChangeWriter::staleMessage(const QList<StaleField> &stale)
{
    QStringList lines;
    for (const StaleField &f : stale)
        lines << tr("%1: you started from %2, a colleague has since saved %3 (yours: %4)")
                     .arg(f.field, shownValue(f.started), shownValue(f.current), shownValue(f.mine));
    return tr("Not saved: the record was changed by someone else while you were editing it.\n%1\n"
              "Reopen it to see the current values, then make your change again.")
        .arg(lines.join(QLatin1Char('\n')));
}

void ChangeWriter::setFaultHook(FaultHook hook)
{
    faultHook() = std::move(hook);
}

const QStringList &ChangeWriter::syncColumns()
{
    static const QStringList cols = {QStringLiteral("id"),         QStringLiteral("rev"),
                                     QStringLiteral("deleted"),    QStringLiteral("updated_at"),
                                     QStringLiteral("updated_by"), QStringLiteral("site_id"),
                                     QStringLiteral("hlc"),        QStringLiteral("sync_seq")};
    return cols;
}

QVariant ChangeWriter::storageValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QVariant();
    switch (value.typeId()) {
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime:
        return isoUtc(value.toDateTime().toUTC());
    case QMetaType::Bool:
        return value.toBool() ? 1 : 0;
    default:
        return value;
    }
}

QStringList ChangeWriter::columns(const QString &table) const
{
    auto it = m_columns.constFind(table);
    if (it != m_columns.constEnd())
        return it.value();
    QStringList cols;
    const QSqlRecord rec = m_db.connection().record(table);
    for (int i = 0; i < rec.count(); ++i)
        cols << rec.fieldName(i);
    m_columns.insert(table, cols);
    return cols;
}

bool ChangeWriter::checkColumns(const QString &table, const QVariantMap &values, QString *error) const
{
    // A set per table: a linear scan of the column list for every field of every write cost
    // about 6% of a batch insert (perf, bench_store).
    auto it = m_writable.constFind(table);
    if (it == m_writable.constEnd()) {
        const QStringList cols = columns(table);
        QSet<QString> writable;
        if (cols.contains(QStringLiteral("hlc"))) {
            for (const QString &c : cols) {
                if (!syncColumns().contains(c))
                    writable.insert(c);
            }
        }
        it = m_writable.insert(table, writable);
    }
    if (it->isEmpty()) {
        if (error)
            *error = tr("%1 is not a synced table.").arg(table);
        return false;
    }
    for (auto v = values.cbegin(); v != values.cend(); ++v) {
        if (!it->contains(v.key())) {
            if (error)
                *error = tr("%1 has no writable field %2.").arg(table, v.key());
            return false;
        }
    }
    return true;
}

QSqlQuery &ChangeWriter::prepared(const QString &sql, bool *ok)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery q(m_db.connection());
        if (!q.prepare(sql)) {
            // Not cached: a later call must try again instead of running an unprepared query.
            m_failedQuery = std::move(q);
            *ok = false;
            return m_failedQuery;
        }
        it = m_queries.insert(sql, q);
    }
    *ok = true;
    return it.value();
}

QVariantMap ChangeWriter::row(const QString &table, const QString &id) const
{
    if (columns(table).isEmpty())
        return {};
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    QVariantMap out;
    if (q.exec() && q.next()) {
        const QSqlRecord rec = q.record();
        for (int i = 0; i < rec.count(); ++i)
            out.insert(rec.fieldName(i), q.value(i));
    }
    return out;
}

bool ChangeWriter::insert(const QString &actorId, const QString &table, const QVariantMap &values, QString *id,
                          QString *error)
{
    const QString rowId = Uuid7::createString();
    if (!insertWithId(actorId, table, rowId, values, error))
        return false;
    if (id)
        *id = rowId;
    return true;
}

bool ChangeWriter::insertWithId(const QString &actorId, const QString &table, const QString &rowId,
                                const QVariantMap &values, QString *error)
{
    if (!checkColumns(table, values, error))
        return false;
    if (rowId.isEmpty()) {
        if (error)
            *error = tr("A new record needs an id.");
        return false;
    }
    const QString now = nowText();
    const QString hlc = m_db.hybridClock()->tick();

    // sync_seq stays at its default 0: only the sync applier sets it. The statement text is
    // made once per table and field set; per row only the values are converted and bound.
    QVariantList binds = {rowId, 1, 0, now, actorText(actorId), m_db.siteId(), hlc};
    binds.reserve(binds.size() + values.size());
    QVariantMap newValues;
    QString key = table;
    key.reserve(table.size() + 16 * values.size());
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        key += QLatin1Char('|');
        key += it.key();
        const QVariant v = storageValue(it.value());
        binds << v;
        newValues.insert(it.key(), v);
    }
    QString &sql = m_insertSql[key];
    if (sql.isEmpty()) {
        QStringList names = syncColumns().mid(0, 7) + values.keys();
        QStringList marks;
        marks.fill(QStringLiteral("?"), names.size());
        sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                  .arg(table, names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')));
    }

    WriteScope tx(m_db, error);
    if (!tx.isActive())
        return false;
    bool ok = false;
    QSqlQuery &q = prepared(sql, &ok);
    if (ok) {
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        ok = q.exec();
    }
    if (!ok) {
        if (error)
            *error = tr("Could not save to %1: %2").arg(table, q.lastError().databaseText());
        return false;
    }
    tx.setDirty();
    if (faultAt(FaultPoint::AfterRowWrite)) {
        if (error)
            *error = tr("Simulated failure after the row write.");
        return false;
    }
    if (!appendOutbox(actorId, table, rowId, QStringLiteral("upsert"), {}, newValues, 0, 0, 1, hlc, now, error))
        return false;
    m_db.noteChanged(table, rowId);
    if (faultAt(FaultPoint::AfterOutboxWrite)) {
        if (error)
            *error = tr("Simulated failure before commit.");
        return false;
    }
    return tx.commit(error);
}

bool ChangeWriter::update(const QString &actorId, const QString &table, const QString &id, const QVariantMap &values,
                          QString *error)
{
    if (!checkColumns(table, values, error))
        return false;
    return writeUpdate(actorId, table, id, values, nullptr, QStringLiteral("upsert"), error, nullptr);
}

bool ChangeWriter::patch(const QString &actorId, const QString &table, const QString &id, const QVariantMap &started,
                         const QVariantMap &values, QString *error, QList<StaleField> *stale)
{
    if (!checkColumns(table, values, error))
        return false;
    return writeUpdate(actorId, table, id, values, &started, QStringLiteral("upsert"), error, stale);
}

bool ChangeWriter::remove(const QString &actorId, const QString &table, const QString &id, QString *error)
{
    if (!checkColumns(table, {}, error))
        return false;
    return writeUpdate(actorId, table, id, {{QStringLiteral("deleted"), 1}}, nullptr, QStringLiteral("delete"), error,
                       nullptr);
}

bool ChangeWriter::restore(const QString &actorId, const QString &table, const QString &id, QString *error)
{
    if (!checkColumns(table, {}, error))
        return false;
    return writeUpdate(actorId, table, id, {{QStringLiteral("deleted"), 0}}, nullptr, QStringLiteral("upsert"), error,
                       nullptr);
}

bool ChangeWriter::writeUpdate(const QString &actorId, const QString &table, const QString &id,
                               const QVariantMap &values, const QVariantMap *started, const QString &op,
                               QString *error, QList<StaleField> *stale)
{
    WriteScope tx(m_db, error);
    if (!tx.isActive())
        return false;
    const QVariantMap current = row(table, id);
    if (current.isEmpty()) {
        if (error)
            *error = tr("The record no longer exists.");
        return false;
    }
    if (started) {
        QList<StaleField> changed;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            const auto base = started->constFind(it.key());
            if (base == started->cend())
                continue;
            const QVariant now = current.value(it.key());
            const QVariant mine = storageValue(it.value());
            // Changed underneath, to something other than what this user wants now.
            if (!sameValue(now, storageValue(base.value())) && !sameValue(now, mine))
                changed << StaleField{it.key(), storageValue(base.value()), now, mine};
        }
        if (!changed.isEmpty()) {
            if (error)
                *error = staleMessage(changed);
            if (stale)
                *stale = changed;
            return false;
        }
    }
    QVariantMap oldValues;
    QVariantMap newValues;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QVariant v = storageValue(it.value());
        if (!sameValue(current.value(it.key()), v)) {
            oldValues.insert(it.key(), current.value(it.key()));
            newValues.insert(it.key(), v);
        }
    }
    if (newValues.isEmpty())
        return tx.commit(error); // nothing changed: no new revision, no outbox entry

    const int baseRev = current.value(QStringLiteral("rev")).toInt();
    const int rev = baseRev + 1;
    const QString now = nowText();
    const QString hlc = m_db.hybridClock()->tick();
    QStringList sets = {QStringLiteral("rev=?"), QStringLiteral("updated_at=?"), QStringLiteral("updated_by=?"),
                        QStringLiteral("site_id=?"), QStringLiteral("hlc=?")};
    QVariantList binds = {rev, now, actorText(actorId), m_db.siteId(), hlc};
    for (auto it = newValues.cbegin(); it != newValues.cend(); ++it) {
        sets << it.key() + QStringLiteral("=?");
        binds << it.value();
    }
    binds << id;
    const QString sql = QStringLiteral("UPDATE %1 SET %2 WHERE id=?").arg(table, sets.join(QLatin1Char(',')));
    bool ok = false;
    QSqlQuery &q = prepared(sql, &ok);
    if (ok) {
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        ok = q.exec();
    }
    if (!ok) {
        if (error)
            *error = tr("Could not save to %1: %2").arg(table, q.lastError().databaseText());
        return false;
    }
    tx.setDirty();
    if (faultAt(FaultPoint::AfterRowWrite)) {
        if (error)
            *error = tr("Simulated failure after the row write.");
        return false;
    }
    if (!appendOutbox(actorId, table, id, op, oldValues, newValues, baseRev,
                      current.value(QStringLiteral("sync_seq")).toLongLong(), rev, hlc, now, error))
        return false;
    m_db.noteChanged(table, id);
    if (faultAt(FaultPoint::AfterOutboxWrite)) {
        if (error)
            *error = tr("Simulated failure before commit.");
        return false;
    }
    return tx.commit(error);
}

bool ChangeWriter::appendOutbox(const QString &actorId, const QString &table, const QString &id, const QString &op,
                                const QVariantMap &oldValues, const QVariantMap &newValues, int baseRev,
                                qint64 baseSeq, int rev, const QString &hlc, const QString &now, QString *error)
{
    bool ok = false;
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO outbox (op_id, entity, row_id, op, changes, base_rev, rev, "
                                           "hlc, site_id, actor, created_at, base_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                            &ok);
    if (ok) {
        q.bindValue(0, Uuid7::createString());
        q.bindValue(1, table);
        q.bindValue(2, id);
        q.bindValue(3, op);
        q.bindValue(4, changesJson(oldValues, newValues));
        q.bindValue(5, baseRev);
        q.bindValue(6, rev);
        q.bindValue(7, hlc);
        q.bindValue(8, m_db.siteId());
        q.bindValue(9, actorText(actorId));
        q.bindValue(10, now);
        q.bindValue(11, baseSeq);
        ok = q.exec();
    }
    if (!ok && error)
        *error = tr("Could not record the change for synchronisation: %1").arg(q.lastError().databaseText());
    return ok;
}

} // namespace Humas
