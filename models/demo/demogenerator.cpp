#include "demogenerator.h"

#include "common/clock.h"
#include "common/nameduuid.h"
#include "master/seeder.h"
#include "ppid/ppidobjection.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrecords.h"
#include "ppid/ppidrequest.h"
#include "ppid/registrationnumber.h"
#include "ppid/workingcalendar.h"
#include "settings/appsettings.h"
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

const char *const ExtensionReasons[] = {
    "Dokumen tersimpan di arsip OPD teknis dan perlu dihimpun",
    "Informasi perlu diuji konsekuensi oleh PPID Pembantu",
    "Volume dokumen besar dan perlu digandakan",
};
const char *const WithheldInfo[] = {
    "Data pribadi pihak ketiga (NIK dan alamat)",
    "Nilai penawaran peserta lelang yang tidak menang",
    "Nomor rekening dan data keuangan pribadi",
};
const char *const ReferredTo[] = {
    "BPS Kabupaten Parigi Moutong",
    "Kantor Pertanahan Kabupaten Parigi Moutong",
    "Balai Wilayah Sungai Sulawesi III",
};

/**
 * Walks each demo request along the PPID flow up to "today": registration number of a demo
 * desk, due date from the working calendar, status, decision reasons, the status history
 * with realistic dates, and now and then an objection. About 3 % of older requests are left
 * undecided (overdue) and about 8 % are decided late, so the register shows both.
 */
class DemoPpidFlow
{
public:
    DemoPpidFlow(Database &db, ChangeWriter &writer, QRandomGenerator &rng, const PpidRecords::Zone &zone)
        : m_db(db), m_writer(writer), m_rng(rng), m_zone(zone), m_today(zone.today()),
          m_calendar(WorkingCalendar::load(db))
    {
        // Demo rows number under a desk code of their own, so they never take a number that a
        // real desk gives out; the same seed (and counts) gives the same code.
        m_desk = QStringLiteral("D") +
                 QStringLiteral("%1").arg(m_rng.bounded(36 * 36 * 36 * 36), 4, 36, QLatin1Char('0')).toUpper();
        const AppSettings settings(db, Actor::system());
        m_pattern = settings.ppidNumberPattern();
        m_objectionPattern = settings.ppidObjectionNumberPattern();
    }

    void plan(const QDate &day0, const QDateTime &receivedAt, bool hardcopy, QVariantMap *row)
    {
        m_steps.clear();
        m_last = receivedAt;
        m_decision = QString();
        const int seq = nextSeq(QStringLiteral("request"), day0.year());
        row->insert(QStringLiteral("reg_number"), RegistrationNumber::format(m_pattern, seq, m_desk, day0));
        row->insert(QStringLiteral("desk_code"), m_desk);
        row->insert(QStringLiteral("reg_year"), day0.year());
        row->insert(QStringLiteral("reg_seq"), seq);
        QDate due = m_calendar.addWorkingDays(day0, PpidDeadlines::Response);
        m_steps.append({Ppid::Status::Diterima, Ppid::Status::Diterima, receivedAt, QString()});
        Ppid::Status status = Ppid::Status::Diterima;

        const bool extended = m_rng.bounded(100) < 12;
        const bool direct = !extended && m_rng.bounded(100) < 15;
        const bool staysOpen = m_rng.bounded(100) < 3;
        const bool late = m_rng.bounded(100) < (extended ? 10 : 8);
        if (!direct && step(m_calendar.addWorkingDays(day0, m_rng.bounded(2)), Ppid::Status::Diproses, QString()))
            status = Ppid::Status::Diproses;
        if (extended && status == Ppid::Status::Diproses) {
            const QString reason = QString::fromUtf8(ExtensionReasons[m_rng.bounded(3)]);
            if (step(m_calendar.addWorkingDays(day0, 6 + m_rng.bounded(4)), Ppid::Status::Diperpanjang, reason)) {
                status = Ppid::Status::Diperpanjang;
                due = m_calendar.addWorkingDays(day0, PpidDeadlines::Response + PpidDeadlines::Extension);
                row->insert(QStringLiteral("extension_reason"), reason);
            }
        }
        row->insert(QStringLiteral("due_date"), due.toString(Qt::ISODate));
        const int offset = extended ? (late ? 18 + m_rng.bounded(3) : 11 + m_rng.bounded(6))
                                    : (late ? 11 + m_rng.bounded(4) : (direct ? 0 : 1) + m_rng.bounded(direct ? 3 : 9));
        const bool reachable = !extended || status == Ppid::Status::Diperpanjang;
        if (staysOpen || !reachable || !decide(m_calendar.addWorkingDays(day0, offset), hardcopy, row, &status)) {
            row->insert(QStringLiteral("status"), Ppid::code(status));
            return;
        }
        // Handed over (or the refusal closed) a few days after the notice.
        const QDate closed = m_decisionDate.addDays(m_rng.bounded(4));
        if (m_rng.bounded(100) < 85 && step(closed, Ppid::Status::Selesai, QString())) {
            status = Ppid::Status::Selesai;
            if (m_decision != QLatin1String("ditolak"))
                row->insert(QStringLiteral("handed_over_date"), closed.toString(Qt::ISODate));
        }
        row->insert(QStringLiteral("status"), Ppid::code(status));
    }

