#include "monthview.h"

#include "agenda/agendamodel.h"
#include "agenda/eventspan.h"
#include "agenda/warningmark.h"
#include "common/datetext.h"

#include <QAbstractItemModel>
#include <QBrush>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPolygonF>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <numeric>
#include <vector>

namespace HumasUi {

using Humas::AgendaModel;

namespace {
constexpr int ChipGap = 2;
constexpr int CellPadding = 3;
constexpr int CornerMark = 14;
constexpr int MaxToolTipLines = 15;

QColor colorOf(const QVariant &value)
{
    if (value.userType() == QMetaType::QBrush)
        return value.value<QBrush>().color();
    if (value.userType() == QMetaType::QColor)
        return value.value<QColor>();
    return {};
}

/** Black or white, whichever reads better on @p fill. */
QColor contrastingText(const QColor &fill)
{
    return qGray(fill.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor holidayColor()
{
    return QColor(0xB0, 0x1C, 0x2E);
}
} // namespace

MonthView::MonthView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setAccessibleName(tr("Month view"));
}

MonthView::~MonthView() = default;

void MonthView::setModel(QAbstractItemModel *model)
{
    if (m_model == model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &MonthView::modelChanged);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, &MonthView::modelChanged);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &MonthView::modelChanged);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MonthView::modelChanged);
        connect(m_model, &QAbstractItemModel::rowsMoved, this, &MonthView::modelChanged);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &MonthView::modelChanged);
        connect(m_model, &QObject::destroyed, this, &MonthView::modelChanged);
    }
    modelChanged();
}

QAbstractItemModel *MonthView::model() const
{
    return m_model;
}

void MonthView::setMonth(const QDate &anyDayInMonth)
{
    if (!showMonth(anyDayInMonth) || (m_current.year() == m_month.year() && m_current.month() == m_month.month()))
        return;
    // Keep the day number when paging months, so the keyboard carries on from there.
    const int day = m_current.isValid() ? std::min(m_current.day(), m_month.daysInMonth()) : 1;
    m_current = QDate(m_month.year(), m_month.month(), day);
    m_anchor = m_current;
    setSelection(m_current, m_current);
    Q_EMIT currentDateChanged(m_current);
}

bool MonthView::showMonth(const QDate &anyDayInMonth)
{
    if (!anyDayInMonth.isValid())
        return false;
    const QDate first(anyDayInMonth.year(), anyDayInMonth.month(), 1);
    if (first == m_month)
        return false;
    m_month = first;
    modelChanged();
    Q_EMIT monthChanged(m_month);
    return true;
}

QDate MonthView::firstVisibleDate() const
{
    if (!m_month.isValid())
        return {};
    return m_month.addDays(1 - m_month.dayOfWeek());
}

QDate MonthView::lastVisibleDate() const
{
    const QDate first = firstVisibleDate();
    return first.isValid() ? first.addDays(Cells - 1) : QDate();
}

void MonthView::setCurrentDate(const QDate &date)
{
    moveCurrent(date, false, false);
}

void MonthView::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    m_today = today;
    if (!m_month.isValid() && today.isValid()) {
        showMonth(today);
        moveCurrent(today, false, false);
    }
    update();
}

void MonthView::setHolidays(const QHash<QDate, QString> &holidays)
{
    m_holidays = holidays;
    invalidateGeometry();
}

const MonthView::CellGeometry *MonthView::cellOn(const QDate &date) const
{
    const int index = cellIndex(date);
    if (index < 0)
        return nullptr;
    ensureLayout();
    return &m_cells.at(index);
}

QRect MonthView::dayRect(const QDate &date) const
{
    const CellGeometry *cell = cellOn(date);
    return cell ? cell->rect : QRect();
}

QDate MonthView::dateAt(const QPoint &pos) const
{
    if (!m_month.isValid())
        return {};
    ensureLayout();
    for (int i = 0; i < Cells; ++i) {
        if (m_cells.at(i).rect.contains(pos))
            return dateOfCell(i);
    }
    return {};
}

