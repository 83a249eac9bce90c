// MonthView (issue 3, "Views"): event chips from the agenda model, "+N more" when a day is
// full, conflicting events and days marked by colour and by shape, a tooltip naming the clash,
// keyboard and mouse. Real database: TestDatabase + EventRepository + AgendaModel +
// AgendaColorProxy, as the agenda page chains them.

#include "agenda/agendacolorproxy.h"
#include "agenda/agendamodel.h"
#include "agenda/eventrepository.h"
#include "agenda/monthview.h"
#include "common/datetext.h"

#include "testdatabase.h"
#include "testenvironment.h"

#include <QHelpEvent>
#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QToolTip>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using HumasUi::MonthView;
using Status = EventSpan::Status;

namespace {
const QDate Day(2026, 11, 23); // a Monday
const QDate Today(2026, 11, 18);

bool near(const QColor &a, const QColor &b, int tolerance = 24)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance &&
           qAbs(a.blue() - b.blue()) <= tolerance;
}
} // namespace

class TestMonthView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void gridStartsOnMonday();
    void chipsInOrder();
    void multiDayOnEachDay();
    void conflictChipsCarryTheConflictColour();
    void conflictIsDrawnAsAShape();
    void moreWhenTheDayIsFull();
    void clickOnMoreOpensTheDay();
    void keyboardNavigation();
    void clickSelectsADay();
    void doubleClickOnEventActivatesIt();
    void doubleClickOnEmptySpaceRequestsCreation();
    void dragRequestsARange();
    void tooltipNamesTheClash();
    void followsModelChanges();
    void screenshot();

private:
    QString official(const QString &code);
    QString add(const QString &title, const QDate &day, const QString &from, const QString &to,
                const QStringList &codes, Status status = Status::Terjadwal);
    QString addAllDay(const QString &title, const QDate &first, const QDate &last, const QStringList &codes);
    void reload();
    QImage grab() { return m_view->grab().toImage(); }

    std::unique_ptr<TestDatabase> m_db;
    Actor m_admin;
    std::unique_ptr<AgendaModel> m_model;
    std::unique_ptr<AgendaColorProxy> m_colors;
    std::unique_ptr<MonthView> m_view;
};

