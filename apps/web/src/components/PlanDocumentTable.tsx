import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CloseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { PlanDocumentBody } from '@minsheng/contract';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';
import {
  applyCellEdit,
  cellText,
  type EditableField,
  type PlanDocumentTask,
} from '../features/imports/document-edits';
import { EditableCell } from './EditableCell';
import { IndicatorText } from './IndicatorText';

type Warning = PlanDocumentBody['warnings'][number];

interface Row {
  key: number;
  index: number;
  task: PlanDocumentTask;
  warnings: Warning[];
  errors: string[];
}

interface PlanDocumentTableProps {
  document: PlanDocumentBody;
  /** When given, every cell but the number can be corrected in place. */
  onChange?: (next: PlanDocumentBody) => void;
  /** Errors the server refused the commit for, by task index (`tasks.3.units` → 3). */
  rowErrors?: ReadonlyMap<number, string[]>;
}

const fieldLabel: Record<EditableField, MessageKey> = {
  category: 'plans.category',
  title: 'plans.taskTitle',
  content: 'plans.content',
  deadline: 'plans.deadline',
  units: 'plans.units',
};

/**
 * The importer's plan document as a table: one row per task, its indicators marked in the
 * sentence, its warnings in the last column beside it; document-wide warnings above.
 */
export function PlanDocumentTable({ document: doc, onChange, rowErrors }: PlanDocumentTableProps) {
  const { t, locale } = useI18n();
  const [onlyWarned, setOnlyWarned] = useState(false);

  const rows = useMemo<Row[]>(() => {
    const byTask = new Map<number, Warning[]>();
    for (const w of doc.warnings) {
      if (w.task == null) continue;
      byTask.set(w.task, [...(byTask.get(w.task) ?? []), w]);
    }
    return doc.tasks.map((task, index) => ({
      key: index,
      index,
      task,
      warnings: byTask.get(task.number) ?? [],
      errors: rowErrors?.get(index) ?? [],
    }));
  }, [doc, rowErrors]);
  const docWarnings = doc.warnings.filter(
    (w) => w.task == null || !doc.tasks.some((tk) => tk.number === w.task),
  );
  const flagged = (r: Row) => r.warnings.length > 0 || r.errors.length > 0;
  const shown = onlyWarned ? rows.filter(flagged) : rows;
  const hasTitles = doc.tasks.some((task) => task.title);
  const categoryNames = doc.categories.map((c) => c.name);

  const editable = (
    row: Row,
    field: EditableField,
    display: ReactNode,
    extra?: { multiline?: boolean; options?: string[] },
  ) => {
    if (!onChange) return display;
    return (
      <EditableCell
        value={cellText(row.task, field)}
        label={t('import.cellEdit', { field: t(fieldLabel[field]), n: row.task.number })}
        emptyText={t('import.empty')}
        onCommit={(value) => onChange(applyCellEdit(doc, row.index, field, value))}
        {...extra}
      >
        {display}
      </EditableCell>
    );
  };

  const columns: TableColumnsType<Row> = [
    { title: t('plans.number'), dataIndex: ['task', 'number'], width: 64, align: 'center' },
    {
      title: t('plans.category'),
      key: 'category',
      width: 130,
      render: (_, row) => editable(row, 'category', row.task.category, { options: categoryNames }),
    },
    ...(hasTitles
      ? [
          {
            title: t('plans.taskTitle'),
            key: 'title',
            width: 160,
            render: (_: unknown, row: Row) => editable(row, 'title', row.task.title),
          },
        ]
      : []),
    {
      title: t('plans.content'),
      key: 'content',
      minWidth: 320,
      render: (_, row) =>
        editable(
          row,
          'content',
          <IndicatorText content={row.task.content} indicators={row.task.indicators} />,
          {
            multiline: true,
          },
        ),
    },
    {
      title: t('plans.deadline'),
      key: 'deadline',
      width: 130,
      render: (_, row) =>
        editable(
          row,
          'deadline',
          row.task.deadline && (
            <Space orientation="vertical" size={0}>
              <span>{row.task.deadline.text}</span>
              {row.task.deadline.date && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(row.task.deadline.date, locale)}
                </Typography.Text>
              )}
            </Space>
          ),
        ),
    },
    {
      title: t('plans.units'),
      key: 'units',
      width: 190,
      render: (_, row) =>
        editable(
          row,
          'units',
          <span>
            {row.task.units.map((u, i) => (
              <Tag
                key={`${u.name}-${i}`}
                color={u.role === 'lead' ? 'red' : undefined}
                style={{ marginBottom: 4 }}
              >
                {u.name}
              </Tag>
            ))}
          </span>,
        ),
    },
    {
      title: t('import.rowWarnings'),
      key: 'warnings',
      width: 190,
      render: (_, row) =>
        (row.warnings.length > 0 || row.errors.length > 0) && (
          <ul className="row-warnings" aria-label={t('import.rowWarnings')}>
            {row.errors.map((message, i) => (
              <li key={`e${i}`} className="row-error" role="alert">
                <CloseCircleOutlined aria-hidden /> {message}
              </li>
            ))}
            {row.warnings.map((w, i) => (
              <li key={i} data-code={w.code}>
                <WarningOutlined aria-hidden /> {w.message}
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <div className="plan-document-table">
      {docWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.docWarnings')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {docWarnings.map((w, i) => (
                <li key={i} data-code={w.code}>
                  {w.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Space style={{ marginBottom: 8 }} wrap>
        {onChange && <Typography.Text type="secondary">{t('import.editHint')}</Typography.Text>}
        <label>
          <Switch size="small" checked={onlyWarned} onChange={setOnlyWarned} /> {t('import.rowWarnings')} (
          {rows.filter(flagged).length})
        </label>
      </Space>
      <Table<Row>
        size="small"
        bordered
        columns={columns}
        dataSource={shown}
        pagination={false}
        rowClassName={(row) =>
          row.errors.length > 0 ? 'row-error' : row.warnings.length > 0 ? 'row-warned' : ''
        }
        scroll={{ x: 1080 }}
      />
    </div>
  );
}
