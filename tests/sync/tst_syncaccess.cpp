// SyncAccess, the server's role checks, on a real HubStore with its hooks installed: every role ×
// synced table × operation (the hub's rows checked afterwards, not only the statuses), the feed
// masked and filtered per role with "gone" entries and no secret in it, and the client's side
// (users pulled without a hash, masked values never pushed back). The clock is a MockClock.
#include "auth/passwordhasher.h"
#include "auth/userrepository.h"
#include "common/hybridclock.h"
#include "mockclock.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/hubstoretransport.h"
#include "sync/syncaccess.h"
#include "sync/syncengine.h"
#include "sync/syncprotocol.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

const QString OwnOpd = "opd-a";
const QString OtherOpd = "opd-b";
const QString Nik = "7208012345670003";
const QString Phone = "081234567890";
const QString Email = "budi.santoso@gmail.com";
const QString Address = "Jl. Trans Sulawesi No. 5, Parigi";
const QString RealHash = PasswordHasher::hash("rahasia123", 1000);

QString dots(int n)
{
    return QString(n, QChar(0x2022));
}

Actor actorFor(Role role)
{
    Actor a;
    a.role = role;
    a.username = Roles::code(role);
    a.userId = "u-" + a.username;
    if (role == Role::Opd)
        a.opdId = OwnOpd;
    return a;
}

QString scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return "<none>";
    return q.value(0).isNull() ? "<null>" : q.value(0).toString();
}

/** Every column of a hub row as text ("" when the hub has no such row): compared before and after a push. */
QString rowText(Database &db, const QString &table, const QString &id)
{
    QSqlQuery q(db.connection());
    q.prepare("SELECT * FROM " + table + " WHERE id = ?");
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return {};
    QStringList parts;
    const QSqlRecord rec = q.record();
    for (int i = 0; i < rec.count(); ++i)
        parts << rec.fieldName(i) + "=" + (q.value(i).isNull() ? "<null>" : q.value(i).toString());
    return parts.join('|');
}

QJsonObject inserted(const QJsonObject &values)
{
    QJsonObject changes;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        changes.insert(it.key(), QJsonArray{QJsonValue(QJsonValue::Null), it.value()});
    return changes;
}

/** Builds the ops of one site the way an outbox would carry them. */
class OpMaker
{
public:
    explicit OpMaker(QString site) : m_site(std::move(site)) {}
    QString site() const { return m_site; }
    qint64 baseSeq = 0;

    SyncOp make(const QString &entity, const QString &rowId, const QString &kind, const QJsonObject &changes)
    {
        SyncOp op;
        ++m_n;
        op.opId = m_site + "-op-" + QString::number(m_n);
        op.entity = entity;
        op.rowId = rowId;
        op.op = kind;
        op.changes = changes;
        op.outboxSeq = m_n;
        op.baseSeq = baseSeq;
        op.hlc = HybridClock::format(1795000000000 + m_n, 0, m_site);
        op.site = m_site;
        op.actor = "actor-" + m_site;
        op.createdAt = "2026-11-23T00:00:00.000Z";
        return op;
    }
    SyncOp insert(const QString &entity, const QString &rowId, const QJsonObject &values)
    {
        return make(entity, rowId, "upsert", inserted(values));
    }
    SyncOp update(const QString &entity, const QString &rowId, const QString &field, const QJsonValue &value)
    {
        return make(entity, rowId, "upsert", {{field, QJsonArray{QJsonValue(QJsonValue::Null), value}}});
    }
    SyncOp remove(const QString &entity, const QString &rowId)
    {
        return make(entity, rowId, "delete", {{"deleted", QJsonArray{0, 1}}});
    }

private:
    QString m_site;
    qint64 m_n = 0;
};

bool push(HubStore &hub, OpMaker &maker, const QList<SyncOp> &ops, PushReply *reply = nullptr)
{
    PushReply local;
    QString error;
    const bool ok = hub.push(PushRequest{maker.site(), ops}, reply ? reply : &local, &error);
    if (!ok)
        qWarning() << "push failed:" << error;
    return ok;
}

/** Valid values for a new row of @p table; @p n keeps unique columns unique, @p ref is the OPD or request it belongs
 * to. */
