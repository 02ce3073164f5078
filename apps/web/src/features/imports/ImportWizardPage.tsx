import { useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Select,
  Skeleton,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { PlanDocumentBody, PlanImport, UnitMatch } from '@minsheng/contract';
import { isApiError } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PlanDocumentTable } from '../../components/PlanDocumentTable';
import { useJurisdictions } from '../../components/use-jurisdictions';
import { useLoad } from '../../components/use-load';
import { useI18n } from '../../i18n/i18n';
import { describeError } from '../../i18n/error-text';
import { useAuth } from '../auth/auth';
import { applyMetaEdit } from './document-edits';

export function ImportWizardPage() {
  const { importId } = useParams();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <Typography.Title level={2}>{t('import.title')}</Typography.Title>
      </div>
      {importId ? <ImportReview key={importId} id={Number(importId)} /> : <UploadStep />}
    </>
  );
}

function WizardSteps({ current }: { current: number }) {
  const { t } = useI18n();
  return (
    <Steps
      current={current}
      style={{ marginBottom: 24, maxWidth: 720 }}
      items={[
        { title: t('import.step.upload') },
        { title: t('import.step.preview') },
        { title: t('import.step.confirm') },
      ]}
    />
  );
}

interface UploadForm {
  jurisdictionId: number;
  year?: number | null;
}