void TestMonthView::initTestCase()
{
    HumasTest::isolateEnvironment();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestMonthView::init()
{
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::Base);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_admin = m_db->addUser("admin1", "admin");
    m_model = std::make_unique<AgendaModel>(m_db->db(), m_admin);
    m_colors = std::make_unique<AgendaColorProxy>();
    m_colors->setSourceModel(m_model.get());
    m_view = std::make_unique<MonthView>();
    m_view->setModel(m_colors.get());
    m_view->setToday(Today);
    m_view->setMonth(Day);
    m_view->setCurrentDate(Day);
    // As the agenda page does: the model loads what the grid shows.
    connect(m_view.get(), &MonthView::monthChanged, m_model.get(), [this] { reload(); });
    reload();
    m_view->resize(980, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestMonthView::cleanup()
{
    m_view.reset();
    m_colors.reset();
    m_model.reset();
    m_db.reset();
}

void TestMonthView::reload()
{
    m_model->setRange(m_view->firstVisibleDate(), m_view->lastVisibleDate());
}

QString TestMonthView::official(const QString &code)
{
    QSqlQuery q(m_db->db().connection());
    q.prepare("SELECT id FROM officials WHERE deleted = 0 AND code = ?");
    q.addBindValue(code);
    if (!q.exec() || !q.next())
        qWarning() << "no official" << code;
    return q.value(0).toString();
}

QString TestMonthView::add(const QString &title, const QDate &day, const QString &from, const QString &to,
                           const QStringList &codes, Status status)
{
    EventRepository repo(m_db->db(), m_admin);
    EventRecord e;
    e.title = title;
    e.start = repo.localToUtc(day, QTime::fromString(from, "HH:mm"));
    e.end = repo.localToUtc(day, QTime::fromString(to, "HH:mm"));
    for (const QString &code : codes)
        e.officialsRequested << official(code);
    e.status = status;
    QString error;
    if (!repo.add(&e, &error))
        qWarning() << "add:" << error;
    return e.id;
}

QString TestMonthView::addAllDay(const QString &title, const QDate &first, const QDate &last, const QStringList &codes)
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

void TestMonthView::gridStartsOnMonday()
{
    QCOMPARE(m_view->month(), QDate(2026, 11, 1));
    QCOMPARE(m_view->firstVisibleDate(), QDate(2026, 10, 26)); // 1 November 2026 is a Sunday
    QCOMPARE(m_view->firstVisibleDate().dayOfWeek(), int(Qt::Monday));
    QCOMPARE(m_view->lastVisibleDate(), QDate(2026, 12, 6));
    QVERIFY(m_view->dayRect(QDate(2026, 10, 26)).left() < m_view->dayRect(QDate(2026, 10, 27)).left());
    QCOMPARE(m_view->dayRect(QDate(2026, 11, 2)).left(), m_view->dayRect(QDate(2026, 10, 26)).left());
    QVERIFY(m_view->dayRect(QDate(2026, 12, 7)).isNull());
    QCOMPARE(m_view->dateAt(m_view->dayRect(Day).center()), Day);
}

void TestMonthView::chipsInOrder()
{
    const QString late = add("Peresmian pasar", Day, "13:00", "14:00", {"BUPATI"});
    const QString early = add("Apel pagi", Day, "07:30", "08:00", {"SEKDA"});
    const QString allDay = addAllDay("Festival teluk", Day, Day, {"WABUP"});
    reload();

    const QList<MonthView::Chip> chips = m_view->chipsOn(Day);
    QCOMPARE(chips.size(), 3);
    QCOMPARE(chips.at(0).id, allDay);
    QCOMPARE(chips.at(1).id, early);
    QCOMPARE(chips.at(2).id, late);
    QCOMPARE(chips.at(0).text, QString("Festival teluk"));
    QCOMPARE(chips.at(1).text, DateText::time(QTime(7, 30)) + " Apel pagi");
    QVERIFY(chips.at(1).rect.top() > chips.at(0).rect.bottom());
    QVERIFY(chips.at(2).rect.top() > chips.at(1).rect.bottom());
    QVERIFY(m_view->dayRect(Day).contains(chips.at(1).rect));
    QCOMPARE(m_view->hiddenCountOn(Day), 0);
    QVERIFY(m_view->moreTextOn(Day).isEmpty());
    QVERIFY(m_view->chipsOn(Day.addDays(1)).isEmpty());
}

void TestMonthView::multiDayOnEachDay()
{
    const QString span = addAllDay("Musrenbang", Day.addDays(-1), Day.addDays(1), {"BUPATI"});
    const QString night = add("Malam budaya", Day.addDays(3), "20:00", "23:00", {"WABUP"});
    reload();

    for (int d = -1; d <= 1; ++d) {
        const QList<MonthView::Chip> chips = m_view->chipsOn(Day.addDays(d));
        QCOMPARE(chips.size(), 1);
        QCOMPARE(chips.at(0).id, span);
        QCOMPARE(chips.at(0).continuesBefore, d > -1);
        QCOMPARE(chips.at(0).continuesAfter, d < 1);
    }
    QVERIFY(m_view->chipsOn(Day.addDays(-2)).isEmpty());
    QVERIFY(m_view->chipsOn(Day.addDays(2)).isEmpty());
    QCOMPARE(m_view->chipsOn(Day.addDays(3)).size(), 1);
    QCOMPARE(m_view->chipsOn(Day.addDays(3)).at(0).id, night);
}

void TestMonthView::conflictChipsCarryTheConflictColour()
{
    const QString a = add("Rapat koordinasi", Day, "08:00", "10:00", {"BUPATI"});
    const QString b = add("Kunjungan kerja", Day, "09:00", "11:00", {"BUPATI"});
    const QString calm = add("Sosialisasi", Day.addDays(1), "09:00", "11:00", {"SEKDA"});
    reload();

    const QList<MonthView::Chip> chips = m_view->chipsOn(Day);
    QCOMPARE(chips.size(), 2);
    for (const MonthView::Chip &chip : chips) {
        QVERIFY(chip.id == a || chip.id == b);
        QVERIFY(chip.conflict);
        QCOMPARE(chip.background, AgendaModel::conflictColor());
    }
    const MonthView::Chip other = m_view->chipsOn(Day.addDays(1)).value(0);
    QCOMPARE(other.id, calm);
    QVERIFY(!other.conflict);
    QVERIFY(other.background != AgendaModel::conflictColor());
    QVERIFY(m_view->hasConflictOn(Day));
    QVERIFY(!m_view->hasConflictOn(Day.addDays(1)));

    // And on screen: the chip's fill is the conflict colour, the calm one's is not.
    const QImage image = grab();
    const MonthView::Chip chip = chips.at(0);
    const QPoint inside(chip.rect.right() - 2, chip.rect.bottom() - 1);
    QVERIFY2(near(image.pixelColor(inside), AgendaModel::conflictColor(), 2),
             qPrintable(image.pixelColor(inside).name()));
    const QPoint calmInside(other.rect.right() - 2, other.rect.bottom() - 1);
    QVERIFY(!near(image.pixelColor(calmInside), AgendaModel::conflictColor()));
}

void TestMonthView::conflictIsDrawnAsAShape()
{
    add("Rapat koordinasi", Day, "08:00", "10:00", {"BUPATI"});
    add("Kunjungan kerja", Day, "09:00", "11:00", {"BUPATI"});
    add("Sosialisasi", Day.addDays(1), "09:00", "11:00", {"SEKDA"});
    reload();
    const QImage image = grab();

    // A warning triangle in the chip's text colour at the start of a conflicting chip; none on
    // a calm chip.
    const auto markPixels = [&image](const MonthView::Chip &chip) {
        const QColor ink = chip.foreground;
        int count = 0;
        const int h = chip.rect.height();
        for (int y = chip.rect.top(); y <= chip.rect.bottom(); ++y) {
            for (int x = chip.rect.left(); x < chip.rect.left() + h; ++x)
                count += near(image.pixelColor(x, y), ink, 40) ? 1 : 0;
        }
        return count;
    };
    const MonthView::Chip clash = m_view->chipsOn(Day).value(0);
    const MonthView::Chip calm = m_view->chipsOn(Day.addDays(1)).value(0);
    QVERIFY(clash.conflict);
    QVERIFY2(markPixels(clash) > 20, qPrintable(QString::number(markPixels(clash))));
    QVERIFY(markPixels(calm) < markPixels(clash) / 2);

    // The day itself: a corner mark in the conflict colour; none on the calm day.
    const QRect day = m_view->dayRect(Day);
    QVERIFY2(near(image.pixelColor(day.topRight() + QPoint(-2, 2)), AgendaModel::conflictColor(), 2),
             qPrintable(image.pixelColor(day.topRight() + QPoint(-2, 2)).name()));
    const QRect calmDay = m_view->dayRect(Day.addDays(1));
    QVERIFY(!near(image.pixelColor(calmDay.topRight() + QPoint(-2, 2)), AgendaModel::conflictColor()));
}

void TestMonthView::moreWhenTheDayIsFull()
{
    QStringList ids;
    for (int i = 0; i < 12; ++i)
        ids << add(QString("Acara %1").arg(i, 2, 10, QChar('0')), Day, QTime(7, 0).addSecs(i * 1800).toString("HH:mm"),
                   QTime(7, 0).addSecs(i * 1800 + 1500).toString("HH:mm"), {"ASISTEN1"});
    add("Satu-satunya", Day.addDays(1), "08:00", "09:00", {"ASISTEN2"});
    reload();

    const QList<MonthView::Chip> chips = m_view->chipsOn(Day);
    const int hidden = m_view->hiddenCountOn(Day);
    QVERIFY(!chips.isEmpty());
    QVERIFY(hidden > 0);
    QCOMPARE(chips.size() + hidden, 12);
    QCOMPARE(m_view->moreTextOn(Day), QString("+%1 more").arg(hidden));
    const QRect more = m_view->moreRectOn(Day);
    QVERIFY(more.top() > chips.last().rect.bottom());
    QVERIFY(m_view->dayRect(Day).contains(more));
    for (int i = 0; i < chips.size(); ++i)
        QCOMPARE(chips.at(i).id, ids.at(i)); // the earliest are shown
    QCOMPARE(m_view->hiddenCountOn(Day.addDays(1)), 0);
    QVERIFY(m_view->moreRectOn(Day.addDays(1)).isNull());

    // A taller view shows more of them.
    m_view->resize(980, 1400);
    QTRY_VERIFY(m_view->chipsOn(Day).size() > chips.size());
    QCOMPARE(m_view->chipsOn(Day).size() + m_view->hiddenCountOn(Day), 12);
}

void TestMonthView::clickOnMoreOpensTheDay()
{
    for (int i = 0; i < 12; ++i)
        add(QString("Acara %1").arg(i), Day, "08:00", "09:00", {"ASISTEN1"});
    reload();
    const QRect more = m_view->moreRectOn(Day);
    QVERIFY(!more.isNull());
    QSignalSpy opened(m_view.get(), &MonthView::dayActivated);
    QSignalSpy created(m_view.get(), &MonthView::createRequested);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, more.center());
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toDate(), Day);
    QCOMPARE(created.size(), 0);
    QCOMPARE(m_view->toolTipAt(more.center()).count('\n') + 1, m_view->hiddenCountOn(Day));
}

