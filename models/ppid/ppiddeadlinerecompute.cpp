#include "ppid/ppiddeadlinerecompute.h"

#include "master/referencerepositories.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/workingcalendar.h"
#include "settings/appsettings.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace Humas {

namespace {
const QString FingerprintKey = QStringLiteral("ppid_deadlines_fingerprint");
} // namespace

QString PpidDeadlineRecompute::fingerprint(Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(AppSettings(db, Actor::system()).cutiBersamaIsWorkingDay() ? "1;" : "0;");
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT date, kind FROM holidays WHERE deleted = 0 ORDER BY date"))) {
        while (q.next()) {
            hash.addData(
                (q.value(0).toString() + QLatin1Char(',') + q.value(1).toString() + QLatin1Char(';')).toUtf8());
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

namespace {
int recompute(Database &db, const QString &username, const QString &onlySiteId, QString *error)
{
    const QString now = PpidDeadlineRecompute::fingerprint(db);
    if (db.meta(FingerprintKey) == now)
        return 0;
    Actor actor = Actor::system();
    if (!username.isEmpty())
        actor.username = username;
    PpidRequestRepository requests(db, actor);
    const int changed = requests.recomputeDeadlines(WorkingCalendar::load(db), error, onlySiteId);
    if (changed < 0)
        return -1;
    if (!db.setMeta(FingerprintKey, now, error))
        return -1;
    return changed;
}
} // namespace

int PpidDeadlineRecompute::afterHolidaysChanged(Database &db, const QString &username, QString *error)
{
    return recompute(db, username, {}, error);
}

int PpidDeadlineRecompute::afterSyncPull(Database &db, QString *error)
{
    return recompute(db, {}, db.siteId(), error);
}

bool holidaysMissingForNextYear(Database &db, const QDate &today)
{
    if (!today.isValid() || today.month() < 11)
        return false;
    return HolidayRepository(db, Actor::system()).countInYear(today.year() + 1) == 0;
}

} // namespace Humas
