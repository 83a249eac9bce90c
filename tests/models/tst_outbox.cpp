#include "common/uuid7.h"
#include "mockclock.h"
#include "store/changewriter.h"
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
        ChangeWriter w(t.db(), "ani");
        QString id;
        QString error;
        QVERIFY2(w.insert("opd", {{"code", "DINKES"}, {"name", "Dinas Kesehatan"}}, &id, &error), qPrintable(error));
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
        ChangeWriter w(t.db(), "ani");
        QString id;
        QVERIFY(w.insert("opd", {{"code", "DINKES"}, {"name", "Dinkes"}, {"pic_name", "Budi"}}, &id, nullptr));
        const QString firstHlc = w.row("opd", id).value("hlc").toString();
        QString error;
        QVERIFY2(w.update("opd", id, {{"name", "Dinas Kesehatan"}, {"pic_name", "Budi"}}, &error), qPrintable(error));
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
        ChangeWriter w(t.db(), "ani");
        QString id;
        QVERIFY(w.insert("opd", {{"code", "X"}, {"name", "Y"}}, &id, nullptr));
        const int before = t.count("outbox");
        QVERIFY(w.update("opd", id, {{"name", "Y"}}, nullptr));
        QCOMPARE(t.count("outbox"), before);
        QCOMPARE(w.row("opd", id).value("rev").toInt(), 1);
    }

    void deleteIsATombstoneAndRestoreUndoesIt()
    {
        TestDatabase t;
        ChangeWriter w(t.db(), "ani");
        QString id;
        QVERIFY(w.insert("kecamatan", {{"name", "Parigi"}}, &id, nullptr));
        QVERIFY(w.remove("kecamatan", id, nullptr));
        QCOMPARE(t.count("kecamatan"), 1); // the row stays
        QCOMPARE(w.row("kecamatan", id).value("deleted").toInt(), 1);
        QVariantMap entry = lastOutbox(t.db());
        QCOMPARE(entry.value("op").toString(), QString("delete"));
        QCOMPARE(changesOf(entry).value("deleted").toArray(), (QJsonArray{0, 1}));
        QVERIFY(w.restore("kecamatan", id, nullptr));
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
        ChangeWriter w(t.db(), "ani");
        QString id;
        QVERIFY(w.insert("opd", {{"code", "A"}, {"name", "Before"}}, &id, nullptr));
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
        QVERIFY(!w.insert("opd", {{"code", "B"}, {"name", "New"}}, &newId, &error));
        QVERIFY(reached);
        QVERIFY(!error.isEmpty());
        QCOMPARE(t.count("opd"), rowsBefore);
        QCOMPARE(t.count("outbox"), outboxBefore);

        reached = false;
        QVERIFY(!w.update("opd", id, {{"name", "After"}}, &error));
        QVERIFY(reached);
        QCOMPARE(w.row("opd", id).value("name").toString(), QString("Before"));
        QCOMPARE(w.row("opd", id).value("rev").toInt(), 1);
        QCOMPARE(t.count("outbox"), outboxBefore);

        reached = false;
        QVERIFY(!w.remove("opd", id, &error));
        QCOMPARE(w.row("opd", id).value("deleted").toInt(), 0);
        QCOMPARE(t.count("outbox"), outboxBefore);

        // And the connection is usable afterwards: no transaction left open.
        QCOMPARE(t.db().transactionDepth(), 0);
        ChangeWriter::setFaultHook({});
        QVERIFY(w.update("opd", id, {{"name", "After"}}, &error));
        QVERIFY(t.reopen());
        QCOMPARE(t.count("outbox"), outboxBefore + 1);
    }

    void outerRollbackUndoesRowAndOutbox()
    {
        TestDatabase t;
        ChangeWriter w(t.db(), "ani");
        {
            Humas::Transaction tx(t.db());
            QString id;
            QVERIFY(w.insert("opd", {{"code", "A"}, {"name", "A"}}, &id, nullptr));
            QString second;
            QVERIFY(w.insert("opd", {{"code", "B"}, {"name", "B"}}, &second, nullptr));
            // no commit
        }
        QCOMPARE(t.count("opd"), 0);
        QCOMPARE(t.count("outbox"), 0);
    }

    void aHalfDoneWriteInsideATransactionCannotBeCommitted()
    {
        TestDatabase t;
        ChangeWriter w(t.db(), "ani");
        QString error;
        {
            Humas::Transaction tx(t.db());
            QString a;
            QVERIFY(w.insert("opd", {{"code", "A"}, {"name", "A"}}, &a, nullptr));
            ChangeWriter::setFaultHook(
                [](ChangeWriter::FaultPoint p) { return p == ChangeWriter::FaultPoint::AfterRowWrite; });
            QString b;
            QVERIFY(!w.insert("opd", {{"code", "B"}, {"name", "B"}}, &b, &error));
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
            QVERIFY(w.insert("opd", {{"code", "A"}, {"name", "A"}}, &a, nullptr));
            QVERIFY(!w.insertWithId("opd", a, {{"code", "C"}, {"name", "C"}}, &error)); // duplicate id
            QVERIFY2(tx.commit(&error), qPrintable(error));
        }
        QCOMPARE(t.count("opd"), 1);
        QCOMPARE(t.count("outbox"), 1);
        // The mark is cleared by the rollback: the connection works normally afterwards.
        QString c;
        QVERIFY(w.insert("opd", {{"code", "D"}, {"name", "D"}}, &c, &error));
        QCOMPARE(t.count("opd"), 2);
    }

    void changesAreValidJsonForAnyText()
    {
        TestDatabase t;
        ChangeWriter w(t.db(), "ani");
        const QString tricky = QString::fromUtf8("Rapat \"Forkopimda\" \\ C:\\arsip\n\tbaris\x01 — Sulawesi ✓ 日本");
        QString id;
        QVERIFY(w.insert("opd", {{"code", "J"}, {"name", tricky}}, &id, nullptr));
        QJsonParseError parseError;
        const QJsonDocument doc =
            QJsonDocument::fromJson(lastOutbox(t.db()).value("changes").toString().toUtf8(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value("name").toArray().at(1).toString(), tricky);
        QVERIFY(doc.object().value("code").toArray().at(0).isNull()); // no old value
        QVERIFY(w.update("opd", id, {{"name", "Biasa"}}, nullptr));
        const QJsonObject changes = changesOf(lastOutbox(t.db()));
        QCOMPARE(changes.value("name").toArray().at(0).toString(), tricky);
    }

    void refusesUnknownAndSyncColumns()
    {
        TestDatabase t;
        ChangeWriter w(t.db(), "ani");
        QString id;
        QString error;
        QVERIFY(!w.insert("opd", {{"code", "A"}, {"no_such_column", 1}}, &id, &error));
        QVERIFY(!w.insert("opd", {{"code", "A"}, {"name", "x"}, {"rev", 99}}, &id, &error));
        QVERIFY(!w.insert("meta", {{"key", "x"}, {"value", "y"}}, &id, &error)); // not a synced table
        QVERIFY(!w.insert("opd; DROP TABLE opd", {{"code", "A"}}, &id, &error));
        QCOMPARE(t.count("outbox"), 0);
        QVERIFY(!w.update("opd", "no-such-id", {{"name", "x"}}, &error));
    }

    void storesDatesAndBoolsCanonically()
    {
        TestDatabase t;
        ChangeWriter w(t.db(), "ani");
        QString id;
        QVERIFY(w.insert("holidays",
                         {{"date", QDate(2026, 8, 17)}, {"kind", "libur_nasional"}, {"name", "Hari Kemerdekaan"}}, &id,
                         nullptr));
        QCOMPARE(w.row("holidays", id).value("date").toString(), QString("2026-08-17"));
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
