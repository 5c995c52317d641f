/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve('test-artifacts/console');
export const WIDE = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  readonly context: BrowserContext;
  /** A new tab (its own sessionStorage: its own signed-in person) that records what it logs as errors. */
  open(viewport?: { width: number; height: number }): Promise<Tab>;
  close(): Promise<void>;
}

export interface Tab {
  readonly page: Page;
  /** Console errors and uncaught exceptions, except the refusals a step said it expects. */
  readonly errors: string[];
  /** The HTTP status a step expects the API to refuse with; Chromium logs such a refusal as an error. */
  expectRefusal(status: number): void;
}

/** Headless Chromium on a fresh profile, driven by playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'sws-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: WIDE, locale: 'zh-CN' });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    async open(viewport = WIDE) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const errors: string[] = [];
      const expected: number[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const refusal = /status of (\d{3})/.exec(message.text());
        const at = refusal ? expected.indexOf(Number(refusal[1])) : -1;
        if (at >= 0) expected.splice(at, 1);
        else errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      return { page, errors, expectRefusal: (status) => expected.push(status) };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Picks an option of an Element Plus select by its visible text. */
export async function choose(page: Page, selectTestId: string, optionText: string | RegExp): Promise<void> {
  await page.locator(`[data-test="${selectTestId}"]`).click();
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: optionText }).first();
  await option.click();
}

/** Types a date into an Element Plus date picker. */
export async function typeDate(page: Page, selector: string, date: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Saves the page as it looks at both widths, full length. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? WIDE;
  for (const [label, size] of [['1280', WIDE], ['390', PHONE]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

/**
 * What can be checked automatically of a page's accessibility: every form control has a name a
 * screen reader reads, and every visible text has a contrast of at least 4.5:1 with its background.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.1;
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const control of Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))) {
      if (!visible(control) && !(control.closest('.el-select, .el-checkbox, .el-radio') && visible(control.closest('.el-select, .el-checkbox, .el-radio')!))) continue;
      const id = control.getAttribute('id');
      const named =
        control.getAttribute('aria-label') ||
        control.getAttribute('aria-labelledby') ||
        (id && document.querySelector(`label[for="${CSS.escape(id)}"]`)) ||
        control.closest('label') ||
        control.closest('[role=group][aria-label], [role=radiogroup][aria-label], .el-checkbox-group[aria-label]');
      if (!named) problems.push(`no label: ${describe(control)}`);
    }
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (el: Element | null): number[] => {
      for (let node = el; node; node = node.parentElement) {
        const [r, g, b, a = 1] = parse(getComputedStyle(node).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!ownText || !visible(el) || el.closest('[disabled], .is-disabled, [aria-hidden=true], .sr-only, option')) continue;
      const [r, g, b, a = 1] = parse(getComputedStyle(el).color);
      const bg = background(el);
      const fg = [r, g, b].map((c, i) => c * a + bg[i] * (1 - a));
      const [light, dark] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      const ratio = (light + 0.05) / (dark + 0.05);
      if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}: ${describe(el)} (${getComputedStyle(el).color} on rgb(${bg.join(',')}))`);
    }
    return [...new Set(problems)];
  });
}

/** Presses Tab until each element is focused once; answers those never reached. */
export async function unreachableByKeyboard(page: Page, selectors: readonly string[], presses = 400): Promise<string[]> {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const reached = new Set<string>();
  for (let i = 0; i < presses && reached.size < selectors.length; i++) {
    await page.keyboard.press('Tab');
    const hits = await page.evaluate(
      (list) => list.filter((s) => Array.from(document.querySelectorAll(s)).some((el) => el === document.activeElement || el.contains(document.activeElement))),
      [...selectors],
    );
    hits.forEach((h) => reached.add(h));
  }
  return selectors.filter((s) => !reached.has(s));
}
