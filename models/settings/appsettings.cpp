#include "appsettings.h"

#include "common/nameduuid.h"
#include "common/textrules.h"
#include "master/masterdata.h"
#include "settings/numberpattern.h"
#include "store/blobstore.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QBuffer>
#include <QImageReader>
#include <QMap>
#include <QSqlQuery>

namespace Humas {

AppSettings::AppSettings(Database &db, Actor actor) : m_db(db), m_actor(std::move(actor)) {}

QString AppSettings::settingId(const QString &key)
{
    return NamedUuid::forName(QStringLiteral("setting:") + key);
}

QStringList AppSettings::timeZoneCodes()
{
    return {QStringLiteral("WIB"), QStringLiteral("WITA"), QStringLiteral("WIT")};
}

QString AppSettings::value(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ? AND deleted = 0"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

bool AppSettings::isValid(const QString &key, const QString &value, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (key == QLatin1String(TimeZoneCode) && !timeZoneCodes().contains(value))
        return fail(tr("The time zone must be WIB, WITA or WIT."));
    if (key == QLatin1String(CutiBersamaWorking) && value != QLatin1String("0") && value != QLatin1String("1"))
        return fail(tr("The collective-leave setting must be 0 or 1."));
    if ((key == QLatin1String(WorkStart) || key == QLatin1String(WorkEnd)) &&
        !QTime::fromString(value, QStringLiteral("HH:mm")).isValid())
        return fail(tr("Working hours must be written as HH:MM, for example 07:30."));
    if ((key == QLatin1String(PpidNumberPattern) || key == QLatin1String(PpidObjectionNumberPattern)) &&
        !NumberPattern::isValid(value, error))
        return false;
    if (key == QLatin1String(RegencyName) && value.trimmed().isEmpty())
        return fail(tr("The regency name must not be empty."));
    // The letterhead has several lines; no setting has a use for other control characters.
    return TextRules::check(value, tr("The setting \"%1\"").arg(key), 2000, TextRules::Lines::Multi, error);
}

bool AppSettings::setValue(const QString &key, const QString &value, QString *error)
{
    return setValues({{key, value}}, error);
}

bool AppSettings::setValues(const QMap<QString, QString> &values, QString *error)
{
    if (m_actor.role != Role::Admin) {
        if (error)
            *error = tr("Only an administrator may change the settings.");
        return false;
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!isValid(it.key(), it.value(), error))
            return false;
    }
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    ChangeWriter &writer = m_db.writer();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString id = settingId(it.key());
        const QVariantMap existing = writer.row(QStringLiteral("settings"), id);
        bool ok = false;
        if (existing.isEmpty()) {
            QString newId = id;
            ok = writer.insertWithId(m_actor.userId, QStringLiteral("settings"), newId,
                                     {{QStringLiteral("key"), it.key()}, {QStringLiteral("value"), it.value()}}, error);
        } else {
            ok = writer.update(m_actor.userId, QStringLiteral("settings"), id, {{QStringLiteral("value"), it.value()}}, error);
        }
        if (!ok)
            return false;
    }
    // Whether cuti bersama are working days moves the PPID deadlines: PpidDeadlineWatcher
    // follows the committed settings rows.
    return tx.commit(error);
}

bool AppSettings::setValues(const QMap<QString, QString> &started, const QMap<QString, QString> &values,
                            QString *error, QList<StaleField> *stale)
{
    if (m_actor.role != Role::Admin) {
        if (error)
            *error = tr("Only an administrator may change the settings.");
        return false;
    }
    QMap<QString, QString> changed;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!started.contains(it.key()) || started.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    if (changed.isEmpty())
        return true;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        if (!isValid(it.key(), it.value(), error))
            return false;
    }
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    ChangeWriter &writer = m_db.writer();
    QList<StaleField> refused;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        const QString id = settingId(it.key());
        const QVariantMap existing = writer.row(QStringLiteral("settings"), id);
        const QString from = started.value(it.key());
        if (existing.isEmpty()) {
            // Never stored: the form started from the default, so nobody can have changed it.
            if (!writer.insertWithId(m_actor.userId, QStringLiteral("settings"), id,
                                     {{QStringLiteral("key"), it.key()}, {QStringLiteral("value"), it.value()}}, error))
                return false;
            continue;
        }
        // A row a colleague created since the form was filled counts as changed underneath.
        QList<StaleField> one;
        QString message;
        if (!writer.patch(m_actor.userId, QStringLiteral("settings"), id, {{QStringLiteral("value"), from}},
                          {{QStringLiteral("value"), it.value()}}, &message, &one)) {
            if (one.isEmpty()) {
                if (error)
                    *error = message;
                return false;
            }
            for (StaleField &f : one)
                f.field = it.key();
            refused += one;
        }
    }
    if (!refused.isEmpty()) {
        if (error)
            *error = ChangeWriter::staleMessage(refused);
        if (stale)
            *stale = refused;
        return false; // the transaction rolls back what was written before the refusal
    }
    return tx.commit(error);
}