void TestMonthView::keyboardNavigation()
{
    m_view->setFocus();
    QCOMPARE(m_view->currentDate(), Day);
    QSignalSpy current(m_view.get(), &MonthView::currentDateChanged);
    QSignalSpy month(m_view.get(), &MonthView::monthChanged);
    QSignalSpy opened(m_view.get(), &MonthView::dayActivated);
    add("Rapat Desember", QDate(2026, 12, 2), "08:00", "09:00", {"BUPATI"});

    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QCOMPARE(m_view->currentDate(), Day.addDays(1));
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.last().at(0).toDate(), Day.addDays(1));
    QCOMPARE(month.size(), 0);

    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QCOMPARE(m_view->currentDate(), Day.addDays(-7));
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentDate(), Day);

    // Down from 30 November crosses into December: the page turns and the model reloads.
    m_view->setCurrentDate(QDate(2026, 11, 30));
    QCOMPARE(month.size(), 0); // 30 November is in the shown month
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentDate(), QDate(2026, 12, 7));
    QCOMPARE(m_view->month(), QDate(2026, 12, 1));
    QCOMPARE(month.size(), 1);
    QCOMPARE(month.last().at(0).toDate(), QDate(2026, 12, 1));
    QCOMPARE(m_model->rangeFrom(), m_view->firstVisibleDate());
    QCOMPARE(m_view->chipsOn(QDate(2026, 12, 2)).size(), 1);

    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QCOMPARE(m_view->currentDate(), QDate(2026, 11, 7));
    QCOMPARE(m_view->month(), QDate(2026, 11, 1));
    QTest::keyClick(m_view.get(), Qt::Key_PageDown);
    QTest::keyClick(m_view.get(), Qt::Key_PageDown);
    QCOMPARE(m_view->currentDate(), QDate(2027, 1, 7));
    QCOMPARE(m_view->month(), QDate(2027, 1, 1));

    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QCOMPARE(m_view->currentDate(), Today);
    QCOMPARE(m_view->month(), QDate(2026, 11, 1));
    QCOMPARE(current.last().at(0).toDate(), Today);

    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toDate(), Today);

    // Shift extends the selection from where it started.
    QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(m_view->selectionStart(), Today);
    QCOMPARE(m_view->selectionEnd(), Today.addDays(2));
}

