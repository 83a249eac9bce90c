#include "recordrepository.h"

#include "masterdata.h"

#include "common/textrules.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "validators.h"

#include <QCollator>
#include <QDate>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace Humas {

RecordRepository::RecordRepository(Database &db, const TableSpec &spec, Actor actor)
    : m_db(db), m_spec(spec), m_actor(std::move(actor))
{
}

bool RecordRepository::canWrite() const
{
    return m_actor.role == Role::Admin || m_spec.writers.contains(m_actor.role);
}

bool RecordRepository::refuseIfReadOnly(QString *error) const
{
    if (canWrite())
        return false;
    if (error) {
        *error = tr("Your role (%1) may not change %2.")
                     .arg(Roles::displayName(m_actor.role), MasterData::label(m_spec.title));
    }
    return true;
}

QString RecordRepository::fieldLabel(const QString &field) const
{
    const FieldSpec *f = m_spec.field(field);
    return f ? MasterData::label(f->label) : field;
}

namespace {

Record recordFrom(const QSqlQuery &q)
{
    Record r;
    const QSqlRecord rec = q.record();
    for (int i = 0; i < rec.count(); ++i) {
        const QString name = rec.fieldName(i);
        if (name == QLatin1String("id"))
            r.id = q.value(i).toString();
        else if (name == QLatin1String("rev"))
            r.rev = q.value(i).toInt();
        else if (name == QLatin1String("deleted"))
            r.deleted = q.value(i).toInt() != 0;
        else
            r.values.insert(name, q.value(i));
    }
    return r;
}

} // namespace

QList<Record> RecordRepository::list() const
{
    QList<Record> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT * FROM %1 WHERE deleted = 0 ORDER BY %2").arg(m_spec.table, m_spec.orderBy)))
        return out;
    while (q.next())
        out << recordFrom(q);
    return out;
}

int RecordRepository::count() const
{
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE deleted = 0").arg(m_spec.table)) && q.next())
        return q.value(0).toInt();
    return 0;
}

Record RecordRepository::get(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(m_spec.table));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return recordFrom(q);
    return {};
}

Record RecordRepository::findBy(const QString &field, const QVariant &value) const
{
    const FieldSpec *f = m_spec.field(field);
    if (!f || !f->isColumn)
        return {};
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT * FROM %1 WHERE deleted = 0 AND %2 = ? COLLATE NOCASE LIMIT 1")
                  .arg(m_spec.table, field));
    q.addBindValue(ChangeWriter::storageValue(value));
    if (q.exec() && q.next())
        return recordFrom(q);
    return {};
}

QList<QPair<QString, QString>> RecordRepository::referenceChoices(const FieldSpec &field) const
{
    QList<QPair<QString, QString>> out;
    if (field.type != FieldSpec::Type::Reference)
        return out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id, %1 FROM %2 WHERE deleted = 0").arg(field.refDisplay, field.refTable)))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::sort(out.begin(), out.end(), [&](const auto &a, const auto &b) { return collator(a.second, b.second); });
    return out;
}

QVariantMap RecordRepository::normalised(const QVariantMap &values) const
{
    QVariantMap out;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QVariant v = it.value();
        const FieldSpec *f = m_spec.field(it.key());
        if (v.typeId() == QMetaType::QString && (!f || f->type != FieldSpec::Type::Password))
            v = v.toString().trimmed();
        if (f && f->type == FieldSpec::Type::Date && v.typeId() == QMetaType::QDate)
            v = v.toDate().toString(Qt::ISODate);
        if (f && (f->type == FieldSpec::Type::Nip || f->type == FieldSpec::Type::Phone))
            v = Validators::compactDigits(v.toString(), f->type == FieldSpec::Type::Phone);
        if (f && f->type == FieldSpec::Type::Reference && v.toString().isEmpty())
            v = QVariant();
        out.insert(it.key(), v);
    }
    return out;
}

