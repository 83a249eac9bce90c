#include "auth/passwordhasher.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QtTest>

using Humas::PasswordHasher;

class TestPasswordHasher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hashFormatAndDefaults()
    {
        const QString h = PasswordHasher::hash("rahasia-humas");
        const QStringList parts = h.split('$');
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0), QString("pbkdf2-sha256"));
        QCOMPARE(PasswordHasher::iterationsOf(h), PasswordHasher::DefaultIterations);
        QVERIFY(PasswordHasher::DefaultIterations >= 600000);
        QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), PasswordHasher::SaltBytes);
        QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
        QVERIFY(!h.contains("rahasia"));
    }

    void verifiesRightAndRejectsWrong()
    {
        const QString h = PasswordHasher::hash("Protokol#2026", 1000);
        QVERIFY(PasswordHasher::verify("Protokol#2026", h));
        QVERIFY(!PasswordHasher::verify("protokol#2026", h));
        QVERIFY(!PasswordHasher::verify("", h));
        QVERIFY(!PasswordHasher::verify("Protokol#2026 ", h));
    }

    void saltsDiffer() { QVERIFY(PasswordHasher::hash("sama", 1000) != PasswordHasher::hash("sama", 1000)); }

    void unicodePasswords()
    {
        const QString pw = QString::fromUtf8("kata-sandi-éü-日本");
        const QString h = PasswordHasher::hash(pw, 1000);
        QVERIFY(PasswordHasher::verify(pw, h));
        QVERIFY(!PasswordHasher::verify("kata-sandi-eu", h));
    }

    void matchesQtPbkdf2()
    {
        // The stored key must be plain PBKDF2-HMAC-SHA256 so any implementation can verify it.
        const QString h = PasswordHasher::hash("cocok", 2000);
        const QStringList parts = h.split('$');
        const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
        const QByteArray qtKey =
            QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "cocok", salt, 2000, 32);
        QCOMPARE(QString::fromLatin1(qtKey.toBase64()), parts.at(3));
    }

    void malformedStoredHashes_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("empty") << "";
        QTest::newRow("plain") << "password";
        QTest::newRow("md5") << "md5$1$abc$def";
        QTest::newRow("zero iterations") << "pbkdf2-sha256$0$AAAA$BBBB";
        QTest::newRow("bad number") << "pbkdf2-sha256$x$AAAA$BBBB";
        QTest::newRow("short key") << "pbkdf2-sha256$1000$c2FsdA==$c2hvcnQ=";
    }

    void malformedStoredHashes()
    {
        QFETCH(QString, stored);
        QVERIFY(!PasswordHasher::verify("anything", stored));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
