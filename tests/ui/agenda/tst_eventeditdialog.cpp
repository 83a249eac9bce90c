// EventEditDialog (issue 3, "Event editor"): every field of an event, the live conflict panel,
// "Find free time", confirmation before saving a clash, the opd role's limits, the
// invitation scan as a blob, and refused input that writes nothing. Offscreen, on a real
// seeded database with the real AgendaModel.

#include "agenda/agendamodel.h"
#include "agenda/eventeditdialog.h"
#include "agenda/eventform.h"
#include "agenda/eventformofficials.h"
#include "agenda/eventrepository.h"
#include "agenda/freeslotpopup.h"
#include "common/messagebox.h"
#include "master/referencerepositories.h"
#include "store/blobstore.h"

#include "mockclock.h"
#include "settings/appsettings.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using HumasUi::EventEditDialog;
using HumasUi::EventForm;
using HumasUi::EventFormOfficials;
using HumasUi::MessageBox;
using Status = EventSpan::Status;

namespace {
const QDate Monday(2026, 11, 23);
} // namespace

class TestEventEditDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fillingTheFormStoresEveryField();
    void attachingAScanStoresABlob();
    void openingTheScanWritesATemporaryCopy();
    void liveConflictPanel();
    void clashingSaveAsksFirst();
    void freeTimeSkipsClashesWeekendsAndHolidays();
    void freeTimeFollowsTheWorkingHoursSetting();
    void opdRoleCannotChangeStatusOrOpd();
    void invalidInputWritesNothing_data();
    void invalidInputWritesNothing();
    void newVenueIsAddedToItsKecamatan();
    void editingKeepsRequestedAndAttending();
    void representatives_data();
    void representatives();
    void keyboard();
    void staleEditorKeepsColleaguesFields();
    void refusedSaveShowsBothValuesAndStaysOpen();

private:
    void openModel(const Actor &actor);
    std::unique_ptr<EventEditDialog> openDialog(const EventRecord &event = EventRecord());
    QString id(const QString &table, const QString &field, const QString &value);
    QString official(const QString &code) { return id("officials", "code", code); }
    QString venue(const QString &name, const QString &kecamatan);
    QString add(const QString &title, const QDate &day, const QTime &from, const QTime &to, const QStringList &codes,
                const QString &venueId = QString());
    QDateTime local(const QDate &day, const QTime &time) const { return QDateTime(day, time, Qt::UTC); }
    QDateTime utc(const QDate &day, const QTime &time) const { return m_model->repository().localToUtc(day, time); }
    int eventCount() { return m_db->count("events", "deleted = 0"); }

    template <typename T> static T *child(QWidget *parent, const QString &name)
    {
        T *w = parent->findChild<T *>(name);
        if (!w)
            qWarning() << "no widget" << name;
        return w;
    }

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AgendaModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    Actor m_admin;
    QString m_aula; // Parigi
};

void TestEventEditDialog::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestEventEditDialog::init()
{
    // Friday 20 November 2026, 08.00 WITA.
    m_clock = std::make_unique<HumasTest::MockClock>(QDateTime(QDate(2026, 11, 20), QTime(0, 0), Qt::UTC));
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_admin = m_db->addUser("admin1", "admin");
    m_aula = venue("Aula Kantor Bupati", "Parigi");
    QVERIFY(!m_aula.isEmpty());
    openModel(m_admin);
}

void TestEventEditDialog::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_db.reset();
    m_clock.reset();
}

