// The write contract for the agenda (issue 9, part 1): edits are patches of the changed fields
// against the values the user started from, a field changed underneath is refused with both
// values, undo writes back only what it wrote, and AgendaService keeps a new venue and its
// event in one transaction.

#include "agenda/agendaservice.h"
#include "agenda/eventrepository.h"
#include "store/changewriter.h"
#include "store/database.h"

#include "agendatestdata.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using Status = EventSpan::Status;

namespace {
const QDate Day(2026, 11, 23); // a Monday
} // namespace

class TestAgendaService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void init();
    void cleanup();

    void staleTitleSaveKeepsColleaguesFields();
    void sameFieldEditIsRefusedWithBothValues();
    void undoKeepsColleaguesOtherField();
    void undoOfAFieldChangedSinceIsRefused();
    void moveWritesOnlyTheTimes();
    void statusAndDelegationTouchOnlyTheirFields();
    void newVenueAndEventAreOneTransaction();
    void clashIsConfirmedBeforeWriting();

private:
    QString addRapat()
    {
        EventRecord e = m_data->timed("Rapat koordinasi", Day, "08:00", "10:00", {"BUPATI"}, m_aula);
        e.notes = "lama";
        return m_data->add(e);
    }
    /** A colleague at another desk changes fields of @p id (a patch from the stored version). */
    void colleagueSets(const QString &id, const std::function<void(EventRecord *)> &change)
    {
        EventRepository colleague(m_db->db(), m_colleague);
        const EventRecord started = colleague.get(id);
        EventRecord edited = started;
        change(&edited);
        QString error;
        QVERIFY2(colleague.update(started, edited, &error), qPrintable(error));
    }
    int outbox() { return m_db->count("outbox", "entity = 'events'"); }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<HumasTest::AgendaTestData> m_data;
    Actor m_colleague;
    QString m_aula;
};

void TestAgendaService::init()
{
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_data = std::make_unique<HumasTest::AgendaTestData>(m_db->db());
    m_colleague = m_db->addUser("rina", "protokol");
    m_aula = m_data->venue("Aula Ampibabo", "Ampibabo");
}

void TestAgendaService::cleanup()
{
    ChangeWriter::setFaultHook({});
    m_data.reset();
    m_db.reset();
}

void TestAgendaService::staleTitleSaveKeepsColleaguesFields()
{
    const QString id = addRapat();
    EventRepository repo(m_db->db(), Actor::system());
    const EventRecord opened = repo.get(id); // the editor opens
    colleagueSets(id, [](EventRecord *e) {
        e->notes = "Bawa undangan asli";
        e->dressCode = "PDH";
    });
    EventRecord edited = opened; // the stale copy, with a new title
    edited.title = "Rapat koordinasi (diubah)";
    AgendaService service(m_db->db(), Actor::system());
    const AgendaService::SaveResult result = service.save(opened, edited, {}, nullptr);
    QVERIFY2(result.isSaved(), qPrintable(result.error));

    const EventRecord stored = repo.get(id);
    QCOMPARE(stored.title, QString("Rapat koordinasi (diubah)"));
    QCOMPARE(stored.notes, QString("Bawa undangan asli"));
    QCOMPARE(stored.dressCode, QString("PDH"));
    // The outbox entry of the save carries the title only: no "notes" edit that looks deliberate.
    QCOMPARE(result.change.patch.after.keys(), QStringList{"title"});
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec("SELECT changes FROM outbox WHERE entity = 'events' ORDER BY rowid DESC LIMIT 1") && q.next());
    QVERIFY2(!q.value(0).toString().contains("notes"), qPrintable(q.value(0).toString()));
    QVERIFY(!q.value(0).toString().contains("dress_code"));
}

