#pragma once

#include <QString>

namespace HumasTest {

/**
 * Points QStandardPaths and QSettings at a private temporary home for the whole test
 * process (XDG_* variables and QStandardPaths test mode), so tests never touch the user's
 * real settings or database. Call first thing in main / initTestCase.
 */
void isolateEnvironment();
/** The temporary home made by isolateEnvironment(). */
QString testHome();
/** The top of the source tree (HUMAS_SOURCE_DIR, set by CTest). */
QString sourceDir();

} // namespace HumasTest