QString MonthView::eventIdAt(const QPoint &pos) const
{
    if (const CellGeometry *cell = cellOn(dateAt(pos))) {
        for (const ChipGeometry &chip : cell->chips) {
            if (chip.rect.contains(pos))
                return m_entries.at(chip.entry).id;
        }
    }
    return {};
}

QList<MonthView::Chip> MonthView::chipsOn(const QDate &date) const
{
    QList<Chip> result;
    const CellGeometry *cell = cellOn(date);
    if (!cell)
        return result;
    for (const ChipGeometry &geometry : cell->chips) {
        const Entry &entry = m_entries.at(geometry.entry);
        result.append({entry.id, geometry.rect, entry.background, entry.foreground, geometry.plainText, entry.conflict,
                       geometry.continuesBefore, geometry.continuesAfter});
    }
    return result;
}

int MonthView::hiddenCountOn(const QDate &date) const
{
    const CellGeometry *cell = cellOn(date);
    return cell ? cell->hidden : 0;
}

QRect MonthView::moreRectOn(const QDate &date) const
{
    const CellGeometry *cell = cellOn(date);
    return cell ? cell->moreRect : QRect();
}

QString MonthView::moreTextOn(const QDate &date) const
{
    const CellGeometry *cell = cellOn(date);
    return cell ? cell->moreText : QString();
}

bool MonthView::hasConflictOn(const QDate &date) const
{
    const CellGeometry *cell = cellOn(date);
    return cell && m_days.at(cellIndex(date)).conflict;
}

QString MonthView::toolTipAt(const QPoint &pos) const
{
    const QDate date = dateAt(pos);
    const int index = cellIndex(date);
    if (index < 0)
        return {};
    const CellGeometry &cell = m_cells.at(index);
    for (const ChipGeometry &chip : cell.chips) {
        if (!chip.rect.contains(pos))
            continue;
        const Entry &entry = m_entries.at(chip.entry);
        const QModelIndex modelIndex = m_model ? m_model->index(entry.row, 0) : QModelIndex();
        const QString tip = modelIndex.data(Qt::ToolTipRole).toString();
        if (!tip.isEmpty())
            return tip;
        const QString clash = modelIndex.data(AgendaModel::ConflictTextRole).toString();
        return clash.isEmpty() ? entry.title : entry.title + QLatin1Char('\n') + clash;
    }
    QStringList lines;
    if (cell.moreRect.contains(pos)) {
        const QList<int> &entries = m_days.at(index).entries;
        for (int i = int(entries.size()) - cell.hidden; i < entries.size(); ++i) {
            if (lines.size() == MaxToolTipLines) {
                lines << QStringLiteral("…");
                break;
            }
            lines << chipText(m_entries.at(entries.at(i)), date);
        }
        return lines.join(QLatin1Char('\n'));
    }
    if (m_holidays.contains(date))
        lines << m_holidays.value(date);
    if (m_days.at(index).conflict) {
        int clashing = 0;
        for (int entry : m_days.at(index).entries)
            clashing += m_entries.at(entry).conflict ? 1 : 0;
        lines << tr("%n event(s) on this day clash", nullptr, clashing);
    }
    return lines.join(QLatin1Char('\n'));
}

QSize MonthView::sizeHint() const
{
    return {840, 620};
}

QSize MonthView::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {Columns * metrics.horizontalAdvance(QStringLiteral("00 Mmm")), headerHeight() + Rows * 3 * chipHeight()};
}

bool MonthView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this, dayRect(dateAt(help->pos())));
        }
        return true;
    }
    return QWidget::event(event);
}

void MonthView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
    case QEvent::LocaleChange:
    case QEvent::FontChange:
        setAccessibleName(tr("Month view"));
        invalidateGeometry();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void MonthView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidateGeometry();
}

void MonthView::modelChanged()
{
    m_contentDirty = true;
    m_geometryDirty = true;
    update();
}

void MonthView::invalidateGeometry()
{
    m_geometryDirty = true;
    update();
}

void MonthView::ensureLayout() const
{
    if (m_contentDirty) {
        readModel();
        m_contentDirty = false;
        m_geometryDirty = true;
    }
    if (m_geometryDirty) {
        layoutCells();
        m_geometryDirty = false;
    }
}