void TestEventEditDialog::openModel(const Actor &actor)
{
    m_tester.reset();
    m_model = std::make_unique<AgendaModel>(m_db->db(), actor);
    m_model->setRange(Monday, Monday.addDays(6));
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

std::unique_ptr<EventEditDialog> TestEventEditDialog::openDialog(const EventRecord &event)
{
    auto dialog = std::make_unique<EventEditDialog>(m_db->db(), m_model.get());
    dialog->setEvent(event);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        return nullptr;
    return dialog;
}

QString TestEventEditDialog::id(const QString &table, const QString &field, const QString &value)
{
    QSqlQuery q(m_db->db().connection());
    q.prepare("SELECT id FROM " + table + " WHERE deleted = 0 AND " + field + " = ?");
    q.addBindValue(value);
    if (!q.exec() || !q.next())
        qWarning() << "no" << table << value;
    return q.value(0).toString();
}

QString TestEventEditDialog::venue(const QString &name, const QString &kecamatan)
{
    VenueRepository venues(m_db->db(), Actor::system());
    QString venueId;
    QString error;
    if (!venues.insert({{"name", name}, {"kecamatan_id", id("kecamatan", "name", kecamatan)}}, &venueId, &error))
        qWarning() << "venue:" << error;
    return venueId;
}

QString TestEventEditDialog::add(const QString &title, const QDate &day, const QTime &from, const QTime &to,
                                 const QStringList &codes, const QString &venueId)
{
    EventRepository repo(m_db->db(), Actor::system());
    EventRecord e;
    e.title = title;
    e.start = repo.localToUtc(day, from);
    e.end = repo.localToUtc(day, to);
    for (const QString &code : codes)
        e.officialsRequested << official(code);
    e.venueId = venueId;
    e.status = Status::Terjadwal;
    QString error;
    if (!repo.add(&e, &error))
        qWarning() << "add:" << error;
    m_model->reload();
    return e.id;
}

void TestEventEditDialog::fillingTheFormStoresEveryField()
{
    auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy saved(dialog.get(), &EventEditDialog::eventSaved);

    QTest::keyClicks(child<QLineEdit>(dialog.get(), "titleEdit"), "Pembukaan MTQ Kabupaten");
    auto *opd = child<QComboBox>(dialog.get(), "opdCombo");
    QVERIFY(opd->count() > 2);
    opd->setCurrentIndex(2);
    const QString opdId = opd->currentData().toString();
    QVERIFY(!opdId.isEmpty());
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "picNameEdit"), "Hj. Nurlela");
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "picPhoneEdit"), "0812 4455 6677");
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "letterNumberEdit"), "005/123/Kesra");
    child<QCheckBox>(dialog.get(), "letterDatedCheck")->setChecked(true);
    child<QDateEdit>(dialog.get(), "letterDateEdit")->setDate(QDate(2026, 11, 10));

    EventFormOfficials *officials = dialog->form()->officials();
    officials->setRequested(official("BUPATI"), true);
    officials->setRequested(official("SEKDA"), true);
    child<QComboBox>(dialog.get(), "representative_SEKDA")
        ->setCurrentIndex(child<QComboBox>(dialog.get(), "representative_SEKDA")->findData(official("ASISTEN1")));

    auto *venue = child<QComboBox>(dialog.get(), "venueCombo");
    const int aula = venue->findData(m_aula);
    QVERIFY(aula > 0);
    venue->setCurrentIndex(aula);
    Q_EMIT venue->activated(aula); // what picking it in the list does
    QCOMPARE(child<QComboBox>(dialog.get(), "kecamatanCombo")->currentText(), QString("Parigi"));

    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(Monday, QTime(13, 0)));
    child<QDateTimeEdit>(dialog.get(), "endEdit")->setDateTime(local(Monday, QTime(15, 30)));
    auto *status = child<QComboBox>(dialog.get(), "statusCombo");
    status->setCurrentIndex(status->findData(int(Status::Terjadwal)));
    child<QComboBox>(dialog.get(), "dressCodeCombo")->setCurrentText("PDU");
    child<QCheckBox>(dialog.get(), "speechCheck")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "staffEdit"), "Andi (protokol), Rina (dokumentasi)");
    QTest::keyClicks(child<QPlainTextEdit>(dialog.get(), "notesEdit"), "Sambutan disiapkan Bagian Kesra");
    child<QCheckBox>(dialog.get(), "publicCheck")->setChecked(false);

    QTemporaryDir dir;
    const QString scanPath = dir.filePath("undangan.pdf");
    const QByteArray scan = "%PDF-1.4\n% undangan MTQ\n";
    {
        QFile f(scanPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(scan);
    }
    QVERIFY(dialog->attachFile(scanPath));

    QTest::keyClick(dialog.get(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(dialog->errorText(), QString());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));

    const QList<EventRecord> stored =
        m_model->repository().eventsBetween(utc(Monday, QTime(0, 0)), utc(Monday.addDays(1), QTime(0, 0)));
    QCOMPARE(stored.size(), 1);
    const EventRecord &e = stored.constFirst();
    QCOMPARE(e.title, QString("Pembukaan MTQ Kabupaten"));
    QCOMPARE(e.opdId, opdId);
    QCOMPARE(e.picName, QString("Hj. Nurlela"));
    QCOMPARE(e.picPhone, QString("0812 4455 6677"));
    QCOMPARE(e.letterNumber, QString("005/123/Kesra"));
    QCOMPARE(e.letterDate, QDate(2026, 11, 10));
    QCOMPARE(e.letterBlob, BlobStore::hashOf(scan));
    QCOMPARE(e.officialsRequested, QStringList({official("BUPATI"), official("SEKDA")}));
    QCOMPARE(e.attending(), QStringList({official("BUPATI"), official("ASISTEN1")}));
    QCOMPARE(e.venueId, m_aula);
    QCOMPARE(e.start, utc(Monday, QTime(13, 0)));
    QCOMPARE(e.end, utc(Monday, QTime(15, 30)));
    QVERIFY(!e.allDay);
    QCOMPARE(e.status, Status::Terjadwal);
    QCOMPARE(e.dressCode, QString("PDU"));
    QVERIFY(e.speechNeeded);
    QCOMPARE(e.staff, QString("Andi (protokol), Rina (dokumentasi)"));
    QCOMPARE(e.notes, QString("Sambutan disiapkan Bagian Kesra"));
    QVERIFY(!e.isPublic);

    const QList<QVariant> args = saved.constFirst();
    QCOMPARE(args.at(0).toString(), e.id);
    QVERIFY(!args.at(1).value<EventRecord>().isValid());
    QCOMPARE(args.at(2).value<EventRecord>().title, e.title);
    QVERIFY(m_model->rowOf(e.id) >= 0); // the model was reloaded
}

