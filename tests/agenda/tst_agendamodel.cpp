// AgendaModel, AgendaFilterProxy and AgendaColorProxy (issue 3, "Views"): the item models
// every agenda view reads. A conflicting event carries ConflictRole, a text naming the clash
// and the conflict colour; filters by official, OPD, status, kecamatan and text.

#include "agenda/agendacolorproxy.h"
#include "agenda/agendafilterproxy.h"
#include "agenda/agendamodel.h"
#include "agenda/eventrepository.h"
#include "common/translations.h"
#include "master/referencerepositories.h"
#include "store/changewriter.h"
#include "store/database.h"

#include "agendatestdata.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using Status = EventSpan::Status;

namespace {
const QDate Day(2026, 11, 23); // a Monday
} // namespace

class TestAgendaModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rowsOfTheRange();
    void conflictRoles_data();
    void conflictRoles();
    void colourProxy();
    void describeNamesTheOtherEvent();
    void conflictsForDraft();
    void conflictsForDraftOutsideTheRange();
    void travelAcrossTheRangeEdge();
    void filters();
    void allDayRoles();
    void reloadAfterWrite();

private:
    QString id(const QString &table, const QString &field, const QString &value)
    {
        return m_data->id(table, field, value);
    }
    QString official(const QString &code) { return m_data->official(code); }
    QString venue(const QString &name, const QString &kecamatan) { return m_data->venue(name, kecamatan); }
    QString add(const QString &title, const QDate &day, const QString &from, const QString &to,
                const QStringList &codes, const QString &venueId, Status status = Status::Terjadwal,
                const QString &opd = QString())
    {
        return m_data->add(title, day, from, to, codes, venueId, status, opd);
    }
    EventRecord draft(const QDate &day, const QString &from, const QString &to, const QStringList &codes,
                      const QString &venueId)
    {
        return m_data->timed("Draft", day, from, to, codes, venueId);
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<HumasTest::AgendaTestData> m_data;
    std::unique_ptr<AgendaModel> m_model;
    QString m_aula;   // Ampibabo
    QString m_kantor; // Ampibabo
    QString m_pantai; // Parigi
};

void TestAgendaModel::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestAgendaModel::init()
{
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_data = std::make_unique<HumasTest::AgendaTestData>(m_db->db());
    m_aula = venue("Aula Ampibabo", "Ampibabo");
    m_kantor = venue("Kantor Camat Ampibabo", "Ampibabo");
    m_pantai = venue("Pantai Parigi", "Parigi");
    m_model = std::make_unique<AgendaModel>(m_db->db(), Actor::system());
}

void TestAgendaModel::cleanup()
{
    m_model.reset();
    m_data.reset();
    m_db.reset();
}

void TestAgendaModel::rowsOfTheRange()
{
    const QString inside = add("Rapat", Day, "08:00", "10:00", {"BUPATI"}, m_aula);
    add("Minggu lalu", Day.addDays(-7), "08:00", "10:00", {"BUPATI"}, m_aula);
    add("Minggu depan", Day.addDays(7), "08:00", "10:00", {"BUPATI"}, m_aula);
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reloaded(m_model.get(), &AgendaModel::reloaded);
    m_model->setRange(Day, Day.addDays(6));
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->columnCount(), int(AgendaModel::ColumnCount));
    const QModelIndex i = m_model->index(0, 0);
    QCOMPARE(i.data(AgendaModel::IdRole).toString(), inside);
    QCOMPARE(i.data(AgendaModel::TitleRole).toString(), QString("Rapat"));
    QCOMPARE(i.data(AgendaModel::StartRole).toDateTime().time(), QTime(8, 0));
    QCOMPARE(i.data(AgendaModel::StartRole).toDateTime().offsetFromUtc(), 8 * 3600);
    QCOMPARE(i.data(AgendaModel::FirstDateRole).toDate(), Day);
    QCOMPARE(i.data(AgendaModel::LastDateRole).toDate(), Day);
    QCOMPARE(i.data(AgendaModel::VenueNameRole).toString(), QString("Aula Ampibabo"));
    QCOMPARE(i.data(AgendaModel::KecamatanNameRole).toString(), QString("Ampibabo"));
    QCOMPARE(i.data(AgendaModel::OfficialIdsRole).toStringList(), QStringList{official("BUPATI")});
    QCOMPARE(i.data(AgendaModel::ConflictRole).toBool(), false);
    QCOMPARE(m_model->index(0, AgendaModel::OfficialsColumn).data().toString(), QString("Bupati"));
    QCOMPARE(m_model->rowOf(inside), 0);
    QCOMPARE(m_model->record(0).title, QString("Rapat"));
}

