import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import AxeBuilder from './axe.ts';
import { launch, login, newContext, see } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const today = () => new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }); // dd/mm/yyyy

describe('member journeys', () => {
  it('a federation officer finds a member typing without accents, transfers her, sees the timeline, and her e-card verifies', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'ldld.baoloc');
    await page.getByRole('link', { name: 'Đoàn viên' }).first().click();
    await see(page.getByRole('heading', { name: 'Đoàn viên' }));

    // "ka hien" without diacritics, narrowed by a fragment of her phone number.
    const search = page.getByPlaceholder('Tìm theo tên (không cần dấu), số CCCD, số điện thoại');
    await search.fill('ka hien 12345678');
    await search.press('Enter');
    await see(page.getByRole('cell', { name: 'Ka Hiền' }));
    expect(await page.getByRole('row').count()).toBe(2); // header + her
    await page.getByRole('cell', { name: 'Ka Hiền' }).click();
    await page.waitForURL(/\/doan-vien\/\d+/);
    await see(page.getByRole('tab', { name: 'Thông tin' }));
    await see(page.getByText('Công đoàn cơ sở Công ty TNHH May mặc Lộc Sơn Việt Đài').first());

    // Chuyển sinh hoạt to the provincial hospital's union, which the federation officer manages.
    await page.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Công đoàn cơ sở nhận').click();
    await page.keyboard.type('benh vien ii');
    await page.getByRole('option', { name: /Bệnh viện II Lâm Đồng/ }).click();
    await dialog.getByLabel('Ngày', { exact: true }).fill(today());
    await dialog.getByLabel('Ngày', { exact: true }).press('Enter');
    await dialog.getByLabel('Số quyết định').fill('45/QĐ-LĐLĐ');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await see(page.getByText('Đã chuyển sinh hoạt.'));
    await see(page.getByText('Công đoàn cơ sở Bệnh viện II Lâm Đồng').first());

    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await see(page.getByText(/Chuyển đến · Công đoàn cơ sở Bệnh viện II Lâm Đồng/));
    await see(page.getByText(/Chuyển đi · Công đoàn cơ sở Công ty TNHH May mặc Lộc Sơn Việt Đài/));
    await see(page.getByText(/45\/QĐ-LĐLĐ/).first());
    await see(page.getByText(/Kết nạp · /));

    // The e-card, and the public page its QR code opens.
    await page.getByRole('tab', { name: 'Thẻ đoàn viên' }).click();
    await see(page.getByRole('figure', { name: 'Thẻ đoàn viên' }));
    await see(page.getByRole('img', { name: 'Mã QR xác thực thẻ' }));
    const verify = await page.getByRole('link', { name: 'Mở trang xác thực' }).getAttribute('href');
    expect(verify).toMatch(/^\/the\/[\w-]+\.[\w-]+$/);
    const axe = await new AxeBuilder(page).analyze();
    expect(axe.filter((v) => v.impact === 'critical')).toEqual([]);

    const phone = await newContext(browser, 'phone');
    const scan = await phone.newPage();
    await scan.goto(verify!);
    await see(scan.getByText('Thẻ đoàn viên hợp lệ'));
    await see(scan.getByText('Ka Hiền'));
    await see(scan.getByText('Công đoàn cơ sở Bệnh viện II Lâm Đồng'));
    const text = await scan.locator('body').innerText();
    expect(text).not.toContain('068194012345');
    expect(text).not.toContain('Cơ Ho');
    // Editing the link breaks the signature.
    await scan.goto(verify!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    await see(scan.getByText('Thẻ không hợp lệ'));
    await phone.close();
    await context.close();
  });

  it('a grassroots officer rates the union members for the year in one grid', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'cdcs.maymac');
    await page.getByRole('link', { name: 'Đoàn viên' }).first().click();
    await page.getByRole('button', { name: 'Xếp loại đoàn viên' }).click();
    await see(page.getByRole('heading', { name: 'Xếp loại đoàn viên' }));
    await see(page.getByRole('button', { name: 'Lưu cả bảng' }));
    await page.locator('.ant-select:has(#cds-fill-unrated)').click();
    await page.locator('.ant-select-item-option[title="Hoàn thành tốt nhiệm vụ"]').click();
    await page.getByRole('button', { name: 'Lưu cả bảng' }).click();
    await see(page.getByText(/Đã lưu xếp loại/));
    await context.close();
  });
});
