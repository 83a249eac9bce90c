// TimeGridView (issue 3, "Views"): the week, day and per-official day views. Events in the
// right column and time, side by side when they overlap, across midnight in both days, all-day
// events in the strip; conflicts in the conflict colour with a warning mark and a tooltip;
// dragging to move and resize with snapped times and live conflict feedback from a probe built
// as the agenda page builds it (AgendaModel::conflictsFor + describeAll); range selection,
// double-click and keyboard. Real database: TestDatabase + EventRepository + AgendaModel +
// AgendaColorProxy.

#include "agenda/agendacolorproxy.h"
#include "agenda/agendafilterproxy.h"
#include "agenda/agendamodel.h"
#include "agenda/eventrepository.h"
#include "agenda/timegridview.h"
#include "common/datetext.h"
#include "master/referencerepositories.h"

#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using HumasUi::TimeGridView;
using Status = EventSpan::Status;

namespace {
const QDate Monday(2026, 11, 23);
const QDate Tuesday = Monday.addDays(1);
const QDate Wednesday = Monday.addDays(2);

bool near(const QColor &a, const QColor &b, int tolerance = 24)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance &&
           qAbs(a.blue() - b.blue()) <= tolerance;
}

/** Share of the pixels of @p rect (shrunk by 2) whose colour is near @p colour. */
double share(const QImage &image, const QRectF &rect, const QColor &colour)
{
    const QRect r = rect.toAlignedRect().adjusted(2, 2, -2, -2).intersected(image.rect());
    int hits = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            hits += near(image.pixelColor(x, y), colour) ? 1 : 0;
    }
    return r.isEmpty() ? 0.0 : double(hits) / (r.width() * r.height());
}

QTime hhmm(const QString &text)
{
    return QTime::fromString(text, "HH:mm");
}
} // namespace

class TestTimeGridView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void weekColumnsAndHours();
    void eventInItsDayAndTime();
    void acrossMidnightInEachDay();
    void overlappingSideBySide_data();
    void overlappingSideBySide();
    void allDayInTheStrip();
    void conflictColourAndMark();
    void tooltipNamesTheClash();
    void dragMovesWithSnappedTimes();
    void dragAtTheEdgeScrolls();
    void liveConflictFeedbackWhileDragging();
    void escapeCancelsADrag();
    void resizeFromTheBottomEdge();
    void rangeSelectionRequestsCreation();
    void doubleClickAndKeyboard();
    void officialColumns();
    void officialModeDragAndCreate();
    void followsModelChanges();
    void screenshots();

private:
    QString official(const QString &code);
    QString venue(const QString &name, const QString &kecamatan);
    QString add(const QString &title, const QDate &day, const QString &from, const QString &to,
                const QStringList &codes, const QString &venueId = QString(), Status status = Status::Terjadwal);
    QString addAllDay(const QString &title, const QDate &first, const QDate &last, const QStringList &codes);
    qint64 ms(const QDate &day, const QString &time) const;
    void reload();
    void showWeek();
    void showOfficials();
    QImage grab() { return m_view->viewport()->grab().toImage(); }
    QPoint at(int column, const QString &time) { return m_view->pointAt(column, hhmm(time)); }
    /** A point on empty time: in the free gap at the right edge of the column. */
    QPoint emptyAt(int column, const QString &time)
    {
        return QPoint(int(m_view->columnRect(column).right()) - 2, at(column, time).y());
    }
    int officialColumn(const QString &code);

    std::unique_ptr<TestDatabase> m_db;
    Actor m_admin;
    std::unique_ptr<AgendaModel> m_model;
    std::unique_ptr<AgendaColorProxy> m_colors;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<TimeGridView> m_view;
    int m_probeCalls = 0;
    QString m_probeId;
    qint64 m_probeStart = 0;
    qint64 m_probeEnd = 0;
};

void TestTimeGridView::initTestCase()
{
    HumasTest::isolateEnvironment();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestTimeGridView::init()
{
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_admin = m_db->addUser("admin1", "admin");
    m_model = std::make_unique<AgendaModel>(m_db->db(), m_admin);
    m_colors = std::make_unique<AgendaColorProxy>();
    m_colors->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_colors.get());
    m_view = std::make_unique<TimeGridView>();
    m_view->setModel(m_colors.get());
    m_view->setToday(Tuesday);
    // The probe as the agenda page builds it: the stored event at the new times, checked by
    // the model's conflict index, described in the user's words.
    m_probeCalls = 0;
    m_view->setConflictProbe([this](const QString &id, qint64 startMs, qint64 endMs) {
        ++m_probeCalls;
        m_probeId = id;
        m_probeStart = startMs;
        m_probeEnd = endMs;
        EventRecord draft = m_model->loadedRecord(id);
        draft.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
        draft.end = QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC);
        return m_model->describeAll(m_model->conflictsFor(draft), id);
    });
    m_view->resize(1000, 760);
    showWeek();
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestTimeGridView::cleanup()
{
    m_view.reset();
    m_tester.reset();
    m_colors.reset();
    m_model.reset();
    m_db.reset();
}

