#include "demogenerator.h"

#include "common/clock.h"
#include "common/nameduuid.h"
#include "master/seeder.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

namespace Humas {

namespace {

QStringList ids(Database &db, const QString &sql)
{
    QStringList out;
    QSqlQuery q(db.connection());
    if (q.exec(sql)) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

QString romanMonth(int month)
{
    static const char *const numerals[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    return QString::fromLatin1(numerals[(month - 1) % 12]);
}

} // namespace

bool DemoGenerator::alreadyThere(const QString &table, const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    return q.exec() && q.next();
}

DemoGenerator::DemoGenerator(Database &db, quint32 seed) : m_db(db), m_rng(seed)
{
    QFile f(QStringLiteral(":/humasdesk/seed/demo-words.json"));
    if (f.open(QIODevice::ReadOnly))
        m_words = QJsonDocument::fromJson(f.readAll()).object();
}

QString DemoGenerator::pick(const char *list)
{
    const QJsonArray a = m_words.value(QLatin1String(list)).toArray();
    if (a.isEmpty())
        return {};
    return a.at(m_rng.bounded(int(a.size()))).toString();
}

QString DemoGenerator::fill(QString text)
{
    text.replace(QStringLiteral("%KEC%"), m_kecamatanNames.value(m_rng.bounded(int(m_kecamatanNames.size()))));
    text.replace(QStringLiteral("%DESA%"), pick("desa"));
    text.replace(QStringLiteral("%YEAR%"), QString::number(2024 + m_rng.bounded(3)));
    return text;
}

QString DemoGenerator::seededId(qint64 ms)
{
    // A v7 layout filled from the seeded generator, so the same seed gives the same ids.
    QByteArray b(16, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        b[i] = char((quint64(ms) >> (8 * (5 - i))) & 0xff);
    const quint64 r1 = m_rng.generate64();
    const quint64 r2 = m_rng.generate64();
    b[6] = char(0x70 | (r1 & 0x0f));
    b[7] = char(r1 >> 8);
    b[8] = char(0x80 | (r2 & 0x3f));
    for (int i = 9; i < 16; ++i)
        b[i] = char(r2 >> (8 * (i - 8)));
    return QUuid::fromRfc4122(b).toString(QUuid::WithoutBraces);
}

QString DemoGenerator::nik()
{
    // 72 08 = Sulawesi Tengah / Parigi Moutong; then kecamatan, birth date (women +40), serial.
    const int day = 1 + m_rng.bounded(28);
    const bool woman = m_rng.bounded(2) == 1;
    return QStringLiteral("7208%1%2%3%4%5")
        .arg(1 + m_rng.bounded(23), 2, 10, QLatin1Char('0'))
        .arg(woman ? day + 40 : day, 2, 10, QLatin1Char('0'))
        .arg(1 + m_rng.bounded(12), 2, 10, QLatin1Char('0'))
        .arg((60 + m_rng.bounded(45)) % 100, 2, 10, QLatin1Char('0'))
        .arg(1 + m_rng.bounded(9999), 4, 10, QLatin1Char('0'));
}

bool DemoGenerator::ensureReferenceData(QString *error)
{
    if (!Seeder::isInitialized(m_db)) {
        QString summary;
        if (!Seeder::init(m_db, QStringLiteral("parigi-moutong"), nullptr, &summary, error))
            return false;
    }
    ChangeWriter writer(m_db, QStringLiteral("demo"));
    if (ids(m_db, QStringLiteral("SELECT id FROM kecamatan WHERE deleted = 0")).isEmpty()) {
        for (const char *name : {"Parigi", "Sausu", "Tinombo", "Moutong", "Ampibabo", "Torue"}) {
            QString id = NamedUuid::forName(QStringLiteral("kecamatan:") + QString::fromLatin1(name));
            if (!writer.insertWithId(QStringLiteral("kecamatan"), id,
                                     {{QStringLiteral("name"), QString::fromLatin1(name)}}, error))
                return false;
        }
    }
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT id, name FROM kecamatan WHERE deleted = 0 ORDER BY name"));
    while (q.next()) {
        m_kecamatan << q.value(0).toString();
        m_kecamatanNames << q.value(1).toString();
    }
    if (ids(m_db, QStringLiteral("SELECT id FROM venues WHERE deleted = 0")).isEmpty()) {
        const QJsonArray capital = m_words.value(QLatin1String("capitalVenues")).toArray();
        const int capitalIndex = std::max(0, int(m_kecamatanNames.indexOf(QStringLiteral("Parigi"))));
        for (const QJsonValue &v : capital) {
            QString id = NamedUuid::forName(QStringLiteral("demo-venue:") + v.toString());
            if (!writer.insertWithId(QStringLiteral("venues"), id,
                                     {{QStringLiteral("name"), v.toString()},
                                      {QStringLiteral("kecamatan_id"), m_kecamatan.at(capitalIndex)}},
                                     error))
                return false;
        }
        const QJsonArray kinds = m_words.value(QLatin1String("venueKinds")).toArray();
        for (int k = 0; k < m_kecamatan.size(); ++k) {
            for (int j = 0; j < 2; ++j) {
                const QString name =
                    kinds.at((k + j * 3) % kinds.size()).toString() + QLatin1Char(' ') + m_kecamatanNames.at(k);
                QString id = NamedUuid::forName(QStringLiteral("demo-venue:") + name);
                if (!writer.insertWithId(
                        QStringLiteral("venues"), id,
                        {{QStringLiteral("name"), name}, {QStringLiteral("kecamatan_id"), m_kecamatan.at(k)}}, error))
                    return false;
            }
        }
    }
    q.exec(QStringLiteral("SELECT id, kecamatan_id FROM venues WHERE deleted = 0 ORDER BY name"));
    while (q.next()) {
        m_venues << q.value(0).toString();
        m_venueKecamatan << q.value(1).toString();
    }
    if (ids(m_db, QStringLiteral("SELECT id FROM opd WHERE deleted = 0")).isEmpty()) {
        QString id = NamedUuid::forName(QStringLiteral("opd:SETDA"));
        if (!writer.insertWithId(QStringLiteral("opd"), id,
                                 {{QStringLiteral("code"), QStringLiteral("SETDA")},
                                  {QStringLiteral("name"), QStringLiteral("Sekretariat Daerah")}},
                                 error))
            return false;
    }
    m_opd = ids(m_db, QStringLiteral("SELECT id FROM opd WHERE deleted = 0 ORDER BY code"));
    m_officials = ids(m_db, QStringLiteral("SELECT id FROM officials WHERE deleted = 0 ORDER BY sort_order"));
    if (m_officials.isEmpty() || m_venues.isEmpty()) {
        if (error)
            *error = tr("The database has no officials or venues to build demo events from.");
        return false;
    }
    return true;
}

bool DemoGenerator::generate(int events, int requests, int news, QString *summary, QString *error,
                             const Progress &progress)
{
    if (events < 0 || requests < 0 || news < 0 || events > 10000000 || requests > 10000000) {
        if (error)
            *error = tr("The counts must be between 0 and 10,000,000.");
        return false;
    }
    Transaction tx(m_db, error);
    if (!tx.isActive() || !ensureReferenceData(error))
        return false;
    const int total = events + requests;
    if (!generateEvents(events, error, progress, 0, total) ||
        !generateRequests(requests, error, progress, events, total))
        return false;
    if (!tx.commit(error))
        return false;
    if (summary) {
        *summary = tr("Demo data added: %1 events, %2 information requests.").arg(events).arg(requests);
        if (news > 0)
            *summary += QLatin1Char(' ') + tr("News items were skipped: the news service has no tables yet.");
    }
    return true;
}

bool DemoGenerator::generateEvents(int count, QString *error, const Progress &progress, int offset, int total)
{
    ChangeWriter writer(m_db, QStringLiteral("demo"));
    const QTimeZone zone(8 * 3600); // demo times are WITA office hours
    const QDate base = Clock::instance()->nowUtc().date();
    const QStringList statuses = {QStringLiteral("terjadwal"), QStringLiteral("terjadwal"), QStringLiteral("terjadwal"),
                                  QStringLiteral("diajukan"),  QStringLiteral("selesai"),   QStringLiteral("ditunda"),
                                  QStringLiteral("dibatalkan")};
    const QStringList dress = {QStringLiteral("PDH"), QStringLiteral("PDU"), QStringLiteral("Batik"),
                               QStringLiteral("Bebas rapi")};
    const int spanDays = std::max(30, count / 40); // about 40 events a day
    for (int i = 0; i < count; ++i) {
        const QDate day = base.addDays(m_rng.bounded(spanDays) - spanDays / 2);
        const QTime start(7 + m_rng.bounded(9), m_rng.bounded(4) * 15);
        const QDateTime startsAt(day, start, zone);
        const QDateTime endsAt = startsAt.addSecs(60 * (30 + 30 * m_rng.bounded(6)));
        const int venueIndex = m_rng.bounded(int(m_venues.size()));
        QJsonArray officials{m_officials.at(m_rng.bounded(int(m_officials.size())))};
        if (m_rng.bounded(4) == 0)
            officials.append(m_officials.at(m_rng.bounded(int(m_officials.size()))));
        const QString officialsJson = QString::fromUtf8(QJsonDocument(officials).toJson(QJsonDocument::Compact));
        QString id = seededId(startsAt.toMSecsSinceEpoch());
        const QVariantMap row = {
            {QStringLiteral("title"), fill(pick("eventTemplates"))},
            {QStringLiteral("opd_id"), m_opd.at(m_rng.bounded(int(m_opd.size())))},
            {QStringLiteral("pic_name"), QString(pick("firstNames") + QLatin1Char(' ') + pick("lastNames"))},
            {QStringLiteral("pic_phone"), QStringLiteral("08%1").arg(m_rng.bounded(100000000, 999999999))},
            {QStringLiteral("letter_number"),
             QStringLiteral("005/%1/%2/%3").arg(m_rng.bounded(1, 999)).arg(romanMonth(day.month())).arg(day.year())},
            {QStringLiteral("officials_requested"), officialsJson},
            {QStringLiteral("officials_attending"), officialsJson},
            {QStringLiteral("venue_id"), m_venues.at(venueIndex)},
            {QStringLiteral("starts_at"), startsAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("ends_at"), endsAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("status"), statuses.at(m_rng.bounded(int(statuses.size())))},
            {QStringLiteral("dress_code"), dress.at(m_rng.bounded(int(dress.size())))},
            {QStringLiteral("speech_needed"), m_rng.bounded(3) == 0 ? 1 : 0},
            {QStringLiteral("is_public"), m_rng.bounded(5) == 0 ? 0 : 1},
        };
        if (i == 0 && alreadyThere(QStringLiteral("events"), id)) {
            if (error)
                *error = tr("Demo data made with this seed is already in the database; use another seed.");
            return false;
        }
        if (!writer.insertWithId(QStringLiteral("events"), id, row, error))
            return false;
        if (progress && (i % 1000 == 0 || i + 1 == count))
            progress(offset + i + 1, total);
    }
    return true;
}

bool DemoGenerator::generateRequests(int count, QString *error, const Progress &progress, int offset, int total)
{
    ChangeWriter writer(m_db, QStringLiteral("demo"));
    const QTimeZone zone(8 * 3600);
    const QDate base = Clock::instance()->nowUtc().date();
    const QStringList channels = {QStringLiteral("langsung"), QStringLiteral("langsung"), QStringLiteral("surat"),
                                  QStringLiteral("email"),    QStringLiteral("website"),  QStringLiteral("telepon")};
    const QStringList statuses = {QStringLiteral("diterima"), QStringLiteral("diproses"), QStringLiteral("selesai"),
                                  QStringLiteral("selesai"), QStringLiteral("selesai")};
    const QStringList obtain = {QStringLiteral("melihat"), QStringLiteral("salinan_hardcopy"),
                                QStringLiteral("salinan_softcopy")};
    const QStringList delivery = {QStringLiteral("ambil_langsung"), QStringLiteral("email"), QStringLiteral("pos")};
    // Registration numbers are per year; continue after what the database already has.
    QHash<int, int> sequence;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT substr(received_at, 1, 4), count(*) FROM ppid_requests GROUP BY 1"));
    while (q.next())
        sequence.insert(q.value(0).toInt(), q.value(1).toInt());
    const int spanDays = std::max(60, count / 15);
    // Requests are generated in date order so numbers rise with the date, as in a real register.
    QList<QDate> days;
    days.reserve(count);
    for (int i = 0; i < count; ++i)
        days << base.addDays(-m_rng.bounded(spanDays));
    std::sort(days.begin(), days.end());
    for (int i = 0; i < count; ++i) {
        QDate day = days.at(i);
        if (day.dayOfWeek() > 5)
            day = day.addDays(8 - day.dayOfWeek());
        const QDateTime receivedAt(day, QTime(8 + m_rng.bounded(7), m_rng.bounded(60)), zone);
        const int seq = ++sequence[day.year()];
        const QString name = pick("firstNames") + QLatin1Char(' ') + pick("lastNames");
        const QString email =
            QString(name).toLower().remove(QLatin1Char('.')).replace(QLatin1Char(' '), QLatin1Char('.')) +
            QStringLiteral("@contoh.id");
        QString id = seededId(receivedAt.toMSecsSinceEpoch());
        const QVariantMap row = {
            {QStringLiteral("reg_number"), QStringLiteral("%1/PPID/%2/%3")
                                               .arg(seq, 3, 10, QLatin1Char('0'))
                                               .arg(romanMonth(day.month()))
                                               .arg(day.year())},
            {QStringLiteral("received_at"), receivedAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("channel"), channels.at(m_rng.bounded(int(channels.size())))},
            {QStringLiteral("requester_name"), name},
            {QStringLiteral("requester_nik"), nik()},
            {QStringLiteral("requester_address"),
             QStringLiteral("Desa %1, Kecamatan %2")
                 .arg(pick("desa"), m_kecamatanNames.value(m_rng.bounded(int(m_kecamatanNames.size()))))},
            {QStringLiteral("requester_occupation"), pick("occupations")},
            {QStringLiteral("requester_phone"), QStringLiteral("08%1").arg(m_rng.bounded(100000000, 999999999))},
            {QStringLiteral("requester_email"), email},
            {QStringLiteral("information"), fill(pick("informationTopics"))},
            {QStringLiteral("purpose"), pick("purposes")},
            {QStringLiteral("obtain_method"), obtain.at(m_rng.bounded(int(obtain.size())))},
            {QStringLiteral("delivery_method"), delivery.at(m_rng.bounded(int(delivery.size())))},
            {QStringLiteral("opd_id"), m_opd.at(m_rng.bounded(int(m_opd.size())))},
            {QStringLiteral("status"), statuses.at(m_rng.bounded(int(statuses.size())))},
        };
        if (i == 0 && alreadyThere(QStringLiteral("ppid_requests"), id)) {
            if (error)
                *error = tr("Demo data made with this seed is already in the database; use another seed.");
            return false;
        }
        if (!writer.insertWithId(QStringLiteral("ppid_requests"), id, row, error))
            return false;
        if (progress && (i % 1000 == 0 || i + 1 == count))
            progress(offset + i + 1, total);
    }
    return true;
}

} // namespace Humas
