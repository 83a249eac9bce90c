#include "common/translations.h"
#include "testenvironment.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

/**
 * The Indonesian translation must be complete: every message has a finished, non-empty
 * translation whose %-placeholders match the source; and the compiled .qm is embedded.
 */
class TestTranslationGate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void indonesianIsComplete()
    {
        QFile ts(HumasTest::sourceDir() + "/translations/humasdesk_id.ts");
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        QString context;
        QString source;
        int messages = 0;
        QStringList problems;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value("type").toString();
                const bool plural = false;
                Q_UNUSED(plural)
                QString text;
                // Plural forms hold <numerusform> children.
                if (source.contains("%n")) {
                    while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                        xml.readNext();
                        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                            text += xml.readElementText();
                    }
                } else {
                    text = xml.readElementText();
                }
                if (type == "unfinished" || type == "vanished" || type == "obsolete" || text.trimmed().isEmpty()) {
                    problems << QString("%1: \"%2\" is not translated").arg(context, source);
                    continue;
                }
                for (int n = 1; n <= 9; ++n) {
                    const QString marker = QString("%%1").arg(n);
                    if (source.contains(marker) != text.contains(marker))
                        problems
                            << QString("%1: \"%2\" → \"%3\" has different placeholders").arg(context, source, text);
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QString("%1 problem(s):\n").arg(problems.size()) + problems.mid(0, 30).join('\n')));
    }

    void everySourceStringIsInTheTsFile()
    {
        // Run lupdate over the sources into a copy of the .ts: nothing may come out unfinished.
        QTemporaryDir dir;
        const QString copy = dir.filePath("humasdesk_id.ts");
        QVERIFY(QFile::copy(HumasTest::sourceDir() + "/translations/humasdesk_id.ts", copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList args = {"-no-obsolete", "-locations", "none", "-target-language", "id_ID"};
        for (const char *folder : {"app", "ui", "models", "server"}) {
            const QString path = HumasTest::sourceDir() + '/' + QLatin1String(folder);
            if (QFile::exists(path))
                args << path;
        }
        args << "-ts" << copy;
        QProcess lupdate;
        lupdate.start(HUMAS_LUPDATE, args);
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QFile ts(copy);
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ts.readAll());
        QStringList missing;
        const QRegularExpression unfinished("<source>([^<]*)</source>\\s*(<comment>[^<]*</comment>\\s*)?"
                                            "<translation type=\"unfinished\"");
        auto it = unfinished.globalMatch(text);
        while (it.hasNext())
            missing << it.next().captured(1);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QString("%1 string(s) in the code are not in translations/humasdesk_id.ts "
                                    "(run: cmake --build build -t update_translations):\n")
                                .arg(missing.size()) +
                            missing.mid(0, 30).join('\n')));
    }

    void compiledTranslationIsEmbedded()
    {
        QVERIFY(QFile::exists(":/i18n/humasdesk_id.qm"));
        QVERIFY(Humas::Translations::setLanguage("id"));
        QCOMPARE(QCoreApplication::translate("Humas::MasterData", "Holidays"), QString("Hari Libur"));
        QVERIFY(Humas::Translations::setLanguage("en"));
        QCOMPARE(QCoreApplication::translate("Humas::MasterData", "Holidays"), QString("Holidays"));
    }
};

QTEST_GUILESS_MAIN(TestTranslationGate)
#include "tst_translationgate.moc"
