#pragma once

#include "recordrepository.h"

#include <QDate>

#include <memory>

namespace Humas {

class OpdRepository : public RecordRepository
{
public:
    OpdRepository(Database &db, const Actor &actor);
};

class OfficialRepository : public RecordRepository
{
public:
    OfficialRepository(Database &db, const Actor &actor);
};

class KecamatanRepository : public RecordRepository
{
public:
    KecamatanRepository(Database &db, const Actor &actor);
};

class VenueRepository : public RecordRepository
{
    Q_DECLARE_TR_FUNCTIONS(Humas::VenueRepository)
public:
    VenueRepository(Database &db, const Actor &actor);

protected:
    bool validateRules(const QVariantMap &merged, const QString &id, QString *error) const override;
};

/** Travel minutes between two kecamatan; a pair is unordered (A→B is B→A). */
class TravelTimeRepository : public RecordRepository
{
    Q_DECLARE_TR_FUNCTIONS(Humas::TravelTimeRepository)
public:
    TravelTimeRepository(Database &db, const Actor &actor);
    /** Minutes for the pair, or -1 when none is set. */
    int minutesBetween(const QString &kecamatanA, const QString &kecamatanB) const;

protected:
    bool validateRules(const QVariantMap &merged, const QString &id, QString *error) const override;
};

/** National holidays, cuti bersama and local holidays; at most one entry per date. */
class HolidayRepository : public RecordRepository
{
    Q_DECLARE_TR_FUNCTIONS(Humas::HolidayRepository)
public:
    HolidayRepository(Database &db, const Actor &actor);
    /** Number of holidays entered for @p year. */
    int countInYear(int year) const;

protected:
    bool validateRules(const QVariantMap &merged, const QString &id, QString *error) const override;
};

/** The repository class that carries a table's own rules (a plain RecordRepository otherwise). */
std::unique_ptr<RecordRepository> createRepository(Database &db, const TableSpec &spec, const Actor &actor);

} // namespace Humas