    bool writeHistoryAndObjection(const QString &requestId, const QVariantMap &row, const QString &requester,
                                  QString *error)
    {
        for (const Step &s : std::as_const(m_steps)) {
            if (!m_writer.insert(QStringLiteral("demo"), QStringLiteral("ppid_status_history"),
                                 {{QStringLiteral("request_id"), requestId},
                                  {QStringLiteral("from_status"), Ppid::code(s.from)},
                                  {QStringLiteral("to_status"), Ppid::code(s.to)},
                                  {QStringLiteral("changed_at"), PpidRecords::utcMsText(s.at)},
                                  {QStringLiteral("changed_by"), QStringLiteral("demo")},
                                  {QStringLiteral("note"), PpidRecords::text(s.note)}},
                                 nullptr, error))
                return false;
        }
        if (m_decision.isEmpty() || m_decision == QLatin1String("dikabulkan_seluruhnya") || m_rng.bounded(100) >= 10)
            return true;
        return writeObjection(requestId, row, requester, error);
    }

    bool finish(QString *error)
    {
        for (auto it = m_seq.cbegin(); it != m_seq.cend(); ++it) {
            const QStringList parts = it.key().split(QLatin1Char(':'));
            const QString id =
                NamedUuid::forName(QStringLiteral("ppid_sequence:%1:%2:%3").arg(parts.at(0), m_desk, parts.at(1)));
            const bool ok = m_writer.row(QStringLiteral("ppid_sequences"), id).isEmpty()
                                ? m_writer.insertWithId(QStringLiteral("demo"), QStringLiteral("ppid_sequences"), id,
                                                        {{QStringLiteral("series"), parts.at(0)},
                                                         {QStringLiteral("desk_code"), m_desk},
                                                         {QStringLiteral("year"), parts.at(1).toInt()},
                                                         {QStringLiteral("last_seq"), it.value()}},
                                                        error)
                                : m_writer.update(QStringLiteral("demo"), QStringLiteral("ppid_sequences"), id,
                                                  {{QStringLiteral("last_seq"), it.value()}}, error);
            if (!ok)
                return false;
        }
        return true;
    }

private:
    struct Step
    {
        Ppid::Status from;
        Ppid::Status to;
        QDateTime at;
        QString note;
    };

    /** Appends a status change on local @p date (after the previous one) unless that is after today. */
    bool step(const QDate &date, Ppid::Status to, const QString &note)
    {
        if (date > m_today)
            return false;
        QDateTime at = m_zone.startOfDay(date).addSecs(3600 * (8 + m_rng.bounded(7)) + 60 * m_rng.bounded(60));
        if (at <= m_last)
            at = m_last.addSecs(60 * (1 + m_rng.bounded(90)));
        m_steps.append({m_steps.constLast().to, to, at, note});
        m_last = at;
        return true;
    }

