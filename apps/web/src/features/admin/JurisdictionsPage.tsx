import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Jurisdiction, JurisdictionLevel } from '@minsheng/contract';
import { endpoints } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordActions } from '../../components/RecordActions';
import { useLoad } from '../../components/use-load';
import { useI18n } from '../../i18n/i18n';
import { describeError } from '../../i18n/error-text';
import { canWrite } from '../auth/access';
import { useAuth } from '../auth/auth';

const levels: JurisdictionLevel[] = ['province', 'city', 'county', 'district', 'zone'];

type Node = Jurisdiction & { children?: Node[] };

/** Parents above children, for a tree table. */
function toTree(items: Jurisdiction[]): Node[] {
  const nodes = new Map<number, Node>(items.map((j) => [j.id, { ...j }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId == null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children = [...(parent.children ?? []), node];
    else roots.push(node);
  }
  return roots;
}

interface JurisdictionForm {
  name: string;
  level: JurisdictionLevel;
  parentId: number | null;
  code: string;
}

export function JurisdictionsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const list = useLoad(() => endpoints.jurisdictions.list().then((r) => r.items), []);
  const [editing, setEditing] = useState<Jurisdiction | 'new' | null>(null);
  const writable = canWrite(user?.role, 'jurisdiction');
  const items = list.data ?? [];

  const retire = async (j: Jurisdiction) => {
    try {
      await endpoints.jurisdictions.retire(j.id, j.version);
      list.reload();
    } catch (e) {
      message.error(describeError(e, locale));
      if (isApiError(e, 'VERSION_CONFLICT')) list.reload();
    }
  };

  const columns: TableColumnsType<Node> = [
    { title: t('jurisdictions.name'), dataIndex: 'name' },
    {
      title: t('jurisdictions.level'),
      dataIndex: 'level',
      width: 120,
      render: (level: JurisdictionLevel) => t(`jurisdictions.level.${level}`),
    },
    { title: t('jurisdictions.code'), dataIndex: 'code', width: 140 },
    ...(writable
      ? [
          {
            title: t('app.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, j: Node) => (
              <RecordActions name={j.name} onEdit={() => setEditing(j)} onRetire={() => void retire(j)} />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="page-header">
        <Typography.Title level={2}>{t('jurisdictions.title')}</Typography.Title>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('jurisdictions.new')}
          </Button>
        )}
      </div>
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<Node>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={toTree(items)}
        loading={list.status === 'loading'}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={items.length}
      />
      {editing && (
        <JurisdictionModal
          jurisdiction={editing === 'new' ? null : editing}
          parents={items.map((j) => ({ value: j.id, label: j.name }))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function JurisdictionModal({
  jurisdiction,
  parents,
  onClose,
  onSaved,
}: {
  jurisdiction: Jurisdiction | null;
  parents: { value: number; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<JurisdictionForm>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    // Invalid fields show their own messages; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      name: v.name.trim(),
      level: v.level,
      parentId: v.parentId ?? null,
      code: v.code?.trim() || null,
    };
    setBusy(true);
    try {
      if (jurisdiction)
        await endpoints.jurisdictions.update(jurisdiction.id, { version: jurisdiction.version, ...body });
      else await endpoints.jurisdictions.create(body);
      message.success(t('app.saved'));
      onSaved();
    } catch (e) {
      message.error(describeError(e, locale));
      if (isApiError(e, 'VERSION_CONFLICT')) onSaved();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={jurisdiction ? t('jurisdictions.edit') : t('jurisdictions.new')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
    >
      <Form<JurisdictionForm>
        form={form}
        layout="vertical"
        initialValues={{
          name: jurisdiction?.name ?? '',
          level: jurisdiction?.level ?? 'county',
          parentId: jurisdiction?.parentId ?? null,
          code: jurisdiction?.code ?? '',
        }}
      >
        <Form.Item label={t('jurisdictions.name')} name="name" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('jurisdictions.level')} name="level" rules={[{ required: true }]}>
          <Select options={levels.map((l) => ({ value: l, label: t(`jurisdictions.level.${l}`) }))} />
        </Form.Item>
        <Form.Item label={t('jurisdictions.parent')} name="parentId">
          <Select
            allowClear
            options={parents.filter((p) => p.value !== jurisdiction?.id)}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('jurisdictions.code')} name="code">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