void TestAgendaService::sameFieldEditIsRefusedWithBothValues()
{
    const QString id = addRapat();
    EventRepository repo(m_db->db(), Actor::system());
    const EventRecord opened = repo.get(id);
    colleagueSets(id, [](EventRecord *e) { e->notes = "Bawa undangan asli"; });
    const int entries = outbox();

    EventRecord edited = opened;
    edited.notes = "Jemput di bandara";
    edited.title = "Rapat (baru)";
    AgendaService service(m_db->db(), Actor::system());
    const AgendaService::SaveResult result = service.save(opened, edited, {}, nullptr);
    QCOMPARE(result.outcome, AgendaService::Outcome::Refused);
    QCOMPARE(result.stale.size(), 1);
    QCOMPARE(result.stale.first().field, QString("notes"));
    QCOMPARE(result.stale.first().current.toString(), QString("Bawa undangan asli"));
    QVERIFY2(result.error.contains("Bawa undangan asli"), qPrintable(result.error));
    QVERIFY2(result.error.contains("Jemput di bandara"), qPrintable(result.error));
    QVERIFY2(result.error.contains("\"lama\""), qPrintable(result.error));
    // Nothing of the refused save is written, not even the title that nobody else touched.
    QCOMPARE(repo.get(id).title, QString("Rapat koordinasi"));
    QCOMPARE(repo.get(id).notes, QString("Bawa undangan asli"));
    QCOMPARE(outbox(), entries);
}

void TestAgendaService::undoKeepsColleaguesOtherField()
{
    const QString id = addRapat();
    AgendaService service(m_db->db(), Actor::system());
    const EventRecord opened = service.repository().get(id);
    EventRecord edited = opened;
    edited.title = "Rapat (baru)";
    const AgendaService::SaveResult result = service.save(opened, edited, {}, nullptr);
    QVERIFY2(result.isSaved(), qPrintable(result.error));
    colleagueSets(id, [](EventRecord *e) { e->notes = "Bawa undangan asli"; });

    QString error;
    QVERIFY2(service.undo(result.change, &error), qPrintable(error));
    EventRecord stored = service.repository().get(id);
    QCOMPARE(stored.title, QString("Rapat koordinasi"));
    QCOMPARE(stored.notes, QString("Bawa undangan asli"));
    QVERIFY2(service.redo(result.change, &error), qPrintable(error));
    stored = service.repository().get(id);
    QCOMPARE(stored.title, QString("Rapat (baru)"));
    QCOMPARE(stored.notes, QString("Bawa undangan asli"));
}

void TestAgendaService::undoOfAFieldChangedSinceIsRefused()
{
    const QString id = addRapat();
    AgendaService service(m_db->db(), Actor::system());
    const EventRecord opened = service.repository().get(id);
    EventRecord edited = opened;
    edited.notes = "catatan saya";
    const AgendaService::SaveResult result = service.save(opened, edited, {}, nullptr);
    QVERIFY2(result.isSaved(), qPrintable(result.error));
    colleagueSets(id, [](EventRecord *e) { e->notes = "catatan rekan"; });
    QString error;
    QVERIFY(!service.undo(result.change, &error));
    QVERIFY2(error.contains("catatan rekan") && error.contains("catatan saya"), qPrintable(error));
    QCOMPARE(service.repository().get(id).notes, QString("catatan rekan"));
}

void TestAgendaService::moveWritesOnlyTheTimes()
{
    const QString id = addRapat();
    AgendaService service(m_db->db(), Actor::system());
    const EventRecord grid = service.repository().get(id); // what the time grid shows
    colleagueSets(id, [](EventRecord *e) {
        e->title = "Rapat koordinasi daerah";
        e->notes = "Bawa undangan asli";
    });
    const QDateTime start = grid.start.addSecs(3 * 3600);
    const AgendaService::SaveResult result = service.move(grid, start, start.addSecs(3600), nullptr);
    QVERIFY2(result.isSaved(), qPrintable(result.error));
    QCOMPARE(result.change.kind, EventChange::Kind::Move);
    const EventRecord stored = service.repository().get(id);
    QCOMPARE(stored.start, start);
    QCOMPARE(stored.title, QString("Rapat koordinasi daerah"));
    QCOMPARE(stored.notes, QString("Bawa undangan asli"));
    QString error;
    QVERIFY2(service.undo(result.change, &error), qPrintable(error));
    QCOMPARE(service.repository().get(id).start, grid.start);
    QCOMPARE(service.repository().get(id).title, QString("Rapat koordinasi daerah"));
}

