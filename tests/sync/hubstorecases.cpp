// HubStore and SyncEngine through an in-process hub: every push result and rule of SYNC.md, run
// against each hub backend (tst_hubstore: an SQLite file; tst_hubstore_pg: PostgreSQL).
#include "hubstorecases.h"

#include "common/clock.h"
#include "common/uuid7.h"
#include "mockclock.h"
#include "store/blobstore.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/hubstoretransport.h"
#include "sync/syncconflicts.h"
#include "sync/syncengine.h"
#include "synctestsupport.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QJsonArray>
#include <QMutex>
#include <QSqlQuery>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

QString scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return "<none>";
    return q.value(0).isNull() ? "<null>" : q.value(0).toString();
}

QString lastAck(Database &db)
{
    return scalar(db, "SELECT ack_status FROM outbox ORDER BY seq DESC LIMIT 1");
}

/** A transport whose pull fails after a number of successful pages. */
class FailingPull : public HubStoreTransport
{
public:
    using HubStoreTransport::HubStoreTransport;
    int pagesLeft = 1000;
    bool pull(const QString &cursor, int limit, PullReply *reply, QString *error) override
    {
        if (pagesLeft-- <= 0) {
            *error = "simulated: network gone";
            return false;
        }
        return HubStoreTransport::pull(cursor, limit, reply, error);
    }
};

} // namespace

class TestHubStore : public QObject
{
    Q_OBJECT

public:
    explicit TestHubStore(HumasTest::HubBackend &backend) : m_backend(backend) {}

private:
    HumasTest::HubBackend &m_backend;
    QString m_hubLocation;
    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<Database> m_hubDb;
    std::unique_ptr<TestDatabase> m_a, m_b;
    std::unique_ptr<HubStore> m_hub;
    std::unique_ptr<HubStoreTransport> m_transport;

    SyncReport sync(TestDatabase &site)
    {
        m_clock->advance(1000);
        SyncEngine engine(site.db(), *m_transport);
        const SyncReport r = engine.round();
        if (!r.ok)
            qWarning() << "round failed:" << r.error;
        return r;
    }
    bool update(TestDatabase &site, const QString &id, const QVariantMap &values)
    {
        m_clock->advance(1000);
        QString error;
        const bool ok = site.db().writer().update(QString(), "events", id, values, &error);
        if (!ok)
            qWarning() << error;
        return ok;
    }
    QString shared()
    {
        const QString id = HumasTest::insertEvent(m_a->db(), "Rapat koordinasi");
        [&] { QVERIFY(sync(*m_a).ok); QVERIFY(sync(*m_b).ok); }();
        return id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        QString error;
        QVERIFY2(m_backend.setUp(&error), qPrintable(error));
        qInfo("hub backend: %s", qPrintable(m_backend.name()));
    }
    void init()
    {
        m_clock = std::make_unique<HumasTest::MockClock>();
        QString error;
        m_hubLocation = m_backend.newHub(&error);
        QVERIFY2(!m_hubLocation.isEmpty(), qPrintable(error));
        m_hubDb = std::make_unique<Database>();
        QVERIFY2(m_hubDb->open(m_hubLocation, &error), qPrintable(error));
        m_a = std::make_unique<TestDatabase>();
        m_b = std::make_unique<TestDatabase>();
        QVERIFY(m_a->isOpen() && m_b->isOpen());
        m_hub = std::make_unique<HubStore>(*m_hubDb);
        QVERIFY2(m_hub->initialise(&error), qPrintable(error));
        m_transport = std::make_unique<HubStoreTransport>(*m_hub);
    }
    void cleanup()
    {
        m_transport.reset();
        m_hub.reset();
        m_a.reset();
        m_b.reset();
        m_hubDb.reset();
        m_clock.reset();
    }