void TestTimeGridView::showWeek()
{
    m_view->setDays(Monday, 7);
    reload();
}

void TestTimeGridView::showOfficials()
{
    QStringList ids;
    QStringList headers;
    for (const AgendaDirectory::Official &o : m_model->directory().officials) {
        ids << o.id;
        headers << o.position;
    }
    m_view->setOfficialColumns(Monday, ids, headers);
}

void TestTimeGridView::reload()
{
    m_model->setRange(m_view->firstDate(), m_view->lastDate());
}

QString TestTimeGridView::official(const QString &code)
{
    QSqlQuery q(m_db->db().connection());
    q.prepare("SELECT id FROM officials WHERE deleted = 0 AND code = ?");
    q.addBindValue(code);
    if (!q.exec() || !q.next())
        qWarning() << "no official" << code;
    return q.value(0).toString();
}

int TestTimeGridView::officialColumn(const QString &code)
{
    const QString id = official(code);
    for (int c = 0; c < m_view->columnCount(); ++c) {
        if (m_view->columnOfficialId(c) == id)
            return c;
    }
    return -1;
}

QString TestTimeGridView::venue(const QString &name, const QString &kecamatan)
{
    QSqlQuery q(m_db->db().connection());
    q.prepare("SELECT id FROM kecamatan WHERE deleted = 0 AND name = ?");
    q.addBindValue(kecamatan);
    if (!q.exec() || !q.next())
        qWarning() << "no kecamatan" << kecamatan;
    VenueRepository venues(m_db->db(), Actor::system());
    QString venueId;
    QString error;
    if (!venues.insert({{"name", name}, {"kecamatan_id", q.value(0).toString()}}, &venueId, &error))
        qWarning() << "venue:" << error;
    return venueId;
}

QString TestTimeGridView::add(const QString &title, const QDate &day, const QString &from, const QString &to,
                              const QStringList &codes, const QString &venueId, Status status)
{
    EventRepository repo(m_db->db(), m_admin);
    EventRecord e;
    e.title = title;
    e.start = repo.localToUtc(day, hhmm(from));
    // An end before the start means the next day (across midnight).
    const QTime end = hhmm(to);
    e.end = repo.localToUtc(end <= hhmm(from) ? day.addDays(1) : day, end);
    for (const QString &code : codes)
        e.officialsRequested << official(code);
    e.venueId = venueId;
    e.status = status;
    QString error;
    if (!repo.add(&e, &error))
        qWarning() << "add:" << error;
    return e.id;
}