void TestMonthView::clickSelectsADay()
{
    QSignalSpy current(m_view.get(), &MonthView::currentDateChanged);
    QSignalSpy month(m_view.get(), &MonthView::monthChanged);
    const QDate target(2026, 11, 11);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->dayRect(target).center());
    QCOMPARE(m_view->currentDate(), target);
    QCOMPARE(m_view->selectionStart(), target);
    QCOMPARE(m_view->selectionEnd(), target);
    QCOMPARE(current.size(), 1);

    // A dimmed day of the next month is selected without turning the page.
    const QDate dimmed(2026, 12, 3);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->dayRect(dimmed).center());
    QCOMPARE(m_view->currentDate(), dimmed);
    QCOMPARE(m_view->month(), QDate(2026, 11, 1));
    QCOMPARE(month.size(), 0);
}

void TestMonthView::doubleClickOnEventActivatesIt()
{
    add("Rapat pagi", Day, "08:00", "09:00", {"BUPATI"});
    const QString second = add("Rapat siang", Day, "13:00", "14:00", {"BUPATI"});
    reload();
    const QList<MonthView::Chip> chips = m_view->chipsOn(Day);
    QCOMPARE(chips.size(), 2);
    QCOMPARE(chips.at(1).id, second);

    QSignalSpy activated(m_view.get(), &MonthView::eventActivated);
    QSignalSpy created(m_view.get(), &MonthView::createRequested);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, chips.at(1).rect.center());
    QTest::mouseDClick(m_view.get(), Qt::LeftButton, {}, chips.at(1).rect.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), second);
    QCOMPARE(created.size(), 0);
    QCOMPARE(m_view->eventIdAt(chips.at(1).rect.center()), second);
}