bool RecordRepository::validateField(const FieldSpec &f, const QVariant &value, const QString &id, QString *error) const
{
    const QString label = MasterData::label(f.label);
    const QString text = value.toString();
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (text.isEmpty()) {
        if (f.required && f.type != FieldSpec::Type::Password)
            return fail(tr("%1 must not be empty.").arg(label));
        return true;
    }
    switch (f.type) {
    case FieldSpec::Type::Text:
    case FieldSpec::Type::LongText:
        if (!TextRules::check(text, label, f.maxLength,
                              f.type == FieldSpec::Type::Text ? TextRules::Lines::Single : TextRules::Lines::Multi,
                              error))
            return false;
        break;
    case FieldSpec::Type::Integer: {
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok)
            return fail(tr("%1 must be a whole number.").arg(label));
        if (n < f.minimum || n > f.maximum)
            return fail(tr("%1 must be between %2 and %3.").arg(label).arg(f.minimum).arg(f.maximum));
        break;
    }
    case FieldSpec::Type::Date:
        if (!QDate::fromString(text, Qt::ISODate).isValid())
            return fail(tr("%1 is not a valid date (YYYY-MM-DD).").arg(label));
        break;
    case FieldSpec::Type::Choice:
        if (!f.choices.contains(text))
            return fail(tr("%1 has an unknown value: %2.").arg(label, text));
        break;
    case FieldSpec::Type::Reference: {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND deleted = 0").arg(f.refTable));
        q.addBindValue(text);
        if (!q.exec() || !q.next())
            return fail(tr("%1 refers to a record that does not exist.").arg(label));
        break;
    }
    case FieldSpec::Type::Phone:
        if (!Validators::isPhone(text))
            return fail(
                tr("%1 is not a valid phone number (for example 0812 3456 7890 or +62 812 3456 7890).").arg(label));
        break;
    case FieldSpec::Type::Nip: {
        QString why;
        if (!Validators::isNip(text, &why))
            return fail(tr("%1 is not a valid NIP: %2").arg(label, why));
        break;
    }
    case FieldSpec::Type::Password:
        break;
    }
    if (f.unique && f.isColumn) {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE deleted = 0 AND %2 = ? COLLATE NOCASE AND id IS NOT ? LIMIT 1")
                      .arg(m_spec.table, f.name));
        q.addBindValue(text);
        q.addBindValue(id);
        if (q.exec() && q.next())
            return fail(tr("%1 \"%2\" is already used by another record.").arg(label, text));
    }
    return true;
}

bool RecordRepository::validate(const QVariantMap &rawValues, const QString &id, QString *error) const
{
    const QVariantMap values = normalised(rawValues);
    QVariantMap merged;
    if (!id.isEmpty()) {
        const Record current = get(id);
        if (!current.isValid() || current.deleted) {
            if (error)
                *error = tr("The record no longer exists.");
            return false;
        }
        merged = current.values;
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!m_spec.field(it.key())) {
            if (error)
                *error = tr("Unknown field %1.").arg(it.key());
            return false;
        }
        merged.insert(it.key(), it.value());
    }
    for (const FieldSpec &f : m_spec.fields) {
        // On update only the fields being changed are checked, plus required ones.
        if (!id.isEmpty() && !values.contains(f.name))
            continue;
        if (!validateField(f, merged.value(f.name), id, error))
            return false;
    }
    return validateRules(merged, id, error);
}

bool RecordRepository::prepareValues(QVariantMap *, bool, QString *)
{
    return true;
}

bool RecordRepository::validateRules(const QVariantMap &, const QString &, QString *) const
{
    return true;
}

bool RecordRepository::validateRemoval(const QString &id, QString *error) const
{
    // Refuse to delete a row that live rows of another reference table still point at.
    for (const TableSpec *other : MasterData::editableTables()) {
        for (const FieldSpec &f : other->fields) {
            if (f.type != FieldSpec::Type::Reference || f.refTable != m_spec.table)
                continue;
            QSqlQuery q(m_db.connection());
            q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE deleted = 0 AND %2 = ?").arg(other->table, f.name));
            q.addBindValue(id);
            if (q.exec() && q.next() && q.value(0).toInt() > 0) {
                if (error) {
                    *error =
                        tr("This record is still used by %n row(s) of %1; change those first.", "", q.value(0).toInt())
                            .arg(MasterData::label(other->title));
                }
                return false;
            }
        }
    }
    return true;
}

