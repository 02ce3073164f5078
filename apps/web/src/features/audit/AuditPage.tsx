import { useState } from 'react';
import { Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { AuditEntry } from '@minsheng/contract';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { zh, type MessageKey } from '../../i18n/messages';
import { summarizeAudit } from './audit-summary';

const entities = [
  'plan',
  'category',
  'task',
  'indicator',
  'plan_import',
  'unit',
  'unit_alias',
  'user',
  'jurisdiction',
  'source_document',
];

function labelKey(prefix: 'audit.act.' | 'audit.entity.', value: string): MessageKey | null {
  const key = `${prefix}${value}`;
  return key in zh ? (key as MessageKey) : null;
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const entries = useLoad(() => endpoints.audit.list({ entity, limit: 500 }).then((r) => r.items), [entity]);
  const users = useLoad(() => endpoints.users.list().then((r) => r.items), []);
  const label = (prefix: 'audit.act.' | 'audit.entity.', value: string) => {
    const key = labelKey(prefix, value);
    return key ? t(key) : value;
  };
  const userName = (id: number | null) => {
    if (id == null) return t('audit.system');
    const u = users.data?.find((x) => x.id === id);
    return u ? `${u.displayName}（${u.username}）` : `#${id}`;
  };

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => formatDateTime(at, locale),
    },
    { title: t('audit.actor'), key: 'actor', width: 190, render: (_, e) => userName(e.actorUserId) },
    { title: t('audit.action'), key: 'action', width: 120, render: (_, e) => label('audit.act.', e.action) },
    {
      title: t('audit.target'),
      key: 'target',
      width: 140,
      render: (_, e) => `${label('audit.entity.', e.entity)}${e.entityId ? ` #${e.entityId}` : ''}`,
    },
    {
      title: t('audit.details'),
      key: 'details',
      render: (_, e) => (
        <Typography.Text style={{ wordBreak: 'break-all' }}>
          {summarizeAudit(e.before, e.after)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <div className="page-header">
        <Typography.Title level={2}>{t('audit.title')}</Typography.Title>
      </div>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('audit.allEntities')}
          aria-label={t('audit.target')}
          value={entity}
          onChange={(v?: string) => setEntity(v)}
          options={entities.map((e) => ({ value: e, label: label('audit.entity.', e) }))}
        />
      </Space>
      {entries.status === 'error' && <ErrorAlert error={entries.error} onRetry={entries.reload} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries.data ?? []}
        loading={entries.status === 'loading'}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('app.total', { n }) }}
      />
    </>
  );
}
