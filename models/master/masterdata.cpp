#include "masterdata.h"

#include "auth/userrepository.h"
#include "common/textrules.h"

namespace Humas {

namespace {

using T = FieldSpec::Type;

FieldSpec text(const char *name, const char *label, bool required = false, bool unique = false,
               int maxLength = TextRules::NameLength)
{
    FieldSpec f;
    f.name = QString::fromLatin1(name);
    f.label = label;
    f.type = T::Text;
    f.required = required;
    f.unique = unique;
    f.maxLength = maxLength;
    return f;
}

FieldSpec typed(const char *name, const char *label, T type, bool required = false)
{
    FieldSpec f = text(name, label, required);
    f.type = type;
    return f;
}

FieldSpec longText(const char *name, const char *label, int maxLength)
{
    FieldSpec f = typed(name, label, T::LongText);
    f.maxLength = maxLength;
    return f;
}

FieldSpec reference(const char *name, const char *label, const char *table, const char *display, bool required)
{
    FieldSpec f = typed(name, label, T::Reference, required);
    f.refTable = QString::fromLatin1(table);
    f.refDisplay = QString::fromLatin1(display);
    return f;
}

} // namespace

const TableSpec &MasterData::opd()
{
    static const TableSpec spec = [] {
        TableSpec s;
        s.table = QStringLiteral("opd");
        s.title = QT_TRANSLATE_NOOP("Humas::MasterData", "Agencies (OPD)");
        s.fields = {
            text("code", QT_TRANSLATE_NOOP("Humas::MasterData", "Code"), true, true, 20),
            text("name", QT_TRANSLATE_NOOP("Humas::MasterData", "Name"), true, true),
            text("short_name", QT_TRANSLATE_NOOP("Humas::MasterData", "Short name"), false, false, 40),
            text("pic_name", QT_TRANSLATE_NOOP("Humas::MasterData", "PIC name")),
            typed("pic_phone", QT_TRANSLATE_NOOP("Humas::MasterData", "PIC phone"), T::Phone),
        };
        s.orderBy = QStringLiteral("name COLLATE NOCASE");
        s.displayField = QStringLiteral("name");
        return s;
    }();
    return spec;
}

const TableSpec &MasterData::officials()
{
    static const TableSpec spec = [] {
        TableSpec s;
        s.table = QStringLiteral("officials");
        s.title = QT_TRANSLATE_NOOP("Humas::MasterData", "Officials");
        FieldSpec order = typed("sort_order", QT_TRANSLATE_NOOP("Humas::MasterData", "Order"), T::Integer, true);
        order.maximum = 999;
        s.fields = {
            text("code", QT_TRANSLATE_NOOP("Humas::MasterData", "Code"), true, true, 20),
            text("position", QT_TRANSLATE_NOOP("Humas::MasterData", "Position"), true),
            text("name", QT_TRANSLATE_NOOP("Humas::MasterData", "Name")),
            typed("nip", QT_TRANSLATE_NOOP("Humas::MasterData", "NIP"), T::Nip),
            order,
        };
        s.orderBy = QStringLiteral("sort_order, code");
        s.displayField = QStringLiteral("position");
        s.writers = {Role::Protokol};
        return s;
    }();
    return spec;
}

const TableSpec &MasterData::kecamatan()
{
    static const TableSpec spec = [] {
        TableSpec s;
        s.table = QStringLiteral("kecamatan");
        s.title = QT_TRANSLATE_NOOP("Humas::MasterData", "Districts (kecamatan)");
        s.fields = {text("name", QT_TRANSLATE_NOOP("Humas::MasterData", "Name"), true, true, 80)};
        s.orderBy = QStringLiteral("name COLLATE NOCASE");
        s.displayField = QStringLiteral("name");
        s.writers = {Role::Protokol};
        return s;
    }();
    return spec;
}

const TableSpec &MasterData::venues()
{
    static const TableSpec spec = [] {
        TableSpec s;
        s.table = QStringLiteral("venues");
        s.title = QT_TRANSLATE_NOOP("Humas::MasterData", "Venues");
        s.fields = {
            text("name", QT_TRANSLATE_NOOP("Humas::MasterData", "Name"), true),
            reference("kecamatan_id", QT_TRANSLATE_NOOP("Humas::MasterData", "District"), "kecamatan", "name", true),
            longText("address", QT_TRANSLATE_NOOP("Humas::MasterData", "Address"), TextRules::AddressLength),
        };
        s.orderBy = QStringLiteral("name COLLATE NOCASE");
        s.displayField = QStringLiteral("name");
        s.writers = {Role::Protokol};
        return s;
    }();
    return spec;
}

const TableSpec &MasterData::travelTimes()
{
    static const TableSpec spec = [] {
        TableSpec s;
        s.table = QStringLiteral("travel_times");
        s.title = QT_TRANSLATE_NOOP("Humas::MasterData", "Travel times");
        FieldSpec minutes = typed("minutes", QT_TRANSLATE_NOOP("Humas::MasterData", "Minutes"), T::Integer, true);
        minutes.maximum = 24 * 60;
        s.fields = {
            reference("kecamatan_a", QT_TRANSLATE_NOOP("Humas::MasterData", "From district"), "kecamatan", "name",
                      true),
            reference("kecamatan_b", QT_TRANSLATE_NOOP("Humas::MasterData", "To district"), "kecamatan", "name", true),
            minutes,
        };
        s.orderBy = QStringLiteral("kecamatan_a, kecamatan_b");
        s.displayField = QStringLiteral("minutes");
        s.writers = {Role::Protokol};
        return s;
    }();
    return spec;
}

const TableSpec &MasterData::holidays()
{
    static const TableSpec spec = [] {
        TableSpec s;
        s.table = QStringLiteral("holidays");
        s.title = QT_TRANSLATE_NOOP("Humas::MasterData", "Holidays");
        FieldSpec kind = typed("kind", QT_TRANSLATE_NOOP("Humas::MasterData", "Kind"), T::Choice, true);
        kind.choices = {QStringLiteral("libur_nasional"), QStringLiteral("cuti_bersama"), QStringLiteral("lokal")};
        s.fields = {
            typed("date", QT_TRANSLATE_NOOP("Humas::MasterData", "Date"), T::Date, true),
            kind,
            text("name", QT_TRANSLATE_NOOP("Humas::MasterData", "Name"), true),
            text("source", QT_TRANSLATE_NOOP("Humas::MasterData", "Source")),
        };
        s.fields[0].unique = true;
        s.orderBy = QStringLiteral("date");
        s.displayField = QStringLiteral("name");
        s.writers = {Role::Ppid};
        return s;
    }();
    return spec;
}

const TableSpec &MasterData::users()
{
    static const TableSpec spec = [] {
        TableSpec s;
        s.table = QStringLiteral("users");
        s.title = QT_TRANSLATE_NOOP("Humas::MasterData", "Users");
        FieldSpec role = typed("role", QT_TRANSLATE_NOOP("Humas::MasterData", "Role"), T::Choice, true);
        for (Role r : Roles::all())
            role.choices << Roles::code(r);
        FieldSpec active = typed("active", QT_TRANSLATE_NOOP("Humas::MasterData", "Active"), T::Integer, true);
        active.maximum = 1;
        FieldSpec password = typed("password", QT_TRANSLATE_NOOP("Humas::MasterData", "Password"), T::Password);
        password.showInTable = false;
        password.isColumn = false;
        s.fields = {
            text("username", QT_TRANSLATE_NOOP("Humas::MasterData", "User name"), true, true,
                 UserRepository::MaximumUsernameLength),
            text("display_name", QT_TRANSLATE_NOOP("Humas::MasterData", "Full name"), true),
            role,
            reference("opd_id", QT_TRANSLATE_NOOP("Humas::MasterData", "Agency (OPD)"), "opd", "name", false),
            active,
            password,
        };
        s.orderBy = QStringLiteral("username COLLATE NOCASE");
        s.displayField = QStringLiteral("username");
        return s;
    }();
    return spec;
}

QList<const TableSpec *> MasterData::editableTables()
{
    return {&opd(), &officials(), &kecamatan(), &venues(), &travelTimes(), &holidays(), &users()};
}

const TableSpec *MasterData::byTable(const QString &table)
{
    for (const TableSpec *s : editableTables()) {
        if (s->table == table)
            return s;
    }
    return nullptr;
}

QString MasterData::label(const char *text)
{
    return tr(text);
}

QString MasterData::choiceLabel(const QString &table, const QString &field, const QString &code)
{
    if (field == QLatin1String("kind")) {
        if (code == QLatin1String("libur_nasional"))
            return tr("National holiday");
        if (code == QLatin1String("cuti_bersama"))
            return tr("Collective leave");
        if (code == QLatin1String("lokal"))
            return tr("Local holiday");
    }
    if (table == QLatin1String("users") && field == QLatin1String("role")) {
        Role r;
        if (Roles::fromCode(code, &r))
            return Roles::displayName(r);
    }
    return code;
}

QString MasterData::ianaZone(const QString &zoneCode)
{
    if (zoneCode == QLatin1String("WIB"))
        return QStringLiteral("Asia/Jakarta");
    if (zoneCode == QLatin1String("WIT"))
        return QStringLiteral("Asia/Jayapura");
    return QStringLiteral("Asia/Makassar");
}

} // namespace Humas