    bool decide(const QDate &date, bool hardcopy, QVariantMap *row, Ppid::Status *status)
    {
        const int kind = m_rng.bounded(100);
        const Ppid::Status decision = kind < 60   ? Ppid::Status::DikabulkanSeluruhnya
                                      : kind < 78 ? Ppid::Status::DikabulkanSebagian
                                                  : Ppid::Status::Ditolak;
        if (!step(date, decision, QString()))
            return false;
        *status = decision;
        m_decision = Ppid::code(decision);
        m_decisionDate = date;
        row->insert(QStringLiteral("decision"), m_decision);
        row->insert(QStringLiteral("decided_at"), PpidRecords::utcMsText(m_last));
        row->insert(QStringLiteral("notice_date"), date.toString(Qt::ISODate));
        if (decision != Ppid::Status::Ditolak && hardcopy)
            row->insert(QStringLiteral("fee"), 500 * (1 + m_rng.bounded(40)));
        if (decision == Ppid::Status::DikabulkanSeluruhnya)
            return true;
        if (decision == Ppid::Status::DikabulkanSebagian)
            row->insert(QStringLiteral("withheld_info"), QString::fromUtf8(WithheldInfo[m_rng.bounded(3)]));
        const int why = m_rng.bounded(100);
        if (why < 45 || decision == Ppid::Status::DikabulkanSebagian) {
            const QString letter = Ppid::pasal17Letters().at(m_rng.bounded(10));
            row->insert(QStringLiteral("decision_reason"), QStringLiteral("pasal17"));
            row->insert(QStringLiteral("pasal17_letter"), letter);
            row->insert(QStringLiteral("consequence_test"),
                        QStringLiteral("Uji konsekuensi: membuka informasi ini berdasarkan Pasal 17 huruf %1 "
                                       "menimbulkan kerugian yang lebih besar daripada manfaatnya.")
                            .arg(letter));
        } else if (why < 65) {
            row->insert(QStringLiteral("decision_reason"), QStringLiteral("belum_dikuasai"));
        } else if (why < 80) {
            row->insert(QStringLiteral("decision_reason"), QStringLiteral("belum_didokumentasikan"));
        } else {
            row->insert(QStringLiteral("decision_reason"), QStringLiteral("tidak_dikuasai"));
            row->insert(QStringLiteral("referred_to"), QString::fromUtf8(ReferredTo[m_rng.bounded(3)]));
        }
        return true;
    }

    bool writeObjection(const QString &requestId, const QVariantMap &row, const QString &requester, QString *error)
    {
        const QDate filed = m_calendar.addWorkingDays(m_decisionDate, 1 + m_rng.bounded(20));
        if (filed > m_today)
            return true;
        const QDateTime filedAt = m_zone.startOfDay(filed).addSecs(3600 * (8 + m_rng.bounded(7)));
        const QString ground = row.value(QStringLiteral("decision_reason")) == QLatin1String("pasal17")
                                   ? QStringLiteral("a")
                                   : PpidObjection::grounds().at(1 + m_rng.bounded(6));
        const int seq = nextSeq(QStringLiteral("objection"), filed.year());
        QVariantMap o = {
            {QStringLiteral("obj_number"), RegistrationNumber::format(m_objectionPattern, seq, m_desk, filed)},
            {QStringLiteral("desk_code"), m_desk},
            {QStringLiteral("reg_year"), filed.year()},
            {QStringLiteral("reg_seq"), seq},
            {QStringLiteral("request_id"), requestId},
            {QStringLiteral("filed_at"), PpidRecords::utcText(filedAt)},
            {QStringLiteral("filed_by"), requester},
            {QStringLiteral("ground"), ground},
            {QStringLiteral("summary"),
             QStringLiteral("Pemohon keberatan atas jawaban PPID (Pasal 35 ayat (1) huruf %1).").arg(ground)},
            {QStringLiteral("due_date"),
             m_calendar.addWorkingDays(filed, PpidDeadlines::AtasanAnswer).toString(Qt::ISODate)},
        };
        const QDate answered = m_calendar.addWorkingDays(filed, 5 + m_rng.bounded(26));
        if (answered <= m_today && m_rng.bounded(100) < 90) {
            const QStringList decisions = PpidObjectionRepository::decisions();
            const QString decision = decisions.at(m_rng.bounded(int(decisions.size())));
            o.insert(QStringLiteral("atasan_decision"), decision);
            o.insert(QStringLiteral("atasan_decision_date"), answered.toString(Qt::ISODate));
            o.insert(QStringLiteral("dispute_due_date"),
                     m_calendar.addWorkingDays(answered, PpidDeadlines::KomisiInformasi).toString(Qt::ISODate));
            if (decision == QLatin1String("ditolak") && m_rng.bounded(100) < 30) {
                const QStringList stages = PpidObjectionRepository::disputeStages();
                const QString stage = stages.at(m_rng.bounded(int(stages.size())));
                o.insert(QStringLiteral("dispute_stage"), stage);
                if (stage == QLatin1String("putusan"))
                    o.insert(QStringLiteral("dispute_outcome"), m_rng.bounded(2)
                                                                    ? QStringLiteral("Informasi terbuka")
                                                                    : QStringLiteral("Informasi dikecualikan"));
            }
        }
        return m_writer.insert(QStringLiteral("demo"), QStringLiteral("ppid_objections"), o, nullptr, error);
    }

    int nextSeq(const QString &series, int year)
    {
        const QString key = series + QLatin1Char(':') + QString::number(year);
        auto it = m_seq.find(key);
        if (it == m_seq.end()) {
            // Continue after what an earlier run with the same desk code left.
            const bool isRequest = series == QLatin1String("request");
            QSqlQuery q(m_db.connection());
            q.prepare(QStringLiteral("SELECT max(reg_seq) FROM ") +
                      (isRequest ? QStringLiteral("ppid_requests") : QStringLiteral("ppid_objections")) +
                      QStringLiteral(" WHERE desk_code = ? AND reg_year = ?"));
            q.addBindValue(m_desk);
            q.addBindValue(year);
            it = m_seq.insert(key, q.exec() && q.next() ? q.value(0).toInt() : 0);
        }
        return ++it.value();
    }

