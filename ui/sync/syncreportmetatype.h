#pragma once

#include "sync/syncengine.h"

#include <QMetaType>

// A round's report crosses from the worker thread to the GUI thread in a queued signal.
Q_DECLARE_METATYPE(Humas::SyncReport)