    void pushAppliesAndPullBootstraps()
    {
        const QString id = HumasTest::insertEvent(m_a->db(), "Upacara HUT");
        const SyncReport ra = sync(*m_a);
        QVERIFY(ra.ok);
        QCOMPARE(ra.pushed, 1);
        QCOMPARE(lastAck(m_a->db()), QString("applied"));
        QCOMPARE(SyncEngine::waitingCount(m_a->db()), 0);
        QCOMPARE(scalar(*m_hubDb, "SELECT title FROM events WHERE id = '" + id + "'"), QString("Upacara HUT"));
        const SyncReport rb = sync(*m_b);
        QVERIFY(rb.ok);
        QCOMPARE(rb.pulled, 1);
        QVERIFY(rb.changed.rows("events").contains(id));
        QCOMPARE(scalar(m_b->db(), "SELECT title FROM events WHERE id = '" + id + "'"), QString("Upacara HUT"));
        QVERIFY(scalar(m_b->db(), "SELECT sync_seq FROM events WHERE id = '" + id + "'").toLongLong() > 0);
        QCOMPARE(scalar(m_b->db(), "SELECT count(*) FROM outbox"), QString("0")); // the applier writes no outbox
        QVERIFY(m_b->db().meta("sync.cursor").startsWith(scalar(*m_hubDb, "SELECT hub_id FROM hub_meta")));
    }

    void differentFieldsMerge()
    {
        const QString id = shared();
        QVERIFY(update(*m_a, id, {{"title", "Judul baru"}}));
        QVERIFY(update(*m_b, id, {{"notes", "Bawa undangan asli"}}));
        QVERIFY(sync(*m_a).ok);
        const SyncReport rb = sync(*m_b);
        QCOMPARE(rb.conflicts, 0);
        QCOMPARE(lastAck(m_b->db()), QString("merged"));
        QVERIFY(sync(*m_a).ok);
        for (Database *site : {&m_a->db(), &m_b->db(), m_hubDb.get()}) {
            QCOMPARE(scalar(*site, "SELECT title FROM events WHERE id = '" + id + "'"), QString("Judul baru"));
            QCOMPARE(scalar(*site, "SELECT notes FROM events WHERE id = '" + id + "'"),
                     QString("Bawa undangan asli"));
        }
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM sync_conflicts"), QString("0"));
    }

