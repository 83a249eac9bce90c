#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

#include <functional>

namespace Humas {

class Database;

/**
 * Realistic, reproducible Indonesian demo data for demos and benchmarks: OPD events with
 * officials, venues in kecamatan and PICs; public-information requests with requesters.
 * The same seed gives the same rows (ids included). News items need the Berita tables,
 * which a later schema adds; until then they are skipped and the summary says so.
 */
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(Humas::DemoGenerator)
public:
    using Progress = std::function<void(int done, int total)>;

    DemoGenerator(Database &db, quint32 seed);

    bool generate(int events, int requests, int news, QString *summary, QString *error, const Progress &progress = {});

private:
    bool ensureReferenceData(QString *error);
    bool generateEvents(int count, QString *error, const Progress &progress, int offset, int total);
    bool generateRequests(int count, QString *error, const Progress &progress, int offset, int total);
    QString pick(const char *list);
    QString fill(QString text);
    QString seededId(qint64 ms);
    QString nik();
    bool alreadyThere(const QString &table, const QString &id) const;

    Database &m_db;
    QRandomGenerator m_rng;
    QJsonObject m_words;
    QStringList m_officials;
    QStringList m_opd;
    QStringList m_kecamatan;
    QStringList m_kecamatanNames;
    QStringList m_venues;
    QStringList m_venueKecamatan;
};

} // namespace Humas