QJsonObject rowValues(const QString &table, int n, const QString &ref = QString())
{
    const QString tag = QString::number(n);
    if (table == "settings")
        return {{"key", QString("setting_" + tag)}, {"value", "v"}};
    if (table == "users")
        return {{"username", QString("user" + tag)},
                {"display_name", QString("User " + tag)},
                {"role", "protokol"},
                {"password_hash", RealHash}};
    if (table == "opd")
        return {{"code", QString("C" + tag)}, {"name", QString("OPD " + tag)}};
    if (table == "officials")
        return {{"code", QString("P" + tag)}, {"position", QString("Asisten " + tag)}};
    if (table == "kecamatan")
        return {{"name", QString("Kecamatan " + tag)}};
    if (table == "venues")
        return {{"name", QString("Gedung " + tag)}, {"kecamatan_id", "kec-1"}};
    if (table == "travel_times")
        return {{"kecamatan_a", QString("kec-a" + tag)}, {"kecamatan_b", QString("kec-b" + tag)}, {"minutes", 30}};
    if (table == "holidays")
        return {{"date", QDate(2026, 1, 1).addDays(n).toString(Qt::ISODate)}, {"kind", "lokal"}, {"name", "Libur"}};
    if (table == "events")
        return {{"title", QString("Acara " + tag)},  {"opd_id", ref},        {"starts_at", "2026-11-23T01:00:00Z"},
                {"ends_at", "2026-11-23T02:00:00Z"}, {"status", "diajukan"}, {"pic_phone", "081100001111"}};
    if (table == "ppid_requests")
        return {{"reg_number", QString("REG/" + tag)},
                {"received_at", "2026-11-20T01:00:00Z"},
                {"channel", "langsung"},
                {"requester_name", "Budi Santoso"},
                {"requester_nik", Nik},
                {"requester_address", Address},
                {"requester_phone", Phone},
                {"requester_email", Email},
                {"information", "Anggaran 2026"},
                {"notes", QString("Hubungi " + Phone + " sore")},
                {"opd_id", ref},
                {"status", "diterima"}};
    if (table == "ppid_status_history")
        return {{"request_id", ref},
                {"from_status", "diterima"},
                {"to_status", "diproses"},
                {"changed_at", "2026-11-21T01:00:00.000Z"},
                {"note", QString("Diteruskan, telp " + Phone)}};
    if (table == "ppid_objections")
        return {{"obj_number", QString("KEB/" + tag)},
                {"request_id", ref},
                {"filed_at", "2026-11-22T01:00:00Z"},
                {"ground", "c"},
                {"summary", QString("NIK pemohon " + Nik)}};
    if (table == "ppid_sequences")
        return {{"series", "request"}, {"desk_code", QString("D" + tag)}, {"year", 2026}, {"last_seq", 1}};
    qFatal("rowValues: no sample row for table %s", qPrintable(table));
    return {};
}

QJsonObject conflictValues(const QString &entity, const QString &rowId, const QString &field, const QJsonValue &hub,
                           const QJsonValue &incoming)
{
    return {{"entity", entity},
            {"row_id", rowId},
            {"field", field},
            {"kind", "field"},
            {"base_value", SyncProtocol::jsonText(hub)},
            {"hub_value", SyncProtocol::jsonText(hub)},
            {"incoming_value", SyncProtocol::jsonText(incoming)},
            {"status", "open"}};
}

/** One op of the matrix, what it is about and what it should be allowed to do. */
struct Case
{
    QString table, kind, variant;
    SyncOp op;
    QString before;
};

/** The matrix's oracle, written from the issue and the header's table, not from the implementation. */
bool allowed(Role role, const Case &c)
{
    if (role == Role::Admin)
        return true;
    const QString &t = c.table;
    const bool own = c.variant == "own";
    if (t == "officials" || t == "kecamatan" || t == "venues" || t == "travel_times")
        return role == Role::Protokol;
    if (t == "holidays")
        return role == Role::Ppid;
    if (t == "events")
        return role == Role::Protokol || (role == Role::Opd && own);
    if (t == "ppid_requests")
        return role == Role::Ppid || (role == Role::Opd && own && c.kind == "update");
    if (t == "ppid_status_history")
        return role == Role::Ppid || (role == Role::Opd && own && c.kind == "insert");
    if (t == "ppid_objections" || t == "ppid_sequences")
        return role == Role::Ppid;
    if (t == "sync_conflicts") {
        if (c.kind != "update")
            return false;
        if (c.variant == "event-own")
            return role == Role::Protokol || role == Role::Opd;
        if (c.variant == "event-other")
            return role == Role::Protokol;
        if (c.variant == "request-own")
            return role == Role::Ppid || role == Role::Opd;
        return false; // about a user
    }
    return false; // users, settings, opd
}

} // namespace

class TestSyncAccess : public QObject
{
    Q_OBJECT

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_hubDb;
    std::unique_ptr<HubStore> m_seedStore; ///< the hub without hooks: what the server itself writes
    std::unique_ptr<OpMaker> m_seed;
    int m_unique = 0;

    /** Writes @p values as a new row through the unhooked hub. */
    void seedRow(const QString &table, const QString &id, const QJsonObject &values)
    {
        m_seed->baseSeq = m_seedStore->highSeq();
        PushReply reply;
        QVERIFY(push(*m_seedStore, *m_seed, {m_seed->insert(table, id, values)}, &reply));
        QCOMPARE(reply.results.first().status, QString("applied"));
    }
    void seedUpdate(const QString &table, const QString &id, const QString &field, const QJsonValue &value)
    {
        m_seed->baseSeq = m_seedStore->highSeq();
        PushReply reply;
        QVERIFY(push(*m_seedStore, *m_seed, {m_seed->update(table, id, field, value)}, &reply));
        QVERIFY(reply.results.first().status == "applied" || reply.results.first().status == "merged");
    }
    std::unique_ptr<HubStore> hookedStore(const Actor &actor)
    {
        auto store = std::make_unique<HubStore>(m_hubDb->db());
        const SyncAccess access(actor, m_hubDb->db());
        store->setRejectHook(access.rejectHook());
        store->setRowShaper(access.rowShaper());
        return store;
    }
    /** The whole feed from the start as @p actor pulls it. */
    QList<PulledRow> feed(const Actor &actor, QByteArray *json = nullptr)
    {
        auto store = hookedStore(actor);
        PullReply reply;
        QString error;
        if (!store->changes("0", 5000, &reply, &error))
            qWarning() << error;
        if (json)
            *json = QJsonDocument(reply.toJson()).toJson();
        return reply.rows;
    }
    static const PulledRow *find(const QList<PulledRow> &rows, const QString &id)
    {
        for (const PulledRow &r : rows) {
            if (r.rowId == id)
                return &r;
        }
        return nullptr;
    }

