// AgendaDayGroupModel (issue 3, "Views": the agenda list grouped by day). A plain
// QStandardItemModel with the AgendaModel roles stands in for the agenda, so each case can
// set exactly the dates and flags it is about; tst_agendalistview runs it on a real database.

#include "agenda/agendadaygroupmodel.h"
#include "agenda/agendamodel.h"
#include "common/datetext.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

#include <memory>

using namespace Humas;

namespace {
const QDate Day(2026, 11, 23); // a Monday
constexpr int Wita = 8 * 3600;

QDateTime local(const QDate &date, const QString &time)
{
    return QDateTime(date, QTime::fromString(time, "HH:mm"), Qt::OffsetFromUTC, Wita);
}
} // namespace

class TestAgendaDayGroupModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void groupsByDayInDateOrder();
    void spanningFirstThenByStart();
    void multiDayOnEachDay();
    void timeText_data();
    void timeText();
    void dateRangeClips();
    void columnsAndRoles();
    void followsTheSource();
    void dataChangeKeepsTheTree();

private:
    QStandardItem *timed(const QString &id, const QString &title, const QDate &date, const QString &from,
                         const QString &to, const QDate &lastDate = QDate());
    QStandardItem *allDay(const QString &id, const QString &title, const QDate &first, const QDate &last);
    QStringList titlesOf(const QDate &date) const;

    std::unique_ptr<QStandardItemModel> m_source;
    std::unique_ptr<AgendaDayGroupModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAgendaDayGroupModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
}

void TestAgendaDayGroupModel::init()
{
    m_source = std::make_unique<QStandardItemModel>();
    m_model = std::make_unique<AgendaDayGroupModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setSourceModel(m_source.get());
}

void TestAgendaDayGroupModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_source.reset();
}

QStandardItem *TestAgendaDayGroupModel::timed(const QString &id, const QString &title, const QDate &date,
                                              const QString &from, const QString &to, const QDate &lastDate)
{
    const QDate last = lastDate.isValid() ? lastDate : date;
    auto *item = new QStandardItem(title);
    item->setData(id, AgendaModel::IdRole);
    item->setData(title, AgendaModel::TitleRole);
    item->setData(local(date, from), AgendaModel::StartRole);
    item->setData(local(last, to), AgendaModel::EndRole);
    item->setData(false, AgendaModel::AllDayRole);
    item->setData(date, AgendaModel::FirstDateRole);
    item->setData(last, AgendaModel::LastDateRole);
    item->setData(false, AgendaModel::ConflictRole);
    item->setData("Terjadwal", AgendaModel::StatusTextRole);
    m_source->appendRow(item);
    return item;
}

QStandardItem *TestAgendaDayGroupModel::allDay(const QString &id, const QString &title, const QDate &first,
                                               const QDate &last)
{
    auto *item = new QStandardItem(title);
    item->setData(id, AgendaModel::IdRole);
    item->setData(title, AgendaModel::TitleRole);
    item->setData(local(first, "00:00"), AgendaModel::StartRole);
    item->setData(local(last.addDays(1), "00:00"), AgendaModel::EndRole);
    item->setData(true, AgendaModel::AllDayRole);
    item->setData(first, AgendaModel::FirstDateRole);
    item->setData(last, AgendaModel::LastDateRole);
    m_source->appendRow(item);
    return item;
}

QStringList TestAgendaDayGroupModel::titlesOf(const QDate &date) const
{
    QStringList titles;
    const QModelIndex day = m_model->indexOfDay(date);
    for (int row = 0; row < m_model->rowCount(day); ++row)
        titles << m_model->index(row, AgendaDayGroupModel::TitleColumn, day).data().toString();
    return titles;
}

void TestAgendaDayGroupModel::groupsByDayInDateOrder()
{
    timed("c", "Peresmian", Day.addDays(2), "09:00", "10:00");
    timed("a", "Rapat", Day, "08:00", "09:00");
    timed("b", "Kunjungan", Day, "13:00", "15:00");
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex first = m_model->index(0, 0);
    QCOMPARE(first.data().toString(), QString("Senin, 23 November 2026"));
    QCOMPARE(first.data(AgendaDayGroupModel::DateRole).toDate(), Day);
    QVERIFY(first.data(AgendaDayGroupModel::IsDayRole).toBool());
    QVERIFY(m_model->isDay(first));
    QCOMPARE(m_model->index(1, 0).data().toString(), QString("Rabu, 25 November 2026"));
    QCOMPARE(m_model->rowCount(first), 2);
    QCOMPARE(titlesOf(Day), QStringList({"Rapat", "Kunjungan"}));
    QCOMPARE(m_model->indexOfDay(Day.addDays(2)).row(), 1);
    QVERIFY(!m_model->indexOfDay(Day.addDays(1)).isValid());
    QCOMPARE(m_model->columnCount(), int(AgendaDayGroupModel::ColumnCount));
}

