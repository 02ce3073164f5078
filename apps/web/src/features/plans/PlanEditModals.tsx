/**
 * Corrections on a saved plan: a task (title, sentence, deadline, its indicators) and a
 * category. Every write names the version it read; on 409 the page says so and reloads.
 */
import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { Category, Indicator, Task } from '@minsheng/contract';
import { parseDeadline } from '@minsheng/core';
import { isApiError } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { useLoad } from '../../components/use-load';
import { formatQuantity } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { describeError } from '../../i18n/error-text';

type Comparator = Indicator['comparator'];
const comparators: Comparator[] = ['=', '>=', '<=', 'range'];

/** Shared failure handling: a conflict reloads (theirs wins on screen), anything else is shown. */
function useSaveErrors(onReload: () => void) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  return (error: unknown) => {
    if (isApiError(error, 'VERSION_CONFLICT')) {
      message.warning(t('plans.conflictReloaded'));
      onReload();
    } else {
      message.error(describeError(error, locale));
    }
  };
}

interface IndicatorForm {
  id: number;
  version: number;
  subject: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
}

interface TaskForm {
  title: string;
  content: string;
  deadlineText: string;
  lead: number | null;
  co: number[];
  indicators: IndicatorForm[];
}

function sameUnits(task: Task, lead: number | null, co: number[]): boolean {
  const before = [...task.units].sort((a, b) => a.position - b.position);
  const after = [
    ...(lead != null ? [{ unitId: lead, role: 'lead' }] : []),
    ...co.map((unitId) => ({ unitId, role: 'co' })),
  ];
  return (
    before.length === after.length &&
    before.every((u, i) => u.unitId === after[i]?.unitId && u.role === after[i]?.role)
  );
}

function indicatorChanged(before: Indicator, after: IndicatorForm): boolean {
  return (
    (before.subject ?? '') !== after.subject.trim() ||
    before.comparator !== after.comparator ||
    before.value !== after.value ||
    (before.valueMax ?? null) !== (after.comparator === 'range' ? (after.valueMax ?? null) : null) ||
    (before.unit ?? '') !== after.unit.trim()
  );
}

