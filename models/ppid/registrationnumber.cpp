#include "ppid/registrationnumber.h"

#include "common/nameduuid.h"
#include "settings/appsettings.h"
#include "settings/numberpattern.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Humas {

namespace {

const QString DeskMetaKey = QStringLiteral("ppid_desk_code");

const QRegularExpression &placeholderRe()
{
    return NumberPattern::placeholder();
}

bool hasPlaceholder(const QString &pattern, const QString &name)
{
    auto it = placeholderRe().globalMatch(pattern);
    while (it.hasNext()) {
        if (it.next().captured(1) == name)
            return true;
    }
    return false;
}

QString seriesCode(RegistrationNumber::Series series)
{
    return series == RegistrationNumber::Series::Request ? QStringLiteral("request") : QStringLiteral("objection");
}

} // namespace

QString RegistrationNumber::defaultPattern()
{
    return NumberPattern::defaultRequestPattern();
}

QString RegistrationNumber::defaultObjectionPattern()
{
    return NumberPattern::defaultObjectionPattern();
}

QString RegistrationNumber::romanMonth(int month)
{
    static const char *const names[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    if (month < 1 || month > 12)
        return {};
    return QLatin1String(names[month - 1]);
}

bool RegistrationNumber::isValidPattern(const QString &pattern, QString *error)
{
    return NumberPattern::isValid(pattern, error);
}

QString RegistrationNumber::effectivePattern(const QString &pattern)
{
    QString p = pattern.trimmed().isEmpty() ? defaultPattern() : pattern;
    if (!hasPlaceholder(p, QStringLiteral("seq")))
        p.prepend(QStringLiteral("{seq:3}/"));
    if (!hasPlaceholder(p, QStringLiteral("desk"))) {
        auto it = placeholderRe().globalMatch(p);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.captured(1) == QLatin1String("seq")) {
                p.insert(m.capturedEnd(0), QStringLiteral("-{desk}"));
                break;
            }
        }
    }
    if (!hasPlaceholder(p, QStringLiteral("year")) && !hasPlaceholder(p, QStringLiteral("yy")))
        p.append(QStringLiteral("/{year}"));
    return p;
}

QString RegistrationNumber::format(const QString &pattern, int seq, const QString &desk, const QDate &date)
{
    const QString p = effectivePattern(pattern);
    QString out;
    qsizetype last = 0;
    auto it = placeholderRe().globalMatch(p);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(p).mid(last, m.capturedStart(0) - last);
        last = m.capturedEnd(0);
        const QString name = m.captured(1);
        if (name == QLatin1String("seq"))
            out += QStringLiteral("%1").arg(seq, m.captured(2).isEmpty() ? 1 : m.captured(2).toInt(), 10,
                                            QLatin1Char('0'));
        else if (name == QLatin1String("desk"))
            out += desk;
        else if (name == QLatin1String("year"))
            out += QString::number(date.year());
        else if (name == QLatin1String("yy"))
            out += QStringLiteral("%1").arg(date.year() % 100, 2, 10, QLatin1Char('0'));
        else if (name == QLatin1String("month"))
            out += QStringLiteral("%1").arg(date.month(), 2, 10, QLatin1Char('0'));
        else if (name == QLatin1String("month_roman"))
            out += romanMonth(date.month());
        else if (name == QLatin1String("day"))
            out += QStringLiteral("%1").arg(date.day(), 2, 10, QLatin1Char('0'));
        else
            out += m.captured(0);
    }
    out += QStringView(p).mid(last);
    return out;
}

