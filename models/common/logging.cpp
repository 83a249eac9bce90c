#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "humas.models.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "humas.models.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "humas.models.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModels, "humas.models", QtWarningMsg)