    /** The matrix's rows at the hub: for each synced table an insert, an update and a delete, per ownership. */
    QList<Case> seedMatrix(OpMaker &maker)
    {
        QList<Case> cases;
        seedRow("ppid_requests", "req-parent-own", rowValues("ppid_requests", ++m_unique, OwnOpd));
        seedRow("ppid_requests", "req-parent-other", rowValues("ppid_requests", ++m_unique, OtherOpd));
        seedRow("events", "evt-target-own", rowValues("events", ++m_unique, OwnOpd));
        seedRow("events", "evt-target-other", rowValues("events", ++m_unique, OtherOpd));
        seedRow("users", "user-target", rowValues("users", ++m_unique));
        const QStringList scoped = {"events", "ppid_requests", "ppid_status_history"};
        const QHash<QString, QPair<QString, QJsonValue>> edits = {
            {"settings", {"value", "baru"}},
            {"users", {"display_name", "Nama baru"}},
            {"opd", {"name", "Nama OPD baru"}},
            {"officials", {"name", "Nama pejabat"}},
            {"kecamatan", {"name", "Kecamatan diganti"}},
            {"venues", {"address", "Jl. Baru"}},
            {"travel_times", {"minutes", 45}},
            {"holidays", {"name", "Libur diganti"}},
            {"events", {"title", "Judul baru"}},
            {"ppid_requests", {"status", "diproses"}},
            {"ppid_status_history", {"note", "catatan baru"}},
            {"ppid_objections", {"summary", "ringkasan baru"}},
            {"ppid_sequences", {"last_seq", 7}},
        };
        for (const QString &table : SyncProtocol::syncedTables()) {
            if (table == "sync_conflicts")
                continue;
            if (!edits.contains(table)) {
                qWarning() << "the matrix has no case for the synced table" << table;
                return {};
            }
            const QStringList variants = scoped.contains(table) ? QStringList{"own", "other"} : QStringList{""};
            for (const QString &variant : variants) {
                QString ref = variant == "other" ? OtherOpd : OwnOpd;
                if (table.startsWith("ppid_status") || table.startsWith("ppid_obj"))
                    ref = variant == "other" ? "req-parent-other" : "req-parent-own";
                const QString base = table + "-" + (variant.isEmpty() ? "x" : variant);
                const QString upd = base + "-update", del = base + "-delete";
                seedRow(table, upd, rowValues(table, ++m_unique, ref));
                seedRow(table, del, rowValues(table, ++m_unique, ref));
                const auto edit = edits.value(table);
                cases << Case{table,
                              "insert",
                              variant,
                              maker.insert(table, base + "-insert", rowValues(table, ++m_unique, ref)),
                              {}}
                      << Case{table, "update", variant, maker.update(table, upd, edit.first, edit.second), {}}
                      << Case{table, "delete", variant, maker.remove(table, del), {}};
            }
        }
        // Conflicts: the hub's own rows; PCs only resolve them.
        struct Target
        {
            QString variant, entity, rowId, field;
            QJsonValue hub, incoming;
        };
        const QList<Target> targets = {
            {"event-own", "events", "evt-target-own", "title", "A", "B"},
            {"event-other", "events", "evt-target-other", "title", "A", "B"},
            {"request-own", "ppid_requests", "req-parent-own", "status", "diterima", "diproses"},
            {"user", "users", "user-target", "display_name", "X", "Y"},
        };
        for (const Target &t : targets) {
            const QString id = "conflict-" + t.variant;
            seedRow("sync_conflicts", id, conflictValues(t.entity, t.rowId, t.field, t.hub, t.incoming));
            const QJsonObject resolution = {
                {"status", QJsonArray{"open", "resolved"}},
                {"resolution", QJsonArray{QJsonValue(QJsonValue::Null), "theirs"}},
                {"resolved_value", QJsonArray{QJsonValue(QJsonValue::Null), SyncProtocol::jsonText(t.incoming)}},
                {"resolved_by", QJsonArray{"", maker.site()}},
                {"resolved_at", QJsonArray{QJsonValue(QJsonValue::Null), "2026-11-23T00:00:00.000Z"}}};
            cases << Case{
                "sync_conflicts", "update", t.variant, maker.make("sync_conflicts", id, "upsert", resolution), {}};
        }
        seedRow("sync_conflicts", "conflict-delete", conflictValues("events", "evt-target-own", "notes", "", "x"));
        cases << Case{"sync_conflicts", "delete", "", maker.remove("sync_conflicts", "conflict-delete"), {}}
              << Case{"sync_conflicts",
                      "insert",
                      "",
                      maker.insert("sync_conflicts", "conflict-new",
                                   conflictValues("events", "evt-target-own", "title", "A", "C")),
                      {}};
        return cases;
    }

