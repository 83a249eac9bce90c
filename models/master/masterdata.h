#pragma once

#include "tablespec.h"

#include <QCoreApplication>

namespace Humas {

/** The reference tables of Data Master and their rules. */
class MasterData
{
    Q_DECLARE_TR_FUNCTIONS(Humas::MasterData)
public:
    static const TableSpec &opd();
    static const TableSpec &officials();
    static const TableSpec &kecamatan();
    static const TableSpec &venues();
    static const TableSpec &travelTimes();
    static const TableSpec &holidays();
    static const TableSpec &users();

    /** The tables Data Master shows, in tab order. */
    static QList<const TableSpec *> editableTables();
    /** Spec by table name or nullptr. */
    static const TableSpec *byTable(const QString &table);

    /** Translated label of a field or title of a table. */
    static QString label(const char *text);
    /** Translated display text for a Choice value (holiday kinds, roles). */
    static QString choiceLabel(const QString &table, const QString &field, const QString &code);

    /** Default time zones (WIB/WITA/WIT) to IANA ids. */
    static QString ianaZone(const QString &zoneCode);
};

} // namespace Humas