export function EditTaskModal({
  task,
  year,
  jurisdictionId,
  onClose,
  onSaved,
}: {
  task: Task;
  year: number;
  jurisdictionId: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskForm>();
  const [busy, setBusy] = useState(false);
  const failed = useSaveErrors(onSaved);
  const indicators = [...task.indicators].sort((a, b) => a.position - b.position);
  const watched = Form.useWatch('indicators', form);
  const units = useLoad(
    () => endpoints.units.list({ jurisdictionId }).then((r) => r.items),
    [jurisdictionId],
  );
  // The register's units, plus any the task names that the list does not show (other jurisdictions).
  const unitOptions = [
    ...(units.data ?? []).filter((u) => !u.retiredAt).map((u) => ({ value: u.id, label: u.name })),
    ...task.units
      .filter((tu) => !(units.data ?? []).some((u) => u.id === tu.unitId))
      .map((tu) => ({ value: tu.unitId, label: tu.name })),
  ];
  const lead = task.units.find((u) => u.role === 'lead')?.unitId ?? null;
  const co = [...task.units]
    .filter((u) => u.role === 'co')
    .sort((a, b) => a.position - b.position)
    .map((u) => u.unitId);

  const save = async () => {
    // Invalid fields show their own messages; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const deadlineText = values.deadlineText.trim();
    const deadline = deadlineText
      ? (parseDeadline(deadlineText, year) ?? { text: deadlineText, date: null })
      : null;
    setBusy(true);
    try {
      const saved = await endpoints.plans.updateTask(task.id, {
        version: task.version,
        title: values.title.trim() || null,
        content: values.content.trim(),
        deadlineText: deadline?.text ?? null,
        // The date is read from the words the way the importer reads them ("10月底" → 10-31).
        deadlineDate: deadline?.date ?? null,
      });
      const coIds = values.co.filter((id) => id !== values.lead);
      if (!sameUnits(task, values.lead, coIds)) {
        await endpoints.plans.setTaskUnits(task.id, {
          version: saved.version,
          units: [
            ...(values.lead != null ? [{ unitId: values.lead, role: 'lead' as const }] : []),
            ...coIds.map((unitId) => ({ unitId, role: 'co' as const })),
          ],
        });
      }
      for (const [i, edited] of (values.indicators ?? []).entries()) {
        const before = indicators[i];
        if (!before || !indicatorChanged(before, edited)) continue;
        await endpoints.plans.updateIndicator(before.id, {
          version: before.version,
          subject: edited.subject.trim() || null,
          comparator: edited.comparator,
          value: edited.value,
          valueMax: edited.comparator === 'range' ? (edited.valueMax ?? null) : null,
          unit: edited.unit.trim() || null,
        });
      }
      message.success(t('app.saved'));
      onSaved();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('plans.editTask')} · ${task.number}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      width={760}
    >
      <Form<TaskForm>
        form={form}
        layout="vertical"
        initialValues={{
          title: task.title ?? '',
          content: task.content,
          deadlineText: task.deadlineText ?? '',
          lead,
          co,
          indicators: indicators.map((i) => ({
            id: i.id,
            version: i.version,
            subject: i.subject ?? '',
            comparator: i.comparator,
            value: i.value,
            valueMax: i.valueMax,
            unit: i.unit ?? '',
          })),
        }}
      >
        <Form.Item label={t('plans.taskTitle')} name="title">
          <Input />
        </Form.Item>
        <Form.Item label={t('plans.content')} name="content" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item label={t('plans.deadline')} name="deadlineText">
          <Input style={{ maxWidth: 240 }} />
        </Form.Item>
        <Space wrap style={{ display: 'flex' }}>
          <Form.Item label={t('plans.leadUnit')} name="lead" style={{ minWidth: 220 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={unitOptions}
              loading={units.status === 'loading'}
            />
          </Form.Item>
          <Form.Item label={t('plans.coUnits')} name="co" style={{ minWidth: 420 }}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={unitOptions}
              loading={units.status === 'loading'}
            />
          </Form.Item>
        </Space>
        {indicators.length > 0 && (
          <>
            <Typography.Text strong>{t('plans.indicators')}</Typography.Text>
            <Form.List name="indicators">
              {(fields) =>
                fields.map((field) => {
                  const row = watched?.[field.name];
                  return (
                    <Space key={field.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
                      <Form.Item name={[field.name, 'subject']} style={{ marginBottom: 0 }}>
                        <Input
                          aria-label={t('indicator.subject')}
                          placeholder={t('indicator.subject')}
                          style={{ width: 200 }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'comparator']} style={{ marginBottom: 0 }}>
                        <Select
                          aria-label={t('indicator.comparator')}
                          style={{ width: 96 }}
                          options={comparators.map((c) => ({
                            value: c,
                            label: t(`indicator.cmpLabel.${c}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'value']}
                        rules={[{ required: true }]}
                        style={{ marginBottom: 0 }}
                        extra={row ? formatQuantity(row.value ?? 0, row.unit, locale) : undefined}
                      >
                        <InputNumber aria-label={t('indicator.value')} style={{ width: 150 }} />
                      </Form.Item>
                      {row?.comparator === 'range' && (
                        <Form.Item name={[field.name, 'valueMax']} style={{ marginBottom: 0 }}>
                          <InputNumber
                            aria-label={t('indicator.valueMax')}
                            placeholder={t('indicator.valueMax')}
                            style={{ width: 130 }}
                          />
                        </Form.Item>
                      )}
                      <Form.Item name={[field.name, 'unit']} style={{ marginBottom: 0 }}>
                        <Input
                          aria-label={t('indicator.unit')}
                          placeholder={t('indicator.unit')}
                          style={{ width: 90 }}
                        />
                      </Form.Item>
                    </Space>
                  );
                })
              }
            </Form.List>
          </>
        )}
      </Form>
    </Modal>
  );
}

interface CategoryForm {
  name: string;
  declaredTasks: number | null;
}

export function EditCategoryModal({
  category,
  onClose,
  onSaved,
}: {
  category: Category;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryForm>();
  const [busy, setBusy] = useState(false);
  const failed = useSaveErrors(onSaved);

  const save = async () => {
    // Invalid fields show their own messages; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await endpoints.plans.updateCategory(category.id, {
        version: category.version,
        name: values.name.trim(),
        declaredTasks: values.declaredTasks ?? null,
      });
      message.success(t('app.saved'));
      onSaved();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('plans.editCategory')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
    >
      <Form<CategoryForm>
        form={form}
        layout="vertical"
        initialValues={{ name: category.name, declaredTasks: category.declaredTasks }}
      >
        <Form.Item
          label={t('plans.categoryName')}
          name="name"
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('plans.declaredTasks')} name="declaredTasks">
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
