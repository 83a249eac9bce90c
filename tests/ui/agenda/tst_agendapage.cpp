// AgendaPage (issue 3, "Views" and "Printing"): navigation, view switching by keyboard,
// filters reaching every view, the conflict list opening the day, drag-move with undo,
// delete with undo, and the daily agenda printed to PDF from the page's print dialog.

#include "agenda/agendafilterbar.h"
#include "agenda/agendafilterproxy.h"
#include "agenda/agendalistview.h"
#include "agenda/agendamodel.h"
#include "agenda/agendapage.h"
#include "agenda/agendaprintdialog.h"
#include "agenda/conflictlistview.h"
#include "agenda/eventrepository.h"
#include "agenda/monthview.h"
#include "agenda/timegridview.h"
#include "common/mainwindow.h"
#include "common/messagebox.h"
#include "common/translations.h"

#include "agendatestdata.h"
#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using HumasUi::AgendaPage;
using Status = EventSpan::Status;

namespace {
const QDate Monday(2026, 11, 23);
} // namespace

class TestAgendaPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void undoKeepsAColleaguesEdit();

    void opensOnTodaysMonth();
    void navigation_data();
    void navigation();
    void viewShortcuts();
    void filterReachesEveryView();
    void summaryCountsClashes();
    void conflictListOpensTheDay();
    void moveWithUndoAndRedo();
    void moveIntoClashAsksFirst();
    void deleteWithUndo();
    void readOnlyRoleCannotMove();
    void printsDailyAgendaToPdf();
    void mainWindowShowsTheAgenda();

private:
    QString id(const QString &table, const QString &field, const QString &value)
    {
        return m_data->id(table, field, value);
    }
    QString official(const QString &code) { return m_data->official(code); }
    QString add(const QString &title, const QDate &day, const QString &from, const QString &to,
                const QStringList &codes, const QString &venueId)
    {
        return m_data->add(title, day, from, to, codes, venueId);
    }
    qint64 ms(const QDate &day, const QString &time) const;

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<HumasTest::AgendaTestData> m_data;
    std::unique_ptr<AgendaPage> m_page;
    QString m_aula;
    QString m_pantai;
};

void TestAgendaPage::initTestCase()
{
    HumasTest::isolateEnvironment();
    QVERIFY(Translations::setLanguage("id")); // the printed agenda is checked in Indonesian
}