namespace {
// The roles the view reads, fetched with one multiData() call per row.
enum RoleSlot {
    Start,
    StartMs,
    FirstDate,
    LastDate,
    Id,
    Title,
    AllDay,
    Conflict,
    Status,
    Background,
    Foreground,
    SlotCount
};
// Not Qt::DisplayRole: column 0 of AgendaModel formats a time range, which is slow and unused.
constexpr std::array<int, SlotCount> ReadRoles = {
    AgendaModel::StartRole,  AgendaModel::StartMsRole, AgendaModel::FirstDateRole, AgendaModel::LastDateRole,
    AgendaModel::IdRole,     AgendaModel::TitleRole,   AgendaModel::AllDayRole,    AgendaModel::ConflictRole,
    AgendaModel::StatusRole, Qt::BackgroundRole,       Qt::ForegroundRole};
} // namespace

bool MonthView::readEntry(const QModelIndex &index, QModelRoleDataSpan data, Entry *e) const
{
    for (QModelRoleData &d : data)
        d.clearData();
    m_model->multiData(index, data);
    const auto value = [&data](RoleSlot slot) -> const QVariant & { return data[slot].data(); };

    e->start = value(Start).toDateTime();
    e->startMs = value(StartMs).isValid() ? value(StartMs).toLongLong() : e->start.toMSecsSinceEpoch();
    e->first = value(FirstDate).toDate();
    e->last = value(LastDate).toDate();
    if (!e->first.isValid())
        e->first = e->start.date();
    if (!e->last.isValid()) {
        const QDateTime end = index.data(AgendaModel::EndRole).toDateTime();
        e->last = end > e->start ? end.addMSecs(-1).date() : e->first;
    }
    if (!e->first.isValid() || e->last < firstVisibleDate() || e->first > lastVisibleDate())
        return false;
    e->id = value(Id).toString();
    e->title = value(Title).toString();
    if (e->title.isEmpty())
        e->title = index.data(Qt::DisplayRole).toString();
    e->allDay = value(AllDay).toBool();
    e->spanning = e->allDay || e->first != e->last;
    e->conflict = value(Conflict).toBool();
    const int status = value(Status).toInt();
    e->inactive =
        status == int(Humas::EventSpan::Status::Ditunda) || status == int(Humas::EventSpan::Status::Dibatalkan);
    e->background = colorOf(value(Background));
    if (!e->background.isValid())
        e->background = e->conflict ? AgendaModel::conflictColor() : AgendaModel::statusColor(status);
    e->foreground = colorOf(value(Foreground));
    if (!e->foreground.isValid())
        e->foreground = contrastingText(e->background);
    return true;
}

void MonthView::readModel() const
{
    m_entries.clear();
    m_days = QList<DayContent>(Cells);
    const QDate gridFirst = firstVisibleDate();
    const QDate gridLast = lastVisibleDate();
    if (!m_model || !gridFirst.isValid())
        return;
    const int rows = m_model->rowCount();
    m_entries.reserve(rows);
    std::vector<QModelRoleData> roleData(ReadRoles.cbegin(), ReadRoles.cend());
    for (int row = 0; row < rows; ++row) {
        Entry e;
        e.row = row;
        if (readEntry(m_model->index(row, 0), roleData, &e))
            m_entries.append(std::move(e));
    }
    // One global order (spanning first, then by start) makes every day's list sorted.
    QList<int> order(m_entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](int a, int b) {
        const Entry &x = m_entries.at(a);
        const Entry &y = m_entries.at(b);
        if (x.spanning != y.spanning)
            return x.spanning;
        if (x.startMs != y.startMs)
            return x.startMs < y.startMs;
        if (x.last != y.last)
            return x.last > y.last; // longer first, so spans line up across days
        if (x.title != y.title)
            return x.title < y.title;
        return x.id < y.id;
    });
    for (int i : order) {
        const Entry &e = m_entries.at(i);
        const QDate from = std::max(e.first, gridFirst);
        const QDate to = std::min(e.last, gridLast);
        for (qint64 cell = gridFirst.daysTo(from), last = gridFirst.daysTo(to); cell <= last; ++cell) {
            DayContent &day = m_days[cell];
            day.entries.append(i);
            day.conflict = day.conflict || e.conflict;
        }
    }
}

