#pragma once

#include "common/clock.h"

namespace HumasTest {

/** A clock that stands still until a test moves it; installs itself as Clock::instance(). */
class MockClock : public Humas::Clock
{
public:
    explicit MockClock(const QDateTime &start = QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC));
    ~MockClock() override;
    QDateTime nowUtc() const override { return m_now; }
    void setNow(const QDateTime &now) { m_now = now.toUTC(); }
    void advance(qint64 msecs) { m_now = m_now.addMSecs(msecs); }

private:
    QDateTime m_now;
};

} // namespace HumasTest