function UploadStep() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const jurisdictions = useJurisdictions();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fileMissing, setFileMissing] = useState(false);

  const submit = async (values: UploadForm) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await endpoints.imports.create(file, {
        jurisdictionId: values.jurisdictionId,
        year: values.year ?? undefined,
      });
      navigate(`/imports/${created.id}`, { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <WizardSteps current={0} />
      {error != null && <ErrorAlert error={error} />}
      <Form<UploadForm>
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ jurisdictionId: user?.jurisdictionId }}
        onFinish={submit}
      >
        <Form.Item
          label={t('import.jurisdiction')}
          name="jurisdictionId"
          rules={[{ required: true, message: t('import.jurisdictionRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={jurisdictions.status === 'loading'}
            options={jurisdictions.items
              .filter((j) => !j.retiredAt)
              .map((j) => ({ value: j.id, label: j.name }))}
          />
        </Form.Item>
        <Form.Item label={t('import.year')} name="year" extra={t('import.yearHint')}>
          <InputNumber min={1949} max={2200} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={t('import.file')}
          required
          validateStatus={fileMissing ? 'error' : undefined}
          help={fileMissing ? t('import.fileRequired') : undefined}
        >
          <Upload.Dragger
            accept=".docx,.xlsx,.html,.htm,.txt"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setFileMissing(false);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('import.fileHint')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          {busy ? t('import.parsing') : t('import.parse')}
        </Button>
      </Form>
    </>
  );
}

type Mapping = Record<string, number | null>;

const taskPath = /^(?:document\.)?tasks\.(\d+)(?:\.|$)/;

/** IMPORT_INVALID details by task index: `tasks.3.units` → 3 → ["第4项：没有牵头单位 / no lead unit"]. */
function rowErrorsOf(error: unknown): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  if (!isApiError(error, 'IMPORT_INVALID')) return byRow;
  for (const detail of error.details) {
    const match = taskPath.exec(detail.path);
    if (!match) continue;
    const index = Number(match[1]);
    byRow.set(index, [...(byRow.get(index) ?? []), detail.message]);
  }
  return byRow;
}

function mappingOf(matches: UnitMatch[]): Mapping {
  return Object.fromEntries(matches.map((m) => [m.name, m.unitId]));
}

function ImportReview({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const loaded = useLoad(() => endpoints.imports.get(id), [id]);
  const [current, setCurrent] = useState<PlanImport | null>(null);
  const [doc, setDoc] = useState<PlanDocumentBody | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [dirty, setDirty] = useState(false);
  const [step, setStep] = useState(1);
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rowErrors = useMemo(() => rowErrorsOf(error), [error]);

  useEffect(() => {
    if (loaded.data && !current) adopt(loaded.data);
  }, [loaded.data, current]);

  const adopt = (next: PlanImport) => {
    setCurrent(next);
    setDoc(next.document);
    setMapping(mappingOf(next.unitMatches));
    setDirty(false);
  };

  const units = useLoad(
    () =>
      current
        ? endpoints.units.list({ jurisdictionId: current.jurisdictionId }).then((r) => r.items)
        : Promise.resolve([]),
    [current?.jurisdictionId],
  );

  if (!current || !doc) {
    return loaded.status === 'error' ? (
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
    ) : (
      <Skeleton active />
    );
  }

  if (current.status === 'committed' && current.planId != null) {
    return (
      <Result
        status="success"
        title={t('import.committed')}
        extra={
          <Link to={`/plans/${current.planId}`}>
            <Button type="primary">{t('plans.open')}</Button>
          </Link>
        }
      />
    );
  }
  if (current.status === 'discarded') {
    return (
      <Result
        status="info"
        title={t('import.discarded')}
        extra={<Link to="/imports/new">{t('import.title')}</Link>}
      />
    );
  }

  /** Sends the corrections; answers with the server's view (re-checked warnings, new version). */
  const save = async (): Promise<PlanImport | null> => {
    if (!dirty) return current;
    setBusy(true);
    setError(null);
    try {
      const saved = await endpoints.imports.update(current.id, {
        version: current.version,
        document: doc,
        unitMapping: mapping,
      });
      adopt(saved);
      return saved;
    } catch (e) {
      if (isApiError(e, 'VERSION_CONFLICT')) {
        // Someone else saved this preview first: show theirs rather than overwrite it.
        message.warning(t('plans.conflictReloaded'));
        adopt(await endpoints.imports.get(current.id));
      } else {
        setError(e);
      }
      return null;
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    const saved = await save();
    if (!saved) return;
    setBusy(true);
    setError(null);
    try {
      const result = await endpoints.imports.commit(saved.id, { version: saved.version, publish });
      message.success(t('import.committed'));
      navigate(`/plans/${result.planId}`);
    } catch (e) {
      setError(e);
      setBusy(false);
      // Errors by row go back beside their rows, where they can be corrected.
      if (rowErrorsOf(e).size > 0) setStep(1);
    }
  };

  const discard = async () => {
    try {
      await endpoints.imports.discard(current.id);
      message.info(t('import.discarded'));
      navigate('/plans');
    } catch (e) {
      message.error(describeError(e, locale));
    }
  };

  const editDoc = (next: PlanDocumentBody) => {
    setDoc(next);
    setDirty(true);
  };

  const unitOptions = [
    { value: -1, label: t('import.unitNew') },
    ...(units.data ?? []).filter((u) => !u.retiredAt).map((u) => ({ value: u.id, label: u.name })),
  ];
  const matchColumns: TableColumnsType<UnitMatch> = [
    { title: t('import.unitPrinted'), dataIndex: 'name' },
    { title: t('plans.taskCount'), dataIndex: 'tasks', width: 90, align: 'right' },
    {
      title: t('import.unitMatched'),
      key: 'unit',
      width: 320,
      render: (_, match) => (
        <Space>
          <Select
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={mapping[match.name] ?? -1}
            options={unitOptions}
            aria-label={`${t('import.unitMatched')}：${match.name}`}
            onChange={(value: number) => {
              setMapping({ ...mapping, [match.name]: value === -1 ? null : value });
              setDirty(true);
            }}
          />
          {match.suggestion && match.suggestion.method !== 'exact' && (
            <Tag
              color="blue"
              title={`${match.suggestion.method} ${Math.round(match.suggestion.confidence * 100)}%`}
            >
              {t('import.unitSuggested')}
            </Tag>
          )}
        </Space>
      ),
    },
  ];

  const taskWarnings = doc.warnings.length;
  return (
    <>
      <WizardSteps current={step} />
      {error != null && <ErrorAlert error={error} />}
      {step === 1 ? (
        <>
          <MetaForm doc={doc} onChange={editDoc} fileName={current.sourceDocument.fileName} />
          <Typography.Paragraph strong>
            {t('import.found', { categories: doc.categories.length, tasks: doc.tasks.length })}
          </Typography.Paragraph>
          <PlanDocumentTable document={doc} onChange={editDoc} rowErrors={rowErrors} />
          {current.unitMatches.length > 0 && (
            <>
              <Typography.Title level={4} style={{ marginTop: 24 }}>
                {t('import.unitMapping')}
              </Typography.Title>
              <Table<UnitMatch>
                rowKey="name"
                size="small"
                columns={matchColumns}
                dataSource={current.unitMatches}
                pagination={false}
                style={{ maxWidth: 760 }}
              />
            </>
          )}
          <Space className="wizard-actions">
            <Button onClick={() => void save()} disabled={!dirty} loading={busy && dirty}>
              {busy ? t('import.savingEdits') : t('import.saveEdits')}
            </Button>
            <Button
              type="primary"
              onClick={() => void save().then((saved) => saved && setStep(2))}
              loading={busy}
            >
              {t('import.next')}
            </Button>
            <Popconfirm
              title={t('import.discard')}
              onConfirm={() => void discard()}
              okText={t('import.discard')}
              cancelText={t('app.cancel')}
            >
              <Button danger>{t('import.discard')}</Button>
            </Popconfirm>
          </Space>
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('import.confirmText')}</Typography.Paragraph>
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ maxWidth: 720, marginBottom: 16 }}
            items={[
              { key: 'title', label: t('import.meta.title'), children: doc.title ?? '—' },
              { key: 'year', label: t('import.meta.year'), children: doc.year ?? '—' },
              { key: 'doc', label: t('import.meta.docNumber'), children: doc.docNumber ?? '—' },
              {
                key: 'count',
                label: t('plans.taskCount'),
                children: t('import.found', { categories: doc.categories.length, tasks: doc.tasks.length }),
              },
              { key: 'warn', label: t('import.rowWarnings'), children: taskWarnings },
            ]}
          />
          <Space className="wizard-actions">
            <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)}>
              {t('import.publishNow')}
            </Checkbox>
            <Button onClick={() => setStep(1)}>{t('import.prev')}</Button>
            <Button type="primary" size="large" onClick={() => void commit()} loading={busy}>
              {t('import.confirm')}
            </Button>
          </Space>
        </>
      )}
    </>
  );
}

/** The document's own fields; a plan needs a title and a year before it can be saved. */
function MetaForm({
  doc,
  onChange,
  fileName,
}: {
  doc: PlanDocumentBody;
  onChange: (next: PlanDocumentBody) => void;
  fileName: string;
}) {
  const { t } = useI18n();
  const field = (
    name: 'title' | 'issuer' | 'docNumber' | 'year',
    label: string,
    value: string,
    width: number,
  ) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <Input
        defaultValue={value}
        style={{ width }}
        onBlur={(e) => {
          if (e.target.value.trim() !== value) onChange(applyMetaEdit(doc, name, e.target.value));
        }}
      />
    </Form.Item>
  );
  return (
    <Form layout="inline" style={{ marginBottom: 12, rowGap: 4 }} aria-label={fileName}>
      {field('title', t('import.meta.title'), doc.title ?? '', 420)}
      {field('year', t('import.meta.year'), doc.year == null ? '' : String(doc.year), 90)}
      {field('docNumber', t('import.meta.docNumber'), doc.docNumber ?? '', 200)}
      {field('issuer', t('import.meta.issuer'), doc.issuer ?? '', 200)}
    </Form>
  );
}