    /** The feed's rows at the hub: requests of two OPDs with personal data, their history and objections, conflicts. */
    void seedFeed()
    {
        seedRow("users", "user-1", rowValues("users", ++m_unique));
        seedRow("settings", "setting-plain", {{"key", "regency_name"}, {"value", "Parigi Moutong"}});
        seedRow("settings", "setting-secret", {{"key", "wordpress_app_password"}, {"value", "abcd efgh"}});
        seedRow("opd", OwnOpd, rowValues("opd", ++m_unique));
        seedRow("events", "evt-own", rowValues("events", ++m_unique, OwnOpd));
        seedRow("events", "evt-other", rowValues("events", ++m_unique, OtherOpd));
        seedRow("ppid_requests", "req-own", rowValues("ppid_requests", ++m_unique, OwnOpd));
        seedRow("ppid_requests", "req-other", rowValues("ppid_requests", ++m_unique, OtherOpd));
        seedRow("ppid_status_history", "hist-own", rowValues("ppid_status_history", ++m_unique, "req-own"));
        seedRow("ppid_status_history", "hist-other", rowValues("ppid_status_history", ++m_unique, "req-other"));
        seedRow("ppid_objections", "obj-own", rowValues("ppid_objections", ++m_unique, "req-own"));
        seedRow("ppid_objections", "obj-other", rowValues("ppid_objections", ++m_unique, "req-other"));
        seedRow("ppid_sequences", "seq-1", rowValues("ppid_sequences", ++m_unique));
        seedRow("sync_conflicts", "conf-nik",
                conflictValues("ppid_requests", "req-own", "requester_nik", Nik, "7208012345679999"));
        seedRow("sync_conflicts", "conf-nik-other",
                conflictValues("ppid_requests", "req-other", "requester_nik", Nik, "7208012345679999"));
        seedRow("sync_conflicts", "conf-hash",
                conflictValues("users", "user-1", "password_hash", RealHash, PasswordHasher::hash("lain", 1000)));
        seedRow("sync_conflicts", "conf-title", conflictValues("events", "evt-other", "title", "A", "B"));
    }

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void init()
    {
        m_clock = std::make_unique<HumasTest::MockClock>();
        m_hubDb = std::make_unique<TestDatabase>();
        QVERIFY(m_hubDb->isOpen());
        m_seedStore = std::make_unique<HubStore>(m_hubDb->db());
        QString error;
        QVERIFY2(m_seedStore->initialise(&error), qPrintable(error));
        m_seed = std::make_unique<OpMaker>("server-seed");
    }
    void cleanup()
    {
        m_seed.reset();
        m_seedStore.reset();
        m_hubDb.reset();
        m_clock.reset();
    }

    void matrix_data()
    {
        QTest::addColumn<int>("role");
        for (Role r : Roles::all())
            QTest::newRow(qPrintable(Roles::code(r))) << int(r);
    }

    /** Every synced table × insert/update/delete (× own/other OPD) in one batch per role. */
    void matrix()
    {
        QFETCH(int, role);
        const Actor actor = actorFor(Role(role));
        OpMaker maker("pc-" + actor.username);
        QList<Case> cases = seedMatrix(maker);
        QVERIFY(!cases.isEmpty());
        for (Case &c : cases) {
            c.before = rowText(m_hubDb->db(), c.table, c.op.rowId);
            c.op.baseSeq = m_seedStore->highSeq();
        }
        QList<SyncOp> ops;
        for (const Case &c : cases)
            ops << c.op;
        auto store = hookedStore(actor);
        PushReply reply;
        QVERIFY(push(*store, maker, ops, &reply));
        QCOMPARE(reply.results.size(), cases.size());
        QCOMPARE(reply.ackedThrough, ops.last().outboxSeq);
        QStringList unauthorised, missing, badStatus;
        int allowedCount = 0;
        for (int i = 0; i < cases.size(); ++i) {
            const Case &c = cases.at(i);
            const OpResult &r = reply.results.at(i);
            const QString name = c.table + "/" + c.kind + (c.variant.isEmpty() ? QString() : QString("/" + c.variant));
            const bool expected = allowed(Role(role), c);
            const bool changed = rowText(m_hubDb->db(), c.table, c.op.rowId) != c.before;
            allowedCount += expected;
            if (!expected && changed)
                unauthorised << name;
            if (expected && !changed)
                missing << name;
            const bool applied = r.status == "applied" || r.status == "merged";
            if (expected != applied || (!expected && (r.status != "rejected" || r.error.isEmpty())))
                badStatus << name + "=" + r.status + " " + r.error;
        }
        QVERIFY2(unauthorised.isEmpty(), qPrintable("unauthorised writes: " + unauthorised.join(", ")));
        QVERIFY2(missing.isEmpty(), qPrintable("allowed writes missing at the hub: " + missing.join(", ")));
        QVERIFY2(badStatus.isEmpty(), qPrintable(badStatus.join("\n")));
        // Nothing else moved: only the allowed ops' rows and their conflicts could have.
        QCOMPARE(scalar(m_hubDb->db(), "SELECT count(*) FROM hub_ops WHERE result = 'rejected'").toInt(),
                 cases.size() - allowedCount);
        qInfo("%s: %lld ops, %d allowed, %lld rejected", qPrintable(actor.username), qlonglong(cases.size()),
              allowedCount, qlonglong(cases.size() - allowedCount));
    }

