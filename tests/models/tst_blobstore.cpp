#include "store/blobstore.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

class TestBlobStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void contentAddressed()
    {
        TestDatabase t;
        BlobStore blobs(t.db());
        QString error;
        const QByteArray scan = "%PDF-1.4 undangan rapat koordinasi";
        const QString sha = blobs.put(scan, "application/pdf", &error);
        QCOMPARE(sha, QString("%1").arg(
                          QString::fromLatin1(QCryptographicHash::hash(scan, QCryptographicHash::Sha256).toHex())));
        QCOMPARE(blobs.put(scan, "application/pdf", &error), sha);
        QCOMPARE(t.count("blobs"), 1);
        QVERIFY(blobs.contains(sha));
        QCOMPARE(blobs.get(sha), scan);
        QVERIFY(blobs.get("0000").isEmpty());
    }

    void refusesHugeFiles()
    {
        TestDatabase t;
        BlobStore blobs(t.db());
        QString error;
        QVERIFY(blobs.put(QByteArray(BlobStore::MaximumSize + 1, 'x'), "application/octet-stream", &error).isEmpty());
        QVERIFY(error.contains("too large"));
        QCOMPARE(t.count("blobs"), 0);
    }
};

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
