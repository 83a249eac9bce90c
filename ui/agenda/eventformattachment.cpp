#include "agenda/eventformattachment.h"

#include "store/blobstore.h"
#include "store/openfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QPushButton>
#include <QTemporaryFile>
#include <QVBoxLayout>

namespace HumasUi {

EventFormAttachment::EventFormAttachment(Humas::Database &db, QWidget *parent) : QWidget(parent), m_db(db)
{
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("attachmentLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_attach = new QPushButton(tr("Attach &scan…"), this);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_open = new QPushButton(tr("O&pen"), this);
    m_open->setObjectName(QStringLiteral("openAttachmentButton"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeAttachmentButton"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_attach);
    buttons->addWidget(m_open);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_label);
    column->addLayout(buttons);

    connect(m_attach, &QPushButton::clicked, this, &EventFormAttachment::attachRequested);
    connect(m_open, &QPushButton::clicked, this, &EventFormAttachment::openRequested);
    connect(m_remove, &QPushButton::clicked, this, &EventFormAttachment::remove);
    refresh();
}

EventFormAttachment::~EventFormAttachment() = default;

void EventFormAttachment::setBlob(const QString &sha256)
{
    m_sha = sha256;
    m_name.clear();
    m_size = 0;
    m_mime.clear();
    if (!m_sha.isEmpty()) {
        const QByteArray data = Humas::BlobStore(m_db).get(m_sha);
        m_size = data.size();
        m_mime = QMimeDatabase().mimeTypeForData(data).name();
    }
    refresh();
}

bool EventFormAttachment::attachFile(const QString &path, QString *error)
{
    // Reading the database's own file with QFile would drop SQLite's locks when it closes.
    if (!Humas::OpenDatabaseFiles::checkNotDatabaseFile(path, error))
        return false;
    QFile file(path);
    if (file.size() > Humas::BlobStore::MaximumSize) {
        if (error)
            *error = tr("The file is too large (at most %1 MB).").arg(Humas::BlobStore::MaximumSize / (1024 * 1024));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    const QString mime = QMimeDatabase().mimeTypeForFileNameAndData(path, data).name();
    const QString sha = Humas::BlobStore(m_db).put(data, mime, error);
    if (sha.isEmpty())
        return false;
    m_sha = sha;
    m_name = QFileInfo(path).fileName();
    m_size = data.size();
    m_mime = mime;
    refresh();
    return true;
}

void EventFormAttachment::remove()
{
    // The blob stays in the store: blobs never change and another record may share it.
    setBlob(QString());
}

QString EventFormAttachment::exportCopy(QString *error)
{
    const QByteArray data = m_sha.isEmpty() ? QByteArray() : Humas::BlobStore(m_db).get(m_sha);
    if (data.isEmpty()) {
        if (error)
            *error = tr("The invitation scan is not in the attachment store.");
        return {};
    }
    const QString suffix = QMimeDatabase().mimeTypeForName(m_mime).preferredSuffix();
    m_copy = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/undangan-XXXXXX.") +
                                              (suffix.isEmpty() ? QStringLiteral("bin") : suffix));
    if (!m_copy->open() || m_copy->write(data) != data.size() || !m_copy->flush()) {
        if (error)
            *error = tr("Could not write a temporary copy: %1").arg(m_copy->errorString());
        return {};
    }
    return m_copy->fileName();
}

QString EventFormAttachment::text() const
{
    if (m_sha.isEmpty())
        return {};
    const QString type = QMimeDatabase().mimeTypeForName(m_mime).comment();
    const QString name = m_name.isEmpty() ? tr("Scan %1").arg(m_sha.left(8)) : m_name;
    const QString size = QLocale().formattedDataSize(m_size, 1, QLocale::DataSizeTraditionalFormat);
    //: %1 file name, %2 size ("12.0 KB"), %3 file type ("PDF document")
    return tr("%1 — %2, %3").arg(name, size, type);
}

void EventFormAttachment::setWritable(bool writable)
{
    m_writable = writable;
    refresh();
}

void EventFormAttachment::refresh()
{
    const bool has = !m_sha.isEmpty();
    m_label->setText(has ? text() : tr("No scan attached."));
    m_attach->setEnabled(m_writable);
    m_open->setEnabled(has);
    m_remove->setEnabled(has && m_writable);
}

} // namespace HumasUi
