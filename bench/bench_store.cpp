// Insert throughput of the store: events written through ChangeWriter (row + sync metadata +
// outbox entry, the only way the program writes synced rows) against the same rows written
// with one plain prepared INSERT. Both run in one transaction on a fresh database opened
// through Database (WAL, synchronous=FULL), so the pragmas match. Target (issue 2): the
// repository reaches at least half the raw rate.
//
//   build/bench/bench_store [--benchmark_repetitions=5]

#include "common/hybridclock.h"
#include "common/uuid7.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr int DefaultRows = 10000;

QString randomUuid(QRandomGenerator &rng)
{
    QByteArray bytes(16, Qt::Uninitialized);
    rng.fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

/** Agenda events as the protocol staff enter them: realistic text widths, fixed seed. */
QList<QVariantMap> makeEventRows(int count)
{
    static const QStringList titles = {
        "Rapat Koordinasi Penanganan Stunting Tingkat Kabupaten Parigi Moutong Tahun %1",
        "Pembukaan Musyawarah Perencanaan Pembangunan (Musrenbang) Kecamatan Tinombo %1",
        "Peresmian Jembatan Desa Sausu Tambu dan Penyerahan Bantuan Alat Pertanian %1",
        "Upacara Peringatan Hari Ulang Tahun Kabupaten Parigi Moutong ke-%1",
        "Sosialisasi Keterbukaan Informasi Publik bagi PPID Pembantu Perangkat Daerah %1",
    };
    QRandomGenerator rng(20261123);
    QStringList officials;
    for (int i = 0; i < 6; ++i)
        officials << randomUuid(rng);
    QList<QVariantMap> rows;
    rows.reserve(count);
    const QDateTime base(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const QDateTime start = base.addSecs(3600LL * rng.bounded(24 * 365));
        const QString officialsJson =
            QString::fromUtf8(QJsonDocument(QJsonArray{officials.at(rng.bounded(6)), officials.at(rng.bounded(6))})
                                  .toJson(QJsonDocument::Compact));
        rows.append({
            {"title", titles.at(i % titles.size()).arg(2020 + i % 7)},
            {"opd_id", randomUuid(rng)},
            {"pic_name", "Ni Komang Ayu Lestari"},
            {"pic_phone", QString("0812%1").arg(rng.bounded(10000000, 99999999))},
            {"letter_number", QString("005/%1/Setda/XI/2026").arg(rng.bounded(1, 999))},
            {"officials_requested", officialsJson},
            {"officials_attending", officialsJson},
            {"venue_id", randomUuid(rng)},
            {"starts_at", start.toString(Qt::ISODate)},
            {"ends_at", start.addSecs(5400).toString(Qt::ISODate)},
            {"status", "terjadwal"},
            {"dress_code", "PDH"},
            {"speech_needed", int(rng.bounded(2))},
            {"is_public", 1},
            {"notes", "Mohon kehadiran tepat waktu; protokol menyiapkan sambutan tertulis."},
        });
    }
    return rows;
}

/** A fresh database in its own temporary folder. */
struct FreshDatabase
{
    QTemporaryDir dir;
    Humas::Database db;
    QString error;
    bool open() { return dir.isValid() && db.open(dir.filePath("bench.sqlite"), &error); }
};

void BM_RepositoryInsert(benchmark::State &state)
{
    const QList<QVariantMap> rows = makeEventRows(int(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        auto fresh = std::make_unique<FreshDatabase>();
        if (!fresh->open()) {
            state.SkipWithError(qPrintable(fresh->error));
            break;
        }
        Humas::ChangeWriter &writer = fresh->db.writer();
        QString error;
        state.ResumeTiming();

        Humas::Transaction tx(fresh->db, &error);
        bool ok = tx.isActive();
        for (const QVariantMap &row : rows) {
            QString id;
            if (!ok || !writer.insert("bench", "events", row, &id, &error)) {
                ok = false;
                break;
            }
        }
        ok = ok && tx.commit(&error);

        state.PauseTiming();
        if (!ok) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        fresh.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_RawInsert(benchmark::State &state)
{
    const QList<QVariantMap> rows = makeEventRows(int(state.range(0)));
    const QStringList fields = rows.constFirst().keys(); // QVariantMap order, as ChangeWriter binds them
    for (auto _ : state) {
        state.PauseTiming();
        auto fresh = std::make_unique<FreshDatabase>();
        if (!fresh->open()) {
            state.SkipWithError(qPrintable(fresh->error));
            break;
        }
        // The sync columns get values of the same shape the repository writes; made outside
        // the timed part, since the raw baseline is the cost of the insert alone.
        QStringList ids;
        QStringList stamps;
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (int i = 0; i < rows.size(); ++i) {
            ids << Humas::Uuid7::createString();
            stamps << fresh->db.hybridClock()->tick();
        }
        const QString siteId = fresh->db.siteId();
        QString error;
        state.ResumeTiming();

        QSqlQuery q(fresh->db.connection());
        const QStringList names = Humas::ChangeWriter::syncColumns().mid(0, 7) + fields; // sync_seq keeps its default
        QStringList marks;
        marks.fill("?", names.size());
        bool ok = q.prepare("INSERT INTO events (" + names.join(',') + ") VALUES (" + marks.join(',') + ")");
        Humas::Transaction tx(fresh->db, &error);
        ok = ok && tx.isActive();
        for (int i = 0; ok && i < rows.size(); ++i) {
            q.bindValue(0, ids.at(i));
            q.bindValue(1, 1);
            q.bindValue(2, 0);
            q.bindValue(3, now);
            q.bindValue(4, "bench");
            q.bindValue(5, siteId);
            q.bindValue(6, stamps.at(i));
            const QVariantMap &row = rows.at(i);
            int index = 7;
            for (auto it = row.cbegin(); it != row.cend(); ++it)
                q.bindValue(index++, it.value());
            ok = q.exec();
        }
        if (!ok && error.isEmpty())
            error = q.lastError().text();
        ok = ok && tx.commit(&error);

        state.PauseTiming();
        if (!ok) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        q = QSqlQuery();
        fresh.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_RepositoryInsert)->Arg(DefaultRows)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RawInsert)->Arg(DefaultRows)->Unit(benchmark::kMillisecond)->UseRealTime();

/** The console report, plus the items/second of each benchmark for the ratio at the end. */
class RatioReporter : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs) {
            const auto it = run.counters.find("items_per_second");
            if (run.error_occurred || it == run.counters.end())
                continue;
            Rate &rate = m_rates[run.run_name.function_name];
            if (run.run_type == Run::RT_Iteration) {
                rate.sum += it->second.value;
                ++rate.count;
            } else if (run.aggregate_name == "mean") {
                rate.mean = it->second.value; // with --benchmark_report_aggregates_only
            }
        }
        ConsoleReporter::ReportRuns(runs);
    }

    /** Mean items/second of a benchmark over its runs, or 0 when it did not run. */
    double rate(const std::string &name) const
    {
        const auto it = m_rates.find(name);
        if (it == m_rates.end())
            return 0.0;
        if (it->second.count > 0)
            return it->second.sum / it->second.count;
        return it->second.mean;
    }

private:
    struct Rate
    {
        double sum = 0;
        int count = 0;
        double mean = 0;
    };
    std::map<std::string, Rate> m_rates;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // the SQLite driver is a plugin; it needs an application
    QLoggingCategory::setFilterRules("humas.*.debug=false\nhumas.*.info=false"); // keep the table readable
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    const double repository = reporter.rate("BM_RepositoryInsert");
    const double raw = reporter.rate("BM_RawInsert");
    if (repository > 0 && raw > 0) {
        std::printf("\nrepository/raw insert ratio: %.2f (%.0f vs %.0f rows/s; target >= 0.50)\n", repository / raw,
                    repository, raw);
    }
    return 0;
}
