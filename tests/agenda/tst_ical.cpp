// iCalendar import and export (models/agenda/icalreader, icalwriter): round trip, folding,
// all-day and time-zone handling, X- properties, the public export and malformed files.

#include "agenda/icalreader.h"
#include "agenda/icalwriter.h"

#include <QTest>

using namespace Humas;

namespace {

const QTimeZone Wib(7 * 3600);
const QTimeZone Wita(8 * 3600);
const QDate From(2026, 1, 1);
const QDate To(2027, 12, 31);

/** Test input is written with LF for readability; most cases are converted to CRLF. */
QByteArray crlf(const QByteArray &text)
{
    QByteArray result = text;
    return result.replace("\n", "\r\n");
}

QList<IcalEvent> parseOk(const QByteArray &ics, const QTimeZone &floating = Wita)
{
    QList<IcalEvent> events;
    QString error;
    const bool ok = IcalReader(floating).parse(ics, From, To, &events, &error);
    if (!ok)
        qWarning("%s", qPrintable(error));
    return ok ? events : QList<IcalEvent>();
}

QByteArray wrap(const QByteArray &body)
{
    return crlf("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n" + body + "END:VCALENDAR\n");
}

IcalEvent timedEvent(const QString &uid, const QDateTime &start, int minutes)
{
    IcalEvent e;
    e.uid = uid;
    e.summary = QStringLiteral("Rapat %1").arg(uid);
    e.start = start;
    e.end = start.addSecs(minutes * 60);
    e.dtstamp = QDateTime(QDate(2026, 11, 1), QTime(1, 2, 3), Qt::UTC);
    return e;
}

} // namespace

class TestIcal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void foldingKeepsUtf8Whole_data();
    void foldingKeepsUtf8Whole();
    void unfoldsAndUnescapes();
    void allDay_data();
    void allDay();
    void times_data();
    void times();
    void customVtimezone();
    void durationAndDefaults();
    void publicOnly();
    void recurrenceWithExdates();
    void malformed_data();
    void malformed();
    void googleExport();
};

void TestIcal::roundTrip()
{
    QList<IcalEvent> events;
    IcalEvent a = timedEvent(QStringLiteral("a@humas"), QDateTime(QDate(2026, 11, 23), QTime(8, 30), Wita), 90);
    a.summary = QStringLiteral("Rapat Koordinasi; Stunting, Tahap II — Bupati 🎉");
    a.description = QStringLiteral("Baris satu\nBaris dua, dengan koma; titik koma \\ garis miring\n") +
                    QStringLiteral("Kecamatan Tinombo – Désa Sausu ✅ ").repeated(8);
    a.location = QStringLiteral("Aula Kantor Bupati, Lt. 2; Parigi");
    a.status = IcalEvent::Status::Confirmed;
    a.officials = {QStringLiteral("BUPATI"), QStringLiteral("WABUP"), QStringLiteral("KODE,ANEH;X")};
    a.opd = QStringLiteral("DISKOMINFO");
    a.lastModified = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
    events << a;
    IcalEvent b = timedEvent(QStringLiteral("b@humas"), QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC), 30);
    b.classification = IcalEvent::Classification::Private;
    b.status = IcalEvent::Status::Tentative;
    events << b;
    IcalEvent c = timedEvent(QStringLiteral("c@humas"), QDateTime(QDate(2026, 11, 25), QTime(9, 0), Wib), 60);
    c.classification = IcalEvent::Classification::Confidential;
    c.status = IcalEvent::Status::Cancelled;
    events << c;
    IcalEvent d;
    d.uid = QStringLiteral("d@humas");
    d.summary = QStringLiteral("HUT Kabupaten");
    d.setAllDayRange(QDate(2026, 11, 26), QDate(2026, 11, 26));
    d.dtstamp = a.dtstamp;
    events << d;
    IcalEvent e = d;
    e.uid = QStringLiteral("e@humas");
    e.setAllDayRange(QDate(2026, 11, 30), QDate(2026, 12, 2));
    events << e;

    const QByteArray ics = IcalWriter::write(events, QStringLiteral("Asia/Makassar"), false);
    QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(ics.contains("TZID:Asia/Makassar\r\n"));
    QVERIFY(ics.contains("TZOFFSETTO:+0800\r\n"));
    QVERIFY(ics.contains("DTSTART;TZID=Asia/Makassar:20261123T083000\r\n"));
    QVERIFY(ics.contains("DTSTART;TZID=Asia/Makassar:20261125T100000\r\n")); // 09.00 WIB
    QVERIFY(ics.contains("DTEND;VALUE=DATE:20261203\r\n"));
    QVERIFY(ics.contains("X-HUMAS-OFFICIALS:BUPATI,WABUP,KODE\\,ANEH\\;X\r\n"));

    const QList<IcalEvent> back = parseOk(ics);
    QCOMPARE(back.size(), events.size());
    for (int i = 0; i < events.size(); ++i) {
        QCOMPARE(back.at(i).summary, events.at(i).summary);
        QCOMPARE(back.at(i).description, events.at(i).description);
        QCOMPARE(back.at(i).officials, events.at(i).officials);
        QVERIFY2(back.at(i) == events.at(i), qPrintable(events.at(i).uid));
    }
    QCOMPARE(back.at(4).firstDay(), QDate(2026, 11, 30));
    QCOMPARE(back.at(4).lastDay(), QDate(2026, 12, 2));
    // Writing what was read gives the same bytes.
    QCOMPARE(IcalWriter::write(back, QStringLiteral("Asia/Makassar"), false), ics);
}

