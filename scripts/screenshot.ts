// Takes the README screenshots from a running app: `npm start`, then
// `node --import tsx scripts/screenshot.ts [http://localhost:3000]`.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ baseURL: base, viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
await page.goto('/dang-nhap');
await page.getByLabel('Tên đăng nhập').fill('ldld.baoloc');
await page.getByLabel('Mật khẩu').fill('CongDoan@2026');
await page.getByRole('button', { name: 'Đăng nhập' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
for (const [path, file] of [['/', 'docs/screenshot-home.png'], ['/to-chuc', 'docs/screenshot-units.png'], ['/chuong-trinh', 'docs/screenshot-programme.png']]) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  await page.screenshot({ path: file });
  console.log(`saved ${file}`);
}
await browser.close();