QString AppSettings::regencyName() const
{
    return value(QLatin1String(RegencyName), tr("Example Regency"));
}

QStringList AppSettings::letterheadLines() const
{
    const QString text = value(QLatin1String(Letterhead));
    if (text.trimmed().isEmpty())
        return {tr("GOVERNMENT OF %1").arg(regencyName().toUpper()), tr("REGIONAL SECRETARIAT")};
    return text.split(QLatin1Char('\n'));
}

QString AppSettings::officeAddress() const
{
    return value(QLatin1String(OfficeAddress));
}

QString AppSettings::city() const
{
    return value(QLatin1String(City));
}

QString AppSettings::timeZoneCode() const
{
    const QString code = value(QLatin1String(TimeZoneCode), QStringLiteral("WITA"));
    return timeZoneCodes().contains(code) ? code : QStringLiteral("WITA");
}

QTimeZone AppSettings::timeZone() const
{
    QTimeZone tz(MasterData::ianaZone(timeZoneCode()).toLatin1());
    if (tz.isValid())
        return tz;
    // No tz database on the machine: the three Indonesian zones have no DST.
    const int hours = timeZoneCode() == QLatin1String("WIB") ? 7 : timeZoneCode() == QLatin1String("WIT") ? 9 : 8;
    return QTimeZone(hours * 3600);
}

bool AppSettings::cutiBersamaIsWorkingDay() const
{
    return value(QLatin1String(CutiBersamaWorking), QStringLiteral("0")) == QLatin1String("1");
}

QString AppSettings::ppidNumberPattern() const
{
    const QString pattern = value(QLatin1String(PpidNumberPattern));
    return pattern.trimmed().isEmpty() ? NumberPattern::defaultRequestPattern() : pattern;
}

QString AppSettings::ppidObjectionNumberPattern() const
{
    const QString pattern = value(QLatin1String(PpidObjectionNumberPattern));
    return pattern.trimmed().isEmpty() ? NumberPattern::defaultObjectionPattern() : pattern;
}

namespace {
const QTime DefaultWorkStart(7, 30);
const QTime DefaultWorkEnd(16, 0);
} // namespace

QTime AppSettings::workStart() const
{
    QTime start = QTime::fromString(value(QLatin1String(WorkStart)), QStringLiteral("HH:mm"));
    QTime end = QTime::fromString(value(QLatin1String(WorkEnd)), QStringLiteral("HH:mm"));
    start = start.isValid() ? start : DefaultWorkStart;
    end = end.isValid() ? end : DefaultWorkEnd;
    return start < end ? start : DefaultWorkStart;
}

QTime AppSettings::workEnd() const
{
    QTime start = QTime::fromString(value(QLatin1String(WorkStart)), QStringLiteral("HH:mm"));
    QTime end = QTime::fromString(value(QLatin1String(WorkEnd)), QStringLiteral("HH:mm"));
    start = start.isValid() ? start : DefaultWorkStart;
    end = end.isValid() ? end : DefaultWorkEnd;
    return start < end ? end : DefaultWorkEnd;
}

QByteArray AppSettings::emblem() const
{
    const QString sha = value(QLatin1String(EmblemSha256));
    return sha.isEmpty() ? QByteArray() : BlobStore(m_db).get(sha);
}

bool AppSettings::setEmblem(const QByteArray &imageData, QString *error)
{
    if (m_actor.role != Role::Admin) {
        if (error)
            *error = tr("Only an administrator may change the settings.");
        return false;
    }
    if (imageData.size() > 2 * 1024 * 1024) {
        if (error)
            *error = tr("The emblem image is too large (at most 2 MB).");
        return false;
    }
    QBuffer buffer;
    buffer.setData(imageData);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format();
    if (format.isEmpty() || reader.read().isNull()) {
        if (error)
            *error = tr("The file is not an image that can be read (use PNG or JPEG).");
        return false;
    }
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    const QString sha = BlobStore(m_db).put(imageData, QStringLiteral("image/") + QString::fromLatin1(format), error);
    if (sha.isEmpty() || !setValue(QLatin1String(EmblemSha256), sha, error))
        return false;
    return tx.commit(error);
}

} // namespace Humas
