#pragma once

#include "auth/role.h"
#include "tablespec.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QVariantMap>

namespace Humas {

class Database;
struct StaleField;

/** One row of a reference table: its id, revision and the spec's field values. */
struct Record
{
    QString id;
    int rev = 0;
    bool deleted = false;
    QVariantMap values;

    bool isValid() const { return !id.isEmpty(); }
    QString text(const QString &field) const { return values.value(field).toString(); }
};

/**
 * Reads and writes one reference table described by a TableSpec. Every write is validated
 * (required, length, type, uniqueness, references, table rules), checked against the actor's
 * role, and goes through ChangeWriter (row + outbox in one transaction).
 */
class RecordRepository
{
    Q_DECLARE_TR_FUNCTIONS(Humas::RecordRepository)
public:
    RecordRepository(Database &db, const TableSpec &spec, Actor actor);
    virtual ~RecordRepository() = default;

    const TableSpec &spec() const { return m_spec; }
    const Actor &actor() const { return m_actor; }
    Database &database() const { return m_db; }

    /** Whether the actor's role may change this table. */
    bool canWrite() const;

    /** Non-deleted rows in the spec's order. */
    QList<Record> list() const;
    int count() const;
    /** A row by id (also a deleted one), or an invalid Record. */
    Record get(const QString &id) const;
    /** The non-deleted row whose @p field equals @p value (case-insensitive), or an invalid Record. */
    Record findBy(const QString &field, const QVariant &value) const;
    /** (id, display text) pairs of a Reference field's target table, sorted by display text. */
    QList<QPair<QString, QString>> referenceChoices(const FieldSpec &field) const;

    /** Full validation without writing; @p id is empty for a new row. */
    bool validate(const QVariantMap &values, const QString &id, QString *error) const;

    /** Validates and inserts a row with a new id, returned through @p id (may be null). */
    bool insert(const QVariantMap &values, QString *id, QString *error);
    /** The same under a given (name-based) id, e.g. for imported holidays. */
    bool insertWithId(const QString &id, const QVariantMap &values, QString *error);
    /**
     * A user's edit as a patch: writes the fields of @p after whose value differs from
     * @p before (the values the user started from), each only if the stored row still holds
     * its @p before value. A field of @p after missing from @p before (the "password" pseudo
     * field) is written without that check. If a field changed underneath, nothing is written
     * and false is returned with a message naming both values (@p stale lists the fields,
     * may be null). Undo passes the values it wrote as @p before and the old ones as @p after.
     */
    bool update(const QString &id, const QVariantMap &before, const QVariantMap &after, QString *error,
                QList<StaleField> *stale = nullptr);
    bool remove(const QString &id, QString *error);
    bool restore(const QString &id, QString *error);

protected:
    /** Hook for subclasses: turn pseudo fields into columns (e.g. password → hash). */
    virtual bool prepareValues(QVariantMap *values, bool isInsert, QString *error);
    /** Table rules beyond the field specs. @p merged holds the row as it would be stored. */
    virtual bool validateRules(const QVariantMap &merged, const QString &id, QString *error) const;
    virtual bool validateRemoval(const QString &id, QString *error) const;
    /** Hook for subclasses: called after each successful insert, update, remove or restore. */
    virtual void afterWrite() {}

    bool refuseIfReadOnly(QString *error) const;
    QString fieldLabel(const QString &field) const;

private:
    bool insertRow(const QVariantMap &rawValues, const QString &fixedId, QString *id, QString *error);
    bool validateField(const FieldSpec &field, const QVariant &value, const QString &id, QString *error) const;
    QVariantMap normalised(const QVariantMap &values) const;

    Database &m_db;
    const TableSpec &m_spec;
    Actor m_actor;
};

} // namespace Humas
