import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { isStrongPassword } from '@minsheng/contract';
import { endpoints } from '../../api/endpoints';
import { errorMessage, useI18n } from '../../i18n/i18n';
import { describeError } from '../../i18n/error-text';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The signed-in account changes its own password (the server ends its other sessions). */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);
  const weak = errorMessage(locale, 'PASSWORD_TOO_WEAK') ?? '';

  const save = async () => {
    // Invalid fields show their own messages; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await endpoints.auth.changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      message.success(t('password.changed'));
      onClose();
    } catch (error) {
      message.error(describeError(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('password.change')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
    >
      <Form<PasswordForm> form={form} layout="vertical">
        <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          rules={[
            { required: true },
            {
              validator: (_, v: string) =>
                !v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(weak)),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, v: string) =>
                !v || v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
