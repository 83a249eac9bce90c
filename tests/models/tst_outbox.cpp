#include "common/uuid7.h"
#include "mockclock.h"
#include "store/changefeed.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

using Humas::ChangeWriter;
using HumasTest::TestDatabase;

namespace {

QVariantMap lastOutbox(Humas::Database &db)
{
    QSqlQuery q(db.connection());
    q.exec("SELECT op_id, entity, row_id, op, changes, base_rev, rev, hlc, site_id, actor, created_at "
           "FROM outbox ORDER BY seq DESC LIMIT 1");
    QVariantMap m;
    if (q.next()) {
        const QStringList names = {"op_id", "entity", "row_id",  "op",    "changes",   "base_rev",
                                   "rev",   "hlc",    "site_id", "actor", "created_at"};
        for (int i = 0; i < names.size(); ++i)
            m.insert(names.at(i), q.value(i));
    }
    return m;
}

QJsonObject changesOf(const QVariantMap &entry)
{
    return QJsonDocument::fromJson(entry.value("changes").toString().toUtf8()).object();
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void cleanup() { ChangeWriter::setFaultHook({}); }

    void insertWritesRowAndOutboxEntry()
    {
        HumasTest::MockClock clock;
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QString error;
        QVERIFY2(w.insert("ani", "opd", {{"code", "DINKES"}, {"name", "Dinas Kesehatan"}}, &id, &error), qPrintable(error));
        QVERIFY(Humas::Uuid7::isValid(id));
        const QVariantMap row = w.row("opd", id);
        QCOMPARE(row.value("rev").toInt(), 1);
        QCOMPARE(row.value("deleted").toInt(), 0);
        QCOMPARE(row.value("updated_by").toString(), QString("ani"));
        QCOMPARE(row.value("site_id").toString(), t.db().siteId());
        QCOMPARE(row.value("updated_at").toString(), clock.nowUtc().toString(Qt::ISODateWithMs));
        QVERIFY(!row.value("hlc").toString().isEmpty());

        const QVariantMap entry = lastOutbox(t.db());
        QVERIFY(Humas::Uuid7::isValid(entry.value("op_id").toString()));
        QCOMPARE(entry.value("entity").toString(), QString("opd"));
        QCOMPARE(entry.value("row_id").toString(), id);
        QCOMPARE(entry.value("op").toString(), QString("upsert"));
        QCOMPARE(entry.value("base_rev").toInt(), 0);
        QCOMPARE(entry.value("rev").toInt(), 1);
        QCOMPARE(entry.value("hlc").toString(), row.value("hlc").toString());
        QCOMPARE(entry.value("actor").toString(), QString("ani"));
        const QJsonObject changes = changesOf(entry);
        QCOMPARE(changes.value("code").toArray(), (QJsonArray{QJsonValue::Null, "DINKES"}));
        QCOMPARE(changes.value("name").toArray(), (QJsonArray{QJsonValue::Null, "Dinas Kesehatan"}));
    }

    void updateRecordsOnlyChangedFieldsWithOldValues()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QVERIFY(w.insert("ani", "opd", {{"code", "DINKES"}, {"name", "Dinkes"}, {"pic_name", "Budi"}}, &id, nullptr));
        const QString firstHlc = w.row("opd", id).value("hlc").toString();
        QString error;
        QVERIFY2(w.update("ani", "opd", id, {{"name", "Dinas Kesehatan"}, {"pic_name", "Budi"}}, &error), qPrintable(error));
        const QVariantMap entry = lastOutbox(t.db());
        QCOMPARE(entry.value("base_rev").toInt(), 1);
        QCOMPARE(entry.value("rev").toInt(), 2);
        const QJsonObject changes = changesOf(entry);
        QCOMPARE(changes.keys(), QStringList{"name"});
        QCOMPARE(changes.value("name").toArray(), (QJsonArray{"Dinkes", "Dinas Kesehatan"}));
        const QVariantMap row = w.row("opd", id);
        QCOMPARE(row.value("rev").toInt(), 2);
        QVERIFY(firstHlc < row.value("hlc").toString());
    }