void TestEventEditDialog::attachingAScanStoresABlob()
{
    auto dialog = openDialog();
    QVERIFY(dialog);
    QTemporaryDir dir;
    const QString path = dir.filePath("scan.png");
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png.append(QByteArray(2048, 'x'));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(png);
    }
    QCOMPARE(dialog->event().letterBlob, QString());
    QVERIFY(dialog->attachFile(path));
    const QString sha = BlobStore::hashOf(png);
    QCOMPARE(dialog->event().letterBlob, sha);
    QVERIFY(BlobStore(m_db->db()).contains(sha));
    QCOMPARE(BlobStore(m_db->db()).get(sha), png);
    const QString shown = child<QLabel>(dialog.get(), "attachmentLabel")->text();
    QVERIFY2(shown.contains("scan.png") && shown.contains("kB", Qt::CaseInsensitive), qPrintable(shown));
    QVERIFY(child<QPushButton>(dialog.get(), "openAttachmentButton")->isEnabled());

    QTest::mouseClick(child<QPushButton>(dialog.get(), "removeAttachmentButton"), Qt::LeftButton);
    QCOMPARE(dialog->event().letterBlob, QString());
    QVERIFY(!child<QPushButton>(dialog.get(), "openAttachmentButton")->isEnabled());

    QVERIFY(!dialog->attachFile(dir.filePath("missing.pdf")));
    QVERIFY(!dialog->errorText().isEmpty());
    QCOMPARE(dialog->event().letterBlob, QString());
}

/** Receives QDesktopServices::openUrl for file: URLs instead of a real viewer. */
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

void TestEventEditDialog::openingTheScanWritesATemporaryCopy()
{
    auto dialog = openDialog();
    QVERIFY(dialog);
    QTemporaryDir dir;
    const QString path = dir.filePath("undangan.pdf");
    const QByteArray pdf = "%PDF-1.4\nisi undangan\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf);
    }
    QVERIFY(dialog->attachFile(path));
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler("file", &catcher, "open");
    QTest::mouseClick(child<QPushButton>(dialog.get(), "openAttachmentButton"), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler("file");
    QCOMPARE(catcher.urls.size(), 1);
    const QString copy = catcher.urls.constFirst().toLocalFile();
    QVERIFY2(copy.endsWith(".pdf"), qPrintable(copy));
    QFile f(copy);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), pdf);
}