QString TestTimeGridView::addAllDay(const QString &title, const QDate &first, const QDate &last,
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

qint64 TestTimeGridView::ms(const QDate &day, const QString &time) const
{
    return EventRepository(m_db->db(), m_admin).localToUtc(day, hhmm(time)).toMSecsSinceEpoch();
}

// ---------------------------------------------------------------------------------------------

void TestTimeGridView::weekColumnsAndHours()
{
    QCOMPARE(m_view->mode(), TimeGridView::Mode::Days);
    QCOMPARE(m_view->columnCount(), 7);
    QCOMPARE(m_view->columnDate(0), Monday);
    QCOMPARE(m_view->columnDate(6), Monday.addDays(6));
    QCOMPARE(m_view->firstDate(), Monday);
    QCOMPARE(m_view->lastDate(), Monday.addDays(6));
    QVERIFY(m_view->columnOfficialId(0).isEmpty());
    QCOMPARE(m_view->columnHeader(0), QLocale().toString(Monday, "ddd d MMM"));
    // Opens at 07.00; hours run down, days across.
    QCOMPARE(m_view->topTime(), QTime(7, 0));
    QVERIFY(m_view->columnRect(1).left() > m_view->columnRect(0).left());
    QVERIFY(at(0, "09:00").y() > at(0, "08:00").y());
    QCOMPARE(m_view->timeAt(at(2, "08:00")), QDateTime(Wednesday, QTime(8, 0), Qt::OffsetFromUTC, 8 * 3600));
    QCOMPARE(m_view->columnAt(at(3, "12:00")), 3);
    QVERIFY(!m_view->timeAt(QPoint(2, at(0, "08:00").y())).isValid()); // in the hour gutter
    m_view->setDays(Tuesday, 1);
    QCOMPARE(m_view->columnCount(), 1);
    QCOMPARE(m_view->columnHeader(0), DateText::longDate(Tuesday));
}

void TestTimeGridView::eventInItsDayAndTime()
{
    const QString id = add("Rapat koordinasi", Tuesday, "08:00", "10:00", {"BUPATI"});
    reload();
    QCOMPARE(m_view->eventsInColumn(1), QStringList{id});
    QVERIFY(m_view->eventsInColumn(0).isEmpty());
    QVERIFY(m_view->eventsInColumn(2).isEmpty());
    QCOMPARE(m_view->columnsOf(id), QList<int>{1});
    const QRectF r = m_view->eventRect(id);
    QVERIFY(qAbs(r.top() - at(1, "08:00").y()) <= 2);
    QVERIFY(qAbs(r.bottom() - at(1, "10:00").y()) <= 2);
    QVERIFY(m_view->columnRect(1).contains(r));
    QCOMPARE(m_view->eventAt(r.center().toPoint()), id);
    QVERIFY(m_view->eventAt(at(1, "11:00")).isEmpty());
}

void TestTimeGridView::acrossMidnightInEachDay()
{
    const QString id = add("Malam budaya", Monday, "22:00", "02:00", {"WABUP"});
    reload();
    QCOMPARE(m_view->columnsOf(id), (QList<int>{0, 1}));
    const QRectF monday = m_view->eventRect(id, 0);
    const QRectF tuesday = m_view->eventRect(id, 1);
    QVERIFY(qAbs(monday.top() - at(0, "22:00").y()) <= 2);
    QVERIFY(qAbs(monday.bottom() - m_view->columnRect(0).bottom()) <= 2); // clipped at midnight
    QVERIFY(qAbs(tuesday.top() - m_view->columnRect(1).top()) <= 2);
    QVERIFY(qAbs(tuesday.bottom() - at(1, "02:00").y()) <= 2);
    QVERIFY(m_view->eventRect(id, 2).isNull());
}

void TestTimeGridView::overlappingSideBySide_data()
{
    QTest::addColumn<QString>("firstTo");
    QTest::addColumn<QString>("secondFrom");
    QTest::addColumn<bool>("sideBySide");
    QTest::newRow("overlap") << "10:00"
                             << "09:00" << true;
    QTest::newRow("touching ends") << "10:00"
                                   << "10:00" << false;
    QTest::newRow("apart") << "09:00"
                           << "11:00" << false;
}

void TestTimeGridView::overlappingSideBySide()
{
    QFETCH(QString, firstTo);
    QFETCH(QString, secondFrom);
    QFETCH(bool, sideBySide);
    // Different officials: side by side because of time alone, not because of a clash.
    const QString a = add("Apel", Monday, "08:00", firstTo, {"BUPATI"});
    const QString b = add("Kunjungan", Monday, secondFrom, "12:00", {"SEKDA"});
    reload();
    const QRectF ra = m_view->eventRect(a);
    const QRectF rb = m_view->eventRect(b);
    const QRectF column = m_view->columnRect(0);
    if (sideBySide) {
        QVERIFY(ra.right() <= rb.left());
        QVERIFY(ra.width() < column.width() / 2);
        QVERIFY(rb.width() < column.width() / 2);
        QVERIFY(!ra.intersects(rb));
    } else {
        QCOMPARE(ra.left(), rb.left());
        QVERIFY(ra.width() > column.width() * 0.8);
        QVERIFY(rb.width() > column.width() * 0.8);
    }
}

void TestTimeGridView::allDayInTheStrip()
{
    const QString id = addAllDay("Musrenbang kabupaten", Tuesday, Monday.addDays(3), {"BUPATI"});
    const QString timed = add("Apel", Tuesday, "08:00", "09:00", {"BUPATI"});
    reload();
    QVERIFY(m_view->allDayEventsInColumn(0).isEmpty());
    for (int c = 1; c <= 3; ++c)
        QCOMPARE(m_view->allDayEventsInColumn(c), QStringList{id});
    QVERIFY(m_view->allDayEventsInColumn(4).isEmpty());
    QCOMPARE(m_view->eventsInColumn(1), (QStringList{timed, id}));
    QVERIFY(m_view->columnsOf(id).isEmpty()); // not in the time grid
    const QRectF r = m_view->eventRect(id);
    QVERIFY(r.bottom() < m_view->columnRect(0).top() + m_view->verticalScrollBar()->value());
    QVERIFY(r.left() > m_view->columnRect(1).left() && r.left() < m_view->columnRect(1).center().x());
    QVERIFY(r.right() > m_view->columnRect(3).center().x() && r.right() < m_view->columnRect(3).right());
    QCOMPARE(m_view->eventAt(r.center().toPoint()), id);
}

void TestTimeGridView::conflictColourAndMark()
{
    const QString first = add("Rapat koordinasi", Monday, "09:00", "10:00", {"BUPATI"});
    const QString second = add("Kunjungan kerja", Monday, "09:30", "11:00", {"BUPATI"});
    const QString calm = add("Apel pagi", Tuesday, "09:00", "10:00", {"SEKDA"});
    reload();

    const QModelIndex index = m_colors->index(m_model->rowOf(first), 0);
    QVERIFY(index.data(AgendaModel::ConflictRole).toBool());
    QVERIFY(!m_colors->index(m_model->rowOf(calm), 0).data(AgendaModel::ConflictRole).toBool());

    const QImage image = grab();
    const QColor conflict = AgendaModel::conflictColor();
    for (const QString &id : {first, second}) {
        const double s = share(image, m_view->eventRect(id), conflict);
        QVERIFY2(s > 0.5, qPrintable(QString("%1: %2 of the box in the conflict colour").arg(id).arg(s)));
    }
    QVERIFY(share(image, m_view->eventRect(calm), conflict) < 0.02);

    // The warning mark: a solid white triangle at the top left of the box, where the calm
    // event has none.
    const QFont small = [this] {
        QFont f = m_view->font();
        f.setPointSizeF(f.pointSizeF() * 0.88);
        return f;
    }();
    const double size = QFontMetricsF(small).height() - 1;
    const QRectF r = m_view->eventRect(first);
    const QRectF mark(r.left() + 3, r.top() + 2, size, size);
    const QColor white(Qt::white);
    QVERIFY2(share(image, mark.adjusted(-2, -2, 2, 2), white) > 0.18,
             qPrintable(QString::number(share(image, mark.adjusted(-2, -2, 2, 2), white))));
    const QRectF calmRect = m_view->eventRect(calm);
    QVERIFY(share(image, QRectF(calmRect.left() + 3, calmRect.top() + 2, size, size), white) < 0.05);
}

void TestTimeGridView::tooltipNamesTheClash()
{
    const QString first = add("Rapat koordinasi", Monday, "09:00", "10:00", {"BUPATI"});
    add("Kunjungan kerja", Monday, "09:30", "11:00", {"BUPATI"});
    reload();
    const QString tip = m_view->toolTipAt(m_view->eventRect(first).center().toPoint());
    QVERIFY2(tip.contains("Rapat koordinasi"), qPrintable(tip));
    QVERIFY2(tip.contains("Kunjungan kerja"), qPrintable(tip));
    QVERIFY2(tip.contains(AgendaModel::kindText(Conflict::Kind::Official)), qPrintable(tip));
    QVERIFY(m_view->toolTipAt(emptyAt(3, "09:00")).isEmpty());
}

void TestTimeGridView::dragMovesWithSnappedTimes()
{
    const QString id = add("Rapat koordinasi", Monday, "08:00", "09:00", {"BUPATI"});
    reload();
    QSignalSpy moved(m_view.get(), &TimeGridView::eventMoveRequested);
    QWidget *vp = m_view->viewport();

    QTest::mousePress(vp, Qt::LeftButton, {}, at(0, "08:30"));
    QVERIFY(!m_view->isDragging());
    QTest::mouseMove(vp, at(1, "10:00"));
    QVERIFY(m_view->isDragging());
    // Held half an hour into the event and dropped at Wednesday 11.20: starts 10.50, snapped
    // to the nearest quarter hour.
    QTest::mouseMove(vp, at(2, "11:20"));
    QCOMPARE(m_view->ghostStartMs(), ms(Wednesday, "10:45"));
    QCOMPARE(m_view->ghostEndMs(), ms(Wednesday, "11:45"));
    const QRectF ghost = m_view->ghostRect();
    QVERIFY(qAbs(ghost.top() - at(2, "10:45").y()) <= 2);
    QVERIFY(m_view->columnRect(2).contains(ghost));
    QVERIFY(moved.isEmpty());
    QTest::mouseRelease(vp, Qt::LeftButton, {}, at(2, "11:20"));

    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.at(0).at(0).toString(), id);
    QCOMPARE(moved.at(0).at(1).toLongLong(), ms(Wednesday, "10:45"));
    QCOMPARE(moved.at(0).at(2).toLongLong(), ms(Wednesday, "11:45"));
    QVERIFY(!m_view->isDragging());
    // The view does not write: the event is where it was until the owner moves it.
    QCOMPARE(m_view->columnsOf(id), QList<int>{0});

    // A click without moving is no move.
    QTest::mouseClick(vp, Qt::LeftButton, {}, at(0, "08:30"));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(m_view->selectedEventId(), id);
}

