#pragma once

#include "auth/role.h"

#include <QString>

namespace Humas {

/**
 * Requesters' personal data (UU 27/2022): NIK, address, phone and email are shown in full
 * only to the ppid and admin roles and masked in every other view, export and print.
 */
namespace PersonalData {
/** Whether @p role may see personal data in full (ppid, admin). */
bool canSee(Role role);
/** "7208••••••••0003": first 4 and last 4 kept, the rest •. Short values are fully masked. */
QString maskNik(const QString &nik);
/** "0812•••••789": first 4 and last 3 digits kept. */
QString maskPhone(const QString &phone);
/** "b•••@gmail.com": first letter of the local part kept. */
QString maskEmail(const QString &email);
/** The address reduced to "•••" plus its last comma-separated part (the place), if any. */
QString maskAddress(const QString &address);
} // namespace PersonalData

} // namespace Humas