void TestEventEditDialog::liveConflictPanel()
{
    add("Rapat koordinasi", Monday, QTime(9, 0), QTime(10, 0), {"BUPATI"}, m_aula);
    auto dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->conflictLines(), QStringList{"No clashes"});

    QTest::keyClicks(child<QLineEdit>(dialog.get(), "titleEdit"), "Kunjungan kerja");
    dialog->form()->officials()->setRequested(official("BUPATI"), true);
    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(Monday, QTime(9, 30)));
    // Debounced: nothing is recomputed while the user is still typing ...
    QCOMPARE(dialog->conflictLines(), QStringList{"No clashes"});
    // ... and the panel follows shortly after.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->conflictLines().join('\n').contains("Rapat koordinasi"), 2000);
    QCOMPARE(dialog->conflicts().size(), 1);
    QCOMPARE(dialog->conflicts().constFirst().kind, Conflict::Kind::Official);
    auto *list = child<QListWidget>(dialog.get(), "conflictList");
    QCOMPARE(list->item(0)->foreground().color(), AgendaModel::conflictColor());
    QVERIFY(!list->item(0)->icon().isNull());

    // The same venue adds a venue clash.
    auto *venue = child<QComboBox>(dialog.get(), "venueCombo");
    venue->setCurrentIndex(venue->findData(m_aula));
    Q_EMIT venue->activated(venue->currentIndex());
    QTRY_COMPARE_WITH_TIMEOUT(dialog->conflicts().size(), 2, 2000);
    QCOMPARE(dialog->conflicts().at(1).kind, Conflict::Kind::Venue);
    QCOMPARE(dialog->conflictLines().size(), 2);

    if (qEnvironmentVariableIsSet("HUMAS_SCREENSHOT_DIR")) {
        dialog->findFreeTime();
        // Let the nested layouts settle (each round posts the next LayoutRequest) before the picture.
        for (int round = 0; round < 5; ++round)
            QCoreApplication::sendPostedEvents();
        dialog->grab().save(qEnvironmentVariable("HUMAS_SCREENSHOT_DIR") + "/editor.png");
        dialog->form()->officials()->setRequested(official("SEKDA"), true);
        dialog->form()->officials()->setRepresentative(official("SEKDA"), official("ASISTEN1"));
        dialog->form()->tabs()->setCurrentIndex(1);
        dialog->grab().save(qEnvironmentVariable("HUMAS_SCREENSHOT_DIR") + "/editor-officials.png");
        dialog->form()->tabs()->setCurrentIndex(2);
        dialog->grab().save(qEnvironmentVariable("HUMAS_SCREENSHOT_DIR") + "/editor-invitation.png");
        dialog->form()->officials()->setRequested(official("SEKDA"), false);
        dialog->form()->tabs()->setCurrentIndex(0);
    }

    // A free hour: the panel empties again.
    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(Monday, QTime(13, 0)));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->conflictLines(), QStringList{"No clashes"}, 2000);
    QVERIFY(dialog->conflicts().isEmpty());

    // Touching ends do not clash (10.00–11.00 after 09.00–10.00).
    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(Monday, QTime(10, 0)));
    dialog->updateConflicts();
    QCOMPARE(dialog->conflictLines(), QStringList{"No clashes"});
    // Another official at the same hour elsewhere does not clash either.
    venue->setEditText(QString());
    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(Monday, QTime(9, 0)));
    dialog->form()->officials()->setRequested(official("BUPATI"), false);
    dialog->form()->officials()->setRequested(official("WABUP"), true);
    dialog->updateConflicts();
    QCOMPARE(dialog->conflictLines(), QStringList{"No clashes"});
    // Delegating WABUP's place to the Bupati brings the clash back.
    dialog->form()->officials()->setRepresentative(official("WABUP"), official("BUPATI"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->conflictLines().join('\n').contains("Rapat koordinasi"), 2000);
}

void TestEventEditDialog::clashingSaveAsksFirst()
{
    add("Rapat koordinasi", Monday, QTime(9, 0), QTime(10, 0), {"BUPATI"});
    auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy saved(dialog.get(), &EventEditDialog::eventSaved);
    child<QLineEdit>(dialog.get(), "titleEdit")->setText("Kunjungan kerja");
    dialog->form()->officials()->setRequested(official("BUPATI"), true);
    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(Monday, QTime(9, 30)));
    QCOMPARE(eventCount(), 1);

    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!dialog->save());
    QVERIFY2(MessageBox::lastText().contains("Rapat koordinasi"), qPrintable(MessageBox::lastText()));
    QVERIFY(MessageBox::lastText().contains("Save anyway?"));
    QCOMPARE(eventCount(), 1);
    QCOMPARE(saved.count(), 0);
    QVERIFY(dialog->isVisible());

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(dialog->save());
    QCOMPARE(eventCount(), 2);
    QCOMPARE(saved.count(), 1);
    // The clash stays visible: the model carries it for the new event.
    const int row = m_model->rowOf(dialog->savedAfter().id);
    QVERIFY(row >= 0);
    QVERIFY(m_model->index(row, 0).data(AgendaModel::ConflictRole).toBool());
}