void TestIcal::foldingKeepsUtf8Whole_data()
{
    QTest::addColumn<int>("prefix");
    for (int prefix = 0; prefix < 6; ++prefix)
        QTest::addRow("prefix %d", prefix) << prefix;
}

void TestIcal::foldingKeepsUtf8Whole()
{
    QFETCH(int, prefix);
    // Shifting the 4-, 3- and 2-byte sequences across the fold positions.
    const QString text = QString(prefix, QLatin1Char('x')) + QStringLiteral("🎉é—ñ").repeated(40);
    IcalEvent e = timedEvent(QStringLiteral("fold"), QDateTime(QDate(2026, 11, 23), QTime(8, 0), Wita), 30);
    e.summary = text;
    const QByteArray ics = IcalWriter::write({e}, QStringLiteral("Asia/Makassar"), false);
    QVERIFY(ics.endsWith("\r\n"));
    QCOMPARE(ics.count('\n'), ics.count("\r\n"));
    const QList<QByteArray> lines = ics.left(ics.size() - 2).split('\n');
    int continuations = 0;
    for (QByteArray line : lines) {
        line.chop(1); // '\r'
        QVERIFY2(line.size() <= 75, line.constData());
        QVERIFY2(line.isValidUtf8(), line.constData());
        continuations += line.startsWith(' ');
    }
    QVERIFY(continuations > 5);
    const QList<IcalEvent> back = parseOk(ics);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().summary, text);
}

void TestIcal::unfoldsAndUnescapes()
{
    // LF-only line ends, folds with a space and with a tab, every escape.
    const QByteArray ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:u1\nDTSTART:20261123T010000Z\nSUMMARY:Rapat Ko\n"
                           " ordinasi\n\tLanjutan\nDESCRIPTION:a\\nb\\Nc\\,d\\;e\\\\f\nEND:VEVENT\nEND:VCALENDAR\n";
    const QList<IcalEvent> events = parseOk(ics);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().summary, QStringLiteral("Rapat KoordinasiLanjutan"));
    QCOMPARE(events.first().description, QStringLiteral("a\nb\nc,d;e\\f"));
    QCOMPARE(IcalWriter::escapeText(QStringLiteral("a\nb,c;d\\e")), QStringLiteral("a\\nb\\,c\\;d\\\\e"));
}

