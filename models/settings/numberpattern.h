#pragma once

#include <QRegularExpression>
#include <QString>

namespace Humas {

/**
 * The syntax of the registration-number patterns kept in the settings
 * (AppSettings::PpidNumberPattern and PpidObjectionNumberPattern), so the settings can check
 * a pattern without knowing the PPID register; RegistrationNumber formats numbers with it.
 */
namespace NumberPattern {
QString defaultRequestPattern();   ///< "{seq:3}/PPID/{month_roman}/{year}"
QString defaultObjectionPattern(); ///< "{seq:3}/KEB/PPID/{month_roman}/{year}"
/** `{name}` or `{name:width}` */
const QRegularExpression &placeholder();
/** A pattern is valid with one `{seq}` or `{seq:N}` (N 1–9) and only known placeholders. */
bool isValid(const QString &pattern, QString *error);
} // namespace NumberPattern

} // namespace Humas