bool RecordRepository::insert(const QVariantMap &values, QString *id, QString *error)
{
    return insertRow(values, QString(), id, error);
}

bool RecordRepository::insertWithId(const QString &id, const QVariantMap &values, QString *error)
{
    return insertRow(values, id, nullptr, error);
}

bool RecordRepository::insertRow(const QVariantMap &rawValues, const QString &fixedId, QString *id, QString *error)
{
    if (refuseIfReadOnly(error))
        return false;
    QVariantMap values = normalised(rawValues);
    for (const FieldSpec &f : m_spec.fields) {
        if (f.type == FieldSpec::Type::Integer && !values.contains(f.name) && f.required)
            values.insert(f.name, f.name == QLatin1String("active") ? 1 : 0);
    }
    if (!validate(values, {}, error) || !prepareValues(&values, true, error))
        return false;
    ChangeWriter &writer = m_db.writer();
    const bool ok = fixedId.isEmpty() ? writer.insert(m_actor.userId, m_spec.table, values, id, error)
                                      : writer.insertWithId(m_actor.userId, m_spec.table, fixedId, values, error);
    if (ok)
        afterWrite();
    return ok;
}

bool RecordRepository::update(const QString &id, const QVariantMap &before, const QVariantMap &after,
                              QString *error, QList<StaleField> *stale)
{
    if (refuseIfReadOnly(error))
        return false;
    const QVariantMap started = normalised(before);
    QVariantMap values;
    const QVariantMap wanted = normalised(after);
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        const auto base = started.constFind(it.key());
        if (base == started.cend() || !ChangeWriter::sameValue(ChangeWriter::storageValue(base.value()),
                                                               ChangeWriter::storageValue(it.value())))
            values.insert(it.key(), it.value());
    }
    if (values.isEmpty())
        return true; // the user changed nothing
    if (!validate(values, id, error) || !prepareValues(&values, false, error))
        return false;
    QList<StaleField> refused;
    ChangeWriter &writer = m_db.writer();
    if (!writer.patch(m_actor.userId, m_spec.table, id, started, values, error, &refused)) {
        if (!refused.isEmpty() && error) {
            // The message names the fields as the form labels them, not as columns.
            QList<StaleField> labelled = refused;
            for (StaleField &f : labelled)
                f.field = fieldLabel(f.field);
            *error = ChangeWriter::staleMessage(labelled);
        }
        if (stale)
            *stale = refused;
        return false;
    }
    afterWrite();
    return true;
}

bool RecordRepository::remove(const QString &id, QString *error)
{
    if (refuseIfReadOnly(error))
        return false;
    const Record current = get(id);
    if (!current.isValid() || current.deleted) {
        if (error)
            *error = tr("The record no longer exists.");
        return false;
    }
    if (!validateRemoval(id, error))
        return false;
    ChangeWriter &writer = m_db.writer();
    if (!writer.remove(m_actor.userId, m_spec.table, id, error))
        return false;
    afterWrite();
    return true;
}

bool RecordRepository::restore(const QString &id, QString *error)
{
    if (refuseIfReadOnly(error))
        return false;
    const Record current = get(id);
    if (!current.isValid()) {
        if (error)
            *error = tr("The record no longer exists.");
        return false;
    }
    if (!current.deleted)
        return true;
    // A restored row must not collide with a row created since it was deleted.
    for (const FieldSpec &f : m_spec.fields) {
        if (f.unique && !validateField(f, current.values.value(f.name), id, error))
            return false;
    }
    if (!validateRules(current.values, id, error))
        return false;
    ChangeWriter &writer = m_db.writer();
    if (!writer.restore(m_actor.userId, m_spec.table, id, error))
        return false;
    afterWrite();
    return true;
}

} // namespace Humas
