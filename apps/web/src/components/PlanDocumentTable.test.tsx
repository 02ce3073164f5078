import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { PlanDocumentBody } from '@minsheng/contract';
import { I18nProvider } from '../i18n/i18n';
import { PlanDocumentTable } from './PlanDocumentTable';

afterEach(cleanup);

function buildDocument(): PlanDocumentBody {
  return {
    kind: 'plan',
    title: '吉林市2015年改善民生事项及责任分工表',
    issuer: null,
    docNumber: '吉市政办发〔2015〕3号',
    year: 2015,
    jurisdiction: '吉林市',
    reportDate: null,
    period: null,
    declared: { categories: 10, tasks: 80 },
    categories: [{ ordinal: 1, name: '就业增收', declaredTasks: 5 }],
    tasks: [
      {
        number: 1,
        category: '就业增收',
        title: null,
        content: '积极落实创业扶持政策，发放小额担保贷款1.2亿元，扶持创业者2200人。',
        units: [
          { name: '市人社局', role: 'lead' },
          { name: '各县（市）区', role: 'co' },
        ],
        deadline: { text: '11月', date: '2015-11-30' },
        indicators: [
          {
            subject: '发放小额担保贷款',
            value: 120000000,
            unit: '元',
            comparator: '=',
            baseline: null,
            text: '发放小额担保贷款1.2亿元',
          },
          {
            subject: '扶持创业者',
            value: 2200,
            unit: '人',
            comparator: '>=',
            baseline: null,
            text: '扶持创业者2200人',
          },
        ],
        progress: null,
      },
      {
        number: 62,
        category: null,
        title: null,
        content: '实施农村饮水安全工程。',
        units: [{ name: '市水利局', role: 'lead' }],
        deadline: { text: '年底前', date: '2015-12-31' },
        indicators: [],
        progress: null,
      },
    ],
    warnings: [
      { code: 'DECLARED_CATEGORIES_MISMATCH', message: '正文称10个方面，识别到9个', task: null },
      { code: 'TASK_WITHOUT_CATEGORY', message: '第62项没有类别', task: 62 },
    ],
  };
}

function rowOf(number: number): HTMLElement {
  const cell = screen.getAllByRole('cell').find((c) => c.textContent === String(number));
  const row = cell?.closest('tr');
  if (!row) throw new Error(`no row for task ${number}`);
  return row;
}

/** The table as the wizard uses it: the document lives in the parent's state. */
function Editable({
  initial,
  onChange,
}: {
  initial: PlanDocumentBody;
  onChange: (doc: PlanDocumentBody) => void;
}) {
  const [doc, setDoc] = useState(initial);
  return (
    <PlanDocumentTable
      document={doc}
      onChange={(next) => {
        setDoc(next);
        onChange(next);
      }}
    />
  );
}

describe('PlanDocumentTable', () => {
  it('shows each warning beside the row it concerns and document warnings above', () => {
    render(
      <I18nProvider initial="zh-CN">
        <PlanDocumentTable document={buildDocument()} />
      </I18nProvider>,
    );
    expect(screen.getByText('正文称10个方面，识别到9个')).toBeTruthy();
    const row62 = rowOf(62);
    expect(within(row62).getByText(/第62项没有类别/)).toBeTruthy();
    expect(row62.className).toContain('row-warned');
    expect(within(rowOf(1)).queryByText(/没有类别/)).toBeNull();
    expect(rowOf(1).className).not.toContain('row-warned');
  });

  it('highlights the indicators inside the task sentence', () => {
    const { container } = render(
      <I18nProvider initial="zh-CN">
        <PlanDocumentTable document={buildDocument()} />
      </I18nProvider>,
    );
    const marks = [...container.querySelectorAll('mark.indicator')].map((m) => m.textContent);
    expect(marks).toEqual(['发放小额担保贷款1.2亿元', '扶持创业者2200人']);
    expect(container.querySelector('mark.indicator')?.getAttribute('aria-label')).toContain('1.2亿元');
    // Read-only: no editable cells.
    expect(screen.queryByRole('button', { name: /修改/ })).toBeNull();
  });

  it('edits a cell in place: Enter saves, the answered warning goes', () => {
    const onChange = vi.fn();
    render(
      <I18nProvider initial="zh-CN">
        <Editable initial={buildDocument()} onChange={onChange} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '修改类别（第62项）' }));
    const input = screen.getByRole('combobox', { name: '修改类别（第62项）' });
    fireEvent.change(input, { target: { value: '城乡建设' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(onChange).toHaveBeenCalledTimes(1);
    const next = onChange.mock.calls[0]![0] as PlanDocumentBody;
    expect(next.tasks[1]!.category).toBe('城乡建设');
    expect(next.warnings.map((w) => w.code)).toEqual(['DECLARED_CATEGORIES_MISMATCH']);
    expect(within(rowOf(62)).getByText('城乡建设')).toBeTruthy();
    expect(within(rowOf(62)).queryByText(/没有类别/)).toBeNull();
  });

  it('Esc cancels an edit and keyboard alone can open the editor', () => {
    const onChange = vi.fn();
    render(
      <I18nProvider initial="zh-CN">
        <Editable initial={buildDocument()} onChange={onChange} />
      </I18nProvider>,
    );
    const cell = screen.getByRole('button', { name: '修改责任单位（第1项）' });
    fireEvent.keyDown(cell, { key: 'Enter' });
    const input = screen.getByRole('textbox', { name: '修改责任单位（第1项）' });
    expect((input as HTMLInputElement).value).toBe('市人社局、各县（市）区');
    fireEvent.change(input, { target: { value: '市民政局' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onChange).not.toHaveBeenCalled();
    expect(within(rowOf(1)).getByText('市人社局')).toBeTruthy();
  });

  it('edits the task sentence and keeps the indicators still in it', () => {
    const onChange = vi.fn();
    render(
      <I18nProvider initial="zh-CN">
        <Editable initial={buildDocument()} onChange={onChange} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '修改工作内容（第1项）' }));
    const area = screen.getByRole('textbox', { name: '修改工作内容（第1项）' });
    fireEvent.change(area, { target: { value: '发放小额担保贷款1.2亿元。' } });
    fireEvent.blur(area);
    const next = onChange.mock.calls[0]![0] as PlanDocumentBody;
    expect(next.tasks[0]!.content).toBe('发放小额担保贷款1.2亿元。');
    expect(next.tasks[0]!.indicators).toHaveLength(1);
  });

  it('puts the errors a commit was refused for beside their rows', () => {
    render(
      <I18nProvider initial="zh-CN">
        <PlanDocumentTable
          document={buildDocument()}
          rowErrors={new Map([[1, ['第62项：没有牵头单位 / no lead unit']]])}
        />
      </I18nProvider>,
    );
    const row62 = rowOf(62);
    expect(within(row62).getByRole('alert').textContent).toContain('没有牵头单位');
    expect(row62.className).toContain('row-error');
  });
});