    void sameFieldConflictKeepsBothValues()
    {
        const QString id = shared();
        QVERIFY(update(*m_a, id, {{"title", "Versi A"}}));
        QVERIFY(update(*m_b, id, {{"title", "Versi B"}}));
        QVERIFY(sync(*m_a).ok);
        const SyncReport rb = sync(*m_b);
        QCOMPARE(rb.conflicts, 1);
        QCOMPARE(lastAck(m_b->db()), QString("conflict"));
        QVERIFY(sync(*m_a).ok);
        // The hub kept the first value, and every copy agrees with it.
        for (Database *site : {&m_a->db(), &m_b->db(), m_hubDb.get()})
            QCOMPARE(scalar(*site, "SELECT title FROM events WHERE id = '" + id + "'"), QString("Versi A"));
        // The conflict row reached both PCs with base, hub and incoming values and who wrote them.
        for (TestDatabase *site : {m_a.get(), m_b.get()}) {
            QSqlQuery q(site->db().connection());
            QVERIFY(q.exec("SELECT kind, field, base_value, hub_value, hub_site, incoming_value, incoming_site, "
                           "status FROM sync_conflicts"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QString("field"));
            QCOMPARE(q.value(1).toString(), QString("title"));
            QCOMPARE(q.value(2).toString(), QString("\"Rapat koordinasi\""));
            QCOMPARE(q.value(3).toString(), QString("\"Versi A\""));
            QCOMPARE(q.value(4).toString(), m_a->db().siteId());
            QCOMPARE(q.value(5).toString(), QString("\"Versi B\""));
            QCOMPARE(q.value(6).toString(), m_b->db().siteId());
            QCOMPARE(q.value(7).toString(), QString("open"));
            QVERIFY(!q.next());
        }
        // Mine and theirs from each PC's point of view.
        const QList<SyncConflict> onB = SyncConflicts(m_b->db()).openConflicts();
        QCOMPARE(onB.size(), 1);
        QCOMPARE(onB.first().mine.toString(), QString("Versi B"));
        QCOMPARE(onB.first().theirs.toString(), QString("Versi A"));
        const QList<SyncConflict> onA = SyncConflicts(m_a->db()).openConflicts();
        QCOMPARE(onA.first().mine.toString(), QString("Versi A"));
        QCOMPARE(onA.first().theirs.toString(), QString("Versi B"));
    }

    void resolveWritesValueAndSyncs()
    {
        const QString id = shared();
        QVERIFY(update(*m_a, id, {{"title", "Versi A"}}));
        QVERIFY(update(*m_b, id, {{"title", "Versi B"}}));
        QVERIFY(sync(*m_a).ok);
        QVERIFY(sync(*m_b).ok);
        const QList<SyncConflict> onB = SyncConflicts(m_b->db()).openConflicts();
        QCOMPARE(onB.size(), 1);
        QString error;
        QVERIFY2(SyncConflicts(m_b->db()).resolve(onB.first().id, SyncConflicts::Choice::Mine, {}, "user-b", &error),
                 qPrintable(error));
        QCOMPARE(SyncConflicts(m_b->db()).openConflicts().size(), 0);
        QVERIFY(sync(*m_b).ok);
        QVERIFY(sync(*m_a).ok);
        for (Database *site : {&m_a->db(), &m_b->db(), m_hubDb.get()}) {
            QCOMPARE(scalar(*site, "SELECT title FROM events WHERE id = '" + id + "'"), QString("Versi B"));
            QCOMPARE(scalar(*site, "SELECT status || '/' || resolution FROM sync_conflicts"),
                     QString("resolved/mine"));
        }
        QCOMPARE(SyncConflicts(m_a->db()).openConflicts().size(), 0);
    }

    void sameValueIsNoConflict()
    {
        const QString id = shared();
        QVERIFY(update(*m_a, id, {{"title", "Sama"}}));
        QVERIFY(update(*m_b, id, {{"title", "Sama"}}));
        QVERIFY(sync(*m_a).ok);
        const SyncReport rb = sync(*m_b);
        QCOMPARE(rb.conflicts, 0);
        QCOMPARE(lastAck(m_b->db()), QString("merged"));
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM sync_conflicts"), QString("0"));
    }

    void nullAndEmptyDiffer()
    {
        const QString id = shared();
        QVERIFY(update(*m_a, id, {{"opd_id", QVariant()}, {"letter_number", "1/2026"}}));
        QVERIFY(sync(*m_a).ok);
        QVERIFY(update(*m_a, id, {{"letter_number", ""}}));
        QVERIFY(update(*m_b, id, {{"letter_number", "2/2026"}}));
        QVERIFY(sync(*m_a).ok);
        QVERIFY(sync(*m_b).ok);
        QCOMPARE(scalar(m_b->db(), "SELECT hub_value FROM sync_conflicts"), QString("\"\""));
        QCOMPARE(scalar(m_b->db(), "SELECT letter_number FROM events WHERE id = '" + id + "'"), QString(""));
        QCOMPARE(scalar(m_b->db(), "SELECT opd_id FROM events WHERE id = '" + id + "'"), QString("<null>"));
    }

    void deleteAgainstEditIsConflict()
    {
        const QString id = shared();
        QVERIFY(update(*m_a, id, {{"notes", "Masih perlu"}}));
        m_clock->advance(1000);
        QString error;
        QVERIFY(m_b->db().writer().remove(QString(), "events", id, &error));
        QVERIFY(sync(*m_a).ok);
        const SyncReport rb = sync(*m_b);
        QCOMPARE(rb.conflicts, 1);
        QCOMPARE(scalar(*m_hubDb, "SELECT kind || ':' || field FROM sync_conflicts"),
                 QString("delete_edit:deleted"));
        // The row stays (the hub keeps the edit) on every copy until a person decides.
        for (Database *site : {&m_b->db(), m_hubDb.get()}) {
            QCOMPARE(scalar(*site, "SELECT deleted FROM events WHERE id = '" + id + "'"), QString("0"));
            QCOMPARE(scalar(*site, "SELECT notes FROM events WHERE id = '" + id + "'"), QString("Masih perlu"));
        }
        const QList<SyncConflict> onB = SyncConflicts(m_b->db()).openConflicts();
        QCOMPARE(onB.size(), 1);
        QCOMPARE(onB.first().mine.toInteger(), 1);
        QVERIFY(SyncConflicts(m_b->db()).resolve(onB.first().id, SyncConflicts::Choice::Mine, {}, "b", &error));
        QVERIFY(sync(*m_b).ok);
        QVERIFY(sync(*m_a).ok);
        QCOMPARE(scalar(m_a->db(), "SELECT deleted FROM events WHERE id = '" + id + "'"), QString("1"));
    }

    void uniqueCodeIsConflict()
    {
        QString idA, idB, error;
        QVERIFY(m_a->db().writer().insert(QString(), "opd", {{"code", "DISKOMINFO"}, {"name", "Kominfo A"}}, &idA,
                                          &error));
        QVERIFY(m_b->db().writer().insert(QString(), "opd", {{"code", "diskominfo"}, {"name", "Kominfo B"}}, &idB,
                                          &error));
        QVERIFY(sync(*m_a).ok);
        const SyncReport rb = sync(*m_b);
        QVERIFY(rb.ok);
        QCOMPARE(rb.conflicts, 1);
        QCOMPARE(scalar(*m_hubDb, "SELECT kind || ':' || field || ':' || row_id FROM sync_conflicts"),
                 "unique:code:" + idB);
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM opd"), QString("1"));
        QCOMPARE(scalar(*m_hubDb, "SELECT incoming_value FROM sync_conflicts"), QString("\"diskominfo\""));
        // Nothing of the refused op reached the hub (its savepoint was rolled back).
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM hub_fields WHERE row_id = '" + idB + "'"), QString("0"));
    }

    void duplicateOpIdChangesNothing()
    {
        HumasTest::insertEvent(m_a->db(), "Sekali saja");
        PushRequest request;
        request.site = m_a->db().siteId();
        QSqlQuery q(m_a->db().connection());
        QVERIFY(q.exec("SELECT seq, op_id, entity, row_id, op, changes, base_rev, rev, hlc, site_id, actor, "
                       "created_at, base_seq FROM outbox"));
        QVERIFY(q.next());
        SyncOp op;
        op.outboxSeq = q.value(0).toLongLong();
        op.opId = q.value(1).toString();
        op.entity = q.value(2).toString();
        op.rowId = q.value(3).toString();
        op.op = q.value(4).toString();
        op.changes = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        op.hlc = q.value(8).toString();
        op.site = q.value(9).toString();
        op.createdAt = q.value(11).toString();
        request.ops = {op};
        PushReply first, second;
        QString error;
        QVERIFY(m_hub->push(request, &first, &error));
        QCOMPARE(first.results.first().status, QString("applied"));
        const QString before = HumasTest::contentHash(*m_hubDb);
        const qint64 high = m_hub->highSeq();
        const QString ops = scalar(*m_hubDb, "SELECT count(*) FROM hub_ops");
        QVERIFY(m_hub->push(request, &second, &error));
        QCOMPARE(second.results.first().status, QString("duplicate"));
        QCOMPARE(second.results.first().firstStatus, QString("applied"));
        QCOMPARE(second.results.first().seq, first.results.first().seq);
        QCOMPARE(m_hub->highSeq(), high);
        QCOMPARE(HumasTest::contentHash(*m_hubDb), before);
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM hub_ops"), ops);
        QCOMPARE(second.ackedThrough, op.outboxSeq);
        // The JSON form carries the same.
        QCOMPARE(PushReply::fromJson(second.toJson()).results.first().firstStatus, QString("applied"));
    }

    void rejectHookRefuses()
    {
        m_hub->setRejectHook([](const SyncOp &op) {
            return op.entity == "users" ? QStringLiteral("role may not write users") : QString();
        });
        QString id, error;
        QVERIFY(m_a->db().writer().insert(QString(), "users",
                                          {{"username", "budi"}, {"role", "opd"}, {"password_hash", "x"}}, &id,
                                          &error));
        HumasTest::insertEvent(m_a->db(), "Boleh");
        const SyncReport r = sync(*m_a);
        QVERIFY(r.ok);
        QCOMPARE(r.rejected, 1);
        QCOMPARE(scalar(m_a->db(), "SELECT ack_status FROM outbox WHERE entity = 'users'"), QString("rejected"));
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM users"), QString("0"));
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM events"), QString("1"));
        QCOMPARE(scalar(*m_hubDb, "SELECT error FROM hub_ops WHERE result = 'rejected'"),
                 QString("role may not write users"));
    }

    void epochChangeForcesResync()
    {
        shared();
        HumasTest::insertEvent(m_a->db(), "Kedua");
        QVERIFY(sync(*m_a).ok);
        QVERIFY(sync(*m_b).ok);
        QString error;
        QVERIFY(m_hub->bumpEpoch(&error));
        const SyncReport r = sync(*m_b);
        QVERIFY(r.ok);
        QVERIFY(r.fullResync);
        QCOMPARE(r.pulled, 2); // every row again
        QVERIFY(m_b->db().meta("sync.cursor").contains(".2."));
        QVERIFY(!r.message.isEmpty());
    }

    void pullKeepsUnacknowledgedLocalFields()
    {
        const QString id = shared();
        QVERIFY(update(*m_b, id, {{"title", "Lokal B"}})); // not pushed yet
        QVERIFY(update(*m_a, id, {{"title", "Dari A"}, {"notes", "Catatan A"}}));
        QVERIFY(sync(*m_a).ok);
        SyncEngine engine(m_b->db(), *m_transport);
        const SyncReport r = engine.pullOnly();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(scalar(m_b->db(), "SELECT title FROM events WHERE id = '" + id + "'"), QString("Lokal B"));
        QCOMPARE(scalar(m_b->db(), "SELECT notes FROM events WHERE id = '" + id + "'"), QString("Catatan A"));
        QCOMPARE(SyncEngine::waitingCount(m_b->db()), 1);
        // The hub judges the kept field at the next push: a conflict, both values kept.
        const SyncReport next = sync(*m_b);
        QCOMPARE(next.conflicts, 1);
    }

    void cursorIsStoredWithEachPage()
    {
        for (int i = 0; i < 5; ++i)
            HumasTest::insertEvent(m_a->db(), QString("Acara %1").arg(i));
        QVERIFY(sync(*m_a).ok);
        FailingPull failing(*m_hub);
        failing.pagesLeft = 2;
        SyncEngine engine(m_b->db(), failing);
        engine.setPageSize(2);
        const SyncReport r = engine.round();
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QString("simulated: network gone"));
        QCOMPARE(m_b->count("events"), 4); // two pages committed with their cursor
        SyncCursor cursor;
        QVERIFY(SyncCursor::parse(m_b->db().meta("sync.cursor"), &cursor));
        QCOMPARE(cursor.seq, qint64(4));
        const SyncReport again = sync(*m_b);
        QCOMPARE(again.pulled, 1); // resumes after the stored cursor
        QCOMPARE(m_b->count("events"), 5);
    }

