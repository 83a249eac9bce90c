#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "humas.ui", QtInfoMsg)