void TestEventEditDialog::freeTimeSkipsClashesWeekendsAndHolidays()
{
    // Monday 21 December 2026; 24 (cuti bersama) and 25 December (Christmas) are holidays.
    m_clock->setNow(QDateTime(QDate(2026, 12, 21), QTime(0, 0), Qt::UTC));
    const QDate wednesday(2026, 12, 23);
    add("Rapat anggaran", wednesday, QTime(7, 0), QTime(17, 0), {"BUPATI"});
    add("Rapat pagi", QDate(2026, 12, 28), QTime(7, 30), QTime(8, 30), {"BUPATI"});

    auto dialog = openDialog();
    QVERIFY(dialog);
    child<QLineEdit>(dialog.get(), "titleEdit")->setText("Audiensi");
    dialog->form()->officials()->setRequested(official("BUPATI"), true);
    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(wednesday, QTime(10, 0)));
    child<QDateTimeEdit>(dialog.get(), "endEdit")->setDateTime(local(wednesday, QTime(11, 0)));

    QTest::mouseClick(child<QPushButton>(dialog.get(), "findFreeTimeButton"), Qt::LeftButton);
    auto *popup = child<HumasUi::FreeSlotPopup>(dialog.get(), "freeSlotPopup");
    QVERIFY(popup->isVisible());
    const QList<HumasUi::FreeSlotPopup::Choice> choices = popup->choices();
    QCOMPARE(choices.size(), EventEditDialog::FreeSlotCount);
    QCOMPARE(child<QListWidget>(dialog.get(), "freeSlotList")->count(), EventEditDialog::FreeSlotCount);

    const EventRepository &repo = m_model->repository();
    // The first free hour: Monday 28 December after the 07.30–08.30 meeting.
    QCOMPARE(repo.utcToLocal(choices.constFirst().startUtc).date(), QDate(2026, 12, 28));
    QCOMPARE(repo.utcToLocal(choices.constFirst().startUtc).time(), QTime(8, 30));
    for (const auto &c : choices) {
        const QDateTime start = repo.utcToLocal(c.startUtc);
        QVERIFY2(start.date().dayOfWeek() <= 5, qPrintable(c.text));
        QVERIFY2(start.date() != QDate(2026, 12, 24) && start.date() != QDate(2026, 12, 25), qPrintable(c.text));
        QCOMPARE(c.startUtc.secsTo(c.endUtc), 3600);
        QVERIFY(start.time() >= QTime(7, 30) && repo.utcToLocal(c.endUtc).time() <= QTime(16, 0));
        EventRecord draft = dialog->event();
        draft.start = c.startUtc;
        draft.end = c.endUtc;
        QVERIFY2(m_model->conflictsFor(draft).isEmpty(), qPrintable(c.text));
        QVERIFY2(c.text.contains(m_model->zoneCode()) && c.text.contains("28 December 2026"), qPrintable(c.text));
    }

    // Picking one sets the times, and the panel shows no clash.
    dialog->chooseFreeTime(1);
    QCOMPARE(dialog->event().start, choices.at(1).startUtc);
    QCOMPARE(dialog->event().end, choices.at(1).endUtc);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->conflictLines(), QStringList{"No clashes"}, 2000);

    // Without an official there is nothing to look for.
    dialog->form()->officials()->setRequested(official("BUPATI"), false);
    QVERIFY(dialog->findFreeTime().isEmpty());
}

void TestEventEditDialog::freeTimeFollowsTheWorkingHoursSetting()
{
    m_clock->setNow(QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC));
    QString error;
    QVERIFY2(AppSettings(m_db->db(), Actor::system())
                 .setValues({{AppSettings::WorkStart, "09:00"}, {AppSettings::WorkEnd, "12:00"}}, &error),
             qPrintable(error));
    auto dialog = openDialog();
    QVERIFY(dialog);
    child<QLineEdit>(dialog.get(), "titleEdit")->setText("Audiensi");
    dialog->form()->officials()->setRequested(official("WABUP"), true);
    const QDate tuesday(2026, 11, 24);
    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(tuesday, QTime(10, 0)));
    child<QDateTimeEdit>(dialog.get(), "endEdit")->setDateTime(local(tuesday, QTime(12, 0)));
    const QList<QDateTime> starts = dialog->findFreeTime();
    QCOMPARE(starts.size(), EventEditDialog::FreeSlotCount);
    const EventRepository &repo = m_model->repository();
    // A two-hour event fits 09.00–11.00 … 10.00–12.00 within 09.00–12.00.
    QCOMPARE(repo.utcToLocal(starts.constFirst()).time(), QTime(9, 0));
    for (const QDateTime &start : starts)
        QVERIFY(repo.utcToLocal(start).time() >= QTime(9, 0) && repo.utcToLocal(start).time() <= QTime(10, 0));
}

