// AgendaListView (issue 3, "Views": an agenda list grouped by day) on a real database:
// TestDatabase + EventRepository + AgendaModel + AgendaColorProxy, as the agenda page chains
// them. Days in Indonesian, events under their days, the clash in words, activation by
// double-click and Enter.

#include "agenda/agendacolorproxy.h"
#include "agenda/agendadaygroupmodel.h"
#include "agenda/agendalistview.h"
#include "agenda/agendamodel.h"
#include "agenda/eventrepository.h"

#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTreeView>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using HumasUi::AgendaListView;
using Status = EventSpan::Status;

namespace {
const QDate Day(2026, 11, 23); // a Monday
const QDate MonthStart(2026, 11, 1);
const QDate MonthEnd(2026, 11, 30);
} // namespace

class TestAgendaListView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void groupedByDay();
    void clashInWords();
    void doubleClickActivatesTheEvent();
    void enterActivates();
    void currentDateAndReload();
    void screenshot();

private:
    QString official(const QString &code);
    QString add(const QString &title, const QDate &day, const QString &from, const QString &to,
                const QStringList &codes);
    QString addAllDay(const QString &title, const QDate &first, const QDate &last, const QStringList &codes);
    QModelIndex eventIndex(const QDate &day, const QString &id, int column = 0) const;
    QTreeView *tree() const { return m_view->findChild<QTreeView *>("agendaList"); }

    std::unique_ptr<TestDatabase> m_db;
    Actor m_admin;
    std::unique_ptr<AgendaModel> m_model;
    std::unique_ptr<AgendaColorProxy> m_colors;
    std::unique_ptr<AgendaListView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAgendaListView::initTestCase()
{
    HumasTest::isolateEnvironment();
    QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
}

void TestAgendaListView::init()
{
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::Base);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_admin = m_db->addUser("admin1", "admin");
    m_model = std::make_unique<AgendaModel>(m_db->db(), m_admin);
    m_colors = std::make_unique<AgendaColorProxy>();
    m_colors->setSourceModel(m_model.get());
    m_view = std::make_unique<AgendaListView>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_view->groupModel(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->setModel(m_colors.get());
    m_view->setDateRange(MonthStart, MonthEnd);
    m_view->resize(1000, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestAgendaListView::cleanup()
{
    m_tester.reset();
    m_view.reset();
    m_colors.reset();
    m_model.reset();
    m_db.reset();
}

QString TestAgendaListView::official(const QString &code)
{
    QSqlQuery q(m_db->db().connection());
    q.prepare("SELECT id FROM officials WHERE deleted = 0 AND code = ?");
    q.addBindValue(code);
    if (!q.exec() || !q.next())
        qWarning() << "no official" << code;
    return q.value(0).toString();
}

QString TestAgendaListView::add(const QString &title, const QDate &day, const QString &from, const QString &to,
                                const QStringList &codes)
{
    EventRepository repo(m_db->db(), m_admin);
    EventRecord e;
    e.title = title;
    e.start = repo.localToUtc(day, QTime::fromString(from, "HH:mm"));
    e.end = repo.localToUtc(day, QTime::fromString(to, "HH:mm"));
    for (const QString &code : codes)
        e.officialsRequested << official(code);
    e.status = Status::Terjadwal;
    QString error;
    if (!repo.add(&e, &error))
        qWarning() << "add:" << error;
    return e.id;
}

QString TestAgendaListView::addAllDay(const QString &title, const QDate &first, const QDate &last,
                                      const QStringList &codes)
{
    EventRepository repo(m_db->db(), m_admin);
    EventRecord e;
    e.title = title;
    e.allDay = true;
    e.firstDate = first;
    e.lastDate = last;
    for (const QString &code : codes)
        e.officialsRequested << official(code);
    e.status = Status::Terjadwal;
    QString error;
    if (!repo.add(&e, &error))
        qWarning() << "add:" << error;
    return e.id;
}

QModelIndex TestAgendaListView::eventIndex(const QDate &day, const QString &id, int column) const
{
    const AgendaDayGroupModel *groups = m_view->groupModel();
    const QModelIndex parent = groups->indexOfDay(day);
    for (int row = 0; row < groups->rowCount(parent); ++row) {
        const QModelIndex index = groups->index(row, column, parent);
        if (index.data(AgendaModel::IdRole).toString() == id)
            return index;
    }
    return {};
}

void TestAgendaListView::groupedByDay()
{
    add("Kunjungan kerja", Day, "13:00", "15:00", {"SEKDA"});
    add("Rapat pagi", Day, "08:00", "09:00", {"BUPATI"});
    const QString span = addAllDay("Musrenbang", Day.addDays(1), Day.addDays(2), {"WABUP"});
    add("Di luar bulan", QDate(2026, 12, 2), "08:00", "09:00", {"BUPATI"});
    m_model->setRange(MonthStart, QDate(2026, 12, 6));

    const AgendaDayGroupModel *groups = m_view->groupModel();
    QCOMPARE(groups->rowCount(), 3); // 23, 24, 25 November; December is outside the list's range
    QCOMPARE(groups->index(0, 0).data().toString(), QString("Senin, 23 November 2026"));
    QCOMPARE(groups->index(1, 0).data().toString(), QString("Selasa, 24 November 2026"));
    QCOMPARE(groups->index(2, 0).data().toString(), QString("Rabu, 25 November 2026"));
    const QModelIndex monday = groups->index(0, 0);
    QCOMPARE(groups->rowCount(monday), 2);
    QCOMPARE(groups->index(0, AgendaDayGroupModel::TitleColumn, monday).data().toString(), QString("Rapat pagi"));
    QCOMPARE(groups->index(0, AgendaDayGroupModel::TimeColumn, monday).data().toString(), QString("08.00–09.00"));
    QCOMPARE(groups->index(0, AgendaDayGroupModel::OfficialsColumn, monday).data().toString(), QString("Bupati"));
    QVERIFY(eventIndex(Day.addDays(1), span).isValid());
    QVERIFY(eventIndex(Day.addDays(2), span).isValid());

    // Day rows span the whole width and every day is open.
    for (int row = 0; row < groups->rowCount(); ++row) {
        QVERIFY(tree()->isFirstColumnSpanned(row, QModelIndex()));
        QVERIFY(tree()->isExpanded(groups->index(row, 0)));
    }
}

void TestAgendaListView::clashInWords()
{
    const QString a = add("Rapat koordinasi", Day, "08:00", "10:00", {"BUPATI"});
    add("Kunjungan kerja", Day, "09:00", "11:00", {"BUPATI"});
    const QString calm = add("Sosialisasi", Day, "09:00", "11:00", {"ASISTEN1"});
    m_model->setRange(MonthStart, MonthEnd);

    const QModelIndex clash = eventIndex(Day, a, AgendaDayGroupModel::ConflictColumn);
    QCOMPARE(clash.data().toString(), QString("Clash"));
    QVERIFY2(clash.data(Qt::ToolTipRole).toString().contains("Kunjungan kerja"),
             qPrintable(clash.data(Qt::ToolTipRole).toString()));
    QCOMPARE(clash.data(Qt::BackgroundRole).value<QColor>(), AgendaModel::conflictColor());
    QVERIFY(eventIndex(Day, calm, AgendaDayGroupModel::ConflictColumn).data().toString().isEmpty());
}

void TestAgendaListView::doubleClickActivatesTheEvent()
{
    add("Rapat pagi", Day, "08:00", "09:00", {"BUPATI"});
    const QString second = add("Rapat siang", Day, "13:00", "14:00", {"BUPATI"});
    m_model->setRange(MonthStart, MonthEnd);
    QSignalSpy activated(m_view.get(), &AgendaListView::eventActivated);
    QSignalSpy day(m_view.get(), &AgendaListView::dayActivated);

    const QRect rect = tree()->visualRect(eventIndex(Day, second, AgendaDayGroupModel::TitleColumn));
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(tree()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), second);

    const QRect dayRect = tree()->visualRect(m_view->groupModel()->indexOfDay(Day));
    QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {}, dayRect.center());
    QTest::mouseDClick(tree()->viewport(), Qt::LeftButton, {}, dayRect.center());
    QCOMPARE(day.size(), 1);
    QCOMPARE(day.at(0).at(0).toDate(), Day);
    QCOMPARE(activated.size(), 1);
}

