// humasdesk: parses the command line, opens the database, signs the user in and shows the
// main window. Everything else lives in humas_ui and humas_models.

#include "agenda/agendapage.h"
#include "auth/pageaccess.h"
#include "auth/userrepository.h"
#include "common/filedialogs.h"
#include "common/firstadmindialog.h"
#include "common/logindialog.h"
#include "common/mainwindow.h"
#include "common/messagebox.h"
#include "common/translations.h"
#include "master/seeder.h"
#include "settings/localpreferences.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>

#include <cstdio>

namespace {

/** The SVG icon when an SVG plugin is installed; otherwise a painted stand-in in the same colours. */
QIcon applicationIcon()
{
    const QString svg = QStringLiteral(":/humasdesk/icons/humasdesk.svg");
    if (QImageReader::supportedImageFormats().contains(QByteArrayLiteral("svg")))
        return QIcon(svg);
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0x1f, 0x6f, 0x5c));
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 11, 11);
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(QRectF(13, 16, 38, 34), 4, 4);
    painter.setBrush(QColor(0xe0, 0xa5, 0x26));
    painter.drawRect(QRectF(13, 16, 38, 9));
    painter.end();
    return QIcon(pixmap);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "humasdesk: %s\n", qUtf8Printable(message));
}

/** The value of --lang before the parser exists, so --help is already in that language. */
QString languageFromArguments(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (arg.startsWith(QLatin1String("--lang=")))
            return arg.mid(7);
        if (arg == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
    }
    return {};
}

/** Applies --view and --date to the agenda page, when the actor sees it. */
void showAgenda(HumasUi::MainWindow &window, const QString &viewName, const QDate &date)
{
    HumasUi::AgendaPage *agenda = window.agendaPage();
    if (!agenda)
        return;
    HumasUi::AgendaPage::View view = HumasUi::AgendaPage::View::Month;
    if (date.isValid())
        agenda->setDate(date);
    if (HumasUi::AgendaPage::viewFromName(viewName, &view))
        agenda->setView(view);
}

/** The first line of standard input (without its line end); false when there is none. */
bool readPasswordLine(QString *line)
{
    QByteArray bytes;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        bytes.append(char(c));
    if (c == EOF && bytes.isEmpty())
        return false;
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    *line = QString::fromUtf8(bytes);
    return true;
}

/**
 * Screenshot mode signs in like the login dialog: the user name from --user, the password
 * from the first line of standard input. Without them nothing is rendered, so a screenshot
 * never shows more than that user may see.
 */
int takeScreenshot(Humas::Database &db, const QString &user, const QString &page, const QString &viewName,
                   const QDate &date, const QString &fileName)
{
    if (user.trimmed().isEmpty()) {
        printError(QCoreApplication::translate("HumasDesk",
                                               "--screenshot signs in: give --user NAME and the password on the "
                                               "first line of standard input."));
        return 2;
    }
    QString password;
    if (!readPasswordLine(&password)) {
        printError(QCoreApplication::translate("HumasDesk", "No password was given on standard input for %1.")
                       .arg(user.trimmed()));
        return 1;
    }
    Humas::Actor actor;
    QString error;
    if (!Humas::UserRepository(db, Humas::Actor::system()).authenticate(user, password, &actor, &error)) {
        printError(error);
        return 1;
    }
    const QString pageId = page.isEmpty() ? QStringLiteral("agenda") : page;
    if (!Humas::PageAccess::isVisible(pageId, actor.role)) {
        printError(QCoreApplication::translate("HumasDesk", "The page \"%1\" is not shown to the role %2.")
                       .arg(pageId, Humas::Roles::displayName(actor.role)));
        return 1;
    }
    HumasUi::MainWindow window(db, actor);
    window.showPage(pageId);
    showAgenda(window, viewName, date);
    window.setWindowState(Qt::WindowNoState);
    window.resize(1366, 768);
    window.show();
    QCoreApplication::processEvents();
    if (!window.grab().save(fileName, "PNG")) {
        printError(QCoreApplication::translate("HumasDesk", "Cannot save the screenshot to %1.").arg(fileName));
        return 1;
    }
    return 0;
}