int MonthView::headerHeight() const
{
    return fontMetrics().height() + 8;
}

int MonthView::chipHeight() const
{
    return fontMetrics().height() + 4;
}

QString MonthView::weekdayName(int dayOfWeek, bool shortName) const
{
    return QLocale().dayName(dayOfWeek, shortName ? QLocale::ShortFormat : QLocale::LongFormat);
}

void MonthView::layoutCells() const
{
    m_cells = QList<CellGeometry>(Cells);
    const QFontMetrics metrics = fontMetrics();
    const int header = headerHeight();
    m_gridRect = QRect(0, header, width(), height() - header);

    const int columnWidth = m_gridRect.width() / Columns;
    layoutWeekdays(columnWidth);
    if (!m_month.isValid())
        return;

    const int chipH = chipHeight();
    const QLocale loc; // the default locale, which the language switch sets (a widget keeps its own)
    for (int i = 0; i < Cells; ++i) {
        const int row = i / Columns;
        const int column = i % Columns;
        const int left = m_gridRect.left() + column * m_gridRect.width() / Columns;
        const int right = m_gridRect.left() + (column + 1) * m_gridRect.width() / Columns;
        const int top = m_gridRect.top() + row * m_gridRect.height() / Rows;
        const int bottom = m_gridRect.top() + (row + 1) * m_gridRect.height() / Rows;
        CellGeometry &cell = m_cells[i];
        cell.rect = QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));

        const QDate date = dateOfCell(i);
        cell.numberText =
            date.day() == 1 ? QString::number(1) + QLatin1Char(' ') + loc.monthName(date.month(), QLocale::ShortFormat)
                            : QString::number(date.day());
        const int numberWidth = std::max(metrics.horizontalAdvance(cell.numberText) + 8, chipH);
        cell.numberRect = QRect(left + CellPadding, top + 2, numberWidth, chipH);
        const QString holiday = m_holidays.value(date);
        if (!holiday.isEmpty()) {
            const int available = right - cell.numberRect.right() - CornerMark - 4;
            cell.holidayText = QStaticText(metrics.elidedText(holiday, Qt::ElideRight, std::max(0, available)));
            cell.holidayText.setTextFormat(Qt::PlainText);
            cell.holidayText.prepare(QTransform(), font());
        }

        layoutChips(cell, m_days.at(i).entries, date);
    }
}

void MonthView::layoutWeekdays(int columnWidth) const
{
    const QFontMetrics metrics = fontMetrics();
    bool shortNames = false;
    for (int d = 1; d <= 7 && !shortNames; ++d)
        shortNames = metrics.horizontalAdvance(weekdayName(d, false)) > columnWidth - 8;
    m_weekdayTexts.clear();
    for (int d = 1; d <= 7; ++d) {
        QStaticText text(weekdayName(d, shortNames));
        text.setTextFormat(Qt::PlainText);
        text.prepare(QTransform(), font());
        m_weekdayTexts.append(text);
    }
}

void MonthView::layoutChips(CellGeometry &cell, const QList<int> &entries, const QDate &date) const
{
    // As many chips as fit under the day number; when some are left over, the last slot
    // says "+N more" instead.
    const int chipH = chipHeight();
    const int left = cell.rect.left() + CellPadding;
    const int width = cell.rect.width() - 2 * CellPadding;
    const int chipsTop = cell.numberRect.bottom() + 1 + ChipGap;
    const int capacity = std::max(0, (cell.rect.bottom() - CellPadding - chipsTop + ChipGap) / (chipH + ChipGap));
    const int count = int(entries.size());
    const int shown = count <= capacity ? count : std::max(0, capacity - 1);
    for (int k = 0; k < shown; ++k)
        cell.chips.append(layoutChip(entries.at(k), date, QRect(left, chipsTop + k * (chipH + ChipGap), width, chipH)));
    cell.hidden = count - shown;
    if (cell.hidden > 0) {
        cell.moreRect = QRect(left, chipsTop + shown * (chipH + ChipGap), width, chipH);
        cell.moreText = tr("+%n more", nullptr, cell.hidden);
        for (int k = shown; k < count && !cell.hiddenConflict; ++k)
            cell.hiddenConflict = m_entries.at(entries.at(k)).conflict;
    }
}

