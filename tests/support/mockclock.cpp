#include "mockclock.h"

namespace HumasTest {

MockClock::MockClock(const QDateTime &start) : m_now(start.toUTC())
{
    Humas::Clock::setInstance(this);
}

MockClock::~MockClock()
{
    Humas::Clock::setInstance(nullptr);
}

} // namespace HumasTest