void TestMonthView::doubleClickOnEmptySpaceRequestsCreation()
{
    QSignalSpy activated(m_view.get(), &MonthView::eventActivated);
    QSignalSpy created(m_view.get(), &MonthView::createRequested);
    const QDate target(2026, 11, 12);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->dayRect(target).center());
    QTest::mouseDClick(m_view.get(), Qt::LeftButton, {}, m_view->dayRect(target).center());
    QCOMPARE(activated.size(), 0);
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.at(0).at(0).toDate(), target);
    QCOMPARE(created.at(0).at(1).toDate(), target);
}

void TestMonthView::dragRequestsARange()
{
    QSignalSpy created(m_view.get(), &MonthView::createRequested);
    const QDate from(2026, 11, 10);
    const QDate to(2026, 11, 19);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, m_view->dayRect(to).center());
    QTest::mouseMove(m_view.get(), m_view->dayRect(to.addDays(-3)).center());
    QTest::mouseMove(m_view.get(), m_view->dayRect(from).center());
    QCOMPARE(m_view->selectionStart(), from); // dragging backwards works too
    QCOMPARE(m_view->selectionEnd(), to);
    QCOMPARE(created.size(), 0);
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, m_view->dayRect(from).center());
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.at(0).at(0).toDate(), from);
    QCOMPARE(created.at(0).at(1).toDate(), to);

    // A click without moving is no range.
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->dayRect(from).center());
    QCOMPARE(created.size(), 1);
}

