import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'CongDoan@2026';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export const baseUrl = () => inject('baseUrl');

/** A fresh browser context (own cookies) on a desktop or phone-sized screen. */
export async function newContext(browser: Browser, device: 'desktop' | 'phone' = 'desktop'): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl(),
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...(device === 'phone' ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 860 } }),
  });
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

/** Waits until something matching the locator is on screen (pages load data after they render). */
export async function see(locator: Locator, timeout = 15_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (err) {
    mkdirSync('test-results', { recursive: true });
    await locator.page().screenshot({ path: `test-results/not-seen-${Date.now()}.png`, fullPage: true }).catch(() => {});
    throw err;
  }
}
