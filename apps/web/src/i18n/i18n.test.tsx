import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { LanguageSwitch } from '../features/layout/LanguageSwitch';
import { I18nProvider, LOCALE_STORAGE_KEY, useI18n } from './i18n';

function Title() {
  const { t } = useI18n();
  return <h1>{t('nav.plans')}</h1>;
}

function renderApp() {
  return render(
    <I18nProvider>
      <Title />
      <LanguageSwitch />
    </I18nProvider>,
  );
}

beforeEach(() => window.localStorage.clear());
afterEach(cleanup);

describe('language switch', () => {
  it('starts in Chinese', () => {
    renderApp();
    expect(screen.getByRole('heading').textContent).toBe('民生实事计划');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches to English and back, remembering the choice', () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: /English/ }));
    expect(screen.getByRole('heading').textContent).toBe('Plans');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');

    fireEvent.click(screen.getByRole('button', { name: /中文/ }));
    expect(screen.getByRole('heading').textContent).toBe('民生实事计划');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN');
  });

  it('opens in the language remembered from last time', () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en-US');
    renderApp();
    expect(screen.getByRole('heading').textContent).toBe('Plans');
  });
});
