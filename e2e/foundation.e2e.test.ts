import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import AxeBuilder from './axe.ts';
import { launch, login, newContext, see } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('foundation journeys', () => {
  it('a federation officer founds a grassroots union in the tree and finds it in the audit log', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'ldld.baoloc');
    await page.getByRole('link', { name: 'Tổ chức' }).first().click();
    await see(page.getByText('Cây tổ chức'));
    await page.getByRole('button', { name: /Thành lập đơn vị$/ }).click();
    await page.getByLabel('Tên đơn vị').fill('Công đoàn cơ sở Công ty TNHH Trà Ô Long Lộc Tân');
    await page.getByLabel('Mã đơn vị').fill('CDCS-E2E-TRA');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await see(page.getByText('Đã thành lập đơn vị.'));
    await see(page.getByRole('cell', { name: 'CDCS-E2E-TRA' }));

    const search = page.getByPlaceholder('Tìm đơn vị (vd: may loc son)');
    await search.fill('tra o long loc tan');
    await search.press('Enter');
    await see(page.getByText('Công đoàn cơ sở · CDCS-E2E-TRA'));

    await page.getByRole('menuitem', { name: 'Quản trị' }).click();
    await page.getByRole('link', { name: 'Nhật ký thao tác', exact: true }).click();
    await page.waitForURL(/nhat-ky/);
    await see(page.getByRole('cell', { name: /Đơn vị #\d+/ }));
    await see(page.getByText('Công đoàn cơ sở Công ty TNHH Trà Ô Long Lộc Tân'));

    const axe = await new AxeBuilder(page).analyze();
    expect(axe.filter((v) => v.impact === 'critical')).toEqual([]);
    await context.close();
  });

  it('an observer browses the tree and finds no edit button', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'bandanvan');
    await page.getByRole('link', { name: 'Tổ chức' }).first().click();
    await see(page.getByText('Cây tổ chức'));
    await see(page.getByRole('tab', { name: 'Thông tin' }));
    expect(await page.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Thành lập đơn vị$/ }).count()).toBe(0);
    await context.close();
  });

  it('the wrong password shows a Vietnamese message', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('ldld.baoloc');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await see(page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng'));
    await context.close();
  });
});