void TestMonthView::tooltipNamesTheClash()
{
    const QString a = add("Rapat koordinasi", Day, "08:00", "10:00", {"BUPATI"});
    add("Kunjungan kerja", Day, "09:00", "11:00", {"BUPATI"});
    reload();
    const QList<MonthView::Chip> chips = m_view->chipsOn(Day);
    QCOMPARE(chips.size(), 2);
    QCOMPARE(chips.at(0).id, a);
    const QPoint pos = chips.at(0).rect.center();

    const QString tip = m_view->toolTipAt(pos);
    QVERIFY2(tip.contains("Rapat koordinasi"), qPrintable(tip));
    QVERIFY2(tip.contains("Kunjungan kerja"), qPrintable(tip)); // the other event of the clash
    QVERIFY2(tip.contains(AgendaModel::kindText(Conflict::Kind::Official)), qPrintable(tip));

    QHelpEvent help(QEvent::ToolTip, pos, m_view->mapToGlobal(pos));
    QApplication::sendEvent(m_view.get(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains("Kunjungan kerja"));

    // The day cell outside the chips says how many clash.
    const QRect day = m_view->dayRect(Day);
    QVERIFY(m_view->toolTipAt(QPoint(day.center().x(), day.bottom() - 3)).contains("2"));
}

void TestMonthView::followsModelChanges()
{
    QVERIFY(m_view->chipsOn(Day).isEmpty());
    const QString id = add("Rapat", Day, "08:00", "09:00", {"BUPATI"});
    m_model->reload();
    QCOMPARE(m_view->chipsOn(Day).value(0).id, id);
    m_colors->setSourceModel(nullptr);
    QVERIFY(m_view->chipsOn(Day).isEmpty());
}

void TestMonthView::screenshot()
{
    // Writes a picture for the README when HUMAS_SCREENSHOT names a file; checks nothing else.
    const QString path = qEnvironmentVariable("HUMAS_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set HUMAS_SCREENSHOT=file.png to write a screenshot");
    QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    m_view.reset();
    m_view = std::make_unique<MonthView>();
    m_view->setModel(m_colors.get());
    m_view->setToday(Today);
    m_view->setMonth(Day);
    m_view->setCurrentDate(Today);
    m_view->setHolidays({{QDate(2026, 11, 10), "Hari Pahlawan (contoh)"}, {QDate(2026, 12, 25), "Hari Raya Natal"}});
    add("Rapat koordinasi Forkopimda", Day, "08:00", "10:00", {"BUPATI", "SEKDA"});
    add("Kunjungan kerja ke Tinombo", Day, "09:30", "12:00", {"BUPATI"});
    add("Apel pagi gabungan", Day, "07:30", "08:00", {"WABUP", "SEKDA"});
    add("Peresmian puskesmas", Day.addDays(2), "09:00", "11:00", {"WABUP"});
    add("Rapat anggaran", Day.addDays(2), "10:00", "12:00", {"WABUP"});
    add("Sosialisasi PPID", Day.addDays(-6), "13:00", "15:00", {"ASISTEN1"});
    add("Pelantikan pejabat", Day.addDays(-9), "10:00", "12:00", {"BUPATI"}, Status::Diajukan);
    add("Rapat evaluasi (ditunda)", Day.addDays(-9), "14:00", "15:00", {"SEKDA"}, Status::Ditunda);
    add("Rapat paripurna DPRD", Day.addDays(4), "09:00", "12:00", {"BUPATI"}, Status::Selesai);
    addAllDay("Festival Teluk Tomini", Day.addDays(-3), Day.addDays(-1), {"WABUP"});
    addAllDay("Musrenbang kecamatan", Day.addDays(8), Day.addDays(9), {"ASISTEN2"});
    for (int i = 0; i < 7; ++i)
        add(QString("Kegiatan OPD %1").arg(i + 1), QDate(2026, 11, 4), QTime(8, 0).addSecs(i * 3600).toString("HH:mm"),
            QTime(8, 45).addSecs(i * 3600).toString("HH:mm"), {"ASISTEN3"});
    reload();
    m_view->resize(1100, 760);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(m_view->grab().save(path));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

QTEST_MAIN(TestMonthView)
#include "tst_monthview.moc"