    void rejectedOpAloneIsRejected()
    {
        const Actor opd = actorFor(Role::Opd);
        OpMaker maker("pc-opd");
        maker.baseSeq = m_seedStore->highSeq();
        const QList<SyncOp> ops = {maker.insert("events", "e1", rowValues("events", 1, OwnOpd)),
                                   maker.insert("events", "e2", rowValues("events", 2, OtherOpd)),
                                   maker.insert("users", "u1", rowValues("users", 3)),
                                   maker.insert("events", "e3", rowValues("events", 4, OwnOpd))};
        auto store = hookedStore(opd);
        PushReply reply;
        QVERIFY(push(*store, maker, ops, &reply));
        QStringList statuses;
        for (const OpResult &r : reply.results)
            statuses << r.status;
        QCOMPARE(statuses, QStringList({"applied", "rejected", "rejected", "applied"}));
        QCOMPARE(reply.results.at(1).error, SyncAccess::tr("An OPD account may only change events of its own OPD."));
        QCOMPARE(reply.results.at(2).error, SyncAccess::tr("Only an administrator may set passwords."));
        QCOMPARE(m_hubDb->count("events"), 2);
        QCOMPARE(m_hubDb->count("events", "id = 'e2'"), 0);
        QCOMPARE(m_hubDb->count("users"), 0);
        QCOMPARE(reply.ackedThrough, ops.last().outboxSeq);
        // A rejected op is final: sent again it is a duplicate of its rejection and still changes nothing.
        QVERIFY(push(*store, maker, {ops.at(1)}, &reply));
        QCOMPARE(reply.results.first().status, QString("duplicate"));
        QCOMPARE(reply.results.first().firstStatus, QString("rejected"));
        QCOMPARE(m_hubDb->count("events"), 2);
    }

