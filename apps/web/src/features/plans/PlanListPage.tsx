import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Plan } from '@minsheng/contract';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useJurisdictions } from '../../components/use-jurisdictions';
import { useLoad } from '../../components/use-load';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { canOpen } from '../auth/access';
import { useAuth } from '../auth/auth';

export function PlanListPage() {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const plans = useLoad(() => endpoints.plans.list().then((r) => r.items), []);
  const { nameOf } = useJurisdictions();

  const columns: TableColumnsType<Plan> = [
    {
      title: t('plans.year'),
      dataIndex: 'year',
      width: 80,
      sorter: (a, b) => a.year - b.year,
      defaultSortOrder: 'descend',
    },
    {
      title: t('plans.name'),
      dataIndex: 'title',
      render: (title: string, plan) => <Link to={`/plans/${plan.id}`}>{title}</Link>,
    },
    {
      title: t('plans.jurisdiction'),
      key: 'jurisdiction',
      width: 120,
      render: (_, plan) => nameOf(plan.jurisdictionId),
    },
    { title: t('plans.docNumber'), dataIndex: 'docNumber', width: 200 },
    {
      title: t('plans.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: Plan['status']) => (
        <Tag color={status === 'published' ? 'green' : 'default'}>{t(`plans.status.${status}`)}</Tag>
      ),
    },
    {
      title: t('plans.updated'),
      key: 'updated',
      width: 150,
      render: (_, plan) => formatDate(plan.updatedAt, locale),
    },
  ];

  return (
    <>
      <div className="page-header">
        <Typography.Title level={2}>{t('plans.title')}</Typography.Title>
        {canOpen(user?.role, 'import') && (
          <Link to="/imports/new">
            <Button type="primary" icon={<UploadOutlined />}>
              {t('plans.import')}
            </Button>
          </Link>
        )}
      </div>
      {plans.status === 'error' && <ErrorAlert error={plans.error} onRetry={plans.reload} />}
      <Table<Plan>
        rowKey="id"
        columns={columns}
        dataSource={plans.data ?? []}
        loading={plans.status === 'loading'}
        locale={{ emptyText: t('plans.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </>
  );
}
