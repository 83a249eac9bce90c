#include "testenvironment.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

/**
 * DESIGN.md layering: ui/ holds no SQL, settings or network code; models/ and server/ hold
 * no widgets; the CLI and server never link the widget library.
 */
class TestLayeringGate : public QObject
{
    Q_OBJECT

    static QStringList offenders(const QString &folder, const QRegularExpression &pattern)
    {
        QStringList out;
        const QString root = HumasTest::sourceDir() + '/' + folder;
        QDirIterator it(root, {"*.h", "*.cpp"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            int line = 0;
            while (!f.atEnd()) {
                ++line;
                const QString text = QString::fromUtf8(f.readLine());
                if (pattern.match(text).hasMatch())
                    out << QString("%1:%2: %3")
                               .arg(path.mid(HumasTest::sourceDir().size() + 1))
                               .arg(line)
                               .arg(text.trimmed());
            }
        }
        return out;
    }

private Q_SLOTS:
    void uiHasNoSqlSettingsOrNetwork()
    {
        QVERIFY(QFile::exists(HumasTest::sourceDir() + "/ui"));
        const QRegularExpression forbidden(
            "#\\s*include\\s*[<\"](QtSql/|QtNetwork/)?(QSql\\w*|QSettings|QNetwork\\w*)[>\"]");
        const QStringList bad = offenders("ui", forbidden);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
        const QRegularExpression sql(
            "\\b(SELECT\\s+.+\\s+FROM|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM)\\b");
        const QStringList sqlText = offenders("ui", sql);
        QVERIFY2(sqlText.isEmpty(), qPrintable(sqlText.join('\n')));
    }

    void modelsAndServerHaveNoWidgets()
    {
        const QRegularExpression widgets(
            "#\\s*include\\s*[<\"](QtWidgets/|QtPrintSupport/"
            ")?(QWidget|QDialog|QMainWindow|QMessageBox|QApplication|QPrint\\w*|Q\\w*Widget|QtWidgets)[>\"]");
        for (const char *folder : {"models", "server", "app/cli"}) {
            if (!QFile::exists(HumasTest::sourceDir() + '/' + folder))
                continue;
            const QStringList bad = offenders(QString::fromLatin1(folder), widgets);
            QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
        }
    }

    void cmakeLinksRespectLayers()
    {
        for (const char *file : {"models/CMakeLists.txt", "app/cli/CMakeLists.txt", "server/CMakeLists.txt"}) {
            QFile f(HumasTest::sourceDir() + '/' + file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(f.readAll());
            QVERIFY2(!text.contains("Qt6::Widgets") && !text.contains("humas_ui"), qPrintable(file));
        }
    }

    /**
     * Issue 8: Qt's file dialog and file-system model open files to sniff their type, which
     * drops SQLite's locks on the open database. Only ui/common/filedialogs.* may use them.
     */
    void fileDialogsOnlyThroughTheHelper()
    {
        const QRegularExpression dialogs("\\b(QFileDialog|QFileSystemModel)\\b");
        QStringList bad;
        for (const char *folder : {"ui", "app"})
            bad += offenders(QString::fromLatin1(folder), dialogs);
        bad = bad.filter(QRegularExpression("^(?!ui/common/filedialogs\\.(h|cpp):)"));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    /**
     * Issue 9: reference data and settings know nothing of PPID; the PPID deadlines follow
     * holiday and setting changes through the ChangeFeed (PpidDeadlineWatcher).
     */
    void masterAndSettingsDoNotCallIntoPpid()
    {
        const QRegularExpression ppid("#\\s*include\\s*[<\"](models/)?ppid/");
        QStringList bad;
        for (const char *folder : {"models/master", "models/settings"})
            bad += offenders(QString::fromLatin1(folder), ppid);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }

    void noStrayDebugOutput()
    {
        const QRegularExpression debug("\\bqDebug\\s*\\(");
        QStringList bad;
        for (const char *folder : {"models", "ui", "app", "server"})
            bad += offenders(QString::fromLatin1(folder), debug);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestLayeringGate)
#include "tst_layeringgate.moc"
