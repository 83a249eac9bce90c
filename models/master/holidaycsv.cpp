#include "holidaycsv.h"

#include "auth/role.h"
#include "common/csv.h"
#include "common/logging.h"
#include "common/nameduuid.h"
#include "masterdata.h"
#include "ppid/ppiddeadlinerecompute.h"
#include "referencerepositories.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QDate>
#include <QFile>
#include <QSet>
#include <QStringDecoder>

namespace Humas {

QString HolidayCsv::holidayId(const QString &date)
{
    return NamedUuid::forName(QStringLiteral("holiday:") + date);
}

bool HolidayCsv::parse(const QByteArray &data, QList<HolidayEntry> *entries, QString *error)
{
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
    const QStringList kinds = MasterData::holidays().field(QStringLiteral("kind"))->choices;
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
        if (r.size() < 3 || r.size() > 4)
            return fail(tr("expected 4 fields (date,kind,name,source), found %1.").arg(r.size()));
        HolidayEntry e{r.at(0).trimmed(), r.at(1).trimmed(), r.at(2).trimmed(), r.value(3).trimmed()};
        if (!QDate::fromString(e.date, Qt::ISODate).isValid())
            return fail(tr("\"%1\" is not a date (YYYY-MM-DD).").arg(e.date));
        if (!kinds.contains(e.kind))
            return fail(tr("unknown kind \"%1\" (libur_nasional, cuti_bersama or lokal).").arg(e.kind));
        if (e.name.isEmpty())
            return fail(tr("the name is empty."));
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
    if (f.size() > 5 * 1024 * 1024) {
        if (error)
            *error = tr("%1 is too large for a holiday list.").arg(path);
        return false;
    }
    return parse(f.readAll(), entries, error);
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
    ImportResult counts;
    Transaction tx(db, error);
    if (!tx.isActive())
        return false;
    for (const HolidayEntry &e : entries) {
        const QVariantMap values = {{QStringLiteral("date"), e.date},
                                    {QStringLiteral("kind"), e.kind},
                                    {QStringLiteral("name"), e.name},
                                    {QStringLiteral("source"), e.source}};
        const Record existing = repo.findBy(QStringLiteral("date"), e.date);
        QString message;
        if (existing.isValid()) {
            const bool same = existing.text(QStringLiteral("kind")) == e.kind &&
                              existing.text(QStringLiteral("name")) == e.name &&
                              existing.text(QStringLiteral("source")) == e.source;
            if (same) {
                ++counts.unchanged;
                continue;
            }
            if (!repo.update(existing.id, values, &message)) {
                if (error)
                    *error = tr("%1: %2").arg(e.date, message);
                return false;
            }
            ++counts.updated;
        } else {
            const Record tomb = repo.get(holidayId(e.date));
            bool ok = false;
            if (tomb.isValid()) {
                ok = repo.restore(tomb.id, &message) && repo.update(tomb.id, values, &message);
            } else {
                ok = repo.insertWithId(holidayId(e.date), values, &message);
            }
            if (!ok) {
                if (error)
                    *error = tr("%1: %2").arg(e.date, message);
                return false;
            }
            ++counts.added;
        }
    }
    if (!tx.commit(error))
        return false;
    // Outside any caller's transaction the import is final: move the PPID deadlines now.
    if ((counts.added > 0 || counts.updated > 0) && db.transactionDepth() == 0) {
        QString message;
        const int moved = PpidDeadlineRecompute::afterHolidaysChanged(db, actor.username, &message);
        if (moved < 0)
            qCWarning(lcModels) << "recomputing PPID deadlines failed:" << message;
        else
            counts.recomputedDeadlines = moved;
    }
    if (result)
        *result = counts;
    return true;
}

} // namespace Humas