void TestTimeGridView::dragAtTheEdgeScrolls()
{
    const QString id = add("Rapat koordinasi", Monday, "08:00", "09:00", {"BUPATI"});
    reload();
    QSignalSpy moved(m_view.get(), &TimeGridView::eventMoveRequested);
    QWidget *vp = m_view->viewport();
    const int top = m_view->verticalScrollBar()->value();
    QTest::mousePress(vp, Qt::LeftButton, {}, at(0, "08:30"));
    const QPoint bottom(at(0, "08:30").x(), vp->height() - 4);
    QTest::mouseMove(vp, bottom);
    const qint64 firstStart = m_view->ghostStartMs();
    // Held at the bottom edge, the grid scrolls and the ghost follows to later times.
    QTRY_VERIFY(m_view->verticalScrollBar()->value() >= top + 2 * m_view->hourHeight());
    QVERIFY(m_view->ghostStartMs() > firstStart);
    QTest::mouseMove(vp, bottom - QPoint(0, 40));
    const qint64 start = m_view->ghostStartMs();
    QTest::mouseRelease(vp, Qt::LeftButton, {}, bottom - QPoint(0, 40));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.at(0).at(0).toString(), id);
    QCOMPARE(moved.at(0).at(1).toLongLong(), start);
    QCOMPARE((start - ms(Monday, "00:00")) % (15 * 60 * 1000), 0);
}