void TestAgendaModel::conflictRoles_data()
{
    QTest::addColumn<QString>("secondFrom");
    QTest::addColumn<QString>("secondTo");
    QTest::addColumn<QStringList>("secondOfficials");
    QTest::addColumn<QString>("secondVenue");
    QTest::addColumn<int>("secondStatus");
    QTest::addColumn<QStringList>("kinds");

    QTest::newRow("official overlap") << "09:00"
                                      << "11:00" << QStringList{"BUPATI"} << "kantor" << int(Status::Terjadwal)
                                      << QStringList{"official"};
    QTest::newRow("venue overlap") << "09:00"
                                   << "11:00" << QStringList{"SEKDA"} << "aula" << int(Status::Terjadwal)
                                   << QStringList{"venue"};
    QTest::newRow("both") << "09:00"
                          << "11:00" << QStringList{"BUPATI"} << "aula" << int(Status::Terjadwal)
                          << QStringList{"official", "venue"};
    QTest::newRow("touching ends") << "10:00"
                                   << "11:00" << QStringList{"BUPATI"} << "aula" << int(Status::Terjadwal)
                                   << QStringList{};
    QTest::newRow("travel to Parigi") << "10:30"
                                      << "11:00" << QStringList{"BUPATI"} << "pantai" << int(Status::Terjadwal)
                                      << QStringList{"travel"};
    QTest::newRow("same kecamatan in time")
        << "10:15"
        << "11:00" << QStringList{"BUPATI"} << "kantor" << int(Status::Terjadwal) << QStringList{};
    QTest::newRow("cancelled never clashes")
        << "09:00"
        << "11:00" << QStringList{"BUPATI"} << "aula" << int(Status::Dibatalkan) << QStringList{};
}

void TestAgendaModel::conflictRoles()
{
    QFETCH(QString, secondFrom);
    QFETCH(QString, secondTo);
    QFETCH(QStringList, secondOfficials);
    QFETCH(QString, secondVenue);
    QFETCH(int, secondStatus);
    QFETCH(QStringList, kinds);
    const QHash<QString, QString> venues{{"aula", m_aula}, {"kantor", m_kantor}, {"pantai", m_pantai}};

    const QString first = add("Rapat", Day, "08:00", "10:00", {"BUPATI"}, m_aula);
    const QString second =
        add("Kunjungan", Day, secondFrom, secondTo, secondOfficials, venues.value(secondVenue), Status(secondStatus));
    m_model->setRange(Day, Day);
    QCOMPARE(m_model->rowCount(), 2);
    for (const QString &eventId : {first, second}) {
        const QModelIndex i = m_model->index(m_model->rowOf(eventId), 0);
        QCOMPARE(i.data(AgendaModel::ConflictRole).toBool(), !kinds.isEmpty());
        QStringList found = i.data(AgendaModel::ConflictKindsRole).toStringList();
        found.sort();
        QCOMPARE(found, kinds);
        QCOMPARE(i.data(AgendaModel::ConflictTextRole).toString().isEmpty(), kinds.isEmpty());
        QCOMPARE(m_model->conflictsOf(eventId).size(), kinds.size());
    }
    QCOMPARE(m_model->conflicts().size(), kinds.size());
}