QString RegistrationNumber::defaultDeskCode(const QString &siteId)
{
    QString hex;
    for (const QChar c : siteId) {
        if (c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            hex += c.toUpper();
    }
    // UUID v7 starts with the creation time; its end is random, so two PCs differ there.
    return hex.size() >= 4 ? hex.right(4) : QStringLiteral("0000");
}

QString RegistrationNumber::deskCode(Database &db)
{
    const QString stored = db.meta(DeskMetaKey);
    return stored.isEmpty() ? defaultDeskCode(db.siteId()) : stored;
}

bool RegistrationNumber::isValidDeskCode(const QString &code, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z0-9]{1,8}$"));
    if (re.match(code).hasMatch())
        return true;
    if (error)
        *error = tr("A desk code has 1 to 8 capital letters or digits.");
    return false;
}

bool RegistrationNumber::setDeskCode(Database &db, const QString &code, QString *error)
{
    if (!isValidDeskCode(code, error))
        return false;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM ppid_sequences WHERE deleted = 0 AND desk_code = ? AND site_id <> ?"));
    q.addBindValue(code);
    q.addBindValue(db.siteId());
    if (q.exec() && q.next()) {
        if (error)
            *error = tr("Desk code %1 is already used by another PC.").arg(code);
        return false;
    }
    return db.setMeta(DeskMetaKey, code, error);
}

bool RegistrationNumber::take(Database &db, const QString &actor, Series series, const QDate &date, Taken *taken,
                              QString *error)
{
    const bool isRequest = series == Series::Request;
    const QString table = isRequest ? QStringLiteral("ppid_requests") : QStringLiteral("ppid_objections");
    const QString numberColumn = isRequest ? QStringLiteral("reg_number") : QStringLiteral("obj_number");
    const AppSettings settings(db, Actor::system());
    const QString pattern = isRequest ? settings.ppidNumberPattern() : settings.ppidObjectionNumberPattern();
    const QString desk = deskCode(db);
    const int year = date.year();
    const QString sequenceId =
        NamedUuid::forName(QStringLiteral("ppid_sequence:%1:%2:%3").arg(seriesCode(series), desk).arg(year));

    // The counter row, and the rows themselves: a database restored from an older backup
    // may have a counter behind the numbers that already went out by sync.
    int last = 0;
    bool rowExists = false;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT last_seq FROM ppid_sequences WHERE id = ?"));
    q.addBindValue(sequenceId);
    if (q.exec() && q.next()) {
        rowExists = true;
        last = q.value(0).toInt();
    }
    // @p table and the column are our own constants.
    q.prepare(QStringLiteral("SELECT max(reg_seq) FROM ") + table +
              QStringLiteral(" WHERE desk_code = ? AND reg_year = ?"));
    q.addBindValue(desk);
    q.addBindValue(year);
    if (q.exec() && q.next())
        last = std::max(last, q.value(0).toInt());

    QSqlQuery exists(db.connection());
    exists.prepare(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE deleted = 0 AND ") + numberColumn +
                   QStringLiteral(" = ?"));
    int seq = last;
    QString number;
    // A number some other way already uses (an imported register) is skipped, not reused.
    for (int guard = 0; guard < 10000; ++guard) {
        ++seq;
        number = format(pattern, seq, desk, date);
        exists.addBindValue(number);
        if (!exists.exec()) {
            if (error)
                *error = tr("Could not check the registration number: %1").arg(exists.lastError().text());
            return false;
        }
        if (!exists.next())
            break;
    }

    ChangeWriter &writer = db.writer();
    bool ok = false;
    if (!rowExists) {
        ok = writer.insertWithId(actor, QStringLiteral("ppid_sequences"), sequenceId,
                                 {{QStringLiteral("series"), seriesCode(series)},
                                  {QStringLiteral("desk_code"), desk},
                                  {QStringLiteral("year"), year},
                                  {QStringLiteral("last_seq"), seq}},
                                 error);
    } else {
        ok = writer.update(actor, QStringLiteral("ppid_sequences"), sequenceId, {{QStringLiteral("last_seq"), seq}}, error);
    }
    if (!ok)
        return false;
    if (taken)
        *taken = {number, desk, year, seq};
    return true;
}

} // namespace Humas
