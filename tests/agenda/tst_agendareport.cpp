// Printed agendas (issue 3, "Printing"): letterhead, daily and weekly agenda, PDF export.

#include "reports/agendareport.h"
#include "reports/agendareportitem.h"
#include "reports/letterhead.h"
#include "reports/pdfexport.h"
#include "settings/appsettings.h"

#include "testdatabase.h"
#include "testenvironment.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimeZone>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

const QDate Monday(2026, 11, 23);

/** A UTC instant from a WITA (UTC+8) wall-clock time. */
QDateTime wita(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone(8 * 3600)).toUTC();
}

AgendaReportItem item(const QString &title, const QDateTime &start, const QDateTime &end, const QStringList &officials,
                      const QString &status = QStringLiteral("terjadwal"))
{
    AgendaReportItem i;
    i.title = title;
    i.start = start;
    i.end = end;
    i.officialsAttending = officials;
    i.officialsRequested = officials;
    i.status = status;
    i.venueName = QStringLiteral("Aula Kantor Bupati");
    i.kecamatanName = QStringLiteral("Parigi");
    i.organiser = QStringLiteral("Bagian Protokol dan Komunikasi Pimpinan");
    i.dressCode = QStringLiteral("PDH");
    return i;
}

QList<AgendaReportItem> weekItems()
{
    QList<AgendaReportItem> items;
    AgendaReportItem rapat = item("Rapat Koordinasi Penanganan Stunting", wita(Monday, 10, 30), wita(Monday, 12),
                                  {"Bupati", "Sekretaris Daerah"});
    rapat.speechNeeded = true;
    rapat.organiser = "Dinas Kesehatan";
    rapat.notes = "Bahan paparan dari Dinas Kesehatan";
    items << rapat;
    AgendaReportItem upacara = item("Upacara Hari Guru Nasional", wita(Monday, 8), wita(Monday, 10), {"Bupati"});
    upacara.venueName = "Lapangan Kantor Bupati";
    upacara.dressCode = "PDU";
    items << upacara;
    items << item("Kunjungan Kerja yang Dibatalkan", wita(Monday, 14), wita(Monday, 15, 30), {"Bupati"}, "dibatalkan");
    AgendaReportItem festival = item("Festival Teluk Tomini", wita(Monday, 0), wita(Monday.addDays(1), 0), {"Bupati"});
    festival.allDay = true;
    items << festival;
    items << item("Peresmian Pasar yang Ditunda", wita(Monday, 15), wita(Monday, 16), {"Bupati"}, "ditunda");
    // 07.00 WITA on Monday is still Sunday in UTC.
    items << item("Apel Pagi", wita(Monday, 7), wita(Monday, 7, 30), {"Bupati"});
    AgendaReportItem bansos = item("Penyerahan Bantuan Sosial", wita(Monday, 13), wita(Monday, 14), {"Wakil Bupati"});
    bansos.officialsRequested = {"Bupati"};
    items << bansos;
    // Sunday evening: not on Monday's agenda.
    items << item("Malam Ramah Tamah", wita(Monday.addDays(-1), 19), wita(Monday.addDays(-1), 22), {"Bupati"});
    AgendaReportItem musrenbang =
        item("Musrenbang Kecamatan Tinombo", wita(Monday.addDays(1), 9), wita(Monday.addDays(1), 11), {"Bupati"});
    musrenbang.kecamatanName = "Tinombo";
    items << musrenbang;
    items << item("Rapat Paripurna DPRD", wita(Monday.addDays(4), 9), wita(Monday.addDays(4), 12), {"Bupati"});
    return items;
}

SignatureInfo signature()
{
    SignatureInfo s;
    s.date = QDate(2026, 11, 22);
    s.position = "Kepala Bagian Protokol dan Komunikasi Pimpinan";
    s.name = "Moh. Rizal Lamasi, S.STP";
    s.nip = "19850612 200312 1 002";
    return s;
}

QByteArray emblemPng()
{
    QImage image(120, 150, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setBrush(QColor(0, 90, 40));
    p.drawEllipse(QRect(5, 5, 110, 140));
    p.end();
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return data;
}

/** Positions of @p needles in @p text, in order; -1 where missing. */
QList<int> positions(const QString &text, const QStringList &needles)
{
    QList<int> out;
    for (const QString &n : needles)
        out << text.indexOf(n);
    return out;
}

bool ascending(const QList<int> &list)
{
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i) < 0 || (i > 0 && list.at(i) <= list.at(i - 1)))
            return false;
    }
    return true;
}

