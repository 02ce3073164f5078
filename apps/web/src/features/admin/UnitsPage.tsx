import { useState } from 'react';
import {
  App,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Unit, UnitKind } from '@minsheng/contract';
import { endpoints } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordActions } from '../../components/RecordActions';
import { useJurisdictions } from '../../components/use-jurisdictions';
import { useLoad } from '../../components/use-load';
import { useI18n } from '../../i18n/i18n';
import { describeError } from '../../i18n/error-text';
import { canWrite } from '../auth/access';
import { useAuth } from '../auth/auth';

const kinds: UnitKind[] = ['department', 'government', 'enterprise'];

interface UnitForm {
  jurisdictionId: number;
  name: string;
  kind: UnitKind;
  aliases: string[];
  leaderName: string;
  contactName: string;
  contactPhone: string;
}

export function UnitsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const jurisdictions = useJurisdictions();
  const [jurisdictionId, setJurisdictionId] = useState<number | undefined>(user?.jurisdictionId);
  const [query, setQuery] = useState('');
  const units = useLoad(
    () => endpoints.units.list({ jurisdictionId }).then((r) => r.items),
    [jurisdictionId],
  );
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const writable = canWrite(user?.role, 'unit');

  const retire = async (unit: Unit) => {
    try {
      await endpoints.units.retire(unit.id, unit.version);
      units.reload();
    } catch (e) {
      message.error(describeError(e, locale));
      if (isApiError(e, 'VERSION_CONFLICT')) units.reload();
    }
  };

  const q = query.trim();
  const shown = (units.data ?? []).filter(
    (u) => !q || u.name.includes(q) || u.aliases.some((a) => a.includes(q)),
  );
  const columns: TableColumnsType<Unit> = [
    { title: t('units.name'), dataIndex: 'name' },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: UnitKind) => t(`units.kind.${kind}`),
    },
    {
      title: t('units.aliases'),
      dataIndex: 'aliases',
      render: (aliases: string[]) => aliases.map((a) => <Tag key={a}>{a}</Tag>),
    },
    {
      title: t('units.jurisdiction'),
      key: 'j',
      width: 120,
      render: (_, u) => jurisdictions.nameOf(u.jurisdictionId),
    },
    { title: t('units.leader'), dataIndex: 'leaderName', width: 100 },
    { title: t('units.contact'), dataIndex: 'contactName', width: 100 },
    { title: t('units.phone'), dataIndex: 'contactPhone', width: 130 },
    ...(writable
      ? [
          {
            title: t('app.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, unit: Unit) => (
              <RecordActions
                name={unit.name}
                onEdit={() => setEditing(unit)}
                onRetire={() => void retire(unit)}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="page-header">
        <Typography.Title level={2}>{t('units.title')}</Typography.Title>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('units.new')}
          </Button>
        )}
      </div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          style={{ width: 200 }}
          value={jurisdictionId}
          onChange={setJurisdictionId}
          options={jurisdictions.items.map((j) => ({ value: j.id, label: j.name }))}
          aria-label={t('units.jurisdiction')}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Input.Search
          allowClear
          placeholder={t('app.search')}
          aria-label={t('app.search')}
          onSearch={setQuery}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 240 }}
        />
      </Space>
      {units.status === 'error' && <ErrorAlert error={units.error} onRetry={units.reload} />}
      <Table<Unit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={units.status === 'loading'}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('app.total', { n }) }}
      />
      {editing && (
        <UnitModal
          unit={editing === 'new' ? null : editing}
          jurisdictionId={jurisdictionId ?? user?.jurisdictionId ?? 0}
          jurisdictionOptions={jurisdictions.items.map((j) => ({ value: j.id, label: j.name }))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            units.reload();
          }}
        />
      )}
    </>
  );
}

function UnitModal({
  unit,
  jurisdictionId,
  jurisdictionOptions,
  onClose,
  onSaved,
}: {
  unit: Unit | null;
  jurisdictionId: number;
  jurisdictionOptions: { value: number; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    // Invalid fields show their own messages; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const common = {
      name: v.name.trim(),
      kind: v.kind,
      aliases: v.aliases.map((a) => a.trim()).filter(Boolean),
      leaderName: v.leaderName?.trim() || null,
      contactName: v.contactName?.trim() || null,
      contactPhone: v.contactPhone?.trim() || null,
    };
    setBusy(true);
    try {
      if (unit) await endpoints.units.update(unit.id, { version: unit.version, ...common });
      else await endpoints.units.create({ jurisdictionId: v.jurisdictionId, ...common });
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
      title={unit ? t('units.edit') : t('units.new')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
    >
      <Form<UnitForm>
        form={form}
        layout="vertical"
        initialValues={{
          jurisdictionId: unit?.jurisdictionId ?? jurisdictionId,
          name: unit?.name ?? '',
          kind: unit?.kind ?? 'department',
          aliases: unit?.aliases ?? [],
          leaderName: unit?.leaderName ?? '',
          contactName: unit?.contactName ?? '',
          contactPhone: unit?.contactPhone ?? '',
        }}
      >
        <Form.Item label={t('units.jurisdiction')} name="jurisdictionId" rules={[{ required: true }]}>
          <Select options={jurisdictionOptions} disabled={unit != null} />
        </Form.Item>
        <Form.Item
          label={t('units.name')}
          name="name"
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('units.kind')} name="kind">
          <Select options={kinds.map((k) => ({ value: k, label: t(`units.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('units.aliases')} name="aliases">
          <Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item label={t('units.leader')} name="leaderName" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item label={t('units.contact')} name="contactName" style={{ flex: 1, marginLeft: 8 }}>
            <Input />
          </Form.Item>
          <Form.Item label={t('units.phone')} name="contactPhone" style={{ flex: 1, marginLeft: 8 }}>
            <Input />
          </Form.Item>
        </Space.Compact>
      </Form>
    </Modal>
  );
}
