#include "seeder.h"

#include "auth/role.h"
#include "common/clock.h"
#include "common/csv.h"
#include "common/nameduuid.h"
#include "holidaycsv.h"
#include "settings/appsettings.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QFile>

namespace Humas {

namespace {

const QString ParigiMoutong = QStringLiteral("parigi-moutong");

bool readResourceCsv(const QString &path, QList<QStringList> *rows)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    if (!Csv::parse(QString::fromUtf8(f.readAll()), rows) || rows->isEmpty())
        return false;
    rows->removeFirst(); // header
    return true;
}

QString opdCodeForKecamatan(const QString &name)
{
    QString code = name.toUpper();
    code.replace(QLatin1Char(' '), QLatin1Char('-'));
    return QStringLiteral("KEC-") + code;
}

} // namespace

QStringList Seeder::presets()
{
    return {ParigiMoutong};
}

bool Seeder::isInitialized(const Database &db)
{
    return !db.meta(QStringLiteral("initialized_at")).isEmpty();
}

bool Seeder::init(Database &db, const QString &preset, bool *alreadyInitialized, QString *summary, QString *error)
{
    if (alreadyInitialized)
        *alreadyInitialized = false;
    if (!preset.isEmpty() && !presets().contains(preset)) {
        if (error)
            *error = tr("Unknown preset \"%1\"; known presets: %2.").arg(preset, presets().join(QStringLiteral(", ")));
        return false;
    }
    if (isInitialized(db)) {
        if (alreadyInitialized)
            *alreadyInitialized = true;
        if (summary)
            *summary = tr("The database was already initialised on %1; nothing was changed.")
                           .arg(db.meta(QStringLiteral("initialized_at")));
        return true;
    }
    const Actor system = Actor::system();
    Transaction tx(db, error);
    if (!tx.isActive())
        return false;
    ChangeWriter &writer = db.writer();

    struct Official
    {
        const char *code;
        const char *position;
    };
    const Official officials[] = {
        {"BUPATI", "Bupati"},
        {"WABUP", "Wakil Bupati"},
        {"SEKDA", "Sekretaris Daerah"},
        {"ASISTEN1", "Asisten Pemerintahan dan Kesejahteraan Rakyat"},
        {"ASISTEN2", "Asisten Perekonomian dan Pembangunan"},
        {"ASISTEN3", "Asisten Administrasi Umum"},
    };
    int order = 1;
    for (const Official &o : officials) {
        const QString code = QString::fromLatin1(o.code);
        QString id = NamedUuid::forName(QStringLiteral("official:") + code);
        if (!writer.insertWithId(system.userId, QStringLiteral("officials"), id,
                                 {{QStringLiteral("code"), code},
                                  {QStringLiteral("position"), QString::fromUtf8(o.position)},
                                  {QStringLiteral("sort_order"), order++}},
                                 error))
            return false;
    }

    QList<HolidayEntry> holidays;
    if (!HolidayCsv::readFile(QStringLiteral(":/humasdesk/seed/holidays-id.csv"), &holidays, error))
        return false;
    HolidayCsv::ImportResult imported;
    if (!HolidayCsv::import(db, system, holidays, &imported, error))
        return false;

    QMap<QString, QString> settings = {{QLatin1String(AppSettings::TimeZoneCode), QStringLiteral("WITA")},
                                       {QLatin1String(AppSettings::CutiBersamaWorking), QStringLiteral("0")}};
    int kecamatanCount = 0;
    int opdCount = 0;
    if (preset == ParigiMoutong) {
        QList<QStringList> rows;
        if (!readResourceCsv(QStringLiteral(":/humasdesk/seed/kecamatan-parigi-moutong.csv"), &rows)) {
            if (error)
                *error = tr("The shipped district list is damaged.");
            return false;
        }
        for (const QStringList &r : rows) {
            const QString name = r.value(0).trimmed();
            QString id = NamedUuid::forName(QStringLiteral("kecamatan:") + name);
            if (!writer.insertWithId(system.userId, QStringLiteral("kecamatan"), id, {{QStringLiteral("name"), name}}, error))
                return false;
            QString opdId = NamedUuid::forName(QStringLiteral("opd:") + opdCodeForKecamatan(name));
            if (!writer.insertWithId(system.userId, QStringLiteral("opd"), opdId,
                                     {{QStringLiteral("code"), opdCodeForKecamatan(name)},
                                      {QStringLiteral("name"), QString(QStringLiteral("Kecamatan ") + name)},
                                      {QStringLiteral("short_name"), QString(QStringLiteral("Kec. ") + name)}},
                                     error))
                return false;
            ++kecamatanCount;
            ++opdCount;
        }
        rows.clear();
        if (!readResourceCsv(QStringLiteral(":/humasdesk/seed/opd-parigi-moutong.csv"), &rows)) {
            if (error)
                *error = tr("The shipped agency list is damaged.");
            return false;
        }
        for (const QStringList &r : rows) {
            QString id = NamedUuid::forName(QStringLiteral("opd:") + r.value(0));
            if (!writer.insertWithId(system.userId, QStringLiteral("opd"), id,
                                     {{QStringLiteral("code"), r.value(0)},
                                      {QStringLiteral("name"), r.value(1)},
                                      {QStringLiteral("short_name"), r.value(2)}},
                                     error))
                return false;
            ++opdCount;
        }
        settings.insert(QLatin1String(AppSettings::RegencyName), QStringLiteral("Kabupaten Parigi Moutong"));
        settings.insert(QLatin1String(AppSettings::Letterhead),
                        QStringLiteral("PEMERINTAH KABUPATEN PARIGI MOUTONG\nSEKRETARIAT DAERAH"));
        settings.insert(QLatin1String(AppSettings::OfficeAddress), QStringLiteral("Parigi, Sulawesi Tengah"));
        settings.insert(QLatin1String(AppSettings::City), QStringLiteral("Parigi"));
    }
    AppSettings appSettings(db, system);
    if (!appSettings.setValues(settings, error))
        return false;
    const QString now = Clock::instance()->nowUtc().toString(Qt::ISODate);
    if (!db.setMeta(QStringLiteral("initialized_at"), now, error) ||
        !db.setMeta(QStringLiteral("preset"), preset, error))
        return false;
    if (!tx.commit(error))
        return false;
    if (summary) {
        *summary = tr("Database initialised: %1 officials, %2 holidays").arg(6).arg(imported.added);
        if (preset == ParigiMoutong)
            *summary +=
                tr(", %1 districts and %2 agencies of Kabupaten Parigi Moutong").arg(kecamatanCount).arg(opdCount);
        *summary += QLatin1Char('.');
    }
    return true;
}

} // namespace Humas