void TestAgendaService::statusAndDelegationTouchOnlyTheirFields()
{
    const QString id = addRapat();
    EventRepository repo(m_db->db(), Actor::system());
    QString error;
    QVERIFY2(repo.setStatus(id, Status::Ditunda, &error), qPrintable(error));
    QVERIFY2(repo.delegate(id, m_data->official("BUPATI"), m_data->official("WABUP"), &error), qPrintable(error));
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec("SELECT changes FROM outbox WHERE entity = 'events' ORDER BY rowid"));
    QStringList changes;
    while (q.next())
        changes << q.value(0).toString();
    QCOMPARE(changes.size(), 3);
    QVERIFY2(changes.at(1).startsWith("{\"status\":") && !changes.at(1).contains("title"), qPrintable(changes.at(1)));
    QVERIFY2(changes.at(2).startsWith("{\"officials_attending\":") && !changes.at(2).contains("status"),
             qPrintable(changes.at(2)));
}

void TestAgendaService::newVenueAndEventAreOneTransaction()
{
    const QString kecamatan = m_data->id("kecamatan", "name", "Parigi");
    const int venues = m_db->count("venues");
    const int entries = m_db->count("outbox");
    AgendaService service(m_db->db(), Actor::system());
    EventRecord e = m_data->timed("Peresmian pasar", Day, "13:00", "14:00", {"BUPATI"}, QString());
    // The event's write fails after the venue was written: neither may remain.
    int writes = 0;
    ChangeWriter::setFaultHook([&writes](ChangeWriter::FaultPoint point) {
        return point == ChangeWriter::FaultPoint::AfterOutboxWrite && ++writes == 2;
    });
    const AgendaService::SaveResult failed = service.save({}, e, NewVenue{"Pasar Sentral", kecamatan}, nullptr);
    ChangeWriter::setFaultHook({});
    QCOMPARE(failed.outcome, AgendaService::Outcome::Refused);
    QCOMPARE(writes, 2);
    QCOMPARE(m_db->count("venues"), venues);
    QCOMPARE(m_db->count("events"), 0);
    QCOMPARE(m_db->count("outbox"), entries);

    const AgendaService::SaveResult saved = service.save({}, e, NewVenue{"Pasar Sentral", kecamatan}, nullptr);
    QVERIFY2(saved.isSaved(), qPrintable(saved.error));
    QVERIFY(saved.venueAdded);
    QCOMPARE(m_db->count("venues"), venues + 1);
    QCOMPARE(saved.after.title, QString("Peresmian pasar"));
    QVERIFY(!saved.after.venueId.isEmpty());
    // The same name again picks the venue that exists.
    e.title = "Rapat pedagang";
    e.start = e.start.addDays(1);
    e.end = e.end.addDays(1);
    const AgendaService::SaveResult again = service.save({}, e, NewVenue{"pasar sentral", kecamatan}, nullptr);
    QVERIFY2(again.isSaved(), qPrintable(again.error));
    QVERIFY(!again.venueAdded);
    QCOMPARE(again.after.venueId, saved.after.venueId);
}

void TestAgendaService::clashIsConfirmedBeforeWriting()
{
    addRapat();
    AgendaService service(m_db->db(), Actor::system());
    const EventRecord e = m_data->timed("Kunjungan", Day, "09:00", "11:00", {"BUPATI"}, QString());
    int asked = 0;
    const AgendaService::SaveResult declined = service.save({}, e, {}, [&asked](const QList<Conflict> &clashes) {
        ++asked;
        return clashes.isEmpty();
    });
    QCOMPARE(declined.outcome, AgendaService::Outcome::Declined);
    QCOMPARE(asked, 1);
    QCOMPARE(m_db->count("events"), 1);
    const AgendaService::SaveResult saved = service.save({}, e, {}, [](const QList<Conflict> &) { return true; });
    QVERIFY2(saved.isSaved(), qPrintable(saved.error));
    QCOMPARE(saved.change.kind, EventChange::Kind::Add);
    QCOMPARE(m_db->count("events"), 2);
    // An invalid draft is refused before anyone is asked.
    EventRecord invalid = e;
    invalid.title.clear();
    asked = 0;
    const AgendaService::SaveResult refused = service.save({}, invalid, {}, [&asked](const QList<Conflict> &) {
        ++asked;
        return true;
    });
    QCOMPARE(refused.outcome, AgendaService::Outcome::Refused);
    QCOMPARE(asked, 0);
}

QTEST_GUILESS_MAIN(TestAgendaService)
#include "tst_agendaservice.moc"
