#pragma once

#include <QDateTime>

namespace Humas {

/**
 * The source of "now" for models/. Nothing in models/ calls QDateTime::currentDateTime()
 * directly, so tests can move time with a mock clock (tests/support/mockclock.h).
 */
class Clock
{
public:
    virtual ~Clock() = default;
    /** Current time in UTC. */
    virtual QDateTime nowUtc() const = 0;

    /** The process-wide clock (a SystemClock unless a test replaced it). */
    static Clock *instance();
    /** Replaces the process-wide clock; pass nullptr to restore the system clock. Not owned. */
    static void setInstance(Clock *clock);
};

class SystemClock : public Clock
{
public:
    QDateTime nowUtc() const override;
};

} // namespace Humas
