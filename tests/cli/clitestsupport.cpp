#include "clitestsupport.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace CliTest {

CliResult runCli(const QStringList &args, const QByteArray &input, const QString &lang)
{
    QProcess process;
    process.setProgram(HUMAS_CLI_PATH);
    process.setArguments((lang.isEmpty() ? QStringList() : QStringList{"--lang", lang}) + args);
    process.setProcessEnvironment(QProcessEnvironment::systemEnvironment()); // the isolated home
    CliResult result;
    process.start();
    if (!process.waitForStarted(10000)) {
        result.err = "cannot start " HUMAS_CLI_PATH ": " + process.errorString();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
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

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QList<QStringList> rows(const QString &path, const QString &sql)
{
    static int counter = 0;
    const QString name = QString("tst-cli-read-%1").arg(++counter);
    QList<QStringList> out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
        db.setConnectOptions("QSQLITE_OPEN_READONLY");
        if (!db.open()) {
            qWarning() << "cannot open" << path << db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                qWarning() << sql << q.lastError().text();
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row << q.value(i).toString();
                out << row;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

int count(const QString &path, const QString &table, const QString &where)
{
    const QList<QStringList> r =
        rows(path, "SELECT count(*) FROM " + table + (where.isEmpty() ? QString() : " WHERE " + where));
    return r.isEmpty() ? -1 : r.constFirst().value(0).toInt();
}

bool makeSqlite(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "tst-cli-make");
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : statements)
            ok = ok && q.exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase("tst-cli-make");
    return ok;
}

void removeSidecars(const QString &path)
{
    QFile::remove(path + "-wal");
    QFile::remove(path + "-shm");
}

bool corruptTablePage(const QString &path, const QString &table)
{
    const QList<QStringList> r = rows(path, "SELECT rootpage FROM sqlite_schema WHERE name = '" + table + "'");
    removeSidecars(path); // left by the read-only look; nobody has the file open
    const int root = r.isEmpty() ? 0 : r.constFirst().value(0).toInt();
    QFile f(path);
    if (root < 2 || !f.open(QIODevice::ReadWrite))
        return false;
    const QByteArray header = f.read(100);
    int pageSize = (uchar(header.at(16)) << 8) | uchar(header.at(17));
    if (pageSize == 1)
        pageSize = 65536;
    return f.seek(qint64(root - 1) * pageSize) && f.write(QByteArray(pageSize, '\xff')) == pageSize;
}

} // namespace CliTest
