import { useState } from 'react';
import { Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { AuditEntry } from '@minsheng/contract';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

function summarize(value: unknown): string {
  if (value == null) return '';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [entity, setEntity] = useState('');
  const entries = useLoad(
    () => endpoints.audit.list({ entity: entity || undefined, limit: 500 }).then((r) => r.items),
    [entity],
  );
  const users = useLoad(() => endpoints.users.list().then((r) => r.items), []);
  const userName = (id: number | null) => {
    if (id == null) return '—';
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
    { title: t('audit.actor'), key: 'actor', width: 170, render: (_, e) => userName(e.actorUserId) },
    { title: t('audit.action'), dataIndex: 'action', width: 160 },
    {
      title: t('audit.target'),
      key: 'target',
      width: 150,
      render: (_, e) => `${e.entity}${e.entityId ? ` #${e.entityId}` : ''}`,
    },
    {
      title: t('audit.details'),
      key: 'details',
      render: (_, e) => (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {summarize(e.after ?? e.before)}
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
        <Input.Search
          allowClear
          placeholder={t('audit.target')}
          aria-label={t('audit.filterAction')}
          onSearch={(v) => setEntity(v.trim())}
          style={{ width: 240 }}
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