MonthView::ChipGeometry MonthView::layoutChip(int entryIndex, const QDate &date, const QRect &slot) const
{
    const Entry &entry = m_entries.at(entryIndex);
    ChipGeometry chip;
    chip.entry = entryIndex;
    chip.rect = slot;
    // A span runs into the neighbouring cell, so it reads as one bar across the week.
    chip.continuesBefore = entry.first < date;
    chip.continuesAfter = entry.last > date;
    if (chip.continuesBefore)
        chip.rect.setLeft(slot.left() - CellPadding);
    if (chip.continuesAfter)
        chip.rect.setRight(slot.right() + CellPadding);
    const int h = chip.rect.height();
    int available = chip.rect.width() - 8;
    if (entry.conflict)
        available -= h;
    if (chip.continuesBefore)
        available -= h / 2;
    if (chip.continuesAfter)
        available -= h / 2;
    chip.plainText = fontMetrics().elidedText(chipText(entry, date), Qt::ElideRight, std::max(0, available));
    chip.text = QStaticText(chip.plainText);
    chip.text.setTextFormat(Qt::PlainText);
    chip.text.prepare(QTransform(), font());
    return chip;
}

QString MonthView::chipText(const Entry &entry, const QDate &date) const
{
    if (entry.allDay || entry.first != date)
        return entry.title;
    return Humas::DateText::time(entry.start.time()) + QLatin1Char(' ') + entry.title;
}

int MonthView::cellIndex(const QDate &date) const
{
    const QDate first = firstVisibleDate();
    if (!first.isValid() || !date.isValid())
        return -1;
    const qint64 index = first.daysTo(date);
    return index >= 0 && index < Cells ? int(index) : -1;
}

QDate MonthView::dateOfCell(int index) const
{
    return firstVisibleDate().addDays(index);
}

void MonthView::paintEvent(QPaintEvent *event)
{
    ensureLayout();
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().base());
    paintHeader(painter);
    if (!m_month.isValid())
        return;
    for (int i = 0; i < Cells; ++i) {
        if (m_cells.at(i).rect.intersects(event->rect()))
            paintCell(painter, i);
    }
}