    void updateWithoutChangeWritesNothing()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QVERIFY(w.insert("ani", "opd", {{"code", "X"}, {"name", "Y"}}, &id, nullptr));
        const int before = t.count("outbox");
        QVERIFY(w.update("ani", "opd", id, {{"name", "Y"}}, nullptr));
        QCOMPARE(t.count("outbox"), before);
        QCOMPARE(w.row("opd", id).value("rev").toInt(), 1);
    }

    void patchRefusesAFieldChangedUnderneath()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QVERIFY(w.insert("ani", "opd", {{"code", "DINKES"}, {"name", "Dinas Kesehatan"}, {"pic_name", ""}}, &id,
                         nullptr));
        // A colleague sets the PIC while an editor who opened the row earlier still has it open.
        QVERIFY(w.update("budi", "opd", id, {{"pic_name", "Rina"}}, nullptr));
        const int outboxBefore = t.count("outbox");
        // The editor changes only the name: the PIC the colleague set survives.
        QString error;
        QVERIFY2(w.patch("ani", "opd", id, {{"name", "Dinas Kesehatan"}}, {{"name", "Dinkes"}}, &error),
                 qPrintable(error));
        QCOMPARE(w.row("opd", id).value("pic_name").toString(), QString("Rina"));
        QVariantMap entry = lastOutbox(t.db());
        QCOMPARE(changesOf(entry).keys(), QStringList{"name"});
        QCOMPARE(t.count("outbox"), outboxBefore + 1);
        // The editor also typed a PIC, starting from the empty one: refused, nothing written.
        QList<Humas::StaleField> stale;
        QVERIFY(!w.patch("ani", "opd", id, {{"name", "Dinkes"}, {"pic_name", ""}},
                         {{"name", "Dinas Kesehatan PPKB"}, {"pic_name", "Sari"}}, &error, &stale));
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.constFirst().field, QString("pic_name"));
        QCOMPARE(stale.constFirst().current.toString(), QString("Rina"));
        QCOMPARE(stale.constFirst().mine.toString(), QString("Sari"));
        QVERIFY(error.contains("Rina") && error.contains("Sari"));
        QCOMPARE(w.row("opd", id).value("name").toString(), QString("Dinkes"));
        QCOMPARE(t.count("outbox"), outboxBefore + 1);
        // Typing the value the colleague stored is no conflict.
        QVERIFY(w.patch("ani", "opd", id, {{"pic_name", ""}}, {{"pic_name", "Rina"}}, &error));
    }

    void actorIsTheUserIdAndBaseSeqTheRowsSyncSeq()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QVERIFY(w.insert("0190aaaa-user", "kecamatan", {{"name", "Parigi"}}, &id, nullptr));
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec("UPDATE kecamatan SET sync_seq = 41 WHERE id = '" + id + "'"));
        QVERIFY(w.update("0190aaaa-user", "kecamatan", id, {{"name", "Parigi Barat"}}, nullptr));
        QVERIFY(q.exec("SELECT actor, base_seq, acked_at FROM outbox ORDER BY seq DESC LIMIT 1") && q.next());
        QCOMPARE(q.value(0).toString(), QString("0190aaaa-user"));
        QCOMPARE(q.value(1).toLongLong(), 41);
        QVERIFY(q.value(2).isNull()); // waiting for the hub
        QCOMPARE(w.row("kecamatan", id).value("updated_by").toString(), QString("0190aaaa-user"));
        QString error;
        QVERIFY(!w.update("x", "kecamatan", id, {{"sync_seq", 7}}, &error)); // only the applier sets it
    }

    void oneWriterPerConnectionKeepsItsStatements()
    {
        TestDatabase t;
        ChangeWriter *first = &t.db().writer();
        QString id;
        QVERIFY(first->insert("ani", "kecamatan", {{"name", "Parigi"}}, &id, nullptr));
        const int prepared = first->preparedStatementCount();
        QVERIFY(prepared >= 2);
        QCOMPARE(&t.db().writer(), first);
        QVERIFY(t.db().writer().insert("ani", "kecamatan", {{"name", "Sausu"}}, nullptr, nullptr));
        QCOMPARE(t.db().writer().preparedStatementCount(), prepared); // reused, not prepared again
    }

    void feedAnnouncesCommittedRowsOnly()
    {
        TestDatabase t;
        QList<Humas::ChangeSet> seen;
        QObject::connect(t.db().changeFeed(), &Humas::ChangeFeed::committed,
                         [&seen](const Humas::ChangeSet &c) { seen << c; });
        ChangeWriter &w = t.db().writer();
        QString a;
        QString b;
        {
            Humas::Transaction tx(t.db());
            QVERIFY(w.insert("ani", "kecamatan", {{"name", "Parigi"}}, &a, nullptr));
            QVERIFY(w.insert("ani", "opd", {{"code", "X"}, {"name", "Y"}}, &b, nullptr));
            QVERIFY(seen.isEmpty()); // nothing before the commit
            QVERIFY(tx.commit());
        }
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.constFirst().rows("kecamatan"), QSet<QString>{a});
        QCOMPARE(seen.constFirst().rows("opd"), QSet<QString>{b});
        {
            Humas::Transaction tx(t.db());
            QVERIFY(w.update("ani", "kecamatan", a, {{"name", "Parigi Selatan"}}, nullptr));
            tx.rollback();
        }
        QCOMPARE(seen.size(), 1); // a rollback announces nothing
        QVERIFY(w.remove("ani", "opd", b, nullptr)); // a write in its own transaction
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.last().entities(), QStringList{"opd"});
    }

    void deleteIsATombstoneAndRestoreUndoesIt()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QVERIFY(w.insert("ani", "kecamatan", {{"name", "Parigi"}}, &id, nullptr));
        QVERIFY(w.remove("ani", "kecamatan", id, nullptr));
        QCOMPARE(t.count("kecamatan"), 1); // the row stays
        QCOMPARE(w.row("kecamatan", id).value("deleted").toInt(), 1);
        QVariantMap entry = lastOutbox(t.db());
        QCOMPARE(entry.value("op").toString(), QString("delete"));
        QCOMPARE(changesOf(entry).value("deleted").toArray(), (QJsonArray{0, 1}));
        QVERIFY(w.restore("ani", "kecamatan", id, nullptr));
        entry = lastOutbox(t.db());
        QCOMPARE(entry.value("op").toString(), QString("upsert"));
        QCOMPARE(w.row("kecamatan", id).value("deleted").toInt(), 0);
        QCOMPARE(w.row("kecamatan", id).value("rev").toInt(), 3);
    }

    void failureBeforeCommitLeavesNeitherRowNorOutbox_data()
    {
        QTest::addColumn<int>("point");
        QTest::newRow("after row write") << int(ChangeWriter::FaultPoint::AfterRowWrite);
        QTest::newRow("after outbox write") << int(ChangeWriter::FaultPoint::AfterOutboxWrite);
    }

    void failureBeforeCommitLeavesNeitherRowNorOutbox()
    {
        QFETCH(int, point);
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QVERIFY(w.insert("ani", "opd", {{"code", "A"}, {"name", "Before"}}, &id, nullptr));
        const int outboxBefore = t.count("outbox");
        const int rowsBefore = t.count("opd");
        bool reached = false;
        ChangeWriter::setFaultHook([&](ChangeWriter::FaultPoint p) {
            if (int(p) != point)
                return false;
            // At this point the row is written inside the open transaction.
            reached = true;
            return true;
        });
        QString error;
        QString newId;
        QVERIFY(!w.insert("ani", "opd", {{"code", "B"}, {"name", "New"}}, &newId, &error));
        QVERIFY(reached);
        QVERIFY(!error.isEmpty());
        QCOMPARE(t.count("opd"), rowsBefore);
        QCOMPARE(t.count("outbox"), outboxBefore);

        reached = false;
        QVERIFY(!w.update("ani", "opd", id, {{"name", "After"}}, &error));
        QVERIFY(reached);
        QCOMPARE(w.row("opd", id).value("name").toString(), QString("Before"));
        QCOMPARE(w.row("opd", id).value("rev").toInt(), 1);
        QCOMPARE(t.count("outbox"), outboxBefore);

        reached = false;
        QVERIFY(!w.remove("ani", "opd", id, &error));
        QCOMPARE(w.row("opd", id).value("deleted").toInt(), 0);
        QCOMPARE(t.count("outbox"), outboxBefore);

        // And the connection is usable afterwards: no transaction left open.
        QCOMPARE(t.db().transactionDepth(), 0);
        ChangeWriter::setFaultHook({});
        QVERIFY(w.update("ani", "opd", id, {{"name", "After"}}, &error));
        QVERIFY(t.reopen());
        QCOMPARE(t.count("outbox"), outboxBefore + 1);
    }

    void outerRollbackUndoesRowAndOutbox()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        {
            Humas::Transaction tx(t.db());
            QString id;
            QVERIFY(w.insert("ani", "opd", {{"code", "A"}, {"name", "A"}}, &id, nullptr));
            QString second;
            QVERIFY(w.insert("ani", "opd", {{"code", "B"}, {"name", "B"}}, &second, nullptr));
            // no commit
        }
        QCOMPARE(t.count("opd"), 0);
        QCOMPARE(t.count("outbox"), 0);
    }

    void aHalfDoneWriteInsideATransactionCannotBeCommitted()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString error;
        {
            Humas::Transaction tx(t.db());
            QString a;
            QVERIFY(w.insert("ani", "opd", {{"code", "A"}, {"name", "A"}}, &a, nullptr));
            ChangeWriter::setFaultHook(
                [](ChangeWriter::FaultPoint p) { return p == ChangeWriter::FaultPoint::AfterRowWrite; });
            QString b;
            QVERIFY(!w.insert("ani", "opd", {{"code", "B"}, {"name", "B"}}, &b, &error));
            ChangeWriter::setFaultHook({});
            // A careless caller ignores the failure and commits: refused, all rolled back.
            QVERIFY(!tx.commit(&error));
            QVERIFY2(error.contains("failed earlier"), qPrintable(error));
        }
        QCOMPARE(t.count("opd"), 0);
        QCOMPARE(t.count("outbox"), 0);
        // A failed statement that changed nothing does not spoil the transaction.
        {
            Humas::Transaction tx(t.db());
            QString a;
            QVERIFY(w.insert("ani", "opd", {{"code", "A"}, {"name", "A"}}, &a, nullptr));
            QVERIFY(!w.insertWithId("ani", "opd", a, {{"code", "C"}, {"name", "C"}}, &error)); // duplicate id
            QVERIFY2(tx.commit(&error), qPrintable(error));
        }
        QCOMPARE(t.count("opd"), 1);
        QCOMPARE(t.count("outbox"), 1);
        // The mark is cleared by the rollback: the connection works normally afterwards.
        QString c;
        QVERIFY(w.insert("ani", "opd", {{"code", "D"}, {"name", "D"}}, &c, &error));
        QCOMPARE(t.count("opd"), 2);
    }

    void changesAreValidJsonForAnyText()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        const QString tricky = QString::fromUtf8("Rapat \"Forkopimda\" \\ C:\\arsip\n\tbaris\x01 — Sulawesi ✓ 日本");
        QString id;
        QVERIFY(w.insert("ani", "opd", {{"code", "J"}, {"name", tricky}}, &id, nullptr));
        QJsonParseError parseError;
        const QJsonDocument doc =
            QJsonDocument::fromJson(lastOutbox(t.db()).value("changes").toString().toUtf8(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value("name").toArray().at(1).toString(), tricky);
        QVERIFY(doc.object().value("code").toArray().at(0).isNull()); // no old value
        QVERIFY(w.update("ani", "opd", id, {{"name", "Biasa"}}, nullptr));
        const QJsonObject changes = changesOf(lastOutbox(t.db()));
        QCOMPARE(changes.value("name").toArray().at(0).toString(), tricky);
    }

    void refusesUnknownAndSyncColumns()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QString error;
        QVERIFY(!w.insert("ani", "opd", {{"code", "A"}, {"no_such_column", 1}}, &id, &error));
        QVERIFY(!w.insert("ani", "opd", {{"code", "A"}, {"name", "x"}, {"rev", 99}}, &id, &error));
        QVERIFY(!w.insert("ani", "meta", {{"key", "x"}, {"value", "y"}}, &id, &error)); // not a synced table
        QVERIFY(!w.insert("ani", "opd; DROP TABLE opd", {{"code", "A"}}, &id, &error));
        QCOMPARE(t.count("outbox"), 0);
        QVERIFY(!w.update("ani", "opd", "no-such-id", {{"name", "x"}}, &error));
    }

    void storesDatesAndBoolsCanonically()
    {
        TestDatabase t;
        ChangeWriter &w = t.db().writer();
        QString id;
        QVERIFY(w.insert("ani", "holidays",
                         {{"date", QDate(2026, 8, 17)}, {"kind", "libur_nasional"}, {"name", "Hari Kemerdekaan"}}, &id,
                         nullptr));
        QCOMPARE(w.row("holidays", id).value("date").toString(), QString("2026-08-17"));
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