void TestAgendaDayGroupModel::spanningFirstThenByStart()
{
    timed("late", "Sore", Day, "15:00", "16:00");
    timed("night", "Malam", Day, "20:00", "02:00", Day.addDays(1)); // multi-day timed
    timed("early", "Pagi", Day, "07:00", "08:00");
    allDay("fest", "Festival", Day, Day);
    QCOMPARE(titlesOf(Day), QStringList({"Festival", "Malam", "Pagi", "Sore"}));
}

void TestAgendaDayGroupModel::multiDayOnEachDay()
{
    allDay("musren", "Musrenbang", Day.addDays(-1), Day.addDays(1));
    timed("x", "Rapat", Day, "08:00", "09:00");
    QCOMPARE(m_model->rowCount(), 3);
    for (int d = -1; d <= 1; ++d)
        QVERIFY2(titlesOf(Day.addDays(d)).startsWith("Musrenbang"), qPrintable(Day.addDays(d).toString()));
    QCOMPARE(titlesOf(Day), QStringList({"Musrenbang", "Rapat"}));
    const QModelIndex child = m_model->index(0, 0, m_model->indexOfDay(Day.addDays(1)));
    QCOMPARE(child.data(AgendaDayGroupModel::DateRole).toDate(), Day.addDays(1));
    QCOMPARE(child.data(AgendaModel::IdRole).toString(), QString("musren"));
}

void TestAgendaDayGroupModel::timeText_data()
{
    QTest::addColumn<int>("dayOffset");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first day") << 0 << "from 20.00";
    QTest::newRow("middle day") << 1 << "All day";
    QTest::newRow("last day") << 2 << "until 02.00";
}

void TestAgendaDayGroupModel::timeText()
{
    QFETCH(int, dayOffset);
    QFETCH(QString, expected);
    timed("night", "Jaga malam", Day, "20:00", "02:00", Day.addDays(2));
    timed("day", "Rapat", Day, "08:00", "09:30");
    allDay("fest", "Festival", Day, Day);
    const QModelIndex day = m_model->indexOfDay(Day.addDays(dayOffset));
    QModelIndex night;
    for (int row = 0; row < m_model->rowCount(day); ++row) {
        if (m_model->index(row, 0, day).data(AgendaModel::IdRole) == "night")
            night = m_model->index(row, AgendaDayGroupModel::TimeColumn, day);
    }
    QCOMPARE(night.data().toString(), expected);
    if (dayOffset == 0) {
        QCOMPARE(titlesOf(Day).indexOf("Rapat"), 2);
        const QModelIndex today = m_model->indexOfDay(Day);
        QCOMPARE(m_model->index(2, AgendaDayGroupModel::TimeColumn, today).data().toString(),
                 DateText::time(QTime(8, 0)) + QString::fromUtf8("–") + DateText::time(QTime(9, 30)));
        QCOMPARE(m_model->index(0, AgendaDayGroupModel::TimeColumn, today).data().toString(), QString("All day"));
    }
}

void TestAgendaDayGroupModel::dateRangeClips()
{
    allDay("musren", "Musrenbang", Day.addDays(-3), Day.addDays(3));
    timed("x", "Rapat", Day.addDays(5), "08:00", "09:00");
    QCOMPARE(m_model->rowCount(), 8);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setDateRange(Day, Day.addDays(1));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0, 0).data(AgendaDayGroupModel::DateRole).toDate(), Day);
    m_model->setDateRange(QDate(), QDate());
    QCOMPARE(m_model->rowCount(), 8);
}