void TestIcal::allDay_data()
{
    QTest::addColumn<QByteArray>("props");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::newRow("single, no end") << QByteArray("DTSTART;VALUE=DATE:20261123\n") << QDate(2026, 11, 23)
                                    << QDate(2026, 11, 23);
    QTest::newRow("single, exclusive end") << QByteArray("DTSTART;VALUE=DATE:20261123\nDTEND;VALUE=DATE:20261124\n")
                                           << QDate(2026, 11, 23) << QDate(2026, 11, 23);
    QTest::newRow("multi-day") << QByteArray("DTSTART;VALUE=DATE:20261130\nDTEND;VALUE=DATE:20261203\n")
                               << QDate(2026, 11, 30) << QDate(2026, 12, 2);
    QTest::newRow("without VALUE parameter")
        << QByteArray("DTSTART:20261123\nDTEND:20261125\n") << QDate(2026, 11, 23) << QDate(2026, 11, 24);
    QTest::newRow("duration") << QByteArray("DTSTART;VALUE=DATE:20261123\nDURATION:P2D\n") << QDate(2026, 11, 23)
                              << QDate(2026, 11, 24);
}

void TestIcal::allDay()
{
    QFETCH(QByteArray, props);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    const QList<IcalEvent> events = parseOk(wrap("BEGIN:VEVENT\nUID:x\n" + props + "END:VEVENT\n"));
    QCOMPARE(events.size(), 1);
    QVERIFY(events.first().allDay);
    QCOMPARE(events.first().firstDay(), first);
    QCOMPARE(events.first().lastDay(), last);
}

void TestIcal::times_data()
{
    QTest::addColumn<QByteArray>("dtstart");
    QTest::addColumn<QDateTime>("expectedUtc");
    QTest::addColumn<int>("offset");
    QTest::newRow("utc") << QByteArray("DTSTART:20261123T013000Z")
                         << QDateTime(QDate(2026, 11, 23), QTime(1, 30), Qt::UTC) << 0;
    QTest::newRow("floating is the regency zone")
        << QByteArray("DTSTART:20261123T093000") << QDateTime(QDate(2026, 11, 23), QTime(1, 30), Qt::UTC) << 8 * 3600;
    QTest::newRow("iana tzid") << QByteArray("DTSTART;TZID=Asia/Jakarta:20261123T083000")
                               << QDateTime(QDate(2026, 11, 23), QTime(1, 30), Qt::UTC) << 7 * 3600;
    QTest::newRow("quoted tzid") << QByteArray("DTSTART;TZID=\"Asia/Jayapura\":20261123T103000")
                                 << QDateTime(QDate(2026, 11, 23), QTime(1, 30), Qt::UTC) << 9 * 3600;
    QTest::newRow("windows tzid") << QByteArray("DTSTART;TZID=SE Asia Standard Time:20261123T083000")
                                  << QDateTime(QDate(2026, 11, 23), QTime(1, 30), Qt::UTC) << 7 * 3600;
}

void TestIcal::times()
{
    QFETCH(QByteArray, dtstart);
    QFETCH(QDateTime, expectedUtc);
    QFETCH(int, offset);
    const QList<IcalEvent> events = parseOk(wrap("BEGIN:VEVENT\nUID:x\n" + dtstart + "\nEND:VEVENT\n"));
    QCOMPARE(events.size(), 1);
    QVERIFY(!events.first().allDay);
    QCOMPARE(events.first().start.toUTC(), expectedUtc);
    QCOMPARE(events.first().start.offsetFromUtc(), offset);
    QCOMPARE(events.first().end, events.first().start);
}

void TestIcal::customVtimezone()
{
    // A zone name no tz database knows, defined after the event that uses it.
    const QByteArray ics = wrap("BEGIN:VEVENT\nUID:x\nDTSTART;TZID=\"Waktu Parigi; Tengah\":20261123T080000\n"
                                "DTEND;TZID=\"Waktu Parigi; Tengah\":20261123T100000\nEND:VEVENT\n"
                                "BEGIN:VTIMEZONE\nTZID:Waktu Parigi; Tengah\nBEGIN:STANDARD\n"
                                "DTSTART:19700101T000000\nTZOFFSETFROM:+0800\nTZOFFSETTO:+0800\nTZNAME:WITA\n"
                                "END:STANDARD\nEND:VTIMEZONE\n");
    const QList<IcalEvent> events = parseOk(ics, Wib);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().start.toUTC(), QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC));
    QCOMPARE(events.first().end.toUTC(), QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC));
}