    void blobsGoOnce()
    {
        QString error;
        const QByteArray scan = "%PDF-1.4 undangan";
        const QString sha = BlobStore(m_a->db()).put(scan, "application/pdf", &error);
        QVERIFY(!sha.isEmpty());
        QVariantMap values = HumasTest::eventValues("Dengan surat");
        values.insert("letter_blob", sha);
        QString id;
        QVERIFY(m_a->db().writer().insert(QString(), "events", values, &id, &error));
        const SyncReport ra = sync(*m_a);
        QCOMPARE(ra.blobsSent, 1);
        QCOMPARE(lastAck(m_a->db()), QString("applied"));
        const SyncReport rb = sync(*m_b);
        QCOMPARE(rb.blobsReceived, 1);
        QCOMPARE(BlobStore(m_b->db()).get(sha), scan);
        QVERIFY(update(*m_a, id, {{"notes", "lagi"}}));
        QCOMPARE(sync(*m_a).blobsSent, 0);
        // A damaged upload is refused.
        QVERIFY(!m_hub->putBlob(BlobStore::hashOf("other"), "tampered", "text/plain", &error));
    }

    void opWithMissingBlobIsRejected()
    {
        QVariantMap values = HumasTest::eventValues("Surat hilang");
        values.insert("letter_blob", BlobStore::hashOf("not stored anywhere"));
        QString id, error;
        QVERIFY(m_a->db().writer().insert(QString(), "events", values, &id, &error));
        const SyncReport r = sync(*m_a);
        QCOMPARE(r.rejected, 1);
    }