void TestEventEditDialog::opdRoleCannotChangeStatusOrOpd()
{
    const QString ownOpd = id("opd", "code", "DISKOMINFO");
    QVERIFY(!ownOpd.isEmpty());
    openModel(m_db->addUser("opd1", "opd", "rahasia123", ownOpd));
    auto dialog = openDialog();
    QVERIFY(dialog);
    auto *opd = child<QComboBox>(dialog.get(), "opdCombo");
    auto *status = child<QComboBox>(dialog.get(), "statusCombo");
    QVERIFY(!opd->isEnabled());
    QCOMPARE(opd->currentData().toString(), ownOpd);
    QVERIFY(!status->isEnabled());
    QCOMPARE(status->currentData().toInt(), int(Status::Diajukan));
    dialog->form()->officials()->setRequested(official("BUPATI"), true);
    QVERIFY(!child<QComboBox>(dialog.get(), "representative_BUPATI")->isEnabled());

    // Loading an event of another OPD or status does not let the account keep them.
    EventRecord other;
    other.opdId = id("opd", "code", "BAPPELITBANGDA");
    other.status = Status::Terjadwal;
    dialog->setEvent(other);
    QCOMPARE(dialog->event().opdId, ownOpd);
    QCOMPARE(dialog->event().status, Status::Diajukan);

    child<QLineEdit>(dialog.get(), "titleEdit")->setText("Sosialisasi keterbukaan informasi");
    dialog->form()->officials()->setRequested(official("SEKDA"), true);
    QVERIFY2(dialog->save(), qPrintable(dialog->errorText()));
    const EventRecord stored = dialog->savedAfter();
    QCOMPARE(stored.opdId, ownOpd);
    QCOMPARE(stored.status, Status::Diajukan);
}

void TestEventEditDialog::invalidInputWritesNothing_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("message");
    QTest::newRow("end before start") << "end"
                                      << "end of an event must be after its start";
    QTest::newRow("no title") << "title"
                              << "needs a title";
    QTest::newRow("no official") << "official"
                                 << "at least one official";
    QTest::newRow("new venue without kecamatan") << "venue"
                                                 << "choose its district";
    QTest::newRow("unknown OPD") << "opd"
                                 << "Unknown OPD";
}

void TestEventEditDialog::invalidInputWritesNothing()
{
    QFETCH(QString, what);
    QFETCH(QString, message);
    auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy saved(dialog.get(), &EventEditDialog::eventSaved);
    child<QLineEdit>(dialog.get(), "titleEdit")->setText("Apel pagi");
    dialog->form()->officials()->setRequested(official("WABUP"), true);
    child<QDateTimeEdit>(dialog.get(), "startEdit")->setDateTime(local(Monday, QTime(7, 30)));
    if (what == "end")
        child<QDateTimeEdit>(dialog.get(), "endEdit")->setDateTime(local(Monday, QTime(7, 0)));
    else if (what == "title")
        child<QLineEdit>(dialog.get(), "titleEdit")->clear();
    else if (what == "official")
        dialog->form()->officials()->setRequested(official("WABUP"), false);
    else if (what == "venue")
        child<QComboBox>(dialog.get(), "venueCombo")->setEditText("Lapangan Baru");
    else if (what == "opd")
        child<QComboBox>(dialog.get(), "opdCombo")->setEditText("Dinas Yang Tidak Ada");

    const int venues = m_db->count("venues");
    QVERIFY(!dialog->save());
    QVERIFY2(dialog->errorText().contains(message, Qt::CaseInsensitive), qPrintable(dialog->errorText()));
    QVERIFY(child<QLabel>(dialog.get(), "errorLabel")->isVisible());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QCOMPARE(saved.count(), 0);
    QCOMPARE(eventCount(), 0);
    QCOMPARE(m_db->count("venues"), venues);
    if (what == "end")
        QVERIFY(dialog->conflictLines().join('\n').contains("not after the start"));
}

void TestEventEditDialog::newVenueIsAddedToItsKecamatan()
{
    const QString ampibabo = id("kecamatan", "name", "Ampibabo");
    auto dialog = openDialog();
    QVERIFY(dialog);
    child<QComboBox>(dialog.get(), "venueCombo")->setEditText("Lapangan Sepak Bola Ampibabo");
    auto *kecamatan = child<QComboBox>(dialog.get(), "kecamatanCombo");
    kecamatan->setCurrentIndex(kecamatan->findData(ampibabo));
    QVERIFY(child<QLabel>(dialog.get(), "venueHint")->text().contains("new venue"));
    dialog->form()->officials()->setRequested(official("WABUP"), true);

    // A refused event leaves no venue behind: both are written together or not at all.
    const int venues = m_db->count("venues");
    QVERIFY(!dialog->save());
    QCOMPARE(m_db->count("venues"), venues);

    child<QLineEdit>(dialog.get(), "titleEdit")->setText("Peresmian lapangan");
    QVERIFY2(dialog->save(), qPrintable(dialog->errorText()));
    QCOMPARE(m_db->count("venues"), venues + 1);
    const Record created = VenueRepository(m_db->db(), m_admin).get(dialog->savedAfter().venueId);
    QCOMPARE(created.text("name"), QString("Lapangan Sepak Bola Ampibabo"));
    QCOMPARE(created.text("kecamatan_id"), ampibabo);
    // The model knows the venue now.
    QCOMPARE(m_model->directory().venueNames.value(created.id), created.text("name"));

    // The same name typed again in another case is the same venue.
    auto second = openDialog();
    QVERIFY(second);
    child<QComboBox>(second.get(), "venueCombo")->setEditText("lapangan sepak bola ampibabo");
    auto *k2 = child<QComboBox>(second.get(), "kecamatanCombo");
    k2->setCurrentIndex(k2->findData(ampibabo));
    QCOMPARE(second->form()->venueId(), created.id);
    QCOMPARE(second->form()->newVenueName(), QString());
}

