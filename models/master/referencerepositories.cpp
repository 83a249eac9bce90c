#include "referencerepositories.h"

#include "auth/userrepository.h"
#include "common/logging.h"
#include "masterdata.h"
#include "store/database.h"

#include <QSqlQuery>

namespace Humas {

OpdRepository::OpdRepository(Database &db, const Actor &actor) : RecordRepository(db, MasterData::opd(), actor) {}

OfficialRepository::OfficialRepository(Database &db, const Actor &actor)
    : RecordRepository(db, MasterData::officials(), actor)
{
}

KecamatanRepository::KecamatanRepository(Database &db, const Actor &actor)
    : RecordRepository(db, MasterData::kecamatan(), actor)
{
}

VenueRepository::VenueRepository(Database &db, const Actor &actor) : RecordRepository(db, MasterData::venues(), actor)
{
}

bool VenueRepository::validateRules(const QVariantMap &merged, const QString &id, QString *error) const
{
    QSqlQuery q(database().connection());
    q.prepare(QStringLiteral("SELECT 1 FROM venues WHERE deleted = 0 AND name = ? COLLATE NOCASE "
                             "AND kecamatan_id = ? AND id IS NOT ?"));
    q.addBindValue(merged.value(QStringLiteral("name")));
    q.addBindValue(merged.value(QStringLiteral("kecamatan_id")));
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        if (error)
            *error = tr("A venue named \"%1\" already exists in this district.")
                         .arg(merged.value(QStringLiteral("name")).toString());
        return false;
    }
    return true;
}

TravelTimeRepository::TravelTimeRepository(Database &db, const Actor &actor)
    : RecordRepository(db, MasterData::travelTimes(), actor)
{
}

int TravelTimeRepository::minutesBetween(const QString &a, const QString &b) const
{
    QSqlQuery q(database().connection());
    q.prepare(QStringLiteral("SELECT minutes FROM travel_times WHERE deleted = 0 AND "
                             "((kecamatan_a = ? AND kecamatan_b = ?) OR (kecamatan_a = ? AND kecamatan_b = ?))"));
    q.addBindValue(a);
    q.addBindValue(b);
    q.addBindValue(b);
    q.addBindValue(a);
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return -1;
}

bool TravelTimeRepository::validateRules(const QVariantMap &merged, const QString &id, QString *error) const
{
    const QString a = merged.value(QStringLiteral("kecamatan_a")).toString();
    const QString b = merged.value(QStringLiteral("kecamatan_b")).toString();
    if (a == b) {
        if (error)
            *error = tr("A travel time needs two different districts.");
        return false;
    }
    QSqlQuery q(database().connection());
    q.prepare(QStringLiteral("SELECT 1 FROM travel_times WHERE deleted = 0 AND id IS NOT ? AND "
                             "((kecamatan_a = ? AND kecamatan_b = ?) OR (kecamatan_a = ? AND kecamatan_b = ?))"));
    q.addBindValue(id);
    q.addBindValue(a);
    q.addBindValue(b);
    q.addBindValue(b);
    q.addBindValue(a);
    if (q.exec() && q.next()) {
        if (error)
            *error = tr("A travel time between these two districts already exists; edit that one.");
        return false;
    }
    return true;
}

HolidayRepository::HolidayRepository(Database &db, const Actor &actor)
    : RecordRepository(db, MasterData::holidays(), actor)
{
}

int HolidayRepository::countInYear(int year) const
{
    QSqlQuery q(database().connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM holidays WHERE deleted = 0 AND date >= ? AND date <= ?"));
    q.addBindValue(QStringLiteral("%1-01-01").arg(year));
    q.addBindValue(QStringLiteral("%1-12-31").arg(year));
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return 0;
}

bool HolidayRepository::validateRules(const QVariantMap &merged, const QString &id, QString *error) const
{
    const QString date = merged.value(QStringLiteral("date")).toString();
    QSqlQuery q(database().connection());
    q.prepare(QStringLiteral("SELECT name FROM holidays WHERE deleted = 0 AND date = ? AND id IS NOT ?"));
    q.addBindValue(date);
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        if (error)
            *error = tr("%1 is already entered as a holiday (%2); one date holds one entry.")
                         .arg(date, q.value(0).toString());
        return false;
    }
    return true;
}

std::unique_ptr<RecordRepository> createRepository(Database &db, const TableSpec &spec, const Actor &actor)
{
    if (&spec == &MasterData::opd())
        return std::make_unique<OpdRepository>(db, actor);
    if (&spec == &MasterData::officials())
        return std::make_unique<OfficialRepository>(db, actor);
    if (&spec == &MasterData::kecamatan())
        return std::make_unique<KecamatanRepository>(db, actor);
    if (&spec == &MasterData::venues())
        return std::make_unique<VenueRepository>(db, actor);
    if (&spec == &MasterData::travelTimes())
        return std::make_unique<TravelTimeRepository>(db, actor);
    if (&spec == &MasterData::holidays())
        return std::make_unique<HolidayRepository>(db, actor);
    if (&spec == &MasterData::users())
        return std::make_unique<UserRepository>(db, actor);
    return std::make_unique<RecordRepository>(db, spec, actor);
}

} // namespace Humas
