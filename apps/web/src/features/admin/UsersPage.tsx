import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { isStrongPassword, type User, type UserRole } from '@minsheng/contract';
import { endpoints } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordActions } from '../../components/RecordActions';
import { useJurisdictions } from '../../components/use-jurisdictions';
import { useLoad } from '../../components/use-load';
import { formatDateTime } from '../../i18n/format';
import { errorMessage, useI18n } from '../../i18n/i18n';
import { describeError } from '../../i18n/error-text';
import { canWrite } from '../auth/access';
import { useAuth } from '../auth/auth';

const roles: UserRole[] = ['admin', 'office', 'leader', 'reporter', 'deputy'];

interface UserForm {
  username: string;
  displayName: string;
  role: UserRole;
  jurisdictionId: number;
  unitId: number | null;
  password: string;
}

export function UsersPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user: me } = useAuth();
  const jurisdictions = useJurisdictions();
  const users = useLoad(() => endpoints.users.list().then((r) => r.items), []);
  const units = useLoad(() => endpoints.units.list().then((r) => r.items), []);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const writable = canWrite(me?.role, 'user');
  const unitName = (id: number | null) =>
    id == null ? '' : (units.data?.find((u) => u.id === id)?.name ?? `#${id}`);

  const retire = async (user: User) => {
    try {
      await endpoints.users.retire(user.id, user.version);
      users.reload();
    } catch (e) {
      message.error(describeError(e, locale));
      if (isApiError(e, 'VERSION_CONFLICT')) users.reload();
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 120,
      render: (role: UserRole) => <Tag color={role === 'admin' ? 'red' : 'blue'}>{t(`role.${role}`)}</Tag>,
    },
    {
      title: t('users.jurisdiction'),
      key: 'j',
      width: 120,
      render: (_, u) => jurisdictions.nameOf(u.jurisdictionId),
    },
    { title: t('users.unit'), key: 'u', render: (_, u) => unitName(u.unitId) },
    {
      title: t('users.state'),
      key: 'state',
      width: 170,
      render: (_, u) =>
        u.retiredAt ? (
          <Tag>{t('app.retired')}</Tag>
        ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
          <Tag color="orange">{formatDateTime(u.lockedUntil, locale)}</Tag>
        ) : null,
    },
    ...(writable
      ? [
          {
            title: t('app.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, user: User) => (
              <RecordActions
                name={user.username}
                onEdit={() => setEditing(user)}
                onRetire={user.id !== me?.id ? () => void retire(user) : undefined}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="page-header">
        <Typography.Title level={2}>{t('users.title')}</Typography.Title>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('users.new')}
          </Button>
        )}
      </div>
      {users.status === 'error' && <ErrorAlert error={users.error} onRetry={users.reload} />}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.status === 'loading'}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('app.total', { n }) }}
      />
      {editing && (
        <UserModal
          user={editing === 'new' ? null : editing}
          defaults={{ jurisdictionId: me?.jurisdictionId ?? 0 }}
          jurisdictionOptions={jurisdictions.items.map((j) => ({ value: j.id, label: j.name }))}
          unitOptions={(units.data ?? []).map((u) => ({
            value: u.id,
            label: u.name,
            jurisdictionId: u.jurisdictionId,
          }))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            users.reload();
          }}
        />
      )}
    </>
  );
}

function UserModal({
  user,
  defaults,
  jurisdictionOptions,
  unitOptions,
  onClose,
  onSaved,
}: {
  user: User | null;
  defaults: { jurisdictionId: number };
  jurisdictionOptions: { value: number; label: string }[];
  unitOptions: { value: number; label: string; jurisdictionId: number }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const jurisdictionId = Form.useWatch('jurisdictionId', form);

  const save = async () => {
    // Invalid fields show their own messages; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const unitId = v.role === 'reporter' ? v.unitId : null;
    setBusy(true);
    try {
      if (user) {
        await endpoints.users.update(user.id, {
          version: user.version,
          displayName: v.displayName.trim(),
          role: v.role,
          jurisdictionId: v.jurisdictionId,
          unitId,
          ...(v.password ? { password: v.password } : {}),
        });
      } else {
        await endpoints.users.create({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          jurisdictionId: v.jurisdictionId,
          unitId,
          password: v.password,
        });
      }
      message.success(t('app.saved'));
      onSaved();
    } catch (e) {
      message.error(describeError(e, locale));
      if (isApiError(e, 'VERSION_CONFLICT')) onSaved();
    } finally {
      setBusy(false);
    }
  };

  const weak = errorMessage(locale, 'PASSWORD_TOO_WEAK') ?? '';
  return (
    <Modal
      open
      title={user ? t('users.edit') : t('users.new')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={{
          username: user?.username ?? '',
          displayName: user?.displayName ?? '',
          role: user?.role ?? 'reporter',
          jurisdictionId: user?.jurisdictionId ?? defaults.jurisdictionId,
          unitId: user?.unitId ?? null,
          password: '',
        }}
      >
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.@-]{2,64}$/ }]}
        >
          <Input disabled={user != null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('users.role')} name="role" rules={[{ required: true }]}>
          <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('users.jurisdiction')} name="jurisdictionId" rules={[{ required: true }]}>
          <Select options={jurisdictionOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {role === 'reporter' && (
          <Form.Item label={t('users.unit')} name="unitId" rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={unitOptions.filter((u) => u.jurisdictionId === jurisdictionId)}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('users.password')}
          name="password"
          rules={[
            { required: user == null },
            {
              validator: (_, value: string) =>
                !value || isStrongPassword(value) ? Promise.resolve() : Promise.reject(new Error(weak)),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