QString pdfText(const QString &file)
{
    QProcess p;
    p.start("/usr/bin/pdftotext", {"-enc", "UTF-8", file, "-"});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestAgendaReport : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSettings> m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
        m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
        QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
        m_settings = std::make_unique<AppSettings>(m_db->db(), Actor::system());
        QCOMPARE(m_settings->timeZoneCode(), QString("WITA"));
        QCOMPARE(m_settings->city(), QString("Parigi"));
    }

    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void itemRules()
    {
        const QTimeZone zone(8 * 3600);
        AgendaReportItem a = item("A", wita(Monday, 7), wita(Monday, 8), {"Bupati"});
        QVERIFY(a.covers(Monday, zone));
        QVERIFY(!a.covers(Monday.addDays(-1), zone)); // 23.00 UTC on Sunday
        AgendaReportItem b = item("B", wita(Monday, 23), wita(Monday.addDays(1), 0), {"Bupati"});
        QVERIFY(b.covers(Monday, zone));
        QVERIFY(!b.covers(Monday.addDays(1), zone)); // half-open end
        AgendaReportItem multi = item("M", wita(Monday, 0), wita(Monday.addDays(3), 0), {"Bupati"});
        multi.allDay = true;
        QVERIFY(multi.covers(Monday.addDays(2), zone));
        QVERIFY(!multi.covers(Monday.addDays(3), zone));
        QVERIFY(!item("C", a.start, a.end, {}, "dibatalkan").isPrinted());
        QVERIFY(!item("D", a.start, a.end, {}, "ditunda").isPrinted());
        QVERIFY(item("E", a.start, a.end, {}, "diajukan").isPrinted());
        a.officialsRequested = {"Bupati", "Sekretaris Daerah"};
        QVERIFY(a.isDelegated());
        QCOMPARE(AgendaReport::timeText(item("T", wita(Monday, 8), wita(Monday, 10), {}), Monday, zone, "WITA"),
                 QString::fromUtf8("08.00–10.00 WITA"));
        QCOMPARE(AgendaReport::timeText(multi, Monday, zone, "WITA"), AgendaReport::tr("All day"));
    }

    void letterheadWithEmblem()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        AppSettings s(t.db(), Actor::system());
        QString error;
        QVERIFY2(s.setEmblem(emblemPng(), &error), qPrintable(error));
        QTextDocument document;
        const QString html = Letterhead::html(s, &document);
        QVERIFY(html.contains("<img"));
        QVERIFY(html.contains("PEMERINTAH KABUPATEN PARIGI MOUTONG"));
        QVERIFY(html.contains("Parigi, Sulawesi Tengah"));
        document.setHtml(html);
        const QVariant image = document.resource(QTextDocument::ImageResource, QUrl(Letterhead::emblemResourceName()));
        QVERIFY(image.isValid());
        QVERIFY(!image.value<QImage>().isNull());

        // Without an emblem there is no image.
        QTextDocument plain;
        QVERIFY(!Letterhead::html(*m_settings, &plain).contains("<img"));
    }

    void signatureBlock()
    {
        const QString html = Letterhead::signatureHtml(signature(), "Parigi", Monday);
        QTextDocument d;
        d.setHtml(html);
        const QString text = d.toPlainText();
        QVERIFY2(text.contains("Parigi, 22 November 2026"), qPrintable(text));
        QVERIFY(ascending(positions(text, {"Parigi, 22 November 2026", "Kepala Bagian Protokol",
                                           "Moh. Rizal Lamasi, S.STP", "NIP. 19850612 200312 1 002"})));
        QVERIFY(html.contains("<b><u>Moh. Rizal Lamasi, S.STP</u></b>"));
        // No date given: the report's day; no place given: the fallback.
        SignatureInfo undated = signature();
        undated.date = QDate();
        undated.place = QString();
        d.setHtml(Letterhead::signatureHtml(undated, "Parigi", Monday));
        QVERIFY(d.toPlainText().contains("Parigi, 23 November 2026"));
    }

    void dailyAgenda()
    {
        std::unique_ptr<QTextDocument> doc(
            AgendaReport::dailyAgenda(*m_settings, "Bupati", Monday, weekItems(), signature(), nullptr));
        QVERIFY(doc);
        // The title names the PDF (and the print job); setHtml() must not wipe it.
        QCOMPARE(doc->metaInformation(QTextDocument::DocumentTitle), AgendaReport::dailyTitle("Bupati"));
        const QString text = doc->toPlainText();
        QVERIFY2(text.contains("PEMERINTAH KABUPATEN PARIGI MOUTONG"), qPrintable(text));
        QVERIFY(text.contains("SEKRETARIAT DAERAH"));
        QVERIFY(text.contains("Parigi, Sulawesi Tengah"));
        QVERIFY(text.contains(AgendaReport::dailyTitle("Bupati")));
        QVERIFY(text.contains("Senin, 23 November 2026"));
        QVERIFY(text.contains(QString::fromUtf8("08.00–10.00 WITA")));
        QVERIFY(text.contains(QString::fromUtf8("07.00–07.30 WITA")));
        QVERIFY(text.contains(AgendaReport::tr("All day")));
        // In time order: all-day first, then by start in local time.
        QVERIFY2(ascending(positions(text, {"Festival Teluk Tomini", "Apel Pagi", "Upacara Hari Guru Nasional",
                                            "Rapat Koordinasi Penanganan Stunting", "Penyerahan Bantuan Sosial"})),
                 qPrintable(text));
        QVERIFY(text.contains("Sekretaris Daerah"));
        QVERIFY(text.contains(AgendaReport::tr("Represented by %1").arg("Wakil Bupati")));
        QVERIFY(text.contains(AgendaReport::tr("Speech required")));
        QVERIFY(text.contains("Dinas Kesehatan"));
        QVERIFY(text.contains("Lapangan Kantor Bupati"));
        QVERIFY(text.contains("PDU"));
        QVERIFY(text.contains("Bahan paparan"));
        // Cancelled, postponed and other days' events are left out.
        QVERIFY(!text.contains("Dibatalkan"));
        QVERIFY(!text.contains("Ditunda"));
        QVERIFY(!text.contains("Malam Ramah Tamah"));
        QVERIFY(!text.contains("Musrenbang"));
        QVERIFY(!text.contains(AgendaReport::emptyDayText()));
        // Signature at the end.
        QVERIFY(ascending(positions(
            text, {"Penyerahan Bantuan Sosial", "Parigi, 22 November 2026", "Moh. Rizal Lamasi, S.STP", "NIP. "})));
    }

    void emptyDay()
    {
        std::unique_ptr<QTextDocument> doc(
            AgendaReport::dailyAgenda(*m_settings, "Bupati", Monday.addDays(2), weekItems(), signature(), nullptr));
        const QString text = doc->toPlainText();
        QVERIFY(text.contains("Rabu, 25 November 2026"));
        QVERIFY(text.contains(AgendaReport::emptyDayText()));
        QVERIFY(!text.contains(AgendaReport::tr("Activity")));
        QVERIFY(text.contains("NIP. 19850612 200312 1 002"));
    }

    void weeklyAgenda()
    {
        // Any day of the week gives the Monday-based week.
        std::unique_ptr<QTextDocument> doc(
            AgendaReport::weeklyAgenda(*m_settings, "Bupati", Monday.addDays(3), weekItems(), signature(), nullptr));
        QCOMPARE(doc->metaInformation(QTextDocument::DocumentTitle), AgendaReport::weeklyTitle("Bupati"));
        const QString text = doc->toPlainText();
        QVERIFY(text.contains(AgendaReport::weeklyTitle("Bupati")));
        QVERIFY(text.contains("23 November 2026"));
        QVERIFY(text.contains("29 November 2026"));
        QVERIFY(!text.contains("Minggu, 22 November 2026"));
        QVERIFY2(
            ascending(positions(
                text, {"Senin, 23 November 2026", "Festival Teluk Tomini", "Apel Pagi", "Penyerahan Bantuan Sosial",
                       "Selasa, 24 November 2026", "Musrenbang Kecamatan Tinombo", "Rabu, 25 November 2026",
                       "Kamis, 26 November 2026", "Jumat, 27 November 2026", "Rapat Paripurna DPRD",
                       "Sabtu, 28 November 2026", "Minggu, 29 November 2026", "Moh. Rizal Lamasi, S.STP"})),
            qPrintable(text));
        QVERIFY(text.contains(QString::fromUtf8("09.00–11.00 WITA")));
        QCOMPARE(text.count(AgendaReport::emptyDayText()), 4); // Wed, Thu, Sat, Sun
        QVERIFY(!text.contains("Malam Ramah Tamah"));
        QVERIFY(!text.contains("Dibatalkan"));
        QVERIFY(!text.contains("Ditunda"));
    }

    void otherZone()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        AppSettings s(t.db(), Actor::system());
        QString error;
        QVERIFY2(s.setValue(AppSettings::TimeZoneCode, "WIB", &error), qPrintable(error));
        std::unique_ptr<QTextDocument> doc(
            AgendaReport::dailyAgenda(s, "Bupati", Monday, weekItems(), signature(), nullptr));
        QVERIFY(doc->toPlainText().contains(QString::fromUtf8("07.00–09.00 WIB")));
    }

    void pdf()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        AppSettings s(t.db(), Actor::system());
        QString error;
        QVERIFY2(s.setEmblem(emblemPng(), &error), qPrintable(error));
        std::unique_ptr<QTextDocument> doc(
            AgendaReport::dailyAgenda(s, "Bupati", Monday, weekItems(), signature(), nullptr));
        QTemporaryDir dir;
        const QString file = dir.filePath("agenda.pdf");
        QVERIFY2(PdfExport::write(doc.get(), file, QPageLayout::Portrait, &error), qPrintable(error));
        QVERIFY(!QFile::exists(file + ".part"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(4) == "%PDF");
        QVERIFY2(f.size() > 5000, qPrintable(QString::number(f.size())));
        f.close();
        // Overwriting an existing file works.
        QVERIFY2(PdfExport::write(doc.get(), file, QPageLayout::Landscape, &error), qPrintable(error));

        if (qEnvironmentVariableIsSet("HUMAS_AGENDA_SAMPLE")) {
            QVERIFY(PdfExport::write(doc.get(), qEnvironmentVariable("HUMAS_AGENDA_SAMPLE"), QPageLayout::Portrait,
                                     &error));
            std::unique_ptr<QTextDocument> week(
                AgendaReport::weeklyAgenda(s, "Bupati", Monday, weekItems(), signature(), nullptr));
            QVERIFY(PdfExport::write(week.get(), qEnvironmentVariable("HUMAS_AGENDA_SAMPLE") + "-weekly.pdf",
                                     QPageLayout::Landscape, &error));
        }

        if (!QFile::exists("/usr/bin/pdftotext"))
            QSKIP("pdftotext is not installed");
        QVERIFY2(PdfExport::write(doc.get(), file, QPageLayout::Portrait, &error), qPrintable(error));
        // pdftotext breaks lines where the layout wrapped them.
        const QString text = pdfText(file).simplified();
        for (const char *needle :
             {"PEMERINTAH KABUPATEN PARIGI MOUTONG", "SEKRETARIAT DAERAH", "Senin, 23 November 2026", "08.00", "WITA",
              "Wakil Bupati", "Sekretaris Daerah", "Upacara Hari Guru Nasional", "Moh. Rizal Lamasi, S.STP",
              "NIP. 19850612 200312 1 002"})
            QVERIFY2(text.contains(QString::fromUtf8(needle)),
                     qPrintable(QString("%1 missing in:\n%2").arg(needle, text)));
        QVERIFY(!text.contains("Dibatalkan"));
    }

    void pdfRefusesUnwritablePath()
    {
        std::unique_ptr<QTextDocument> doc(
            AgendaReport::dailyAgenda(*m_settings, "Bupati", Monday, weekItems(), signature(), nullptr));
        QTemporaryDir dir;
        QString error;
        const QString missingFolder = dir.filePath("no-such-folder/agenda.pdf");
        QVERIFY(!PdfExport::write(doc.get(), missingFolder, QPageLayout::Portrait, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(missingFolder));
        QVERIFY(!QFile::exists(missingFolder + ".part"));

        // A plain file where a folder should be.
        QFile blocker(dir.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        error.clear();
        QVERIFY(!PdfExport::write(doc.get(), dir.filePath("blocker/agenda.pdf"), QPageLayout::Portrait, &error));
        QVERIFY(!error.isEmpty());

        // A folder as the target.
        error.clear();
        QVERIFY(!PdfExport::write(doc.get(), dir.path(), QPageLayout::Portrait, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(dir.path() + ".part"));

        // A folder without write permission (meaningless as root).
        QDir(dir.path()).mkdir("readonly");
        const QString readonly = dir.filePath("readonly");
        QFile::setPermissions(readonly, QFile::ReadOwner | QFile::ExeOwner);
        const QString inReadonly = readonly + "/agenda.pdf";
        QFile probe(readonly + "/probe");
        const bool canWrite = probe.open(QIODevice::WriteOnly);
        if (canWrite) {
            probe.close();
            probe.remove();
        } else {
            error.clear();
            QVERIFY(!PdfExport::write(doc.get(), inReadonly, QPageLayout::Portrait, &error));
            QVERIFY(!error.isEmpty());
            QVERIFY(!QFile::exists(inReadonly));
            QVERIFY(!QFile::exists(inReadonly + ".part"));
        }
        QFile::setPermissions(readonly, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        QVERIFY(!PdfExport::write(nullptr, dir.filePath("x.pdf"), QPageLayout::Portrait, &error));
    }
};

QTEST_MAIN(TestAgendaReport)
#include "tst_agendareport.moc"