void TestTimeGridView::liveConflictFeedbackWhileDragging()
{
    const QString id = add("Rapat koordinasi", Monday, "08:00", "09:00", {"BUPATI"});
    const QString busy = add("Rapat paripurna DPRD", Monday, "11:00", "12:00", {"BUPATI"});
    reload();
    QVERIFY(!m_colors->index(m_model->rowOf(id), 0).data(AgendaModel::ConflictRole).toBool());
    QWidget *vp = m_view->viewport();

    QTest::mousePress(vp, Qt::LeftButton, {}, at(0, "08:30"));
    QTest::mouseMove(vp, at(0, "11:30"));
    QVERIFY(m_view->isDragging());
    QVERIFY(m_probeCalls >= 1);
    QCOMPARE(m_probeId, id);
    QCOMPARE(m_probeStart, ms(Monday, "11:00"));
    QCOMPARE(m_probeEnd, ms(Monday, "12:00"));
    QVERIFY2(m_view->ghostConflictText().contains("Rapat paripurna DPRD"), qPrintable(m_view->ghostConflictText()));

    // The ghost turns the conflict colour and the text is drawn beside it.
    QImage image = grab();
    const QRectF ghost = m_view->ghostRect();
    QVERIFY2(share(image, ghost, AgendaModel::conflictColor()) > 0.5,
             qPrintable(QString::number(share(image, ghost, AgendaModel::conflictColor()))));
    const QRectF note = m_view->ghostNoteRect();
    QVERIFY(!note.isEmpty());
    QVERIFY(!note.intersects(ghost));
    QVERIFY(qAbs(note.top() - ghost.top()) <= 2);
    const QColor noteFill = m_view->palette().color(QPalette::ToolTipBase);
    QVERIFY(share(image, note.adjusted(4, 4, -4, -4), noteFill) > 0.5);
    QVERIFY(near(image.pixelColor(note.center().toPoint().x(), int(note.top()) + 1), AgendaModel::conflictColor(), 40));
    const QString savedText = m_view->ghostConflictText();
    m_view->viewport()->grab().save(qEnvironmentVariable("HUMAS_SCREENSHOT_DIR", QDir::tempPath()) +
                                    "/timegrid-drag.png");

    // Moved clear of the clash: the probe is asked again and the ghost is calm.
    const int calls = m_probeCalls;
    QTest::mouseMove(vp, at(0, "14:30"));
    QCOMPARE(m_probeCalls, calls + 1);
    QVERIFY(m_view->ghostConflictText().isEmpty());
    QVERIFY(m_view->ghostNoteRect().isNull());
    image = grab();
    QVERIFY(share(image, m_view->ghostRect(), AgendaModel::conflictColor()) < 0.05);
    // Moving within the same snapped place asks nothing new.
    QTest::mouseMove(vp, at(0, "14:32"));
    QCOMPARE(m_probeCalls, calls + 1);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, at(0, "14:32"));
    QVERIFY(!savedText.isEmpty());
    Q_UNUSED(busy);
}

void TestTimeGridView::escapeCancelsADrag()
{
    add("Rapat koordinasi", Monday, "08:00", "09:00", {"BUPATI"});
    reload();
    QSignalSpy moved(m_view.get(), &TimeGridView::eventMoveRequested);
    QWidget *vp = m_view->viewport();
    QTest::mousePress(vp, Qt::LeftButton, {}, at(0, "08:30"));
    QTest::mouseMove(vp, at(1, "13:00"));
    QVERIFY(m_view->isDragging());
    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QVERIFY(!m_view->isDragging());
    QVERIFY(m_view->ghostRect().isNull());
    QTest::mouseMove(vp, at(2, "13:00"));
    QVERIFY(!m_view->isDragging());
    QTest::mouseRelease(vp, Qt::LeftButton, {}, at(2, "13:00"));
    QVERIFY(moved.isEmpty());
}

void TestTimeGridView::resizeFromTheBottomEdge()
{
    const QString id = add("Rapat koordinasi", Monday, "08:00", "09:00", {"BUPATI"});
    reload();
    QSignalSpy moved(m_view.get(), &TimeGridView::eventMoveRequested);
    QWidget *vp = m_view->viewport();
    const QRectF r = m_view->eventRect(id);
    const QPoint edge(int(r.center().x()), int(r.bottom()) - 2);

    QTest::mousePress(vp, Qt::LeftButton, {}, edge);
    QTest::mouseMove(vp, at(0, "10:20"));
    QCOMPARE(m_view->ghostStartMs(), ms(Monday, "08:00"));
    QCOMPARE(m_view->ghostEndMs(), ms(Monday, "10:15"));
    // Never shorter than one step, never before its start.
    QTest::mouseMove(vp, at(0, "06:00"));
    QCOMPARE(m_view->ghostEndMs(), ms(Monday, "08:15"));
    QTest::mouseMove(vp, at(0, "10:20"));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, at(0, "10:20"));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.at(0).at(1).toLongLong(), ms(Monday, "08:00"));
    QCOMPARE(moved.at(0).at(2).toLongLong(), ms(Monday, "10:15"));

    // The body of the event moves it instead.
    QTest::mousePress(vp, Qt::LeftButton, {}, r.center().toPoint());
    QTest::mouseMove(vp, r.center().toPoint() + QPoint(0, at(0, "10:00").y() - at(0, "09:00").y()));
    QCOMPARE(m_view->ghostStartMs(), ms(Monday, "09:00"));
    QCOMPARE(m_view->ghostEndMs(), ms(Monday, "10:00"));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, r.center().toPoint());
}