void MonthView::paintHeader(QPainter &painter) const
{
    const QRect header(0, 0, width(), m_gridRect.top());
    painter.fillRect(header, palette().window());
    painter.setPen(palette().color(QPalette::WindowText));
    for (int d = 0; d < Columns; ++d) {
        const int left = d * width() / Columns;
        const int right = (d + 1) * width() / Columns;
        const QStaticText &text = m_weekdayTexts.at(d);
        const QSizeF size = text.size();
        painter.drawStaticText(QPointF(left + (right - left - size.width()) / 2, (header.height() - size.height()) / 2),
                               text);
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(header.bottomLeft(), header.bottomRight());
}

void MonthView::paintCell(QPainter &painter, int index) const
{
    const CellGeometry &cell = m_cells.at(index);
    const QDate date = dateOfCell(index);
    const bool inMonth = date.month() == m_month.month() && date.year() == m_month.year();
    const QPalette &pal = palette();

    if (!inMonth)
        painter.fillRect(cell.rect, pal.color(QPalette::AlternateBase));
    if (isSelected(date)) {
        QColor selection = pal.color(QPalette::Highlight);
        selection.setAlpha(60);
        painter.fillRect(cell.rect, selection);
    }
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(cell.rect.topRight(), cell.rect.bottomRight());
    painter.drawLine(cell.rect.bottomLeft(), cell.rect.bottomRight());

    paintDayNumber(painter, cell, date, inMonth);
    for (const ChipGeometry &chip : cell.chips)
        paintChip(painter, chip);
    if (cell.hidden > 0)
        paintMore(painter, cell);

    if (date == m_current) {
        QPen pen(pal.color(QPalette::Highlight), hasFocus() ? 2 : 1);
        pen.setStyle(hasFocus() ? Qt::SolidLine : Qt::DotLine);
        painter.setPen(pen);
        painter.drawRect(cell.rect.adjusted(3, 3, -3, -3));
    }
    if (m_days.at(index).conflict) {
        // Border plus a corner triangle: a shape, not only a colour.
        const QColor conflict = AgendaModel::conflictColor();
        painter.setPen(QPen(conflict, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cell.rect.adjusted(1, 1, -1, -1));
        const QPoint corner = cell.rect.topRight();
        const QPolygon triangle({corner, corner + QPoint(-CornerMark, 0), corner + QPoint(0, CornerMark)});
        painter.setPen(Qt::NoPen);
        painter.setBrush(conflict);
        painter.drawPolygon(triangle);
        painter.setBrush(Qt::NoBrush);
    }
}

void MonthView::paintDayNumber(QPainter &painter, const CellGeometry &cell, const QDate &date, bool inMonth) const
{
    // Today in a filled badge; Sundays and holidays in red; other months dimmed.
    const QPalette &pal = palette();
    QColor numberColor = pal.color(QPalette::Text);
    const bool holiday = m_holidays.contains(date);
    if (date.dayOfWeek() == Qt::Sunday || holiday)
        numberColor = holidayColor();
    if (!inMonth)
        numberColor = pal.color(QPalette::PlaceholderText);
    if (date == m_today) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(pal.color(QPalette::Highlight));
        const qreal radius = cell.numberRect.height() / 2.0;
        painter.drawRoundedRect(QRectF(cell.numberRect), radius, radius);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setBrush(Qt::NoBrush);
        numberColor = pal.color(QPalette::HighlightedText);
    }
    QFont numberFont = font();
    numberFont.setBold(date == m_today);
    painter.setFont(numberFont);
    painter.setPen(numberColor);
    painter.drawText(cell.numberRect, Qt::AlignCenter, cell.numberText);
    painter.setFont(font());
    if (holiday) {
        painter.setPen(inMonth ? holidayColor() : pal.color(QPalette::PlaceholderText));
        const qreal y = cell.numberRect.top() + (cell.numberRect.height() - cell.holidayText.size().height()) / 2;
        painter.drawStaticText(QPointF(cell.numberRect.right() + 4, y), cell.holidayText);
    }
}

void MonthView::paintMore(QPainter &painter, const CellGeometry &cell) const
{
    QRect textRect = cell.moreRect.adjusted(4, 0, 0, 0);
    const QColor conflict = AgendaModel::conflictColor();
    if (cell.hiddenConflict) {
        // A clash among the hidden events is not lost: the same warning mark as on a chip.
        const int h = cell.moreRect.height();
        WarningMark::paint(painter, QRect(cell.moreRect.left() + 2, cell.moreRect.top() + 1, h - 2, h - 2), conflict,
                           Qt::white);
        textRect.setLeft(cell.moreRect.left() + h + 2);
    }
    QFont moreFont = font();
    moreFont.setBold(true);
    painter.setFont(moreFont);
    painter.setPen(cell.hiddenConflict ? conflict : palette().color(QPalette::Text));
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, cell.moreText);
    painter.setFont(font());
}

