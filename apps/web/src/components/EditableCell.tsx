import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { AutoComplete, Input } from 'antd';

interface EditableCellProps {
  /** The text the editor starts from. */
  value: string;
  /** What the cell shows when not editing. */
  children: ReactNode;
  /** Accessible name of the cell and its editor: "修改工作内容（第3项）". */
  label: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  /** Offered while typing (category names). */
  options?: string[];
  emptyText?: string;
}

/**
 * A table cell that turns into an editor on click, Enter or F2. Enter (without Shift) or leaving
 * the field saves; Esc cancels. Unchanged text commits nothing.
 */
export function EditableCell({
  value,
  children,
  label,
  onCommit,
  multiline,
  options,
  emptyText,
}: EditableCellProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);

  const start = () => {
    setDraft(value);
    setEditing(true);
  };
  const finish = (save: boolean) => {
    setEditing(false);
    if (save && draft.trim() !== value.trim()) onCommit(draft);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      finish(true);
    }
  };

  if (!editing) {
    const empty = value.trim() === '';
    return (
      <div
        role="button"
        tabIndex={0}
        aria-label={label}
        className={`cell-editable${empty ? ' cell-empty' : ''}`}
        onClick={start}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'F2') {
            event.preventDefault();
            start();
          }
        }}
      >
        {empty ? (emptyText ?? '—') : children}
      </div>
    );
  }
  if (options) {
    return (
      <AutoComplete
        autoFocus
        defaultOpen
        value={draft}
        options={options.map((o) => ({ value: o }))}
        onChange={(v: string) => setDraft(v)}
        onSelect={(v: string) => {
          setEditing(false);
          if (v.trim() !== value.trim()) onCommit(v);
        }}
        onBlur={() => finish(true)}
        onKeyDown={onKeyDown}
        aria-label={label}
        style={{ width: '100%' }}
      />
    );
  }
  if (multiline) {
    return (
      <Input.TextArea
        autoFocus
        autoSize={{ minRows: 2, maxRows: 10 }}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={onKeyDown}
        aria-label={label}
      />
    );
  }
  return (
    <Input
      autoFocus
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={onKeyDown}
      aria-label={label}
    />
  );
}
