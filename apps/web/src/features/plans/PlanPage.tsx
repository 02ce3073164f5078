import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Popconfirm,
  Radio,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import type { Category, PlanDetail, Task } from '@minsheng/contract';
import { EditCategoryModal, EditTaskModal } from './PlanEditModals';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IndicatorText, describeTarget } from '../../components/IndicatorText';
import { useJurisdictions } from '../../components/use-jurisdictions';
import { useLoad } from '../../components/use-load';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { describeError } from '../../i18n/error-text';
import { canWrite } from '../auth/access';
import { useAuth } from '../auth/auth';

const ALL = 'all';
const NONE = 'none';

export function PlanPage() {
  const { planId } = useParams();
  const id = Number(planId);
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const { nameOf } = useJurisdictions();
  const { message } = App.useApp();
  const plan = useLoad(() => endpoints.plans.get(id), [id]);
  const [category, setCategory] = useState<string>(ALL);
  const [editing, setEditing] = useState<Task | null>(null);
  const [editingCategory, setEditingCategory] = useState<Category | null>(null);
  // A reporter mostly wants their own unit's tasks; they can still see the whole plan.
  const [mineOnly, setMineOnly] = useState(user?.unitId != null);

  const detail = plan.data;
  const categoryName = useMemo(() => {
    const names = new Map((detail?.categories ?? []).map((c) => [c.id, c.name]));
    return (categoryId: number | null) =>
      categoryId == null ? t('plans.uncategorized') : (names.get(categoryId) ?? '');
  }, [detail, t]);

  if (!detail) {
    return plan.status === 'error' ? (
      <ErrorAlert error={plan.error} onRetry={plan.reload} />
    ) : (
      <Skeleton active />
    );
  }

  const publish = async () => {
    try {
      await endpoints.plans.update(detail.id, { version: detail.version, status: 'published' });
      message.success(t('plans.published'));
    } catch (error) {
      message.error(describeError(error, locale));
    }
    plan.reload();
  };

  const tasks = [...detail.tasks].sort((a, b) => a.number - b.number);
  const uncategorized = tasks.filter((task) => task.categoryId == null).length;
  const options = [
    { value: ALL, label: `${t('plans.allCategories')} (${tasks.length})` },
    ...[...detail.categories]
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((c) => ({
        value: String(c.id),
        label: `${c.name} (${tasks.filter((task) => task.categoryId === c.id).length})`,
      })),
    ...(uncategorized > 0 ? [{ value: NONE, label: `${t('plans.uncategorized')} (${uncategorized})` }] : []),
  ];
  const shown = tasks
    .filter((task) =>
      category === ALL
        ? true
        : category === NONE
          ? task.categoryId == null
          : String(task.categoryId) === category,
    )
    .filter((task) => !mineOnly || user?.unitId == null || task.units.some((u) => u.unitId === user.unitId));
  const editable = canWrite(user?.role, 'plan');
  const selectedCategory = detail.categories.find((c) => String(c.id) === category) ?? null;

  const columns: TableColumnsType<Task> = [
    { title: t('plans.number'), dataIndex: 'number', width: 64, align: 'center' },
    {
      title: t('plans.category'),
      key: 'category',
      width: 120,
      render: (_, task) => categoryName(task.categoryId),
    },
    {
      title: t('plans.content'),
      key: 'content',
      minWidth: 340,
      render: (_, task) => (
        <>
          {task.title && <Typography.Text strong>{task.title}：</Typography.Text>}
          <IndicatorText content={task.content} indicators={task.indicators} />
        </>
      ),
    },
    {
      title: t('plans.indicators'),
      key: 'indicators',
      width: 190,
      render: (_, task) => (
        <ul className="indicator-list">
          {[...task.indicators]
            .sort((a, b) => a.position - b.position)
            .map((i) => (
              <li key={i.id}>
                {i.subject ? `${i.subject} ` : ''}
                <Typography.Text strong>{describeTarget(i, t, locale)}</Typography.Text>
              </li>
            ))}
        </ul>
      ),
    },
    {
      title: t('plans.units'),
      key: 'units',
      width: 180,
      render: (_, task) =>
        [...task.units]
          .sort((a, b) => a.position - b.position)
          .map((u) => (
            <Tag
              key={u.unitId}
              color={u.role === 'lead' ? 'red' : undefined}
              title={u.role === 'lead' ? t('plans.lead') : t('plans.co')}
              style={{ marginBottom: 4 }}
            >
              {u.name}
            </Tag>
          )),
    },
    {
      title: t('plans.deadline'),
      key: 'deadline',
      width: 130,
      render: (_, task) => (
        <Space orientation="vertical" size={0}>
          <span>{task.deadlineText}</span>
          {task.deadlineDate && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(task.deadlineDate, locale)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(editable
      ? [
          {
            title: t('app.actions'),
            key: 'actions',
            width: 70,
            render: (_: unknown, task: Task) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                aria-label={`${t('plans.editTask')} ${task.number}`}
                onClick={() => setEditing(task)}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {detail.title}
      </Typography.Title>
      <PlanFacts detail={detail} jurisdiction={nameOf(detail.jurisdictionId)} />
      <div className="page-header" style={{ marginTop: 16 }}>
        <Typography.Text strong data-testid="task-count">
          {t('plans.tasksTotal', { n: tasks.length })}
        </Typography.Text>
        {user?.unitId != null && (
          <label>
            <Switch size="small" checked={mineOnly} onChange={setMineOnly} />{' '}
            {t('plans.mineOnly', { unit: user.unitName ?? '' })}
          </label>
        )}
        {editable && selectedCategory && (
          <Button icon={<EditOutlined />} onClick={() => setEditingCategory(selectedCategory)}>
            {t('plans.editCategory')}
          </Button>
        )}
        {editable && detail.status === 'draft' && (
          <Popconfirm
            title={t('plans.publishConfirm')}
            okText={t('plans.publish')}
            cancelText={t('app.cancel')}
            onConfirm={() => void publish()}
          >
            <Button type="primary">{t('plans.publish')}</Button>
          </Popconfirm>
        )}
      </div>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        size="small"
        options={options}
        value={category}
        onChange={(e) => setCategory(String(e.target.value))}
        className="category-filter"
        aria-label={t('plans.category')}
      />
      <Table<Task>
        rowKey="id"
        size="middle"
        bordered
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 1100 }}
      />
      {editingCategory && (
        <EditCategoryModal
          category={editingCategory}
          onClose={() => setEditingCategory(null)}
          onSaved={() => {
            setEditingCategory(null);
            plan.reload();
          }}
        />
      )}
      {editing && (
        <EditTaskModal
          task={editing}
          year={detail.year}
          jurisdictionId={detail.jurisdictionId}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            plan.reload();
          }}
        />
      )}
    </>
  );
}

function PlanFacts({ detail, jurisdiction }: { detail: PlanDetail; jurisdiction: string }) {
  const { t, locale } = useI18n();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'j', label: t('plans.jurisdiction'), children: jurisdiction },
        { key: 'y', label: t('plans.year'), children: detail.year },
        { key: 'd', label: t('plans.docNumber'), children: detail.docNumber ?? '—' },
        { key: 'i', label: t('plans.issuer'), children: detail.issuer ?? '—' },
        { key: 's', label: t('plans.status'), children: t(`plans.status.${detail.status}`) },
        { key: 'c', label: t('plans.categoryCount'), children: detail.categories.length },
        { key: 'u', label: t('plans.updated'), children: formatDate(detail.updatedAt, locale) },
      ]}
    />
  );
}
