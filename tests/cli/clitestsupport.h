#pragma once

// Helpers of tst_cli: run the real humasdesk-cli, look into database files read-only, and
// make the broken files the CLI must refuse.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace CliTest {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

/** Runs humasdesk-cli with "--lang @p lang" (none when empty) in front of @p args. */
CliResult runCli(const QStringList &args, const QByteArray &input = {}, const QString &lang = "en");

QByteArray fileBytes(const QString &path);
bool writeFile(const QString &path, const QByteArray &bytes);
/** Rows of a query on a read-only connection that is closed again before returning. */
QList<QStringList> rows(const QString &path, const QString &sql);
/** Rows of @p table matching @p where (live rows by default; empty = all rows). */
int count(const QString &path, const QString &table, const QString &where = "deleted = 0");
/** Makes a plain SQLite file (not through HumasDesk) from @p statements. */
bool makeSqlite(const QString &path, const QStringList &statements);
/** Removes the -wal/-shm files a read-only look leaves behind (nobody has the file open). */
void removeSidecars(const QString &path);
/**
 * Overwrites the root page of @p table with 0xFF bytes: an invalid b-tree page type, which
 * PRAGMA quick_check reports. The file stays a valid SQLite file with a valid header.
 */
bool corruptTablePage(const QString &path, const QString &table);

} // namespace CliTest

/** Compares the exit code and shows both streams when it differs. */
#define CLI_EXPECT(result, code)                                                                                       \
    do {                                                                                                               \
        const CliTest::CliResult cliResult_ = (result);                                                                \
        if (cliResult_.exitCode != (code))                                                                             \
            qWarning().noquote() << "stdout:" << cliResult_.out << "\nstderr:" << cliResult_.err;                      \
        QCOMPARE(cliResult_.exitCode, (code));                                                                         \
    } while (false)
