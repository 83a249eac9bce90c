#include "clock.h"

namespace Humas {

namespace {
SystemClock s_systemClock;
Clock *s_clock = &s_systemClock;
} // namespace

Clock *Clock::instance()
{
    return s_clock;
}

void Clock::setInstance(Clock *clock)
{
    s_clock = clock ? clock : &s_systemClock;
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace Humas
