#include "sqldialect.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

namespace Humas {

bool SqlDialect::isPostgres(const QSqlDatabase &db)
{
    return db.driver() && db.driver()->dbmsType() == QSqlDriver::PostgreSQL;
}

QString SqlDialect::uniqueViolationField(const QSqlError &e, const QStringList &columns)
{
    const QString text = e.databaseText();
    const QLatin1String sqliteMarker("UNIQUE constraint failed: ");
    const int at = text.indexOf(sqliteMarker);
    if (at >= 0) {
        const QString first = text.mid(at + sqliteMarker.size()).section(QLatin1Char(','), 0, 0).trimmed();
        return first.section(QLatin1Char('.'), 1);
    }
    if (e.nativeErrorCode() != QLatin1String("23505"))
        return {};
    // The key of the detail line: its first identifier that is a column of the table (function
    // names such as lower and the quoted collation "C" are not).
    static const QRegularExpression key(QStringLiteral("Key \\((.*)\\)=\\("));
    static const QRegularExpression word(QStringLiteral("\\b[a-z_][a-z0-9_]*\\b"));
    const QRegularExpressionMatch keyMatch = key.match(text);
    if (keyMatch.hasMatch()) {
        auto words = word.globalMatch(keyMatch.captured(1));
        while (words.hasNext()) {
            const QString w = words.next().captured(0);
            if (columns.contains(w))
                return w;
        }
    }
    // No detail: the index is named "<table>_<column>" (opd_code) or "<table>_pkey".
    static const QRegularExpression name(QStringLiteral("constraint \"([^\"]+)\""));
    const QString index = name.match(text).captured(1);
    if (index.endsWith(QLatin1String("_pkey")))
        return QStringLiteral("id");
    for (const QString &c : columns) {
        if (index.endsWith(QLatin1Char('_') + c))
            return c;
    }
    return columns.contains(QStringLiteral("id")) ? QStringLiteral("id") : QString();
}

bool SqlDialect::isBusy(const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    static const QStringList postgres = {
        QStringLiteral("55P03"), // lock_not_available: lock_timeout ran out
        QStringLiteral("40P01"), // deadlock_detected
        QStringLiteral("40001"), // serialization_failure
    };
    if (postgres.contains(code))
        return true;
    bool isNumber = false;
    const int primary = code.toInt(&isNumber) & 0xff;
    return isNumber && (primary == 5 || primary == 6); // SQLITE_BUSY, SQLITE_LOCKED
}

} // namespace Humas