    void cursorAndMessagesRoundTripAsJson()
    {
        SyncCursor c;
        QVERIFY(SyncCursor::parse("0196a.3.42", &c));
        QCOMPARE(c.hubId, QString("0196a"));
        QCOMPARE(c.epoch, qint64(3));
        QCOMPARE(c.seq, qint64(42));
        QCOMPARE(c.toString(), QString("0196a.3.42"));
        QVERIFY(!SyncCursor::parse("garbage", &c));
        PulledRow row{"events", "x", 7, {{"notes", QJsonValue::Null}, {"title", ""}}};
        const PulledRow back = PulledRow::fromJson(row.toJson());
        QVERIFY(back.values.value("notes").isNull());
        QCOMPARE(back.values.value("title").toString(), QString(""));
        QVERIFY(!back.values.value("title").isNull());
        QCOMPARE(SyncProtocol::jsonText(QJsonValue::Null), QString("null"));
        QCOMPARE(SyncProtocol::jsonText(QString()), QString("\"\""));
        QVERIFY(SyncProtocol::parseJsonText("null").isNull());

    }

    void changesPageInSeqOrder()
    {
        for (int i = 0; i < 7; ++i)
            HumasTest::insertEvent(m_a->db(), QString("Halaman %1").arg(i));
        QVERIFY(sync(*m_a).ok);
        QString cursor, error;
        QList<int> pageSizes;
        QList<bool> more;
        qint64 last = 0;
        QSet<QString> seen;
        for (int guard = 0; guard < 10; ++guard) {
            PullReply page;
            QVERIFY2(m_hub->changes(cursor, 3, &page, &error), qPrintable(error));
            pageSizes << int(page.rows.size());
            more << page.more;
            for (const PulledRow &row : page.rows) {
                QVERIFY(row.seq > last); // strictly in seq order, across pages too
                last = row.seq;
                QCOMPARE(row.values.value("sync_seq").toInteger(), row.seq);
                seen.insert(row.rowId);
            }
            cursor = page.nextCursor;
            if (!page.more)
                break;
        }
        QCOMPARE(pageSizes, (QList<int>{3, 3, 1}));
        QCOMPARE(more, (QList<bool>{true, true, false}));
        QCOMPARE(seen.size(), 7);
        // At the end: an empty page with the same cursor; another hub's cursor reads from 0.
        PullReply tail;
        QVERIFY(m_hub->changes(cursor, 3, &tail, &error));
        QVERIFY(tail.rows.isEmpty());
        QCOMPARE(tail.nextCursor, cursor);
        PullReply foreign;
        QVERIFY(m_hub->changes("0190-other-hub.1.5", 100, &foreign, &error));
        QCOMPARE(foreign.rows.size(), 7);
    }