    void opdEventRules_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("own submitted: title") << "own"
                                              << "title"
                                              << "Judul" << true;
        QTest::newRow("own: moved to another OPD") << "own"
                                                   << "opd_id" << OtherOpd << false;
        QTest::newRow("own: opd_id emptied") << "own"
                                             << "opd_id"
                                             << "" << false;
        QTest::newRow("other: moved into own OPD") << "other"
                                                   << "opd_id" << OwnOpd << false;
        QTest::newRow("other: title") << "other"
                                      << "title"
                                      << "Judul" << false;
        QTest::newRow("own: scheduled by the OPD") << "own"
                                                   << "status"
                                                   << "terjadwal" << false;
        QTest::newRow("own scheduled: title") << "scheduled"
                                              << "title"
                                              << "Judul" << false;
        QTest::newRow("new row without opd_id") << "new"
                                                << "title"
                                                << "Judul" << false;
    }
    void opdEventRules()
    {
        QFETCH(QString, row);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(bool, allowed);
        seedRow("events", "own", rowValues("events", 1, OwnOpd));
        seedRow("events", "other", rowValues("events", 2, OtherOpd));
        seedRow("events", "scheduled", rowValues("events", 3, OwnOpd));
        seedUpdate("events", "scheduled", "status", "terjadwal");
        const QString before = rowText(m_hubDb->db(), "events", row);
        OpMaker maker("pc-opd");
        maker.baseSeq = m_seedStore->highSeq();
        auto store = hookedStore(actorFor(Role::Opd));
        PushReply reply;
        QVERIFY(push(*store, maker, {maker.update("events", row, field, value)}, &reply));
        QCOMPARE(reply.results.first().status, QString(allowed ? "applied" : "rejected"));
        QCOMPARE(rowText(m_hubDb->db(), "events", row) != before, allowed);
        // An OPD account without an OPD writes no event at all.
        Actor orphan = actorFor(Role::Opd);
        orphan.opdId.clear();
        QVERIFY(!SyncAccess(orphan, m_hubDb->db()).check(maker.update("events", "own", "title", "x")).isEmpty());
    }

    void opdPpidRules_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("assigned: status") << "ppid_requests"
                                          << "req-own"
                                          << "status" << QJsonValue("diproses") << true;
        QTest::newRow("assigned: plain notes") << "ppid_requests"
                                               << "req-own"
                                               << "notes" << QJsonValue("Sudah dikirim") << true;
        QTest::newRow("assigned: masked notes")
            << "ppid_requests"
            << "req-own"
            << "notes" << QJsonValue("Hubungi 0812" + dots(5) + "890 sore, sudah") << false;
        QTest::newRow("assigned: NIK") << "ppid_requests"
                                       << "req-own"
                                       << "requester_nik" << QJsonValue("7208012345671111") << false;
        QTest::newRow("assigned: email") << "ppid_requests"
                                         << "req-own"
                                         << "requester_email" << QJsonValue("a@b.id") << false;
        QTest::newRow("assigned: reassigned") << "ppid_requests"
                                              << "req-own"
                                              << "opd_id" << QJsonValue(OtherOpd) << false;
        QTest::newRow("assigned: deleted") << "ppid_requests"
                                           << "req-own"
                                           << "deleted" << QJsonValue(1) << false;
        QTest::newRow("other OPD's: status") << "ppid_requests"
                                             << "req-other"
                                             << "status" << QJsonValue("diproses") << false;
        QTest::newRow("history: changed") << "ppid_status_history"
                                          << "hist-own"
                                          << "note" << QJsonValue("x") << false;
        QTest::newRow("objection of an assigned request") << "ppid_objections"
                                                          << "obj-own"
                                                          << "summary" << QJsonValue("x") << false;
    }
    void opdPpidRules()
    {
        QFETCH(QString, table);
        QFETCH(QString, row);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(bool, allowed);
        seedFeed();
        const QString before = rowText(m_hubDb->db(), table, row);
        OpMaker maker("pc-opd");
        maker.baseSeq = m_seedStore->highSeq();
        auto store = hookedStore(actorFor(Role::Opd));
        PushReply reply;
        QVERIFY(push(*store, maker, {maker.update(table, row, field, value)}, &reply));
        QCOMPARE(reply.results.first().status, QString(allowed ? "applied" : "rejected"));
        QCOMPARE(rowText(m_hubDb->db(), table, row) != before, allowed);
        // The same field from the ppid role is fine (it sees the real values).
        if (!allowed && table == "ppid_requests" && row == "req-own") {
            auto ppid = hookedStore(actorFor(Role::Ppid));
            QVERIFY(push(*ppid, maker, {maker.update(table, row, field, value)}, &reply));
            QCOMPARE(reply.results.first().status, QString("applied"));
        }
    }

    void opdAddsHistoryOfAssignedRequestsOnly()
    {
        seedFeed();
        OpMaker maker("pc-opd");
        maker.baseSeq = m_seedStore->highSeq();
        auto store = hookedStore(actorFor(Role::Opd));
        PushReply reply;
        QVERIFY(
            push(*store, maker,
                 {maker.insert("ppid_status_history", "h-new-own", rowValues("ppid_status_history", 1, "req-own")),
                  maker.insert("ppid_status_history", "h-new-other", rowValues("ppid_status_history", 2, "req-other")),
                  maker.insert("ppid_status_history", "h-new-none", rowValues("ppid_status_history", 3, "req-unknown")),
                  maker.insert("ppid_requests", "req-new", rowValues("ppid_requests", 4, OwnOpd))},
                 &reply));
        QStringList statuses;
        for (const OpResult &r : reply.results)
            statuses << r.status;
        QCOMPARE(statuses, QStringList({"applied", "rejected", "rejected", "rejected"}));
        QCOMPARE(m_hubDb->count("ppid_status_history", "id LIKE 'h-new-%'"), 1);
        QCOMPARE(m_hubDb->count("ppid_requests", "id = 'req-new'"), 0);
    }

    void passwordsOnlyFromAdmin()
    {
        seedRow("users", "user-1", rowValues("users", 1));
        for (Role role : Roles::all()) {
            OpMaker maker("pc-" + Roles::code(role));
            maker.baseSeq = m_seedStore->highSeq();
            const QString hash = PasswordHasher::hash("baru-" + Roles::code(role), 1000);
            auto store = hookedStore(actorFor(role));
            PushReply reply;
            QVERIFY(push(*store, maker, {maker.update("users", "user-1", "password_hash", hash)}, &reply));
            const bool admin = role == Role::Admin;
            QCOMPARE(reply.results.first().status, QString(admin ? "applied" : "rejected"));
            if (!admin)
                QCOMPARE(reply.results.first().error, SyncAccess::tr("Only an administrator may set passwords."));
            QCOMPARE(scalar(m_hubDb->db(), "SELECT password_hash FROM users WHERE id = 'user-1'") == hash, admin);
        }
    }

    void unknownTablesOnlyForAdmin()
    {
        OpMaker maker("pc");
        const SyncOp news = maker.insert("news_articles", "n1", {{"title", "Berita"}, {"opd_id", OwnOpd}});
        for (Role role : Roles::all()) {
            const QString reason = SyncAccess(actorFor(role), m_hubDb->db()).check(news);
            QCOMPARE(reason.isEmpty(), role == Role::Admin);
            PulledRow row{"news_articles", "n1", 1, {{"title", "Berita"}}, false};
            QCOMPARE(SyncAccess(actorFor(role), m_hubDb->db()).shape(&row), role == Role::Admin);
        }
    }

    void resolutionsOnly()
    {
        seedFeed();
        OpMaker maker("pc-protokol");
        maker.baseSeq = m_seedStore->highSeq();
        const SyncAccess protokol(actorFor(Role::Protokol), m_hubDb->db());
        // Reopening a conflict's values (not the resolution) is refused, even about a row the role writes.
        QVERIFY(!protokol.check(maker.update("sync_conflicts", "conf-title", "hub_value", "\"Z\"")).isEmpty());
        QVERIFY(protokol.check(maker.update("sync_conflicts", "conf-title", "resolved_value", "\"Z\"")).isEmpty());
        // A resolution that would write the requester's NIK, from a role that never saw it.
        const SyncAccess opd(actorFor(Role::Opd), m_hubDb->db());
        QVERIFY(
            !opd.check(maker.update("sync_conflicts", "conf-nik", "resolved_value", "\"7208012345679999\"")).isEmpty());
        const SyncAccess ppid(actorFor(Role::Ppid), m_hubDb->db());
        QVERIFY(
            ppid.check(maker.update("sync_conflicts", "conf-nik", "resolved_value", "\"7208012345679999\"")).isEmpty());
    }

    void feedShaping_data()
    {
        QTest::addColumn<int>("role");
        for (Role r : Roles::all())
            QTest::newRow(qPrintable(Roles::code(r))) << int(r);
    }

    /** Who gets which row, masked how, and that no hash or token is in any feed. */
    void feedShaping()
    {
        QFETCH(int, role);
        const Role r = Role(role);
        seedFeed();
        const QString hubBefore = rowText(m_hubDb->db(), "ppid_requests", "req-own");
        QByteArray json;
        const QList<PulledRow> rows = feed(actorFor(r), &json);
        QCOMPARE(rows.size(), m_hubDb->count("hub_rows")); // every row once: visible or gone
        QVERIFY(!json.contains("password_hash"));
        QVERIFY(!json.contains(RealHash.toUtf8()));
        QVERIFY(!json.contains("pbkdf2"));
        QCOMPARE(json.contains("abcd efgh"), r == Role::Admin); // a setting named like a password: admin only
        for (const PulledRow &row : rows) {
            for (const QString &key : row.values.keys())
                QVERIFY2(!SyncAccess::isSecretName(key), qPrintable(row.entity + "." + key));
        }
        const auto visible = [&](const QString &id) {
            const PulledRow *row = find(rows, id);
            return row && !row->gone;
        };
        QVERIFY(visible("user-1"));
        QVERIFY(visible("setting-plain"));
        QCOMPARE(visible("setting-secret"), r == Role::Admin);
        QVERIFY(visible("evt-own") && visible("evt-other"));
        const bool all = r == Role::Admin || r == Role::Ppid || r == Role::Pimpinan;
        const bool own = all || r == Role::Opd;
        for (const char *id : {"req-own", "hist-own", "obj-own", "conf-nik"})
            QVERIFY2(visible(id) == own, id);
        for (const char *id : {"req-other", "hist-other", "obj-other", "conf-nik-other"})
            QVERIFY2(visible(id) == all, id);
        QCOMPARE(visible("seq-1"), all);
        QVERIFY(!visible("conf-hash"));   // for admin too
        QVERIFY(find(rows, "conf-hash")); // …as a gone entry
        QVERIFY(visible("conf-title"));
        QCOMPARE(find(rows, "conf-title")->values.value("hub_value").toString(), QString("\"A\""));
        // Personal data: in full for admin and ppid, masked for the rest.
        const bool full = Roles::canSeePersonalData(r);
        if (own) {
            const QJsonObject req = find(rows, "req-own")->values;
            const QString maskedNik = "7208" + dots(8) + "0003";
            QCOMPARE(req.value("requester_nik").toString(), full ? Nik : maskedNik);
            QCOMPARE(req.value("requester_phone").toString(), full ? Phone : "0812" + dots(5) + "890");
            QCOMPARE(req.value("requester_email").toString(), full ? Email : "b" + dots(3) + "@gmail.com");
            QCOMPARE(req.value("requester_address").toString(), full ? Address : dots(3) + ", Parigi");
            QCOMPARE(req.value("notes").toString(), "Hubungi " + (full ? Phone : "0812" + dots(5) + "890") + " sore");
            QCOMPARE(req.value("requester_name").toString(), QString("Budi Santoso"));
            QCOMPARE(req.value("information").toString(), QString("Anggaran 2026"));
            QCOMPARE(find(rows, "hist-own")->values.value("note").toString(),
                     "Diteruskan, telp " + (full ? Phone : "0812" + dots(5) + "890"));
            QCOMPARE(find(rows, "obj-own")->values.value("summary").toString(),
                     "NIK pemohon " + (full ? Nik : maskedNik));
            const QJsonObject conflict = find(rows, "conf-nik")->values;
            QCOMPARE(conflict.value("hub_value").toString(), "\"" + (full ? Nik : maskedNik) + "\"");
            QCOMPARE(conflict.value("incoming_value").toString(),
                     "\"" + (full ? QString("7208012345679999") : "7208" + dots(8) + "9999") + "\"");
            // Events' PIC phone is not a requester's personal data: shown as the GUI shows it.
            QCOMPARE(find(rows, "evt-own")->values.value("pic_phone").toString(), QString("081100001111"));
        }
        // Shaping a feed changes nothing at the hub.
        QCOMPARE(rowText(m_hubDb->db(), "ppid_requests", "req-own"), hubBefore);
    }

    /** A request reassigned to another OPD leaves the first OPD's PC; the client's copy goes. */
    void goneEntryDropsTheClientCopy()
    {
        seedFeed();
        TestDatabase pc;
        QVERIFY(pc.isOpen());
        auto store = hookedStore(actorFor(Role::Opd));
        HubStoreTransport transport(*store);
        SyncReport r = SyncEngine(pc.db(), transport).round();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(pc.count("ppid_requests"), 1);
        QCOMPARE(pc.count("ppid_requests", "id = 'req-own'"), 1);
        QCOMPARE(pc.count("ppid_objections"), 1);
        QCOMPARE(pc.count("sync_conflicts", "id = 'conf-hash'"), 0);
        seedUpdate("ppid_requests", "req-own", "opd_id", OtherOpd);
        m_clock->advance(1000);
        r = SyncEngine(pc.db(), transport).round();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(pc.count("ppid_requests"), 0);
        QVERIFY(r.changed.rows("ppid_requests").contains("req-own"));
        QCOMPARE(pc.count("outbox"), 0);
        QCOMPARE(m_hubDb->count("ppid_requests", "id = 'req-own'"), 1); // only the copy went
    }

    /** Users arrive without their hash; the PC stores one no password matches, and keeps its own on update. */
    void clientStoresAnUnusableHash()
    {
        seedRow("users", "user-1", rowValues("users", 1));
        TestDatabase pc;
        QVERIFY(pc.isOpen());
        auto store = hookedStore(actorFor(Role::Admin)); // even admin gets no hash
        HubStoreTransport transport(*store);
        SyncReport r = SyncEngine(pc.db(), transport).round();
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString stored = scalar(pc.db(), "SELECT password_hash FROM users WHERE id = 'user-1'");
        QCOMPARE(stored, PasswordHasher::unusableHash());
        for (const QString &guess : {QString("rahasia123"), QString(), stored, QString("!")})
            QVERIFY(!PasswordHasher::verify(guess, stored));
        QString error;
        QVERIFY(!UserRepository(pc.db(), Actor::system()).authenticate("user1", "rahasia123", nullptr, &error));
        QCOMPARE(pc.count("outbox"), 0);
        // An update from the hub leaves the local hash as it is (absent columns are not written).
        seedUpdate("users", "user-1", "display_name", "Nama baru");
        m_clock->advance(1000);
        r = SyncEngine(pc.db(), transport).round();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(scalar(pc.db(), "SELECT display_name FROM users WHERE id = 'user-1'"), QString("Nama baru"));
        QCOMPARE(scalar(pc.db(), "SELECT password_hash FROM users WHERE id = 'user-1'"),
                 PasswordHasher::unusableHash());
        // A user made on this PC keeps its real hash through a round trip, so it still signs in here.
        const Actor local = pc.addUser("lokal", "protokol", "rahasia123");
        QVERIFY(local.isValid());
        m_clock->advance(1000);
        QVERIFY(SyncEngine(pc.db(), transport).round().ok);
        QCOMPARE(m_hubDb->count("users", "username = 'lokal'"), 1);
        seedUpdate("users", local.userId, "display_name", "Lokal Diganti");
        m_clock->advance(1000);
        QVERIFY(SyncEngine(pc.db(), transport).round().ok);
        QCOMPARE(scalar(pc.db(), "SELECT display_name FROM users WHERE username = 'lokal'"), QString("Lokal Diganti"));
        QVERIFY(UserRepository(pc.db(), Actor::system()).authenticate("lokal", "rahasia123", nullptr, &error));
        QCOMPARE(SyncEngine::waitingCount(pc.db()), 0);
    }

    /** A masked pull writes no outbox entry, keeps a pending local edit, and the masked text never reaches the hub. */
    void maskedValuesAreNeverPushedBack()
    {
        seedFeed();
        TestDatabase pc;
        QVERIFY(pc.isOpen());
        const Actor opd = actorFor(Role::Opd);
        auto store = hookedStore(opd);
        HubStoreTransport transport(*store);
        SyncReport r = SyncEngine(pc.db(), transport).round();
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString maskedNik = "7208" + dots(8) + "0003";
        QCOMPARE(scalar(pc.db(), "SELECT requester_nik FROM ppid_requests WHERE id = 'req-own'"), maskedNik);
        QCOMPARE(pc.count("outbox"), 0);
        // A pending local edit of one field; meanwhile the PPID changes the notes at the hub.
        QString error;
        m_clock->advance(1000);
        QVERIFY2(pc.db().writer().update(opd.userId, "ppid_requests", "req-own", {{"status", "diproses"}}, &error),
                 qPrintable(error));
        seedUpdate("ppid_requests", "req-own", "notes", QString("Telp baru " + Phone));
        r = SyncEngine(pc.db(), transport).pullOnly();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(scalar(pc.db(), "SELECT status FROM ppid_requests WHERE id = 'req-own'"), QString("diproses"));
        QCOMPARE(scalar(pc.db(), "SELECT notes FROM ppid_requests WHERE id = 'req-own'"),
                 "Telp baru 0812" + dots(5) + "890");
        QCOMPARE(pc.count("outbox"), 1);
        QCOMPARE(QJsonDocument::fromJson(scalar(pc.db(), "SELECT changes FROM outbox").toUtf8()).object().keys(),
                 QStringList{"status"});
        // The push carries the status only; the hub keeps its unmasked values.
        m_clock->advance(1000);
        r = SyncEngine(pc.db(), transport).round();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.rejected, 0);
        QCOMPARE(scalar(m_hubDb->db(), "SELECT status FROM ppid_requests WHERE id = 'req-own'"), QString("diproses"));
        QCOMPARE(scalar(m_hubDb->db(), "SELECT requester_nik FROM ppid_requests WHERE id = 'req-own'"), Nik);
        QCOMPARE(scalar(m_hubDb->db(), "SELECT notes FROM ppid_requests WHERE id = 'req-own'"),
                 QString("Telp baru " + Phone));
        // Saving the masked text it was shown is refused, and the hub's text stays.
        m_clock->advance(1000);
        QVERIFY(pc.db().writer().update(opd.userId, "ppid_requests", "req-own",
                                        {{"notes", QString("Telp baru 0812" + dots(5) + "890, sudah")}}, &error));
        r = SyncEngine(pc.db(), transport).round();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.rejected, 1);
        QCOMPARE(scalar(m_hubDb->db(), "SELECT notes FROM ppid_requests WHERE id = 'req-own'"),
                 QString("Telp baru " + Phone));
        QCOMPARE(SyncEngine::waitingCount(pc.db()), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncAccess)
#include "tst_syncaccess.moc"
