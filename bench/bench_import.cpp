// Imports that hold the write lock (issue 8, section 4): how long other desks wait.
//
// - BM_IcsImportWritePhase: the write phase of a 10,000-event .ics import
//   (EventIcal::writePrepared: BEGIN IMMEDIATE … COMMIT), the only part that holds the write
//   lock; target ≤ 2 s. Parsing and checking (EventIcal::prepareImport) run untimed before it
//   and are measured on their own in BM_IcsImportPrepare (no lock held).
// - BM_HolidaysImport: `holidays import` of 20,000 rows as the CLI does it (parse, import in
//   one transaction, PPID deadline recompute once); target ≤ 1 s.
//
// Each iteration starts from a copy of one seeded database (parigi-moutong preset, 2,000 demo
// requests so that the deadline recompute has open requests to look at), opened through
// Database (WAL, synchronous=FULL) as the programs do.
//
//   build/bench/bench_import [--benchmark_repetitions=3]

#include "agenda/eventical.h"
#include "agenda/icalwriter.h"
#include "auth/role.h"
#include "demo/demogenerator.h"
#include "master/holidaycsv.h"
#include "master/seeder.h"
#include "ppid/ppiddeadlinerecompute.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

namespace {

constexpr int EventCount = 10000;
constexpr int HolidayRows = 20000;

QTemporaryDir *s_dir = nullptr;
QString s_template;

/** Agenda events as protocol staff enter them, with codes and venues the preset knows. */
QByteArray makeIcs(int count)
{
    static const QStringList titles = {
        "Rapat Koordinasi Penanganan Stunting Tingkat Kabupaten Parigi Moutong Tahun %1",
        "Pembukaan Musyawarah Perencanaan Pembangunan (Musrenbang) Kecamatan Tinombo %1",
        "Peresmian Jembatan Desa Sausu Tambu dan Penyerahan Bantuan Alat Pertanian %1",
        "Upacara Peringatan Hari Ulang Tahun Kabupaten Parigi Moutong ke-%1",
        "Sosialisasi Keterbukaan Informasi Publik bagi PPID Pembantu Perangkat Daerah %1",
    };
    static const QStringList venues = {"Aula Kantor Bupati, Parigi", "Gedung Serbaguna, Parigi Selatan",
                                       "Lapangan Sidoarjo, Ampibabo", "Balai Desa Sausu Tambu, Balinggi"};
    QRandomGenerator rng(20261123);
    const QTimeZone wita(8 * 3600);
    const QDateTime base(QDate(2027, 1, 4), QTime(7, 30), wita);
    QList<Humas::IcalEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        Humas::IcalEvent e;
        e.uid = QString("%1@bench").arg(i);
        e.summary = titles.at(i % titles.size()).arg(i);
        e.description = QString("Undangan nomor 005/%1/Prokopim.").arg(i);
        e.location = venues.at(int(rng.bounded(venues.size())));
        e.start = base.addDays(i / 8).addSecs(qint64(rng.bounded(16)) * 1800);
        e.end = e.start.addSecs(qint64(1 + rng.bounded(6)) * 1800);
        if (i % 25 == 0)
            e.setAllDayRange(e.start.date(), e.start.date().addDays(i % 3));
        e.status = Humas::IcalEvent::Status::Confirmed;
        e.classification = i % 5 ? Humas::IcalEvent::Classification::Public : Humas::IcalEvent::Classification::Private;
        e.officials = QStringList{"BUPATI", "SEKDA"}.mid(0, 1 + i % 2);
        e.opd = "DISKOMINFO";
        e.dtstamp = QDateTime(QDate(2026, 11, 22), QTime(1, 0), Qt::UTC);
        events.append(e);
    }
    return Humas::IcalWriter::write(events, "Asia/Makassar", false);
}

QByteArray makeHolidayCsv(int rows)
{
    static const char *const kinds[] = {"libur_nasional", "cuti_bersama", "lokal"};
    QByteArray csv = "date,kind,name,source\r\n";
    const QDate first(1990, 1, 1);
    for (int i = 0; i < rows; ++i) {
        csv += first.addDays(i).toString(Qt::ISODate).toUtf8() + ',' + kinds[i % 3] + ",Hari libur nomor " +
               QByteArray::number(i) + ",SKB Bench " + QByteArray::number(1990 + i / 365) + "\r\n";
    }
    return csv;
}