void TestEventEditDialog::editingKeepsRequestedAndAttending()
{
    const QString eventId = add("Upacara HUT", Monday, QTime(8, 0), QTime(10, 0), {"BUPATI"}, m_aula);
    const EventRecord before = m_model->repository().get(eventId);
    auto dialog = openDialog(before);
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QString("Edit event: Upacara HUT"));
    QCOMPARE(dialog->event().venueId, m_aula);
    QCOMPARE(child<QComboBox>(dialog.get(), "kecamatanCombo")->currentText(), QString("Parigi"));
    // Only the allowed steps of the life cycle are offered.
    auto *status = child<QComboBox>(dialog.get(), "statusCombo");
    auto *items = qobject_cast<QStandardItemModel *>(status->model());
    QVERIFY(items);
    QVERIFY(!items->item(status->findData(int(Status::Diajukan)))->isEnabled());
    QVERIFY(items->item(status->findData(int(Status::Selesai)))->isEnabled());

    QSignalSpy saved(dialog.get(), &EventEditDialog::eventSaved);
    dialog->form()->officials()->setRepresentative(official("BUPATI"), official("WABUP"));
    QVERIFY2(dialog->save(), qPrintable(dialog->errorText()));
    QCOMPARE(saved.count(), 1);
    const EventRecord after = m_model->repository().get(eventId);
    QCOMPARE(after.officialsRequested, QStringList{official("BUPATI")});
    QCOMPARE(after.attending(), QStringList{official("WABUP")});
    QCOMPARE(after.rev, before.rev + 1);
    QCOMPARE(saved.constFirst().at(1).value<EventRecord>().attending(), QStringList{official("BUPATI")});
    QCOMPARE(saved.constFirst().at(2).value<EventRecord>().attending(), QStringList{official("WABUP")});

    // Reopened, the delegation reads back as it was chosen.
    auto again = openDialog(after);
    QVERIFY(again);
    QCOMPARE(again->form()->officials()->representative(official("BUPATI")), official("WABUP"));
    QCOMPARE(again->event().officialsRequested, after.officialsRequested);
    QCOMPARE(again->event().attending(), after.attending());
}

void TestEventEditDialog::representatives_data()
{
    QTest::addColumn<QStringList>("requested");
    QTest::addColumn<QStringList>("attending");
    QTest::addColumn<QStringList>("expected"); // "requested=representative"
    QTest::newRow("as requested") << QStringList{"A", "B"} << QStringList{} << QStringList{};
    QTest::newRow("same lists") << QStringList{"A", "B"} << QStringList{"A", "B"} << QStringList{};
    QTest::newRow("replaced in place") << QStringList{"A", "B"} << QStringList{"A", "C"} << QStringList{"B=C"};
    QTest::newRow("two replaced") << QStringList{"A", "B"} << QStringList{"C", "D"} << QStringList{"A=C", "B=D"};
    QTest::newRow("by one who went anyway") << QStringList{"A", "B"} << QStringList{"B"} << QStringList{"A=B"};
}

void TestEventEditDialog::representatives()
{
    QFETCH(QStringList, requested);
    QFETCH(QStringList, attending);
    QFETCH(QStringList, expected);
    QStringList got;
    const QHash<QString, QString> reps = EventFormOfficials::representatives(requested, attending);
    for (auto it = reps.cbegin(); it != reps.cend(); ++it)
        got << it.key() + "=" + it.value();
    got.sort();
    QCOMPARE(got, expected);
}

