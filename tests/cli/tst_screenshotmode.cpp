// humasdesk --screenshot signs in (issue 8, section 6): the real GUI binary through QProcess,
// offscreen. Without --user nothing is rendered; a wrong or missing password exits non-zero
// and writes no file; the right one renders what that user may see, and a page the user's
// role does not see is refused.

#include "clitestsupport.h"
#include "testenvironment.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace CliTest;

namespace {

const QByteArray AdminPassword = "rahasia-admin-1\n";
const QByteArray PimpinanPassword = "rahasia-pimpinan-2\n";

CliResult runGui(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    process.setProgram(HUMAS_GUI_PATH);
    process.setArguments(QStringList{"--lang", "en"} + args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // the isolated home
    env.insert("QT_QPA_PLATFORM", "offscreen");
    process.setProcessEnvironment(env);
    CliResult result;
    process.start();
    if (!process.waitForStarted(10000)) {
        result.err = "cannot start " HUMAS_GUI_PATH ": " + process.errorString();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    return result;
}

} // namespace

class TestScreenshotMode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void withoutUserNothingIsRendered();
    void wrongPasswordRefused_data();
    void wrongPasswordRefused();
    void rightPasswordRenders();
    void pageOutsideTheRoleRefused();
    void userOnlyWithScreenshot();

private:
    QString file(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestScreenshotMode::initTestCase()
{
    HumasTest::isolateEnvironment();
    QVERIFY2(QFile::exists(HUMAS_CLI_PATH), HUMAS_CLI_PATH);
    QVERIFY2(QFile::exists(HUMAS_GUI_PATH), HUMAS_GUI_PATH);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = file("shots.sqlite");
    CliResult r = runCli({"--db", m_db, "init", "--preset", "parigi-moutong"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCli({"--db", m_db, "user", "add", "--username", "dokumentasi", "--role", "admin", "--password-stdin"},
               AdminPassword);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCli({"--db", m_db, "user", "add", "--username", "pimpinan", "--role", "pimpinan", "--password-stdin"},
               PimpinanPassword);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCli(
        {"--db", m_db, "user", "add", "--username", "pembantu", "--role", "opd", "--opd", "DINKES", "--password-stdin"},
        PimpinanPassword);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestScreenshotMode::cleanupTestCase()
{
    m_dir.reset();
}

void TestScreenshotMode::withoutUserNothingIsRendered()
{
    // This rendered the register as the system administrator, NIK and phone in full.
    const QString png = file("nouser.png");
    const CliResult r = runGui({"--db", m_db, "--screenshot", png, "--page", "ppid"}, QByteArray());
    QVERIFY2(r.exitCode != 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("--user"), qPrintable(r.err));
    QVERIFY(!QFile::exists(png));
}

void TestScreenshotMode::wrongPasswordRefused_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong password") << "dokumentasi" << QByteArray("salah-sekali\n") << "wrong";
    QTest::newRow("another user's password") << "dokumentasi" << PimpinanPassword << "wrong";
    QTest::newRow("unknown user") << "siapa" << AdminPassword << "wrong";
    QTest::newRow("empty line") << "dokumentasi" << QByteArray("\n") << "wrong";
    QTest::newRow("no input") << "dokumentasi" << QByteArray() << "standard input";
}

void TestScreenshotMode::wrongPasswordRefused()
{
    QFETCH(QString, user);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const QString png = file("wrong.png");
    const CliResult r = runGui({"--db", m_db, "--screenshot", png, "--page", "ppid", "--user", user}, input);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(png));
}

void TestScreenshotMode::rightPasswordRenders()
{
    const QString png = file("right.png");
    CliResult r = runGui({"--db", m_db, "--screenshot", png, "--page", "ppid", "--user", "dokumentasi"}, AdminPassword);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1366, 768));

    // A role that sees the page only masked renders it too (CRLF line end accepted).
    const QString masked = file("pimpinan.png");
    r = runGui({"--db", m_db, "--screenshot", masked, "--page", "ppid", "--user", "pimpinan"},
               PimpinanPassword.chopped(1) + "\r\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(masked));
}

void TestScreenshotMode::pageOutsideTheRoleRefused()
{
    const QString png = file("master.png");
    const CliResult r =
        runGui({"--db", m_db, "--screenshot", png, "--page", "master", "--user", "pembantu"}, PimpinanPassword);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not shown"), qPrintable(r.err));
    QVERIFY(!QFile::exists(png));
}

void TestScreenshotMode::userOnlyWithScreenshot()
{
    const CliResult r = runGui({"--db", m_db, "--user", "dokumentasi"}, AdminPassword);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--screenshot"), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestScreenshotMode)
#include "tst_screenshotmode.moc"