/** A fresh copy of the seeded database, opened. */
std::unique_ptr<Humas::Database> freshDatabase(int iteration)
{
    const QString path = s_dir->filePath(QString("run-%1.sqlite").arg(iteration));
    QFile::remove(path);
    QFile::copy(s_template, path);
    auto db = std::make_unique<Humas::Database>();
    QString error;
    if (!db->open(path, &error)) {
        std::fprintf(stderr, "bench_import: %s\n", qPrintable(error));
        return nullptr;
    }
    return db;
}

int liveRows(Humas::Database &db, const char *table)
{
    QSqlQuery q(db.connection());
    q.exec(QString("SELECT count(*) FROM %1 WHERE deleted = 0").arg(QLatin1String(table)));
    return q.next() ? q.value(0).toInt() : -1;
}

void BM_IcsImportPrepare(benchmark::State &state)
{
    const QByteArray ics = makeIcs(EventCount);
    int iteration = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto db = freshDatabase(++iteration);
        Humas::EventIcal ical(*db, Humas::Actor::system());
        ical.setExpansionWindow(QDate(2027, 1, 1), QDate(2030, 12, 31));
        state.ResumeTiming();
        QString error;
        if (!ical.prepareImport(ics, &error) || ical.preparedCount() != EventCount)
            state.SkipWithError(qPrintable(error));
    }
    state.SetItemsProcessed(state.iterations() * EventCount);
}
BENCHMARK(BM_IcsImportPrepare)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_IcsImportWritePhase(benchmark::State &state)
{
    const QByteArray ics = makeIcs(EventCount);
    int iteration = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto db = freshDatabase(++iteration);
        Humas::EventIcal ical(*db, Humas::Actor::system());
        ical.setExpansionWindow(QDate(2027, 1, 1), QDate(2030, 12, 31));
        QString error;
        if (!ical.prepareImport(ics, &error)) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        state.ResumeTiming();
        Humas::EventIcal::ImportSummary summary;
        const bool ok = ical.writePrepared(&summary, &error);
        state.PauseTiming();
        if (!ok || summary.addedIds.size() != EventCount || liveRows(*db, "events") != EventCount)
            state.SkipWithError(qPrintable("import failed: " + error));
        db.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * EventCount);
}
BENCHMARK(BM_IcsImportWritePhase)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_HolidaysImport(benchmark::State &state)
{
    const QByteArray csv = makeHolidayCsv(HolidayRows);
    int iteration = 100;
    for (auto _ : state) {
        state.PauseTiming();
        auto db = freshDatabase(++iteration);
        const int before = liveRows(*db, "holidays");
        state.ResumeTiming();
        // What `holidays import` does once the file is read.
        QList<Humas::HolidayEntry> entries;
        QString error;
        bool ok = Humas::HolidayCsv::parse(csv, &entries, &error);
        if (ok) {
            Humas::Transaction tx(*db, &error);
            Humas::HolidayCsv::ImportResult result;
            ok = tx.isActive() && Humas::HolidayCsv::import(*db, Humas::Actor::system(), entries, &result, &error) &&
                 Humas::PpidDeadlineRecompute::afterHolidaysChanged(*db, "system", &error) >= 0 && tx.commit(&error);
        }
        state.PauseTiming();
        if (!ok || liveRows(*db, "holidays") < HolidayRows || liveRows(*db, "holidays") > before + HolidayRows)
            state.SkipWithError(qPrintable("import failed: " + error));
        db.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * HolidayRows);
}
BENCHMARK(BM_HolidaysImport)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

bool prepareTemplate()
{
    s_template = s_dir->filePath("template.sqlite");
    Humas::Database db;
    QString error;
    QString summary;
    if (!db.open(s_template, &error) ||
        !Humas::Seeder::init(db, QStringLiteral("parigi-moutong"), nullptr, &summary, &error) ||
        !Humas::DemoGenerator(db, 42).generate(0, 2000, 0, &summary, &error)) {
        std::fprintf(stderr, "bench_import: cannot prepare the database: %s\n", qPrintable(error));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("humas.*.debug=false"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QTemporaryDir dir;
    s_dir = &dir;
    if (!prepareTemplate())
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