void TestEventEditDialog::keyboard()
{
    auto dialog = openDialog();
    QVERIFY(dialog);
    QApplication::setActiveWindow(dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(dialog.get(), "titleEdit"));

    // Tab order: the form's fields top to bottom, then the free-time search, then the buttons.
    QStringList chain;
    QWidget *w = child<QWidget>(dialog.get(), "titleEdit");
    do {
        if (w->focusPolicy() & Qt::TabFocus && !w->objectName().isEmpty())
            chain << w->objectName();
        w = w->nextInFocusChain();
    } while (w && w != child<QWidget>(dialog.get(), "titleEdit"));
    const QStringList expected = {"titleEdit",      "opdCombo",    "picNameEdit", "picPhoneEdit",
                                  "allDayCheck",    "startEdit",   "endEdit",     "venueCombo",
                                  "kecamatanCombo", "statusCombo", "publicCheck", "findFreeTimeButton",
                                  "saveButton",     "cancelButton"};
    qsizetype last = -1;
    for (const QString &name : expected) {
        const qsizetype at = chain.indexOf(name);
        QVERIFY2(at > last, qPrintable(name + " in " + chain.join(", ")));
        last = at;
    }

    // Return in a field does not save a half-filled form.
    QTest::keyClick(child<QLineEdit>(dialog.get(), "titleEdit"), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QCOMPARE(eventCount(), 0);
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QCOMPARE(eventCount(), 0);

    // Ctrl+Return saves, even from the notes.
    auto second = openDialog();
    QVERIFY(second);
    QApplication::setActiveWindow(second.get());
    QVERIFY(QTest::qWaitForWindowActive(second.get()));
    child<QLineEdit>(second.get(), "titleEdit")->setText("Apel pagi");
    second->form()->officials()->setRequested(official("SEKDA"), true);
    second->form()->tabs()->setCurrentIndex(3);
    auto *notes = child<QPlainTextEdit>(second.get(), "notesEdit");
    notes->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), notes);
    QTest::keyClick(notes, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(second->errorText(), QString());
    QCOMPARE(eventCount(), 1);
    QCOMPARE(notes->toPlainText(), QString());
    QVERIFY(!second->isVisible());
}

QTEST_MAIN(TestEventEditDialog)
void TestEventEditDialog::staleEditorKeepsColleaguesFields()
{
    const QString eventId = add("Rapat koordinasi", Monday, QTime(8, 0), QTime(10, 0), {"BUPATI"}, m_aula);
    auto dialog = openDialog(m_model->repository().get(eventId));
    QVERIFY(dialog);
    // A colleague sets the notes and the dress code while this editor is open.
    const Actor colleague = m_db->addUser("rina", "protokol");
    EventRepository theirs(m_db->db(), colleague);
    const EventRecord started = theirs.get(eventId);
    EventRecord changed = started;
    changed.notes = "Bawa undangan asli";
    changed.dressCode = "PDH";
    QString error;
    QVERIFY2(theirs.update(started, changed, &error), qPrintable(error));

    auto *title = child<QLineEdit>(dialog.get(), "titleEdit");
    title->clear();
    QTest::keyClicks(title, "Rapat koordinasi daerah");
    QTest::mouseClick(child<QPushButton>(dialog.get(), "saveButton"), Qt::LeftButton);
    QVERIFY2(dialog->result() == QDialog::Accepted, qPrintable(dialog->errorText()));
    const EventRecord stored = m_model->repository().get(eventId);
    QCOMPARE(stored.title, QString("Rapat koordinasi daerah"));
    QCOMPARE(stored.notes, QString("Bawa undangan asli"));
    QCOMPARE(stored.dressCode, QString("PDH"));
    QCOMPARE(dialog->savedChange().patch.after.keys(), QStringList{"title"});
    // The model followed the write by itself.
    QCOMPARE(m_model->loadedRecord(eventId).title, QString("Rapat koordinasi daerah"));
}

void TestEventEditDialog::refusedSaveShowsBothValuesAndStaysOpen()
{
    const QString eventId = add("Rapat koordinasi", Monday, QTime(8, 0), QTime(10, 0), {"BUPATI"}, m_aula);
    auto dialog = openDialog(m_model->repository().get(eventId));
    QVERIFY(dialog);
    const Actor colleague = m_db->addUser("rina", "protokol");
    EventRepository theirs(m_db->db(), colleague);
    const EventRecord started = theirs.get(eventId);
    EventRecord changed = started;
    changed.notes = "Bawa undangan asli";
    QString error;
    QVERIFY2(theirs.update(started, changed, &error), qPrintable(error));
    const int outbox = m_db->count("outbox");

    auto *notes = child<QPlainTextEdit>(dialog.get(), "notesEdit");
    QTest::keyClicks(notes, "Jemput di bandara");
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!dialog->save());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->result() != QDialog::Accepted);
    QCOMPARE(notes->toPlainText(), QString("Jemput di bandara")); // the typing is intact
    const QString shown = MessageBox::lastText();
    QVERIFY2(shown.contains("Bawa undangan asli") && shown.contains("Jemput di bandara"), qPrintable(shown));
    QVERIFY2(dialog->errorText().contains("Bawa undangan asli"), qPrintable(dialog->errorText()));
    QCOMPARE(m_model->repository().get(eventId).notes, QString("Bawa undangan asli"));
    QCOMPARE(m_db->count("outbox"), outbox);
}

#include "tst_eventeditdialog.moc"
