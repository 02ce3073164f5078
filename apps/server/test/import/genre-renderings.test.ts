/**
 * The hand-written genre fixtures (fixtures/genre/*.txt: flat cells, pipe rows, prose progress,
 * inline items in GBK, an indicator table, a web page, full-width tab rows) rendered as .docx,
 * .xlsx and .html import to the same tasks as their text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/readers';
import { decodeText } from '../../src/readers/decode-text';
import { renderDocx, renderHtml, renderXlsx, seedLayout } from './render-seeds';

const GENRE_DIR = fileURLToPath(new URL('../../../../fixtures/genre/', import.meta.url));
const GENRE_FILES = readdirSync(GENRE_DIR).filter((name) => name.endsWith('.txt'));

describe.each(GENRE_FILES)('genre fixture %s', (file) => {
  const bytes = new Uint8Array(readFileSync(`${GENRE_DIR}${file}`));

  it.each(['docx', 'xlsx', 'html'] as const)(
    'as .%s imports to the same tasks as the text',
    async (format) => {
      const expected = await importDocument(bytes, file);
      const layout = seedLayout(decodeText(bytes)?.text ?? '');
      const rendered =
        format === 'docx'
          ? await renderDocx(layout)
          : format === 'xlsx'
            ? await renderXlsx(layout)
            : renderHtml(layout);
      const actual = await importDocument(rendered, file.replace(/\.txt$/, `.${format}`));
      expect(actual.tasks.length).toBe(expected.tasks.length);
      expected.tasks.forEach((task, index) =>
        expect(actual.tasks[index], `task ${task.number}`).toEqual(task),
      );
      expect(actual.categories).toEqual(expected.categories);
    },
  );
});