void TestTimeGridView::rangeSelectionRequestsCreation()
{
    add("Rapat koordinasi", Tuesday, "08:00", "09:00", {"BUPATI"});
    reload();
    QSignalSpy create(m_view.get(), &TimeGridView::createRequested);
    QSignalSpy moved(m_view.get(), &TimeGridView::eventMoveRequested);
    QWidget *vp = m_view->viewport();
    const auto local = [](const QDate &d, int h, int m) {
        return QDateTime(d, QTime(h, m), Qt::OffsetFromUTC, 8 * 3600);
    };

    // Downwards: from the quarter hour before the press to the one after the release.
    QTest::mousePress(vp, Qt::LeftButton, {}, emptyAt(1, "13:05"));
    QTest::mouseMove(vp, emptyAt(1, "14:00"));
    QTest::mouseMove(vp, emptyAt(1, "14:50"));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, emptyAt(1, "14:50"));
    QCOMPARE(create.size(), 1);
    QCOMPARE(create.at(0).at(0).toDateTime(), local(Tuesday, 13, 0));
    QCOMPARE(create.at(0).at(1).toDateTime(), local(Tuesday, 15, 0));
    QVERIFY(create.at(0).at(2).toString().isEmpty());
    QCOMPARE(m_view->selectionStart(), local(Tuesday, 13, 0));
    QCOMPARE(m_view->selectionEnd(), local(Tuesday, 15, 0));

    // Upwards, and beside an event in the free gap of its column.
    QTest::mousePress(vp, Qt::LeftButton, {}, emptyAt(1, "09:40"));
    QTest::mouseMove(vp, emptyAt(1, "08:10"));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, emptyAt(1, "08:10"));
    QCOMPARE(create.size(), 2);
    QCOMPARE(create.at(1).at(0).toDateTime(), local(Tuesday, 8, 0));
    QCOMPARE(create.at(1).at(1).toDateTime(), local(Tuesday, 9, 45));
    QVERIFY(moved.isEmpty());

    // A click only selects a cell.
    QTest::mouseClick(vp, Qt::LeftButton, {}, emptyAt(3, "15:10"));
    QCOMPARE(create.size(), 2);
    QCOMPARE(m_view->selectionColumn(), 3);
    QCOMPARE(m_view->selectionStart(), local(Monday.addDays(3), 15, 0));
    QCOMPARE(m_view->selectionEnd(), local(Monday.addDays(3), 15, 30));
}

void TestTimeGridView::doubleClickAndKeyboard()
{
    const QString id = add("Rapat koordinasi", Monday, "08:00", "09:00", {"BUPATI"});
    reload();
    QSignalSpy activated(m_view.get(), &TimeGridView::eventActivated);
    QSignalSpy create(m_view.get(), &TimeGridView::createRequested);
    QSignalSpy moved(m_view.get(), &TimeGridView::eventMoveRequested);
    QWidget *vp = m_view->viewport();
    const auto local = [](const QDate &d, int h, int m) {
        return QDateTime(d, QTime(h, m), Qt::OffsetFromUTC, 8 * 3600);
    };

    QTest::mouseDClick(vp, Qt::LeftButton, {}, m_view->eventRect(id).center().toPoint());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), id);
    QVERIFY(create.isEmpty());

    // Enter on the selected event opens it; Delete is left to the page.
    m_view->setFocus();
    QTest::mouseClick(vp, Qt::LeftButton, {}, m_view->eventRect(id).center().toPoint());
    QCOMPARE(m_view->selectedEventId(), id);
    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QCOMPARE(activated.size(), 2);
    QTest::keyClick(m_view.get(), Qt::Key_Delete);
    QCOMPARE(activated.size(), 2);
    QVERIFY(moved.isEmpty());

    // Arrows move a time cell from the selected event; Enter asks to create there.
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QVERIFY(m_view->selectedEventId().isEmpty());
    QCOMPARE(m_view->selectionStart(), local(Monday, 8, 0));
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->selectionStart(), local(Monday, 9, 0));
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QCOMPARE(m_view->selectionColumn(), 2);
    QCOMPARE(m_view->selectionStart(), local(Wednesday, 8, 30));
    QCOMPARE(m_view->selectionEnd(), local(Wednesday, 9, 0));
    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QCOMPARE(m_view->selectionColumn(), 0);
    QTest::keyClick(m_view.get(), Qt::Key_Enter);
    QCOMPARE(create.size(), 1);
    QCOMPARE(create.at(0).at(0).toDateTime(), local(Monday, 8, 30));
    QCOMPARE(create.at(0).at(1).toDateTime(), local(Monday, 9, 0));

    // Far down the day the grid scrolls along.
    for (int i = 0; i < 30; ++i)
        QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->selectionStart(), local(Monday, 23, 30));
    QVERIFY(m_view->topTime() > QTime(7, 0));
    QVERIFY(m_view->columnRect(0).bottom() <= vp->height() + 1); // scrolled to the end of the day

    // Double-click on empty time asks for a new hour there.
    m_view->scrollToTime(QTime(7, 0));
    QTest::mouseDClick(vp, Qt::LeftButton, {}, emptyAt(4, "13:40"));
    QCOMPARE(create.size(), 2);
    QCOMPARE(create.at(1).at(0).toDateTime(), local(Monday.addDays(4), 13, 30));
    QCOMPARE(create.at(1).at(1).toDateTime(), local(Monday.addDays(4), 14, 30));
}