void TestIcal::durationAndDefaults()
{
    const QList<IcalEvent> events =
        parseOk(wrap("BEGIN:VEVENT\nUID:x\nDTSTART:20261123T010000Z\nDURATION:PT1H30M\nSTATUS:CANCELLED\n"
                     "CLASS:X-SECRET\nEND:VEVENT\nBEGIN:VEVENT\nUID:y\nDTSTART:20261123T010000Z\nDURATION:P1W\n"
                     "END:VEVENT\n"));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).start.secsTo(events.at(0).end), 5400);
    QCOMPARE(events.at(0).status, IcalEvent::Status::Cancelled);
    QVERIFY(!events.at(0).isPublic()); // unknown classes are private (RFC 5545)
    QCOMPARE(events.at(1).start.daysTo(events.at(1).end), 7);
    QCOMPARE(events.at(1).status, IcalEvent::Status::Unspecified);
    QVERIFY(events.at(1).isPublic());
}

void TestIcal::publicOnly()
{
    const QDateTime t(QDate(2026, 11, 23), QTime(8, 0), Wita);
    IcalEvent open = timedEvent(QStringLiteral("open"), t, 60);
    IcalEvent internal = timedEvent(QStringLiteral("internal"), t, 60);
    internal.classification = IcalEvent::Classification::Private;
    IcalEvent secret = timedEvent(QStringLiteral("secret"), t, 60);
    secret.classification = IcalEvent::Classification::Confidential;
    IcalEvent cancelled = timedEvent(QStringLiteral("cancelled"), t, 60);
    cancelled.status = IcalEvent::Status::Cancelled;
    const QList<IcalEvent> all{open, internal, secret, cancelled};

    const QList<IcalEvent> published = parseOk(IcalWriter::write(all, QStringLiteral("Asia/Makassar"), true));
    QCOMPARE(published.size(), 1);
    QCOMPARE(published.first(), open);
    QCOMPARE(parseOk(IcalWriter::write(all, QStringLiteral("Asia/Makassar"), false)).size(), 4);
}

void TestIcal::recurrenceWithExdates()
{
    const QByteArray ics =
        wrap("BEGIN:VEVENT\nUID:senam\nSUMMARY:Senam pagi\nDTSTART;TZID=Asia/Makassar:20261123T063000\n"
             "DTEND;TZID=Asia/Makassar:20261123T073000\nRRULE:FREQ=DAILY;COUNT=6\n"
             "EXDATE;TZID=Asia/Makassar:20261124T063000,20261125T063000\n"
             "EXDATE;VALUE=DATE:20261127\nX-HUMAS-OFFICIALS:BUPATI\nEND:VEVENT\n");
    const QList<IcalEvent> events = parseOk(ics);
    QStringList uids;
    for (const IcalEvent &e : events) {
        uids << e.uid;
        QCOMPARE(e.start.secsTo(e.end), 3600);
        QCOMPARE(e.officials, QStringList{QStringLiteral("BUPATI")});
    }
    QCOMPARE(uids, (QStringList{"senam_20261123", "senam_20261126", "senam_20261128"}));
    QCOMPARE(events.at(1).start.toUTC(), QDateTime(QDate(2026, 11, 25), QTime(22, 30), Qt::UTC));
}