void TestAgendaPage::init()
{
    // Wednesday 25 November 2026, 10.00 WITA.
    m_clock = std::make_unique<HumasTest::MockClock>(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_data = std::make_unique<HumasTest::AgendaTestData>(m_db->db());
    m_aula = m_data->venue("Aula", "Parigi");
    m_pantai = m_data->venue("Pantai", "Sausu");
    add("Rapat koordinasi", Monday, "08:00", "10:00", {"BUPATI"}, m_aula);
    add("Peresmian", Monday, "09:00", "11:00", {"BUPATI"}, m_pantai);
    add("Senam pagi", Monday.addDays(1), "07:00", "08:00", {"SEKDA"}, m_aula);
    m_page = std::make_unique<AgendaPage>(m_db->db(), m_db->addUser("protokol1", "protokol"));
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestAgendaPage::cleanup()
{
    m_page.reset();
    m_data.reset();
    m_db.reset();
    m_clock.reset();
}

qint64 TestAgendaPage::ms(const QDate &day, const QString &time) const
{
    return QDateTime(day, QTime::fromString(time, "HH:mm"), Qt::OffsetFromUTC, 8 * 3600).toMSecsSinceEpoch();
}

void TestAgendaPage::opensOnTodaysMonth()
{
    QCOMPARE(m_page->today(), QDate(2026, 11, 25));
    QCOMPARE(m_page->view(), AgendaPage::View::Month);
    QCOMPARE(m_page->date(), QDate(2026, 11, 25));
    QVERIFY(m_page->monthView()->isVisible());
    QCOMPARE(m_page->model()->rangeFrom(), m_page->monthView()->firstVisibleDate());
    QCOMPARE(m_page->model()->rangeTo(), m_page->monthView()->lastVisibleDate());
    QCOMPARE(m_page->model()->rowCount(), 3);
    QVERIFY(m_page->monthView()->hasConflictOn(Monday));
    QVERIFY(!m_page->monthView()->hasConflictOn(Monday.addDays(1)));
}

void TestAgendaPage::navigation_data()
{
    QTest::addColumn<int>("view");
    QTest::addColumn<QDate>("previous");
    QTest::addColumn<QDate>("next");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::newRow("month") << int(AgendaPage::View::Month) << QDate(2026, 10, 25) << QDate(2026, 12, 25)
                           << QDate(2026, 10, 26) << QDate(2026, 12, 6);
    QTest::newRow("week") << int(AgendaPage::View::Week) << QDate(2026, 11, 18) << QDate(2026, 12, 2)
                          << QDate(2026, 11, 23) << QDate(2026, 11, 29);
    QTest::newRow("day") << int(AgendaPage::View::Day) << QDate(2026, 11, 24) << QDate(2026, 11, 26)
                         << QDate(2026, 11, 25) << QDate(2026, 11, 25);
    QTest::newRow("officials") << int(AgendaPage::View::Officials) << QDate(2026, 11, 24) << QDate(2026, 11, 26)
                               << QDate(2026, 11, 25) << QDate(2026, 11, 25);
    QTest::newRow("list") << int(AgendaPage::View::List) << QDate(2026, 10, 25) << QDate(2026, 12, 25)
                          << QDate(2026, 11, 1) << QDate(2026, 11, 30);
}

void TestAgendaPage::navigation()
{
    QFETCH(int, view);
    QFETCH(QDate, previous);
    QFETCH(QDate, next);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    m_page->setView(AgendaPage::View(view));
    QCOMPARE(m_page->model()->rangeFrom(), from);
    QCOMPARE(m_page->model()->rangeTo(), to);
    QTest::keyClick(m_page.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_page->date(), previous);
    m_page->goToday();
    QTest::keyClick(m_page.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_page->date(), next);
    QTest::keyClick(m_page.get(), Qt::Key_Home, Qt::AltModifier);
    QCOMPARE(m_page->date(), m_page->today());
}

void TestAgendaPage::viewShortcuts()
{
    const QList<QPair<Qt::Key, AgendaPage::View>> keys = {{Qt::Key_2, AgendaPage::View::Week},
                                                          {Qt::Key_3, AgendaPage::View::Day},
                                                          {Qt::Key_4, AgendaPage::View::Officials},
                                                          {Qt::Key_5, AgendaPage::View::List},
                                                          {Qt::Key_1, AgendaPage::View::Month}};
    for (const auto &key : keys) {
        QTest::keyClick(m_page.get(), key.first, Qt::AltModifier);
        QCOMPARE(m_page->view(), key.second);
    }
    m_page->setDate(Monday);
    m_page->setView(AgendaPage::View::Officials);
    HumasUi::TimeGridView *grid = m_page->officialsView();
    QVERIFY(grid->isVisible());
    QCOMPARE(grid->columnCount(), m_page->model()->directory().officials.size());
    QCOMPARE(grid->columnHeader(0), QString("Bupati"));
    QCOMPARE(grid->eventsInColumn(0).size(), 2);
}

void TestAgendaPage::filterReachesEveryView()
{
    m_page->setDate(Monday);
    const int sekdaIndex = m_page->filterBar()->officialBox()->findData(official("SEKDA"));
    QVERIFY(sekdaIndex > 0);
    m_page->filterBar()->officialBox()->setCurrentIndex(sekdaIndex);
    QCOMPARE(m_page->filterProxy()->rowCount(), 1);
    QCOMPARE(m_page->monthView()->hiddenCountOn(Monday), 0);
    QVERIFY(!m_page->monthView()->hasConflictOn(Monday));
    m_page->setView(AgendaPage::View::Week);
    int shown = 0;
    for (int column = 0; column < m_page->weekView()->columnCount(); ++column)
        shown += m_page->weekView()->eventsInColumn(column).size();
    QCOMPARE(shown, 1);
    // The per-official view shows only the chosen official's column.
    m_page->setView(AgendaPage::View::Officials);
    QCOMPARE(m_page->officialsView()->columnCount(), 1);
    m_page->filterBar()->clear();
    QCOMPARE(m_page->filterProxy()->rowCount(), 2); // Monday's two events
}

void TestAgendaPage::summaryCountsClashes()
{
    const QString summary = m_page->findChild<QLabel *>("agendaSummary")->text();
    QVERIFY2(summary.contains("3") && summary.contains("2"), qPrintable(summary));
    QCOMPARE(m_page->conflictList()->count(), 1);
}

void TestAgendaPage::conflictListOpensTheDay()
{
    QTreeWidget *tree = m_page->conflictList()->tree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QVERIFY(tree->topLevelItem(0)->text(0).size() > 0);
    Q_EMIT tree->itemActivated(tree->topLevelItem(0), 0);
    QCOMPARE(m_page->view(), AgendaPage::View::Day);
    QCOMPARE(m_page->date(), Monday);
    QVERIFY(!m_page->dayView()->selectedEventId().isEmpty());
}

void TestAgendaPage::moveWithUndoAndRedo()
{
    m_page->setDate(Monday);
    m_page->setView(AgendaPage::View::Week);
    const QString senam = m_page->model()->record(m_page->model()->rowCount() - 1).id;
    QCOMPARE(m_page->model()->loadedRecord(senam).title, QString("Senam pagi"));
    QVERIFY(m_page->moveEvent(senam, ms(Monday.addDays(2), "13:00"), ms(Monday.addDays(2), "14:00")));
    EventRepository repo(m_db->db(), Actor::system());
    QCOMPARE(repo.utcToLocal(repo.get(senam).start),
             QDateTime(Monday.addDays(2), QTime(13, 0), Qt::OffsetFromUTC, 8 * 3600));
    QCOMPARE(m_page->undoStack()->count(), 1);
    m_page->setFocus();
    QTest::keyClick(m_page.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(repo.utcToLocal(repo.get(senam).start).time(), QTime(7, 0));
    QCOMPARE(repo.utcToLocal(repo.get(senam).start).date(), Monday.addDays(1));
    m_page->undoStack()->redo();
    QCOMPARE(repo.utcToLocal(repo.get(senam).start).time(), QTime(13, 0));
}

void TestAgendaPage::moveIntoClashAsksFirst()
{
    m_page->setDate(Monday);
    m_page->setView(AgendaPage::View::Day);
    const QString senam = id("events", "title", "Senam pagi");
    EventRepository repo(m_db->db(), Actor::system());
    const QDateTime before = repo.get(senam).start;
    // SEKDA is free on Monday; make him clash by moving onto the Bupati's venue at 08.00.
    HumasUi::MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!m_page->moveEvent(senam, ms(Monday, "08:30"), ms(Monday, "09:30")));
    QVERIFY(HumasUi::MessageBox::lastText().contains("Rapat koordinasi"));
    QCOMPARE(repo.get(senam).start, before);
    HumasUi::MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(m_page->moveEvent(senam, ms(Monday, "08:30"), ms(Monday, "09:30")));
    QVERIFY(m_page->model()->index(m_page->model()->rowOf(senam), 0).data(AgendaModel::ConflictRole).toBool());
}

void TestAgendaPage::deleteWithUndo()
{
    m_page->setDate(Monday);
    m_page->setView(AgendaPage::View::Day);
    const QString first = m_page->model()->record(0).id;
    m_page->dayView()->setSelectedEventId(first);
    QCOMPARE(m_page->selectedEventId(), first);
    HumasUi::MessageBox::setNextAnswer(QMessageBox::Yes);
    m_page->deleteSelectedEvent();
    EventRepository repo(m_db->db(), Actor::system());
    QVERIFY(!repo.get(first).isValid());
    QCOMPARE(m_page->model()->rowOf(first), -1);
    m_page->undoStack()->undo();
    QVERIFY(repo.get(first).isValid());
    QVERIFY(m_page->model()->rowOf(first) >= 0);
}

void TestAgendaPage::readOnlyRoleCannotMove()
{
    AgendaPage page(m_db->db(), m_db->addUser("pimpinan1", "pimpinan"));
    page.setDate(Monday);
    const QString first = page.model()->record(0).id;
    EventRepository repo(m_db->db(), Actor::system());
    const QDateTime before = repo.get(first).start;
    QVERIFY(!page.moveEvent(first, ms(Monday, "13:00"), ms(Monday, "15:00")));
    QCOMPARE(repo.get(first).start, before);
    QVERIFY(!page.findChild<QAction *>("agendaNew")->isVisible());
}

void TestAgendaPage::printsDailyAgendaToPdf()
{
    if (!QFile::exists("/usr/bin/pdftotext"))
        QSKIP("pdftotext is not installed");
    HumasUi::AgendaPrintDialog dialog(m_db->db(), m_page->model(), m_page.get());
    dialog.setDate(Monday);
    dialog.setOfficialId(official("BUPATI"));
    dialog.findChild<QLineEdit *>("printSignerName")->setText("Andi Lamarauna");
    QTemporaryDir dir;
    const QString file = dir.filePath("agenda.pdf");
    QString error;
    QVERIFY2(dialog.exportPdf(file, &error), qPrintable(error));
    QProcess p;
    p.start("/usr/bin/pdftotext", {"-enc", "UTF-8", file, "-"});
    QVERIFY(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
    QVERIFY2(text.contains("Rapat koordinasi"), qPrintable(text));
    QVERIFY2(text.contains("Peresmian"), qPrintable(text));
    QVERIFY2(text.contains("08.00"), qPrintable(text));
    QVERIFY2(text.contains("WITA"), qPrintable(text));
    QVERIFY2(text.contains("Andi Lamarauna"), qPrintable(text));
    QVERIFY2(!text.contains("Senam pagi"), qPrintable(text));                         // the Sekda's, another day
    QVERIFY2(text.contains("PARIGI MOUTONG", Qt::CaseInsensitive), qPrintable(text)); // letterhead
}

void TestAgendaPage::mainWindowShowsTheAgenda()
{
    HumasUi::MainWindow window(m_db->db(), m_db->addUser("protokol2", "protokol"));
    window.show();
    window.showPage("agenda");
    QVERIFY(window.agendaPage());
    QCOMPARE(window.page("agenda"), static_cast<QWidget *>(window.agendaPage()));
    QVERIFY(window.agendaPage()->monthView()->isVisible());
}

QTEST_MAIN(TestAgendaPage)
void TestAgendaPage::undoKeepsAColleaguesEdit()
{
    m_page->setDate(Monday);
    m_page->setView(AgendaPage::View::Week);
    const QString senam = id("events", "title", "Senam pagi");
    EventRepository repo(m_db->db(), Actor::system());
    const QDateTime originalStart = repo.get(senam).start;
    QVERIFY(m_page->moveEvent(senam, ms(Monday.addDays(2), "13:00"), ms(Monday.addDays(2), "14:00")));
    // The page's model follows the move without a reload.
    QCOMPARE(m_page->model()->loadedRecord(senam).start, repo.get(senam).start);

    // A colleague sets the notes; undoing the move brings back the times only.
    const Actor colleague = m_db->addUser("rina", "protokol");
    EventRepository theirs(m_db->db(), colleague);
    const EventRecord started = theirs.get(senam);
    EventRecord changed = started;
    changed.notes = "Bawa undangan asli";
    QString error;
    QVERIFY2(theirs.update(started, changed, &error), qPrintable(error));
    m_page->undoStack()->undo();
    QCOMPARE(repo.get(senam).start, originalStart);
    QCOMPARE(repo.get(senam).notes, QString("Bawa undangan asli"));

    // Redo, then the colleague moves it: an undo of the first move is refused with both times.
    m_page->undoStack()->redo();
    const EventRecord moved = theirs.get(senam);
    EventRecord again = moved;
    again.start = moved.start.addSecs(3600);
    again.end = moved.end.addSecs(3600);
    QVERIFY2(theirs.update(moved, again, &error), qPrintable(error));
    HumasUi::MessageBox::setNextAnswer(QMessageBox::Ok);
    m_page->undoStack()->undo();
    QCOMPARE(repo.get(senam).start, again.start);
    QVERIFY2(HumasUi::MessageBox::lastText().contains("13:00") && HumasUi::MessageBox::lastText().contains("14:00"),
             qPrintable(HumasUi::MessageBox::lastText()));
}

#include "tst_agendapage.moc"
