#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTemporaryFile;

namespace Humas {
class Database;
}

namespace HumasUi {

/**
 * The invitation scan of an event: what is attached ("attachmentLabel": name, size, type) and
 * "Attach scan…", "Open", "Remove" ("attachButton", "openAttachmentButton",
 * "removeAttachmentButton"). A file is stored in the BlobStore as soon as it is attached
 * (content-addressed, so attaching the same scan twice stores it once); the event refers to
 * it by SHA-256. The file dialog and the viewer are the caller's: this widget only emits
 * attachRequested() and openRequested().
 */
class EventFormAttachment : public QWidget
{
    Q_OBJECT
public:
    explicit EventFormAttachment(Humas::Database &db, QWidget *parent = nullptr);
    ~EventFormAttachment() override;

    /** Shows the stored blob @p sha256 (empty: none). */
    void setBlob(const QString &sha256);
    QString blob() const { return m_sha; }

    /** Stores the file in the BlobStore and shows it. */
    bool attachFile(const QString &path, QString *error);
    void remove();
    /** Writes the scan to a temporary file (kept while the widget lives) and returns its path, or empty. */
    QString exportCopy(QString *error);
    /** "undangan.pdf — 12.0 KB, PDF document", or empty when nothing is attached. */
    QString text() const;

    void setWritable(bool writable);

Q_SIGNALS:
    void attachRequested();
    void openRequested();

private:
    void refresh();

    Humas::Database &m_db;
    QString m_sha;
    QString m_name;
    qint64 m_size = 0;
    QString m_mime;
    bool m_writable = true;
    std::unique_ptr<QTemporaryFile> m_copy;
    QLabel *m_label = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace HumasUi
