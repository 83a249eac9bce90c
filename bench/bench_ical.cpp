// iCalendar throughput (issue 3): writing and parsing an .ics of 10,000 agenda events with
// IcalWriter/IcalReader and, in the same run, with libical (Debian libical-dev) doing the same
// work: parsing the same file and reading every VEVENT's UID, DTSTART, DTEND (as UTC instants),
// SUMMARY, LOCATION and DESCRIPTION, and building the same calendar from the same events and
// serialising it. Without libical (pkg-config module "libical") only our figures are measured.
//
//   build/bench/bench_ical [--benchmark_repetitions=5]

#include "agenda/icalreader.h"
#include "agenda/icalwriter.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimeZone>

#include <benchmark/benchmark.h>

#ifdef HUMAS_HAVE_LIBICAL
#include <libical/ical.h>

#include <cstdlib>
#include <cstring>
#endif

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

#ifdef HUMAS_HAVE_LIBICAL

const char *const Tzid = "Asia/Makassar";
constexpr int WitaOffset = 8 * 3600;

/** A libical time from a date and, unless @p isDate, a wall-clock time. */
icaltimetype icalTime(const QDate &date, const QTime &time, bool isDate)
{
    icaltimetype t = isDate ? icaltime_null_date() : icaltime_null_time();
    t.year = date.year();
    t.month = date.month();
    t.day = date.day();
    if (!isDate) {
        t.hour = time.hour();
        t.minute = time.minute();
        t.second = time.second();
    }
    return t;
}

icalproperty *withTzid(icalproperty *property)
{
    icalproperty_add_parameter(property, icalparameter_new_tzid(Tzid));
    return property;
}

icalproperty *xProperty(const char *name, const QString &value)
{
    icalproperty *property = icalproperty_new_x(value.toUtf8().constData());
    icalproperty_set_x_name(property, name);
    return property;
}

/** The calendar IcalWriter::write() produces, built with libical from the same events. */
icalcomponent *buildCalendar(const QList<Humas::IcalEvent> &events)
{
    icalcomponent *calendar =
        icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_prodid("-//HumasDesk//HumasDesk Agenda//ID"),
                            icalproperty_new_version("2.0"), icalproperty_new_calscale("GREGORIAN"), nullptr);
    icalcomponent_add_component(calendar, icalcomponent_new_from_string("BEGIN:VTIMEZONE\r\nTZID:Asia/Makassar\r\n"
                                                                        "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                                                                        "TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\n"
                                                                        "TZNAME:WITA\r\nEND:STANDARD\r\n"
                                                                        "END:VTIMEZONE\r\n"));
    icaltimezone *utc = icaltimezone_get_utc_timezone();
    for (const Humas::IcalEvent &e : events) {
        icalcomponent *event = icalcomponent_new_vevent();
        icalcomponent_add_property(event, icalproperty_new_uid(e.uid.toUtf8().constData()));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
                                              time_t(e.dtstamp.toSecsSinceEpoch()), 0, utc)));
        if (e.allDay) {
            icalcomponent_add_property(event, icalproperty_new_dtstart(icalTime(e.firstDay(), {}, true)));
            icalcomponent_add_property(event, icalproperty_new_dtend(icalTime(e.lastDay().addDays(1), {}, true)));
        } else {
            const QDateTime start = e.start.toOffsetFromUtc(WitaOffset);
            const QDateTime end = e.end.toOffsetFromUtc(WitaOffset);
            icalcomponent_add_property(event,
                                       withTzid(icalproperty_new_dtstart(icalTime(start.date(), start.time(), false))));
            icalcomponent_add_property(event,
                                       withTzid(icalproperty_new_dtend(icalTime(end.date(), end.time(), false))));
        }
        icalcomponent_add_property(event, icalproperty_new_summary(e.summary.toUtf8().constData()));
        icalcomponent_add_property(event, icalproperty_new_location(e.location.toUtf8().constData()));
        icalcomponent_add_property(event, icalproperty_new_description(e.description.toUtf8().constData()));
        icalcomponent_add_property(event, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
        icalcomponent_add_property(event,
                                   icalproperty_new_class(e.isPublic() ? ICAL_CLASS_PUBLIC : ICAL_CLASS_PRIVATE));
        icalcomponent_add_property(event, xProperty("X-HUMAS-OFFICIALS", e.officials.join(',')));
        icalcomponent_add_property(event, xProperty("X-HUMAS-OPD", e.opd));
        icalcomponent_add_component(calendar, event);
    }
    return calendar;
}

qint64 utcSeconds(const icaltimetype &t)
{
    return qint64(icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone()));
}

void BM_LibicalWriteIcs(benchmark::State &state)
{
    const QList<Humas::IcalEvent> events = makeEvents(EventCount);
    qint64 bytes = 0;
    QByteArray last;
    for (auto _ : state) {
        icalcomponent *calendar = buildCalendar(events);
        char *text = icalcomponent_as_ical_string_r(calendar);
        bytes = qint64(std::strlen(text));
        benchmark::DoNotOptimize(text);
        if (last.isEmpty())
            last = QByteArray(text, bytes);
        std::free(text);
        icalcomponent_free(calendar);
    }
    // The same calendar: our reader finds every event in libical's output.
    QList<Humas::IcalEvent> back;
    QString error;
    if (!Humas::IcalReader(QTimeZone(WitaOffset)).parse(last, QDate(2026, 1, 1), QDate(2030, 12, 31), &back, &error) ||
        back.size() != EventCount)
        state.SkipWithError(qPrintable("libical's output is not the same calendar: " + error));
    state.SetItemsProcessed(state.iterations() * EventCount);
    state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_LibicalWriteIcs)->Unit(benchmark::kMillisecond);

/** libical's serialiser alone, on a tree it parsed once: its best case for writing. */
void BM_LibicalSerialiseParsedTree(benchmark::State &state)
{
    const QByteArray ics = Humas::IcalWriter::write(makeEvents(EventCount), "Asia/Makassar", false);
    icalcomponent *calendar = icalparser_parse_string(ics.constData());
    qint64 bytes = 0;
    for (auto _ : state) {
        char *text = icalcomponent_as_ical_string_r(calendar);
        bytes = qint64(std::strlen(text));
        benchmark::DoNotOptimize(text);
        std::free(text);
    }
    icalcomponent_free(calendar);
    state.SetItemsProcessed(state.iterations() * EventCount);
    state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_LibicalSerialiseParsedTree)->Unit(benchmark::kMillisecond);

void BM_LibicalParseIcs(benchmark::State &state)
{
    const QByteArray ics = Humas::IcalWriter::write(makeEvents(EventCount), "Asia/Makassar", false);
    for (auto _ : state) {
        icalcomponent *calendar = icalparser_parse_string(ics.constData());
        int count = 0;
        qint64 checksum = 0;
        for (icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
             event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
            checksum += utcSeconds(icalcomponent_get_dtstart(event));
            checksum += utcSeconds(icalcomponent_get_dtend(event));
            const char *texts[] = {icalcomponent_get_uid(event), icalcomponent_get_summary(event),
                                   icalcomponent_get_location(event), icalcomponent_get_description(event)};
            for (const char *text : texts)
                checksum += text ? text[0] : 0;
            ++count;
        }
        benchmark::DoNotOptimize(checksum);
        icalcomponent_free(calendar);
        if (count != EventCount) {
            state.SkipWithError("libical did not find every event");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * EventCount);
    state.SetBytesProcessed(state.iterations() * ics.size());
}
BENCHMARK(BM_LibicalParseIcs)->Unit(benchmark::kMillisecond);

#endif // HUMAS_HAVE_LIBICAL

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