void MonthView::paintChip(QPainter &painter, const ChipGeometry &chip) const
{
    const Entry &entry = m_entries.at(chip.entry);
    const QRect &r = chip.rect;
    painter.fillRect(r, entry.background);
    int x = r.left() + 4;
    const int h = r.height();
    if (chip.continuesBefore) {
        const QPolygon arrow({QPoint(r.left() + 2, r.center().y()), QPoint(r.left() + h / 2 - 1, r.top() + 3),
                              QPoint(r.left() + h / 2 - 1, r.bottom() - 3)});
        painter.setPen(Qt::NoPen);
        painter.setBrush(entry.foreground);
        painter.drawPolygon(arrow);
        x += h / 2;
    }
    if (chip.continuesAfter) {
        const QPolygon arrow({QPoint(r.right() - 2, r.center().y()), QPoint(r.right() - h / 2 + 1, r.top() + 3),
                              QPoint(r.right() - h / 2 + 1, r.bottom() - 3)});
        painter.setPen(Qt::NoPen);
        painter.setBrush(entry.foreground);
        painter.drawPolygon(arrow);
    }
    painter.setBrush(Qt::NoBrush);
    if (entry.conflict) {
        WarningMark::paint(painter, QRect(x - 2, r.top() + 1, h - 2, h - 2), entry.foreground, entry.background);
        x += h - 2;
    }
    painter.setPen(entry.foreground);
    const QSizeF size = chip.text.size();
    const qreal y = r.top() + (h - size.height()) / 2;
    painter.drawStaticText(QPointF(x, y), chip.text);
    if (entry.inactive) {
        const int middle = r.center().y();
        painter.drawLine(x, middle, x + int(size.width()), middle);
    }
}

void MonthView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QDate date = dateAt(event->position().toPoint());
    if (!date.isValid())
        return;
    m_dragging = true;
    moveCurrent(date, false, false);
}

void MonthView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging || !(event->buttons() & Qt::LeftButton))
        return;
    const QDate date = dateAt(event->position().toPoint());
    if (date.isValid())
        setSelection(std::min(m_anchor, date), std::max(m_anchor, date));
}

void MonthView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return;
    m_dragging = false;
    const QPoint pos = event->position().toPoint();
    if (m_selectionFrom != m_selectionTo) {
        Q_EMIT createRequested(m_selectionFrom, m_selectionTo);
        return;
    }
    const QDate date = dateAt(pos);
    if (date.isValid() && date == m_anchor && moreRectOn(date).contains(pos))
        Q_EMIT dayActivated(date);
}

void MonthView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    const QPoint pos = event->position().toPoint();
    const QDate date = dateAt(pos);
    if (!date.isValid())
        return;
    const QString id = eventIdAt(pos);
    if (!id.isEmpty())
        Q_EMIT eventActivated(id);
    else if (!moreRectOn(date).contains(pos))
        Q_EMIT createRequested(date, date);
}

void MonthView::keyPressEvent(QKeyEvent *event)
{
    if (!m_current.isValid()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        moveCurrent(m_current.addDays(-1), true, extend);
        break;
    case Qt::Key_Right:
        moveCurrent(m_current.addDays(1), true, extend);
        break;
    case Qt::Key_Up:
        moveCurrent(m_current.addDays(-7), true, extend);
        break;
    case Qt::Key_Down:
        moveCurrent(m_current.addDays(7), true, extend);
        break;
    case Qt::Key_PageUp:
        moveCurrent(m_current.addMonths(-1), true, false);
        break;
    case Qt::Key_PageDown:
        moveCurrent(m_current.addMonths(1), true, false);
        break;
    case Qt::Key_Home:
        moveCurrent(m_today, true, false);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT dayActivated(m_current);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MonthView::moveCurrent(const QDate &date, bool byKeyboard, bool extendSelection)
{
    if (!date.isValid())
        return;
    // The keyboard turns the page when it leaves the month; a click on a dimmed day of the
    // neighbouring month only selects it.
    const bool otherMonth = date.year() != m_month.year() || date.month() != m_month.month();
    if ((byKeyboard && otherMonth) || cellIndex(date) < 0)
        showMonth(date);
    if (extendSelection) {
        setSelection(std::min(m_anchor, date), std::max(m_anchor, date));
    } else {
        m_anchor = date;
        setSelection(date, date);
    }
    if (date == m_current)
        return;
    m_current = date;
    update();
    Q_EMIT currentDateChanged(date);
}

void MonthView::setSelection(const QDate &from, const QDate &to)
{
    if (from == m_selectionFrom && to == m_selectionTo)
        return;
    m_selectionFrom = from;
    m_selectionTo = to;
    update();
}

bool MonthView::isSelected(const QDate &date) const
{
    return m_selectionFrom.isValid() && date >= m_selectionFrom && date <= m_selectionTo;
}

} // namespace HumasUi
