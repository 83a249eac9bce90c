#include "tablespec.h"

namespace Humas {

const FieldSpec *TableSpec::field(const QString &name) const
{
    for (const FieldSpec &f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

int TableSpec::indexOf(const QString &name) const
{
    for (int i = 0; i < fields.size(); ++i) {
        if (fields.at(i).name == name)
            return i;
    }
    return -1;
}

} // namespace Humas