void TestTimeGridView::officialColumns()
{
    const QString both = add("Rapat koordinasi", Monday, "09:00", "10:00", {"BUPATI", "SEKDA"});
    const QString wabup = add("Peresmian pasar", Monday, "09:00", "10:00", {"WABUP"});
    const QString clash = add("Kunjungan kerja", Monday, "09:30", "11:00", {"BUPATI"});
    const QString otherDay = add("Apel", Tuesday, "08:00", "09:00", {"BUPATI"});
    const QString allDay = addAllDay("Dinas luar: Palu", Monday, Monday, {"ASISTEN1", "ASISTEN2"});
    showOfficials();
    reload();
    QCOMPARE(m_view->mode(), TimeGridView::Mode::Officials);
    QCOMPARE(m_view->columnCount(), 6);
    const int bupati = officialColumn("BUPATI");
    const int wakil = officialColumn("WABUP");
    const int sekda = officialColumn("SEKDA");
    QCOMPARE(m_view->columnHeader(bupati), QString("Bupati"));
    QCOMPARE(m_view->columnHeader(wakil), QString("Wakil Bupati"));
    QCOMPARE(m_view->columnHeader(sekda), QString("Sekretaris Daerah"));
    QVERIFY(bupati < wakil && wakil < sekda);
    QCOMPARE(m_view->columnDate(sekda), Monday);
    QCOMPARE(m_view->firstDate(), Monday);
    QCOMPARE(m_view->lastDate(), Monday);

    // Two officials: two columns, at the same height.
    QCOMPARE(m_view->columnsOf(both), (QList<int>{bupati, sekda}));
    QCOMPARE(m_view->eventRect(both, bupati).top(), m_view->eventRect(both, sekda).top());
    QCOMPARE(m_view->columnsOf(wabup), QList<int>{wakil});
    QCOMPARE(m_view->eventsInColumn(bupati), (QStringList{both, clash}));
    QCOMPARE(m_view->eventsInColumn(wakil), QStringList{wabup});
    QCOMPARE(m_view->eventsInColumn(sekda), QStringList{both});
    // An all-day event of two officials side by side: one box over both columns.
    const int asisten1 = officialColumn("ASISTEN1");
    QCOMPARE(officialColumn("ASISTEN2"), asisten1 + 1);
    QCOMPARE(m_view->allDayEventsInColumn(asisten1), QStringList{allDay});
    QCOMPARE(m_view->allDayEventsInColumn(asisten1 + 1), QStringList{allDay});
    QCOMPARE(m_view->eventRect(allDay, asisten1), m_view->eventRect(allDay, asisten1 + 1));
    QVERIFY(m_view->eventRect(allDay).width() > m_view->columnRect(asisten1).width() * 1.5);
    // Long positions are elided in the header; the tooltip has them whole.
    const QPoint header(int(m_view->columnRect(asisten1).center().x()), 4);
    QCOMPARE(m_view->toolTipAt(header), m_model->directory().officials.at(asisten1).position);
    QVERIFY(!m_view->eventsInColumn(bupati).contains(otherDay));
    // Beside the clash in the Bupati's column; alone and full width in the Sekda's.
    QVERIFY(m_view->eventRect(both, bupati).right() <= m_view->eventRect(clash, bupati).left());
    QVERIFY(m_view->eventRect(both, sekda).width() > m_view->columnRect(sekda).width() * 0.8);
    // The conflict colour in both columns.
    const QImage image = grab();
    QVERIFY(share(image, m_view->eventRect(both, bupati), AgendaModel::conflictColor()) > 0.5);
    QVERIFY(share(image, m_view->eventRect(both, sekda), AgendaModel::conflictColor()) > 0.5);
    QVERIFY(share(image, m_view->eventRect(wabup, wakil), AgendaModel::conflictColor()) < 0.02);
}

void TestTimeGridView::officialModeDragAndCreate()
{
    const QString both = add("Rapat koordinasi", Monday, "09:00", "10:00", {"BUPATI", "SEKDA"});
    showOfficials();
    reload();
    const int bupati = officialColumn("BUPATI");
    const int wakil = officialColumn("WABUP");
    const int sekda = officialColumn("SEKDA");
    QSignalSpy create(m_view.get(), &TimeGridView::createRequested);
    QSignalSpy moved(m_view.get(), &TimeGridView::eventMoveRequested);
    QWidget *vp = m_view->viewport();

    QTest::mousePress(vp, Qt::LeftButton, {}, emptyAt(wakil, "13:00"));
    QTest::mouseMove(vp, emptyAt(wakil, "14:00"));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, emptyAt(wakil, "14:00"));
    QCOMPARE(create.size(), 1);
    QCOMPARE(create.at(0).at(2).toString(), official("WABUP"));
    QCOMPARE(create.at(0).at(0).toDateTime().date(), Monday);

    // Dragged sideways the event keeps its day and officials; the ghost shows in both columns.
    QTest::mousePress(vp, Qt::LeftButton, {}, at(bupati, "09:30"));
    QTest::mouseMove(vp, at(wakil, "10:30"));
    QCOMPARE(m_view->ghostStartMs(), ms(Monday, "10:00"));
    const QList<QRectF> ghosts = m_view->ghostRects();
    QCOMPARE(ghosts.size(), 2);
    QVERIFY(m_view->columnRect(bupati).contains(ghosts.at(0)));
    QVERIFY(m_view->columnRect(sekda).contains(ghosts.at(1)));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, at(wakil, "10:30"));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.at(0).at(0).toString(), both);
    QCOMPARE(moved.at(0).at(1).toLongLong(), ms(Monday, "10:00"));
    QCOMPARE(moved.at(0).at(2).toLongLong(), ms(Monday, "11:00"));
}