    Database &m_db;
    ChangeWriter &m_writer;
    QRandomGenerator &m_rng;
    const PpidRecords::Zone &m_zone;
    QDate m_today;
    WorkingCalendar m_calendar;
    QString m_desk;
    QString m_pattern;
    QString m_objectionPattern;
    QHash<QString, int> m_seq;
    QList<Step> m_steps;
    QDateTime m_last;
    QString m_decision;
    QDate m_decisionDate;
};

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
    ChangeWriter &writer = m_db.writer();
    if (ids(m_db, QStringLiteral("SELECT id FROM kecamatan WHERE deleted = 0")).isEmpty()) {
        for (const char *name : {"Parigi", "Sausu", "Tinombo", "Moutong", "Ampibabo", "Torue"}) {
            QString id = NamedUuid::forName(QStringLiteral("kecamatan:") + QString::fromLatin1(name));
            if (!writer.insertWithId(QStringLiteral("demo"), QStringLiteral("kecamatan"), id,
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
            if (!writer.insertWithId(QStringLiteral("demo"), QStringLiteral("venues"), id,
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
                if (!writer.insertWithId(QStringLiteral("demo"), 
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
        if (!writer.insertWithId(QStringLiteral("demo"), QStringLiteral("opd"), id,
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
    ChangeWriter &writer = m_db.writer();
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
        if (!writer.insertWithId(QStringLiteral("demo"), QStringLiteral("events"), id, row, error))
            return false;
        if (progress && (i % 1000 == 0 || i + 1 == count))
            progress(offset + i + 1, total);
    }
    return true;
}

bool DemoGenerator::generateRequests(int count, QString *error, const Progress &progress, int offset, int total)
{
    ChangeWriter &writer = m_db.writer();
    const PpidRecords::Zone zone(m_db);
    const QDate base = zone.today();
    const QStringList channels = {QStringLiteral("langsung"), QStringLiteral("langsung"), QStringLiteral("surat"),
                                  QStringLiteral("email"),    QStringLiteral("website"),  QStringLiteral("telepon")};
    const QStringList obtain = {QStringLiteral("melihat"), QStringLiteral("salinan_hardcopy"),
                                QStringLiteral("salinan_softcopy")};
    const QStringList delivery = {QStringLiteral("ambil_langsung"), QStringLiteral("email"), QStringLiteral("pos")};
    DemoPpidFlow flow(m_db, writer, m_rng, zone);
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
            day = day.addDays(day.addDays(8 - day.dayOfWeek()) <= base ? 8 - day.dayOfWeek() : 5 - day.dayOfWeek());
        const QDateTime receivedAt =
            zone.startOfDay(day).addSecs(3600 * (8 + m_rng.bounded(7)) + 60 * m_rng.bounded(60));
        const QString name = pick("firstNames") + QLatin1Char(' ') + pick("lastNames");
        const QString email =
            QString(name).toLower().remove(QLatin1Char('.')).replace(QLatin1Char(' '), QLatin1Char('.')) +
            QStringLiteral("@contoh.id");
        QString id = seededId(receivedAt.toMSecsSinceEpoch());
        const QString obtainMethod = obtain.at(m_rng.bounded(int(obtain.size())));
        QVariantMap row = {
            {QStringLiteral("received_at"), PpidRecords::utcText(receivedAt)},
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
            {QStringLiteral("obtain_method"), obtainMethod},
            {QStringLiteral("delivery_method"), delivery.at(m_rng.bounded(int(delivery.size())))},
            {QStringLiteral("opd_id"), m_opd.at(m_rng.bounded(int(m_opd.size())))},
        };
        if (i == 0 && alreadyThere(QStringLiteral("ppid_requests"), id)) {
            if (error)
                *error = tr("Demo data made with this seed is already in the database; use another seed.");
            return false;
        }
        flow.plan(day, receivedAt, obtainMethod == QLatin1String("salinan_hardcopy"), &row);
        if (!writer.insertWithId(QStringLiteral("demo"), QStringLiteral("ppid_requests"), id, row, error) ||
            !flow.writeHistoryAndObjection(id, row, name, error))
            return false;
        if (progress && (i % 1000 == 0 || i + 1 == count))
            progress(offset + i + 1, total);
    }
    return flow.finish(error);
}

} // namespace Humas