void TestAgendaListView::enterActivates()
{
    const QString id = add("Rapat pagi", Day, "08:00", "09:00", {"BUPATI"});
    m_model->setRange(MonthStart, MonthEnd);
    QSignalSpy activated(m_view.get(), &AgendaListView::eventActivated);
    QSignalSpy day(m_view.get(), &AgendaListView::dayActivated);
    tree()->setFocus();
    tree()->setCurrentIndex(eventIndex(Day, id));
    QTest::keyClick(tree(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), id);

    QTest::keyClick(tree(), Qt::Key_Up); // onto the day row
    QCOMPARE(m_view->currentEventId(), QString());
    QTest::keyClick(tree(), Qt::Key_Enter);
    QCOMPARE(day.size(), 1);
    QCOMPARE(day.at(0).at(0).toDate(), Day);
    QCOMPARE(activated.size(), 1);
}

void TestAgendaListView::currentDateAndReload()
{
    add("Rapat", Day, "08:00", "09:00", {"BUPATI"});
    const QString later = add("Peresmian", Day.addDays(3), "10:00", "11:00", {"WABUP"});
    m_model->setRange(MonthStart, MonthEnd);
    QSignalSpy current(m_view.get(), &AgendaListView::currentDateChanged);

    m_view->setCurrentDate(Day.addDays(3));
    QCOMPARE(m_view->currentDate(), Day.addDays(3));
    QCOMPARE(m_view->currentEventId(), later);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.at(0).at(0).toDate(), Day.addDays(3));

    // A write reloads the model; the list stays on the same event.
    add("Apel", Day.addDays(3), "07:00", "07:30", {"SEKDA"});
    m_model->reload();
    QCOMPARE(m_view->groupModel()->rowCount(m_view->groupModel()->indexOfDay(Day.addDays(3))), 2);
    QCOMPARE(m_view->currentEventId(), later);
}

void TestAgendaListView::screenshot()
{
    // Writes a picture when HUMAS_SCREENSHOT names a file; checks nothing else.
    const QString path = qEnvironmentVariable("HUMAS_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set HUMAS_SCREENSHOT=file.png to write a screenshot");
    add("Rapat koordinasi Forkopimda", Day, "08:00", "10:00", {"BUPATI", "SEKDA"});
    add("Kunjungan kerja ke Tinombo", Day, "09:30", "12:00", {"BUPATI"});
    add("Apel pagi gabungan", Day, "07:30", "08:00", {"WABUP", "SEKDA"});
    addAllDay("Festival Teluk Tomini", Day.addDays(1), Day.addDays(2), {"WABUP"});
    add("Peresmian puskesmas", Day.addDays(2), "09:00", "11:00", {"ASISTEN1"});
    m_model->setRange(MonthStart, MonthEnd);
    m_view->setCurrentDate(Day);
    QVERIFY(m_view->grab().save(path));
}

QTEST_MAIN(TestAgendaListView)
#include "tst_agendalistview.moc"
