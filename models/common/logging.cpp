#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "humas.models.store")
Q_LOGGING_CATEGORY(lcSync, "humas.models.sync")
Q_LOGGING_CATEGORY(lcAuth, "humas.models.auth")
Q_LOGGING_CATEGORY(lcModels, "humas.models")