void TestAgendaModel::colourProxy()
{
    const QString first = add("Rapat", Day, "08:00", "10:00", {"BUPATI"}, m_aula);
    const QString second = add("Kunjungan", Day, "09:00", "11:00", {"BUPATI"}, m_pantai);
    const QString calm = add("Senam", Day, "13:00", "14:00", {"SEKDA"}, m_kantor, Status::Diajukan);
    m_model->setRange(Day, Day);
    AgendaFilterProxy filter;
    filter.setSourceModel(m_model.get());
    AgendaColorProxy colours;
    colours.setSourceModel(&filter);
    QAbstractItemModelTester tester(&colours, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(colours.rowCount(), 3);
    QHash<QString, QModelIndex> byId;
    for (int row = 0; row < colours.rowCount(); ++row)
        byId.insert(colours.index(row, 0).data(AgendaModel::IdRole).toString(), colours.index(row, 0));
    QCOMPARE(byId.value(first).data(Qt::BackgroundRole).value<QColor>(), AgendaModel::conflictColor());
    QCOMPARE(byId.value(second).data(Qt::BackgroundRole).value<QColor>(), AgendaModel::conflictColor());
    QCOMPARE(byId.value(calm).data(Qt::BackgroundRole).value<QColor>(),
             AgendaModel::statusColor(int(Status::Diajukan)));
    QVERIFY(AgendaModel::statusColor(int(Status::Diajukan)) != AgendaModel::conflictColor());
    QVERIFY(byId.value(first).data(Qt::ToolTipRole).toString().contains("Kunjungan"));
    QVERIFY(!byId.value(calm).data(Qt::ToolTipRole).toString().contains("Rapat"));
    // The filter proxy sorts by start.
    QCOMPARE(colours.index(0, 0).data(AgendaModel::IdRole).toString(), first);
    QCOMPARE(colours.index(2, 0).data(AgendaModel::IdRole).toString(), calm);
}

void TestAgendaModel::describeNamesTheOtherEvent()
{
    Translations::setLanguage(QStringLiteral("id"));
    const QString first = add("Rapat koordinasi", Day, "08:00", "10:00", {"BUPATI"}, m_aula);
    const QString second = add("Kunjungan kerja", Day, "09:00", "11:00", {"BUPATI"}, m_kantor);
    m_model->setRange(Day, Day);
    const QString text = m_model->index(m_model->rowOf(first), 0).data(AgendaModel::ConflictTextRole).toString();
    QVERIFY2(text.contains("Bupati"), qPrintable(text));
    QVERIFY2(text.contains("Kunjungan kerja"), qPrintable(text));
    QVERIFY2(text.contains("09.00"), qPrintable(text));
    QVERIFY2(text.contains("Bentrok pejabat"), qPrintable(text));
    const QString back = m_model->index(m_model->rowOf(second), 0).data(AgendaModel::ConflictTextRole).toString();
    QVERIFY2(back.contains("Rapat koordinasi"), qPrintable(back));
    Translations::setLanguage(QStringLiteral("en"));
}

void TestAgendaModel::conflictsForDraft()
{
    const QString stored = add("Rapat", Day, "08:00", "10:00", {"BUPATI"}, m_aula);
    m_model->setRange(Day, Day.addDays(6));
    QList<Conflict> clashes = m_model->conflictsFor(draft(Day, "09:00", "09:30", {"BUPATI"}, m_kantor));
    QCOMPARE(clashes.size(), 1);
    QCOMPARE(clashes.first().kind, Conflict::Kind::Official);
    QVERIFY(clashes.first().first == stored || clashes.first().second == stored);
    QVERIFY(m_model->conflictsFor(draft(Day, "10:15", "11:00", {"BUPATI"}, m_kantor)).isEmpty());
    QCOMPARE(m_model->conflictsFor(draft(Day, "10:15", "11:00", {"BUPATI"}, m_pantai)).size(), 1); // travel
    // Its own stored version never clashes with an edited copy.
    EventRecord self = m_model->record(0);
    self.end = self.end.addSecs(1800);
    QVERIFY(m_model->conflictsFor(self).isEmpty());
}

void TestAgendaModel::conflictsForDraftOutsideTheRange()
{
    const QDate later = Day.addDays(60);
    add("Rapat nanti", later, "08:00", "10:00", {"WABUP"}, m_aula);
    m_model->setRange(Day, Day);
    QCOMPARE(m_model->conflictsFor(draft(later, "09:00", "11:00", {"WABUP"}, m_kantor)).size(), 1);
    QVERIFY(m_model->conflictsFor(draft(later, "09:00", "11:00", {"SEKDA"}, m_kantor)).isEmpty());
}

void TestAgendaModel::travelAcrossTheRangeEdge()
{
    // 23.30–24.00 the day before in Parigi, 00.15 in Ampibabo: a travel clash touching the range.
    const QString before = add("Malam", Day.addDays(-1), "23:00", "23:45", {"BUPATI"}, m_pantai);
    const QString inside = add("Dini hari", Day, "00:15", "01:00", {"BUPATI"}, m_aula);
    m_model->setRange(Day, Day);
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_model->index(0, 0).data(AgendaModel::ConflictRole).toBool());
    QCOMPARE(m_model->conflictsOf(inside).size(), 1);
    QCOMPARE(m_model->loadedRecord(before).title, QString("Malam"));
}