/** First start: create the administrator; otherwise sign in. An invalid actor means cancelled. */
Humas::Actor signIn(Humas::Database &db)
{
    if (Humas::UserRepository(db, Humas::Actor::system()).needsFirstAdmin()) {
        HumasUi::FirstAdminDialog dialog(db);
        if (dialog.exec() != QDialog::Accepted)
            return {};
        return dialog.actor();
    }
    HumasUi::LoginDialog dialog(db);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.actor();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HumasDesk"));
    QApplication::setOrganizationName(QStringLiteral("HumasDesk"));
    QApplication::setApplicationVersion(QStringLiteral(HUMAS_VERSION));
    QApplication::setWindowIcon(applicationIcon());
    // Also the file dialogs Qt opens by itself (print to file) must not open the database's files.
    HumasUi::FileDialogs::guardApplication();

    // The language comes first: every widget and every message is made in it.
    QString language = languageFromArguments(QCoreApplication::arguments());
    const bool languageGiven = !language.isEmpty();
    if (!languageGiven)
        language = Humas::LocalPreferences().language();
    if (language != QLatin1String("id") && language != QLatin1String("en")) {
        printError(QCoreApplication::translate("HumasDesk", "Unknown language \"%1\"; use id or en.").arg(language));
        return 2;
    }
    Humas::Translations::setLanguage(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "HumasDesk", "HumasDesk: agenda, public-information service and news of a regency's Humas office."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QCoreApplication::translate("HumasDesk", "Use the database at <path>."),
                                      QStringLiteral("path"), Humas::Database::defaultPath());
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("HumasDesk",
                                    "Sign in as --user (password from the first line of standard input), render "
                                    "the main window at 1366×768 to <file.png> as that user sees it, and exit."),
        QStringLiteral("file.png"));
    const QCommandLineOption userOption(
        QStringLiteral("user"), QCoreApplication::translate("HumasDesk", "With --screenshot: the user to sign in as."),
        QStringLiteral("name"));
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        QCoreApplication::translate("HumasDesk", "Open the page <page>: agenda, ppid, news, reports, master or sync."),
        QStringLiteral("page"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("HumasDesk", "Use the language <lang> (id or en) for this run."),
        QStringLiteral("lang"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        QCoreApplication::translate("HumasDesk", "Show the agenda as <view>: month, week, day, officials or list."),
        QStringLiteral("view"));
    const QCommandLineOption dateOption(
        QStringLiteral("date"), QCoreApplication::translate("HumasDesk", "Show the agenda at <date> (YYYY-MM-DD)."),
        QStringLiteral("date"));
    parser.addOptions({dbOption, screenshotOption, userOption, pageOption, viewOption, dateOption, langOption});
    parser.process(app);

    const QString viewName = parser.value(viewOption);
    HumasUi::AgendaPage::View ignored;
    if (!viewName.isEmpty() && !HumasUi::AgendaPage::viewFromName(viewName, &ignored)) {
        printError(
            QCoreApplication::translate("HumasDesk", "Unknown view \"%1\"; use month, week, day, officials or list.")
                .arg(viewName));
        return 2;
    }
    const QDate date = QDate::fromString(parser.value(dateOption), Qt::ISODate);
    if (parser.isSet(dateOption) && !date.isValid()) {
        printError(QCoreApplication::translate("HumasDesk", "\"%1\" is not a date; write YYYY-MM-DD.")
                       .arg(parser.value(dateOption)));
        return 2;
    }

    const QString page = parser.value(pageOption);
    if (!page.isEmpty() && !Humas::PageAccess::pageIds().contains(page)) {
        printError(QCoreApplication::translate("HumasDesk",
                                               "Unknown page \"%1\"; use agenda, ppid, news, reports, master or sync.")
                       .arg(page));
        return 2;
    }
    const bool screenshot = parser.isSet(screenshotOption);
    if (parser.isSet(userOption) && !screenshot) {
        printError(QCoreApplication::translate("HumasDesk", "--user goes with --screenshot; the program itself asks "
                                                            "for the user name and password."));
        return 2;
    }
    auto fail = [screenshot](const QString &message) {
        if (screenshot)
            printError(message);
        else
            HumasUi::MessageBox::critical(nullptr, QStringLiteral("HumasDesk"), message);
        return 1;
    };

    Humas::Database db;
    QString error;
    if (!db.open(parser.value(dbOption), &error))
        return fail(error);
    if (!Humas::Seeder::isInitialized(db)) {
        QString summary;
        if (!Humas::Seeder::init(db, QString(), nullptr, &summary, &error))
            return fail(error);
    }

    if (screenshot)
        return takeScreenshot(db, parser.value(userOption), page, viewName, date, parser.value(screenshotOption));

    const Humas::Actor actor = signIn(db);
    if (!actor.isValid())
        return 0;
    HumasUi::MainWindow window(db, actor);
    if (!page.isEmpty())
        window.showPage(page);
    showAgenda(window, viewName, date);
    window.show();
    QTimer::singleShot(0, &window, [&window] {
        window.startDailyBackup(window.today());
        window.startSync();
    });
    return app.exec();
}
