// iCalendar throughput (issue 3): writing and parsing an .ics of 10,000 agenda events with
// IcalWriter/IcalReader. The libical comparison the issue asks for is to be added in the same
// run once libical-dev joins the build; until then these are our figures alone.
//
//   build/bench/bench_ical [--benchmark_repetitions=5]

#include "agenda/icalreader.h"
#include "agenda/icalwriter.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimeZone>

#include <benchmark/benchmark.h>

namespace {

constexpr int EventCount = 10000;

/** Agenda events as protocol staff enter them: realistic text widths, fixed seed. */
QList<Humas::IcalEvent> makeEvents(int count)
{
    static const QStringList titles = {
        "Rapat Koordinasi Penanganan Stunting Tingkat Kabupaten Parigi Moutong Tahun %1",
        "Pembukaan Musyawarah Perencanaan Pembangunan (Musrenbang) Kecamatan Tinombo %1",
        "Peresmian Jembatan Desa Sausu Tambu dan Penyerahan Bantuan Alat Pertanian %1",
        "Upacara Peringatan Hari Ulang Tahun Kabupaten Parigi Moutong ke-%1",
        "Sosialisasi Keterbukaan Informasi Publik bagi PPID Pembantu Perangkat Daerah %1",
    };
    static const QStringList venues = {"Aula Kantor Bupati, Lt. 2", "Gedung Serbaguna; Parigi", "Lapangan Sidoarjo",
                                       "Balai Desa Sausu Tambu"};
    QRandomGenerator rng(20261123);
    const QTimeZone wita(8 * 3600);
    const QDateTime base(QDate(2026, 1, 5), QTime(7, 30), wita);
    QList<Humas::IcalEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        Humas::IcalEvent e;
        e.uid = QString("%1@humasdesk").arg(i);
        e.summary = titles.at(i % titles.size()).arg(i);
        e.description = "Undangan nomor 005/%1/Prokopim.\nPakaian: PDH Khaki; sambutan Bupati diperlukan.";
        e.description = e.description.arg(i);
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
    return events;
}

void BM_WriteIcs(benchmark::State &state)
{
    const QList<Humas::IcalEvent> events = makeEvents(EventCount);
    qint64 bytes = 0;
    for (auto _ : state) {
        const QByteArray ics = Humas::IcalWriter::write(events, "Asia/Makassar", false);
        bytes = ics.size();
        benchmark::DoNotOptimize(ics.constData());
    }
    state.SetItemsProcessed(state.iterations() * EventCount);
    state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_WriteIcs)->Unit(benchmark::kMillisecond);

void BM_ParseIcs(benchmark::State &state)
{
    const QByteArray ics = Humas::IcalWriter::write(makeEvents(EventCount), "Asia/Makassar", false);
    const Humas::IcalReader reader(QTimeZone(8 * 3600));
    for (auto _ : state) {
        QList<Humas::IcalEvent> events;
        QString error;
        if (!reader.parse(ics, QDate(2026, 1, 1), QDate(2030, 12, 31), &events, &error) ||
            events.size() != EventCount) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        benchmark::DoNotOptimize(events.constData());
    }
    state.SetItemsProcessed(state.iterations() * EventCount);
    state.SetBytesProcessed(state.iterations() * ics.size());
}
BENCHMARK(BM_ParseIcs)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QTimeZone and translations expect an application
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
