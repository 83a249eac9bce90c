#pragma once

#include "auth/role.h"
#include "ppid/ppidobjection.h"
#include "ppid/ppidrequest.h"

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
/**
 * Free text (notes, the proxy's name, the information requested …) with every NIK-like
 * number (16 digits, maybe grouped by spaces or dots) masked as maskNik() does, and every
 * Indonesian phone number (0…, 62… or +62… followed by 8 to 13 more digits, maybe grouped by
 * spaces, dots or dashes) masked as maskPhone() does. Other numbers (years, amounts, letter
 * numbers) stay. Masking twice gives the same text.
 */
QString maskFreeText(const QString &text);
/**
 * @p request as a role that may not see personal data sees it: NIK, address, phone and email
 * masked, and maskFreeText() over every free-text field. Values already masked stay as they are.
 */
PpidRequest masked(const PpidRequest &request);
/** @p objection as such a role sees it: maskFreeText() over every free-text field. */
PpidObjection masked(const PpidObjection &objection);
} // namespace PersonalData

} // namespace Humas