void TestAgendaDayGroupModel::columnsAndRoles()
{
    QStandardItem *item = timed("a", "Rapat koordinasi", Day, "08:00", "10:00");
    item->setData(true, AgendaModel::ConflictRole);
    item->setData("Bentrok pejabat — Bupati: Kunjungan kerja (09.00–11.00)", AgendaModel::ConflictTextRole);
    item->setData(AgendaModel::conflictColor(), Qt::BackgroundRole);
    item->setData("Aula", AgendaModel::VenueNameRole);
    item->setData("Parigi", AgendaModel::KecamatanNameRole);
    item->setData(QStringList({"Bupati", "Sekda"}), AgendaModel::OfficialIdsRole);
    timed("b", "Sosialisasi", Day, "13:00", "14:00");

    const QModelIndex day = m_model->indexOfDay(Day);
    const auto cell = [&](int row, int column) { return m_model->index(row, column, day); };
    QCOMPARE(cell(0, AgendaDayGroupModel::TitleColumn).data().toString(), QString("Rapat koordinasi"));
    QCOMPARE(cell(0, AgendaDayGroupModel::PlaceColumn).data().toString(), QString("Aula, Parigi"));
    QCOMPARE(cell(0, AgendaDayGroupModel::OfficialsColumn).data().toString(), QString("Bupati, Sekda"));
    QCOMPARE(cell(0, AgendaDayGroupModel::StatusColumn).data().toString(), QString("Terjadwal"));
    QCOMPARE(cell(0, AgendaDayGroupModel::ConflictColumn).data().toString(), QString("Clash"));
    QVERIFY(cell(0, AgendaDayGroupModel::ConflictColumn).data(Qt::ToolTipRole).toString().contains("Kunjungan kerja"));
    QCOMPARE(cell(0, AgendaDayGroupModel::ConflictColumn).data(Qt::BackgroundRole).value<QColor>(),
             AgendaModel::conflictColor());
    QVERIFY(cell(1, AgendaDayGroupModel::ConflictColumn).data().toString().isEmpty());
    QVERIFY(!cell(1, AgendaDayGroupModel::ConflictColumn).data(Qt::BackgroundRole).isValid());
    // The source's own roles pass through on every column.
    QCOMPARE(cell(0, AgendaDayGroupModel::StatusColumn).data(AgendaModel::IdRole).toString(), QString("a"));
    QVERIFY(cell(0, AgendaDayGroupModel::StatusColumn).data(AgendaModel::ConflictRole).toBool());
    QCOMPARE(m_model->mapToSource(cell(1, AgendaDayGroupModel::TitleColumn)), m_source->index(1, 0));
    QVERIFY(!m_model->mapToSource(day).isValid());
    QVERIFY(m_model->flags(cell(0, 0)) & Qt::ItemNeverHasChildren);
    QCOMPARE(m_model->headerData(AgendaDayGroupModel::PlaceColumn, Qt::Horizontal).toString(), QString("Place"));
}

void TestAgendaDayGroupModel::followsTheSource()
{
    timed("a", "Rapat", Day, "08:00", "09:00");
    QCOMPARE(m_model->rowCount(), 1);
    timed("b", "Peresmian", Day.addDays(1), "08:00", "09:00");
    QCOMPARE(m_model->rowCount(), 2);
    m_source->removeRow(0);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(AgendaDayGroupModel::DateRole).toDate(), Day.addDays(1));
    m_source->clear();
    QCOMPARE(m_model->rowCount(), 0);
    timed("c", "Apel", Day, "07:00", "08:00");
    m_source.reset(); // the source goes away first
    QCOMPARE(m_model->rowCount(), 0);
}

void TestAgendaDayGroupModel::dataChangeKeepsTheTree()
{
    QStandardItem *item = timed("a", "Rapat", Day, "08:00", "09:00");
    timed("b", "Apel", Day, "07:00", "07:30");
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    item->setData("Rapat koordinasi", AgendaModel::TitleRole);
    QCOMPARE(reset.size(), 0);
    QVERIFY(changed.size() > 0);
    QCOMPARE(titlesOf(Day), QStringList({"Apel", "Rapat koordinasi"}));

    // A new date regroups.
    item->setData(Day.addDays(1), AgendaModel::FirstDateRole);
    item->setData(Day.addDays(1), AgendaModel::LastDateRole);
    QVERIFY(reset.size() > 0);
    QCOMPARE(titlesOf(Day), QStringList({"Apel"}));
    QCOMPARE(titlesOf(Day.addDays(1)), QStringList({"Rapat koordinasi"}));
}

QTEST_GUILESS_MAIN(TestAgendaDayGroupModel)
#include "tst_agendadaygroupmodel.moc"