void TestIcal::malformed_data()
{
    QTest::addColumn<QByteArray>("ics");
    QTest::addColumn<int>("line");
    const QByteArray ev = "BEGIN:VEVENT\nUID:ok\nDTSTART:20261123T010000Z\nEND:VEVENT\n"; // lines 2-5 in wrapCal
    const auto cal = [](const QByteArray &body) { return crlf("BEGIN:VCALENDAR\n" + body + "END:VCALENDAR\n"); };
    QTest::newRow("empty file") << QByteArray() << 1;
    QTest::newRow("no BEGIN:VCALENDAR") << crlf(ev) << 1;
    QTest::newRow("text before calendar") << crlf("hello\n") + cal(ev) << 1;
    QTest::newRow("unterminated event") << cal("BEGIN:VEVENT\nUID:x\nDTSTART:20261123T010000Z\n") << 5;
    QTest::newRow("unterminated calendar") << crlf("BEGIN:VCALENDAR\n" + ev) << 1;
    QTest::newRow("property after the calendar") << cal(ev) + "SUMMARY:x\r\n" << 7;
    QTest::newRow("bad date") << cal(ev + "BEGIN:VEVENT\nUID:y\nDTSTART:20261332T080000\nEND:VEVENT\n") << 8;
    QTest::newRow("bad time") << cal("BEGIN:VEVENT\nUID:y\nDTSTART:20261123T250000\nEND:VEVENT\n") << 4;
    QTest::newRow("date with VALUE=DATE-TIME mismatch")
        << cal("BEGIN:VEVENT\nUID:y\nDTSTART;VALUE=DATE:20261123T080000\nEND:VEVENT\n") << 4;
    QTest::newRow("end before start")
        << cal(ev + "BEGIN:VEVENT\nUID:y\nDTSTART:20261123T080000Z\nDTEND:20261123T070000Z\nEND:VEVENT\n") << 9;
    QTest::newRow("negative duration")
        << cal("BEGIN:VEVENT\nUID:y\nDTSTART:20261123T080000Z\nDURATION:-PT1H\nEND:VEVENT\n") << 5;
    QTest::newRow("bad duration") << cal("BEGIN:VEVENT\nUID:y\nDTSTART:20261123T080000Z\nDURATION:1H\nEND:VEVENT\n")
                                  << 5;
    QTest::newRow("unknown FREQ")
        << cal(ev + "BEGIN:VEVENT\nUID:y\nDTSTART:20261123T080000Z\nRRULE:FREQ=SOMETIMES\nEND:VEVENT\n") << 9;
    QTest::newRow("unknown TZID") << cal("BEGIN:VEVENT\nUID:y\nDTSTART;TZID=Mars/Olympus:20261123T080000\nEND:VEVENT\n")
                                  << 4;
    QTest::newRow("no DTSTART") << cal(ev + "BEGIN:VEVENT\nUID:y\nEND:VEVENT\n") << 6;
    QTest::newRow("no UID") << cal("BEGIN:VEVENT\nDTSTART:20261123T080000Z\nEND:VEVENT\n") << 2;
    QTest::newRow("mismatched END") << cal("BEGIN:VEVENT\nUID:y\nBEGIN:VALARM\nEND:VEVENT\n") << 5;
    QTest::newRow("not a property") << cal("BEGIN:VEVENT\nUID:y\nthis line has no colon\nEND:VEVENT\n") << 4;
    QTest::newRow("invalid UTF-8") << cal(ev + "BEGIN:VEVENT\nUID:y\nSUMMARY:Rapat \xC3\x28 x\nEND:VEVENT\n") << 8;
    QTest::newRow("invalid UTF-8 in a folded line")
        << cal("BEGIN:VEVENT\nUID:y\nSUMMARY:Rapat\n  \xFF\nEND:VEVENT\n") << 4;
    QTest::newRow("bad EXDATE") << cal("BEGIN:VEVENT\nUID:y\nDTSTART:20261123T080000Z\nRRULE:FREQ=DAILY;COUNT=2\n"
                                       "EXDATE:20261124T080000Z,2026-11-25\nEND:VEVENT\n")
                                << 6;
    QTest::newRow("bad UTC offset") << cal("BEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nTZOFFSETTO:8\nEND:STANDARD\n"
                                           "END:VTIMEZONE\n")
                                    << 5;
}

void TestIcal::malformed()
{
    QFETCH(QByteArray, ics);
    QFETCH(int, line);
    QList<IcalEvent> events;
    QString error;
    QVERIFY(!IcalReader(Wita).parse(ics, From, To, &events, &error));
    QVERIFY2(error.startsWith(QStringLiteral("Line %1: ").arg(line)), qPrintable(error));
    QVERIFY(error.size() > 10);
    QVERIFY(events.isEmpty());
}