void TestAgendaModel::filters()
{
    const QString bupati = add("Rapat", Day, "08:00", "10:00", {"BUPATI"}, m_aula, Status::Terjadwal, "SETDA");
    const QString sekda = add("Senam", Day, "13:00", "14:00", {"SEKDA"}, m_pantai, Status::Diajukan);
    const QString clash = add("Kunjungan", Day, "09:00", "09:30", {"BUPATI"}, m_kantor);
    m_model->setRange(Day, Day);
    AgendaFilterProxy proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto ids = [&proxy] {
        QStringList out;
        for (int row = 0; row < proxy.rowCount(); ++row)
            out << proxy.index(row, 0).data(AgendaModel::IdRole).toString();
        out.sort();
        return out;
    };
    auto sorted = [](QStringList l) {
        l.sort();
        return l;
    };
    QVERIFY(!proxy.isFiltering());
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setOfficialId(official("SEKDA"));
    QCOMPARE(ids(), QStringList{sekda});
    proxy.setOfficialId({});
    proxy.setStatus(int(Status::Diajukan));
    QCOMPARE(ids(), QStringList{sekda});
    proxy.setStatus(-1);
    proxy.setOpdId(id("opd", "code", "SETDA"));
    QCOMPARE(ids(), QStringList{bupati});
    proxy.setOpdId({});
    proxy.setKecamatanId(id("kecamatan", "name", "Ampibabo"));
    QCOMPARE(ids(), sorted({bupati, clash}));
    proxy.setKecamatanId({});
    proxy.setText("pantai");
    QCOMPARE(ids(), QStringList{sekda});
    proxy.setText({});
    proxy.setOnlyConflicts(true);
    QCOMPARE(ids(), sorted({bupati, clash}));
    QVERIFY(proxy.isFiltering());
    proxy.setOnlyConflicts(false);
    QCOMPARE(proxy.rowCount(), 3);
}

void TestAgendaModel::allDayRoles()
{
    EventRepository repo(m_db->db(), Actor::system());
    EventRecord e;
    e.title = "Pameran";
    e.allDay = true;
    e.firstDate = Day;
    e.lastDate = Day.addDays(2);
    e.officialsRequested << official("WABUP");
    e.venueId = m_aula;
    e.status = Status::Terjadwal;
    QString error;
    QVERIFY2(repo.add(&e, &error), qPrintable(error));
    const QString timed = add("Rapat", Day.addDays(1), "08:00", "09:00", {"WABUP"}, m_kantor);
    m_model->setRange(Day.addDays(1), Day.addDays(1));
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex i = m_model->index(m_model->rowOf(e.id), 0);
    QVERIFY(i.data(AgendaModel::AllDayRole).toBool());
    QCOMPARE(i.data(AgendaModel::FirstDateRole).toDate(), Day);
    QCOMPARE(i.data(AgendaModel::LastDateRole).toDate(), Day.addDays(2));
    QCOMPARE(i.data(AgendaModel::StartRole).toDateTime().time(), QTime(0, 0));
    // A multi-day event blocks its official on every day.
    QVERIFY(m_model->index(m_model->rowOf(timed), 0).data(AgendaModel::ConflictRole).toBool());
}

void TestAgendaModel::reloadAfterWrite()
{
    // No reload(): the model follows the store's change feed, whoever wrote the rows.
    m_model->setRange(Day, Day);
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 0);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reloaded(m_model.get(), &AgendaModel::reloaded);
    const QString rapat = add("Rapat", Day, "08:00", "10:00", {"BUPATI"}, m_aula);
    QCOMPARE(reset.count(), 1); // a row came: the views rebuild
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(reloaded.count(), 1);

    // A patch through the repository: the same row, refreshed in place (selection survives).
    EventRepository repo(m_db->db(), Actor::system());
    const EventRecord started = repo.get(rapat);
    EventRecord edited = started;
    edited.title = "Rapat koordinasi";
    QString error;
    QVERIFY2(repo.update(started, edited, &error), qPrintable(error));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->index(0, 0).data(AgendaModel::TitleRole).toString(), QString("Rapat koordinasi"));

    // A clash arriving from another writer (as sync would) marks the shown row.
    add("Kunjungan", Day, "09:00", "11:00", {"BUPATI"}, m_pantai);
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->index(m_model->rowOf(rapat), 0).data(AgendaModel::ConflictRole).toBool());

    // A venue rename (reference data) refreshes the names shown.
    QVERIFY2(m_db->db().writer().update("test", "venues", m_aula, {{"name", "Aula Baru"}}, &error), qPrintable(error));
    QCOMPARE(m_model->index(m_model->rowOf(rapat), 0).data(AgendaModel::VenueNameRole).toString(), QString("Aula Baru"));
}

QTEST_GUILESS_MAIN(TestAgendaModel)
#include "tst_agendamodel.moc"
