#pragma once

#include "auth/role.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Humas {

/** One editable field of a reference table (drives validation, the table model and the editor). */
struct FieldSpec
{
    enum class Type { Text, Integer, Date, Choice, Reference, Phone, Nip, LongText, Password };

    QString name;      ///< column name
    const char *label; ///< untranslated label (QT_TRANSLATE_NOOP in context "Humas::MasterData")
    Type type = Type::Text;
    bool required = false;
    bool unique = false; ///< unique among non-deleted rows, case-insensitive
    QString refTable;    ///< for Reference: the table referred to
    QString refDisplay;  ///< for Reference: the column shown
    QStringList choices; ///< for Choice: stored codes
    int maxLength = 200;
    int minimum = 0;      ///< for Integer
    int maximum = 100000; ///< for Integer
    bool showInTable = true;
    bool isColumn = true; ///< false for pseudo fields (a user's new password)
};

/** A reference table: what Data Master edits and what init seeds. */
struct TableSpec
{
    QString table;
    const char *title; ///< untranslated (context "Humas::MasterData")
    QList<FieldSpec> fields;
    QString orderBy; ///< SQL ORDER BY clause over the table's own columns
    QString displayField;
    /** Roles besides admin that may write this table. */
    QList<Role> writers;

    const FieldSpec *field(const QString &name) const;
    int indexOf(const QString &name) const;
};

} // namespace Humas
