import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from './axe.ts';
import { launch, login, newContext, see } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** T1 of the officer's union for this year, as the year view shows it: "numerator/denominator". */
async function t1(page: Page): Promise<{ num: number; den: number }> {
  await page.goto('/hoat-dong?view=year');
  const card = page.getByTestId('indicator-study_participation');
  await see(card.getByText(/\d+\/[\d.]+/));
  const text = (await card.innerText()).replace(/\./g, '');
  const m = /(\d+)\/(\d+)/.exec(text)!;
  return { num: Number(m[1]), den: Number(m[2]) };
}

describe('activities on a phone', () => {
  it('a grassroots officer records a study session, marks 30 members present and sees the union T1 ratio rise', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await login(page, 'cdcs.maymac');
    const before = await t1(page);
    expect(before.den).toBeGreaterThan(100);

    await page.goto('/hoat-dong');
    await page.getByRole('button', { name: 'Ghi nhận hoạt động' }).click();
    const drawer = page.getByRole('dialog');
    await see(drawer.getByText('Loại hoạt động'));
    const kind = drawer.getByRole('combobox', { name: 'Loại hoạt động' });
    await kind.click({ force: true });
    await kind.pressSequentially('quán triệt');
    await see(page.locator('.ant-select-item-option', { hasText: 'Học tập, quán triệt nghị quyết' }));
    await kind.press('Enter');
    await drawer.getByLabel('Chủ đề, nội dung').fill('Học tập chuyên đề Nghị quyết số 57-NQ/TW cho công nhân ca sáng');
    await drawer.getByLabel('Địa điểm').fill('Nhà ăn ca – Công ty May Việt Đài');
    await page.getByRole('button', { name: 'Lưu' }).click({ force: true });
    await page.waitForURL(/\/hoat-dong\/\d+/);
    await see(page.getByRole('tab', { name: 'Điểm danh' }));
    await page.getByRole('tab', { name: 'Điểm danh' }).click();
    await see(page.locator('.ant-table-tbody .ant-checkbox-input').first());
    await see(page.locator('.ant-table-tbody tr.ant-table-row').nth(29));
    const boxes = page.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox-wrapper:not(.ant-checkbox-wrapper-disabled)');
    for (let i = 0; i < 30; i++) await boxes.nth(i).click();
    await page.getByRole('button', { name: 'Điểm danh 30 đoàn viên' }).click({ force: true });
    await see(page.getByText('Đã điểm danh 30 đoàn viên.'));
    await see(page.getByTestId('attendee-count').getByText('30 người tham dự'));

    const axe = await new AxeBuilder(page).analyze();
    expect(axe.filter((v) => v.impact === 'critical')).toEqual([]);

    const after = await t1(page);
    expect(after.den).toBe(before.den);
    expect(after.num).toBeGreaterThan(before.num);
    expect(after.num - before.num).toBeLessThanOrEqual(30);
    await context.close();
  });

  it('a federation officer finds the agreements about to expire and the unions still due a dialogue', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await login(page, 'ldld.baoloc');
    await see(page.getByText('Thỏa ước sắp hết hạn'));
    await page.goto('/quan-he-lao-dong?tab=due');
    await see(page.getByText(/Chưa đối thoại trong năm/));
    await page.goto('/quan-he-lao-dong?tab=disputes');
    await see(page.getByText(/Số vụ việc theo tháng/));
    await context.close();
  });
});