    void binaryBlobRoundTrips()
    {
        QByteArray data;
        for (int i = 0; i < 256 * 1024; ++i)
            data.append(char((i * 7 + i / 256) & 0xff)); // every byte value, NUL and high bytes included
        const QString sha = BlobStore::hashOf(data);
        QString error;
        QStringList missing;
        QVERIFY(m_hub->missingBlobs({sha}, &missing, &error));
        QCOMPARE(missing, QStringList{sha});
        QVERIFY2(m_hub->putBlob(sha, data, "image/jpeg", &error), qPrintable(error));
        QVERIFY2(m_hub->putBlob(sha, data, "image/jpeg", &error), qPrintable(error)); // again: harmless
        QVERIFY(m_hub->missingBlobs({sha}, &missing, &error));
        QVERIFY(missing.isEmpty());
        QByteArray back;
        QString mime;
        QVERIFY2(m_hub->getBlob(sha, &back, &mime, &error), qPrintable(error));
        QCOMPARE(back.size(), data.size());
        QVERIFY(back == data);
        QCOMPARE(mime, QString("image/jpeg"));
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM blobs"), QString("1"));
        QVERIFY(!m_hub->getBlob(BlobStore::hashOf("absent"), &back, &mime, &error));
    }

    /**
     * Four pushers, each on its own connection and thread, and a puller following the feed on a
     * fifth: every op applied once, seqs 1..N with no gap, one push's seqs never interleaved with
     * another's, and the puller, reading while pushes commit, skips no row (a seq handed out
     * out of commit order would let its cursor pass a row committed late).
     */
    void concurrentPushesKeepCommitOrder()
    {
        constexpr int Threads = 4;
        constexpr int Pushes = 15;
        constexpr int OpsPerPush = 10;
        QMutex mutex;
        QStringList failures;
        QList<QPair<qint64, qint64>> ranges; // first and last seq of every push
        QSet<QString> pushedRows;
        std::atomic<int> running{Threads};
        const QString created = Clock::instance()->nowUtc().toString(Qt::ISODateWithMs);
        auto fail = [&](const QString &message) {
            QMutexLocker lock(&mutex);
            failures << message;
        };
        auto pusher = [&](int thread) {
            {
                Database db;
                QString error;
                if (!db.open(m_hubLocation, &error)) {
                    fail("pusher open: " + error);
                } else {
                    HubStore hub(db);
                    const QString site = QString("site-%1").arg(thread);
                    qint64 outbox = 0;
                    for (int p = 0; p < Pushes; ++p) {
                        PushRequest request{site, {}};
                        for (int i = 0; i < OpsPerPush; ++i) {
                            SyncOp op;
                            op.opId = Uuid7::createString();
                            op.entity = "events";
                            op.rowId = Uuid7::createString();
                            op.op = "upsert";
                            op.changes = {{"title", QJsonArray{QJsonValue(), QString("T%1 P%2 #%3").arg(thread).arg(p).arg(i)}},
                                          {"starts_at", QJsonArray{QJsonValue(), "2026-11-23T01:00:00.000Z"}},
                                          {"ends_at", QJsonArray{QJsonValue(), "2026-11-23T02:00:00.000Z"}},
                                          {"status", QJsonArray{QJsonValue(), "terjadwal"}}};
                            op.rev = 1;
                            op.outboxSeq = ++outbox;
                            op.hlc = QString("%1-%2").arg(outbox, 8, 10, QLatin1Char('0')).arg(site);
                            op.site = site;
                            op.createdAt = created;
                            request.ops << op;
                        }
                        PushReply reply;
                        if (!hub.push(request, &reply, &error)) {
                            fail(QString("push %1/%2: %3").arg(thread).arg(p).arg(error));
                            continue;
                        }
                        qint64 first = 0, last = 0;
                        for (const OpResult &r : reply.results) {
                            if (r.status != "applied")
                                fail(QString("op %1: %2 %3").arg(r.opId, r.status, r.error));
                            if (last != 0 && r.seq != last + 1)
                                fail(QString("seqs within one push not consecutive: %1 after %2").arg(r.seq).arg(last));
                            first = first ? first : r.seq;
                            last = r.seq;
                        }
                        if (reply.ackedThrough != outbox)
                            fail(QString("acked %1, pushed through %2").arg(reply.ackedThrough).arg(outbox));
                        QMutexLocker lock(&mutex);
                        ranges << qMakePair(first, last);
                        for (const SyncOp &op : std::as_const(request.ops))
                            pushedRows.insert(op.rowId);
                    }
                }
            }
            --running;
        };
        QSet<QString> pulledRows;
        int pulledTwice = 0;
        auto puller = [&] {
            Database db;
            QString error;
            if (!db.open(m_hubLocation, &error)) {
                fail("puller open: " + error);
                return;
            }
            HubStore hub(db);
            QString cursor;
            qint64 last = 0;
            bool finalRound = false;
            for (;;) {
                // Read on until a page comes back short after every pusher has finished.
                const bool pushersDone = running.load() == 0;
                PullReply page;
                if (!hub.changes(cursor, 7, &page, &error)) {
                    fail("pull: " + error);
                    return;
                }
                for (const PulledRow &row : page.rows) {
                    if (row.seq <= last)
                        fail(QString("pulled seq %1 after %2").arg(row.seq).arg(last));
                    last = row.seq;
                    if (pulledRows.contains(row.rowId))
                        ++pulledTwice;
                    pulledRows.insert(row.rowId);
                }
                cursor = page.nextCursor;
                if (!page.more && finalRound)
                    return;
                if (!page.more && pushersDone)
                    finalRound = true; // one more page after the last commit was certainly visible
                if (page.rows.isEmpty())
                    std::this_thread::yield();
            }
        };
        std::vector<std::thread> threads;
        threads.emplace_back(puller);
        for (int t = 0; t < Threads; ++t)
            threads.emplace_back(pusher, t);
        for (std::thread &t : threads)
            t.join();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 10).join('\n')));
        constexpr int Total = Threads * Pushes * OpsPerPush;
        QCOMPARE(int(pushedRows.size()), Total);
        QCOMPARE(m_hub->highSeq(), qint64(Total));
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM events"), QString::number(Total));
        QCOMPARE(scalar(*m_hubDb, "SELECT count(*) FROM hub_ops WHERE result = 'applied'"), QString::number(Total));
        QCOMPARE(scalar(*m_hubDb, "SELECT count(DISTINCT seq) FROM hub_rows"), QString::number(Total));
        QCOMPARE(scalar(*m_hubDb, "SELECT max(seq) FROM hub_rows"), QString::number(Total));
        std::sort(ranges.begin(), ranges.end());
        QCOMPARE(int(ranges.size()), Threads * Pushes);
        for (int i = 1; i < ranges.size(); ++i)
            QVERIFY2(ranges.at(i - 1).second < ranges.at(i).first,
                     qPrintable(QString("pushes interleaved: %1-%2 and %3-%4")
                                    .arg(ranges.at(i - 1).first)
                                    .arg(ranges.at(i - 1).second)
                                    .arg(ranges.at(i).first)
                                    .arg(ranges.at(i).second)));
        QCOMPARE(pulledTwice, 0);
        QCOMPARE(pulledRows, pushedRows); // nothing skipped, nothing invented
        for (int t = 0; t < Threads; ++t)
            QCOMPARE(scalar(*m_hubDb, QString("SELECT last_outbox_seq FROM hub_sites WHERE site = 'site-%1'").arg(t)),
                     QString::number(Pushes * OpsPerPush));
    }
};

namespace HumasTest {

int runHubStoreCases(HubBackend &backend, int argc, char **argv)
{
    TestHubStore cases(backend);
    return QTest::qExec(&cases, argc, argv);
}

} // namespace HumasTest

#include "hubstorecases.moc"