void TestIcal::googleExport()
{
    // Shaped like a Google Calendar export: CRLF, folded DESCRIPTION, quoted ATTENDEE
    // parameters with ':' and ';', a VALARM, a moved occurrence (RECURRENCE-ID) and a VTODO.
    const QByteArray ics = crlf(
        "BEGIN:VCALENDAR\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\nVERSION:2.0\nCALSCALE:GREGORIAN\n"
        "METHOD:PUBLISH\nX-WR-CALNAME:Agenda Bupati\nX-WR-TIMEZONE:Asia/Makassar\n"
        "BEGIN:VTIMEZONE\nTZID:Asia/Makassar\nX-LIC-LOCATION:Asia/Makassar\nBEGIN:STANDARD\nTZOFFSETFROM:+0800\n"
        "TZOFFSETTO:+0800\nTZNAME:WITA\nDTSTART:19700101T000000\nEND:STANDARD\nEND:VTIMEZONE\n"
        "BEGIN:VEVENT\nDTSTART;TZID=Asia/Makassar:20261102T080000\nDTEND;TZID=Asia/Makassar:20261102T093000\n"
        "RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO\nEXDATE;TZID=Asia/Makassar:20261109T080000\n"
        "DTSTAMP:20261122T010203Z\nUID:7kq3p1c8v2@google.com\n"
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=\"Sekda: Bag. Umum; "
        "Protokol\";X-NUM-GUESTS=0:mailto:sekda@example.go.id\n"
        "CREATED:20261001T000000Z\nDESCRIPTION:Apel pagi seluruh ASN di halaman kantor bupati. Pakaian: Korpri\\n\n"
        " Pembina: Bupati\nLAST-MODIFIED:20261020T030405Z\nLOCATION:Halaman Kantor Bupati\\, Parigi\nSEQUENCE:2\n"
        "STATUS:CONFIRMED\nSUMMARY:Apel Senin\nTRANSP:OPAQUE\nBEGIN:VALARM\nACTION:DISPLAY\n"
        "DESCRIPTION:This is an event reminder\nTRIGGER:-P0DT0H30M0S\nEND:VALARM\nEND:VEVENT\n"
        "BEGIN:VEVENT\nDTSTART;TZID=Asia/Makassar:20261117T080000\nDTEND;TZID=Asia/Makassar:20261117T093000\n"
        "DTSTAMP:20261122T010203Z\nUID:7kq3p1c8v2@google.com\nRECURRENCE-ID;TZID=Asia/Makassar:20261116T080000\n"
        "SUMMARY:Apel Senin (dipindah ke Selasa)\nSTATUS:CONFIRMED\nEND:VEVENT\n"
        "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261125\nDTEND;VALUE=DATE:20261126\nDTSTAMP:20261122T010203Z\n"
        "UID:hari-guru@google.com\nCLASS:PRIVATE\nSUMMARY:Hari Guru Nasional\nEND:VEVENT\n"
        "BEGIN:VTODO\nUID:todo1\nSUMMARY:Siapkan sambutan\nEND:VTODO\nEND:VCALENDAR\n");
    QList<IcalEvent> events;
    QString error;
    QVERIFY2(IcalReader(Wita).parse(ics, QDate(2026, 11, 1), QDate(2026, 11, 30), &events, &error), qPrintable(error));
    QStringList uids;
    for (const IcalEvent &e : events)
        uids << e.uid;
    // Events come in file order; the moved occurrence replaces the one of 16 November.
    QCOMPARE(uids,
             (QStringList{"7kq3p1c8v2@google.com_20261102", "7kq3p1c8v2@google.com_20261123",
                          "7kq3p1c8v2@google.com_20261130", "7kq3p1c8v2@google.com_20261116", "hari-guru@google.com"}));
    const IcalEvent &moved = events.at(3);
    QCOMPARE(moved.summary, QStringLiteral("Apel Senin (dipindah ke Selasa)"));
    QCOMPARE(moved.start, QDateTime(QDate(2026, 11, 17), QTime(8, 0), Wita));
    const IcalEvent &first = events.at(0);
    QCOMPARE(first.summary, QStringLiteral("Apel Senin"));
    QCOMPARE(first.description,
             QStringLiteral("Apel pagi seluruh ASN di halaman kantor bupati. Pakaian: Korpri\nPembina: Bupati"));
    QCOMPARE(first.location, QStringLiteral("Halaman Kantor Bupati, Parigi"));
    QCOMPARE(first.status, IcalEvent::Status::Confirmed);
    QCOMPARE(first.lastModified, QDateTime(QDate(2026, 10, 20), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(first.start.secsTo(first.end), 5400);
    QVERIFY(events.at(4).allDay);
    QVERIFY(!events.at(4).isPublic());
    QCOMPARE(events.at(4).lastDay(), QDate(2026, 11, 25));
}

QTEST_GUILESS_MAIN(TestIcal)
#include "tst_ical.moc"