void TestTimeGridView::followsModelChanges()
{
    QVERIFY(m_view->eventsInColumn(0).isEmpty());
    const QString bupati = add("Rapat koordinasi", Monday, "08:00", "09:00", {"BUPATI"});
    const QString sekda = add("Apel", Monday, "10:00", "11:00", {"SEKDA"});
    reload();
    QCOMPARE(m_view->eventsInColumn(0), (QStringList{bupati, sekda}));

    // Through the filter proxy, as on the agenda page: filtering removes rows.
    AgendaFilterProxy filter;
    filter.setSourceModel(m_model.get());
    AgendaColorProxy colors;
    colors.setSourceModel(&filter);
    m_view->setModel(&colors);
    QCOMPARE(m_view->eventsInColumn(0), (QStringList{bupati, sekda}));
    m_view->setSelectedEventId(sekda);
    QSignalSpy selected(m_view.get(), &TimeGridView::selectedEventChanged);
    filter.setOfficialId(official("BUPATI"));
    QCOMPARE(m_view->eventsInColumn(0), QStringList{bupati});
    QVERIFY(m_view->selectedEventId().isEmpty()); // the selected event went away
    QCOMPARE(selected.size(), 1);
    filter.setOfficialId(QString());
    QCOMPARE(m_view->eventsInColumn(0), (QStringList{bupati, sekda}));

    m_view->setModel(nullptr);
    QVERIFY(m_view->eventsInColumn(0).isEmpty());
}

void TestTimeGridView::screenshots()
{
    const QString aula = venue("Aula Kantor Bupati", "Parigi");
    const QString lapangan = venue("Lapangan Parigi", "Parigi");
    const QString pantai = venue("Pantai Kayubura", "Parigi Selatan");
    add("Apel pagi ASN", Monday, "07:30", "08:15", {"BUPATI", "WABUP", "SEKDA"}, lapangan);
    add("Rapat koordinasi OPD", Monday, "09:00", "11:00", {"BUPATI", "SEKDA"}, aula);
    add("Kunjungan kerja Kecamatan Tinombo", Monday, "10:00", "13:00", {"BUPATI"});
    add("Audiensi Forum Anak Daerah", Monday, "10:30", "11:30", {"WABUP"}, aula);
    add("Penyerahan bantuan bibit", Tuesday, "08:00", "09:30", {"WABUP"}, lapangan);
    add("Rapat TAPD", Tuesday, "09:00", "12:00", {"SEKDA", "ASISTEN2"});
    add("Sosialisasi SPBE", Tuesday, "13:00", "15:00", {"ASISTEN3"}, aula);
    add("Rapat paripurna DPRD", Wednesday, "09:00", "12:00", {"BUPATI", "WABUP"});
    add("Musyawarah adat", Wednesday, "14:00", "15:30", {"BUPATI"}, pantai);
    add("Peninjauan jalan", Wednesday, "15:45", "17:00", {"BUPATI"}, lapangan);
    add("Malam ramah tamah", Monday.addDays(3), "20:00", "01:00", {"BUPATI", "WABUP"}, pantai);
    add("Safari Jumat", Monday.addDays(4), "11:30", "13:30", {"BUPATI"});
    add("Senam bersama", Monday.addDays(5), "07:00", "08:30", {"SEKDA"}, lapangan, Status::Ditunda);
    addAllDay("Festival Teluk Tomini", Monday.addDays(4), Monday.addDays(6), {"WABUP"});
    addAllDay("Dinas luar: Palu", Tuesday, Tuesday, {"ASISTEN1"});
    reload();
    m_view->scrollToTime(QTime(7, 0));
    const QString dir = qEnvironmentVariable("HUMAS_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(m_view->grab().save(dir + "/weekview.png"));

    showOfficials();
    reload();
    m_view->resize(1200, 760);
    m_view->scrollToTime(QTime(7, 0));
    QTRY_COMPARE(m_view->viewport()->width(), 1200 - m_view->verticalScrollBar()->width() - 2 * m_view->frameWidth());
    QVERIFY(m_view->grab().save(dir + "/officialday.png"));
}

QTEST_MAIN(TestTimeGridView)
#include "tst_timegridview.moc"
