/**
 * The explainer and the procedure catalogue on a phone with no signal, in real Chromium against
 * the real server: the app is installed once, then the server stops and the browser goes offline.
 * Every screen also passes an axe-core audit (WCAG 2 A and AA) with zero violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { BrowserProfile, ServerProcess, waitForServiceWorker } from './harness';
import { expectAccessible } from './axe';
import { BENEFITS } from '../../src/content/benefits';
import { ONLINE_CATEGORIES, SERVICE_LEVELS } from '../../src/content/service-levels';
import { QUIZ } from '../../src/content/quiz';
import { BUNDLED_CATALOG } from '../../src/content/catalog';

const NBSP = '\u00a0';

/** Intro, the levels, the categories, the mapping, the benefits, the worked example, the quiz. */
const SLIDE_COUNT = 1 + SERVICE_LEVELS.length + ONLINE_CATEGORIES.length + 1 + BENEFITS.length + 1 + 1;

function heading1(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}

function slideCounter(page: Page, n: number) {
  return page.getByTestId('slide-counter').filter({ hasText: new RegExp(`(^|\\s)${n} / ${SLIDE_COUNT}$`) });
}

/** A horizontal swipe on the slide area, as a finger makes it (pointer events of type touch). */
async function swipe(page: Page, fromX: number, toX: number): Promise<void> {
  const stage = page.getByTestId('slide-stage');
  const init = { pointerId: 7, pointerType: 'touch', isPrimary: true, clientY: 300 };
  await stage.dispatchEvent('pointerdown', { ...init, clientX: fromX });
  await stage.dispatchEvent('pointerup', { ...init, clientX: toX, clientY: 310 });
}

function resultNames(page: Page) {
  return page.getByTestId('results').getByRole('heading', { level: 2 });
}

let server: ServerProcess;
let profile: BrowserProfile;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await ServerProcess.create();
  await server.start();
  profile = new BrowserProfile();
  context = await profile.launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 2, name: 'Dịch vụ công trực tuyến có 4 mức độ' }).waitFor();
  await waitForServiceWorker(page);
  // From here on there is no signal at all: the server is down and the browser is offline.
  await server.stop();
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Dịch vụ công trực tuyến có 4 mức độ' }).waitFor();
});

afterAll(async () => {
  await profile?.dispose();
  await server?.dispose();
});

describe('the service-level explainer, offline', () => {
  it('is reached from the home screen and shows the four levels, both categories and the trips', async () => {
    await expectAccessible(page, 'home');
    await page.getByRole('link', { name: 'Tìm hiểu thêm' }).click();
    await heading1(page, 'Dịch vụ công trực tuyến: các mức độ').waitFor();

    for (const level of SERVICE_LEVELS) {
      const title = `Mức độ ${level.level} ${level.title.vi}`;
      await expect.poll(() => page.getByRole('heading', { level: 3, name: title }).count()).toBe(1);
    }
    await page.getByRole('heading', { level: 3, name: 'Toàn trình' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Một phần' }).waitFor();
    // What each level means in practice: the visit and the fee, in plain words.
    const level3 = page.getByRole('article', { name: /Mức độ 3/ });
    expect(await level3.getByText('Đến cơ quan để nộp lệ phí (nếu có) và nhận kết quả.').count()).toBe(1);
    // The mapping between the old levels and today's categories.
    const mapping = page.getByRole('table', { name: 'Bảng đối chiếu 4 mức độ cũ với 2 loại ngày nay' });
    expect(await mapping.getByRole('row', { name: /Mức độ 4: Làm trọn qua mạng Toàn trình/ }).count()).toBe(1);
    expect(await mapping.getByRole('row', { name: /Mức độ 3: Nộp hồ sơ qua mạng Một phần/ }).count()).toBe(1);

    // The benefit made concrete for one procedure, then for another the resident picks.
    const chooser = page.getByLabel('Chọn thủ tục');
    await chooser.selectOption({ label: 'Cấp Giấy xác nhận tình trạng hôn nhân' });
    await page.getByText('Làm qua mạng đỡ được 2 lần đi lại.').waitFor();
    expect(await page.getByTestId('trips-counter').textContent()).toBe('2 lần');
    expect(await page.getByTestId('trips-online').textContent()).toBe('Không phải đi');
    // Tạm trú is "một phần" since the 2026 check: one trip is still needed online.
    await chooser.selectOption({ label: 'Đăng ký tạm trú' });
    await page.getByText('Làm qua mạng đỡ được 1 lần đi lại.').waitFor();
    expect(await page.getByTestId('trips-online').textContent()).toBe('1 lần');
    await chooser.selectOption({ label: 'Chứng thực bản sao từ bản chính' });
    await page.getByText('Làm qua mạng vẫn phải đi số lần như vậy.').waitFor();
    expect(await page.getByTestId('trips-online').textContent()).toBe('1 lần');

    await expectAccessible(page, 'explainer');
  });

  it('presents full-screen slides driven by keys, swipes and buttons', async () => {
    await page.getByRole('link', { name: 'Trình chiếu cho buổi họp thôn' }).first().click();
    await slideCounter(page, 1).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Dịch vụ công trực tuyến' }).waitFor();

    await page.keyboard.press('ArrowRight');
    await slideCounter(page, 2).waitFor();
    await page.getByRole('heading', { level: 2, name: SERVICE_LEVELS[0]!.title.vi }).waitFor();
    await page.keyboard.press('PageDown');
    await slideCounter(page, 3).waitFor();
    await page.keyboard.press('Space');
    await slideCounter(page, 4).waitFor();
    await page.keyboard.press('ArrowLeft');
    await slideCounter(page, 3).waitFor();
    await page.keyboard.press('PageUp');
    await slideCounter(page, 2).waitFor();
    await page.keyboard.press('End');
    await slideCounter(page, SLIDE_COUNT).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bà con đã hiểu chưa?' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await slideCounter(page, SLIDE_COUNT).waitFor();
    await page.keyboard.press('Home');
    await slideCounter(page, 1).waitFor();

    // A finger swipes left (next), then right (back); a short wobble is not a swipe.
    await swipe(page, 300, 60);
    await slideCounter(page, 2).waitFor();
    await swipe(page, 300, 280);
    await swipe(page, 60, 300);
    await slideCounter(page, 1).waitFor();

    // The on-screen buttons do the same; the slide is in the URL, so a reload keeps it.
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await slideCounter(page, 3).waitFor();
    await page.getByRole('button', { name: 'Trang trước' }).click();
    await slideCounter(page, 2).waitFor();
    expect(new URL(page.url()).search).toBe('?slide=2');
    await page.reload();
    await slideCounter(page, 2).waitFor();

    // Full screen through the Fullscreen API, and back.
    const fullscreen = page.getByRole('button', { name: 'Toàn màn hình' });
    await fullscreen.click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className ?? null)).toBe('present');
    await page.getByRole('button', { name: 'Thu nhỏ' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();

    await expectAccessible(page, 'presentation');

    // Esc leaves the presentation for the explainer.
    await page.keyboard.press('Escape');
    await heading1(page, 'Dịch vụ công trực tuyến: các mức độ').waitFor();
  });

  it('runs the quick check without storing any answer', async () => {
    await page
      .getByRole('link', { name: `Kiểm tra nhanh (${QUIZ.length} câu)` })
      .first()
      .click();
    await heading1(page, 'Kiểm tra nhanh').waitFor();
    const score = page.getByTestId('quiz-score');
    expect(await score.textContent()).toBe(`Đã trả lời 0/${QUIZ.length} câu.`);

    // A wrong answer is explained, with the right one named.
    const first = QUIZ[0]!;
    const wrong = first.options.find((o) => o.id !== first.correctOptionId)!;
    const right = first.options.find((o) => o.id === first.correctOptionId)!;
    await page.getByRole('radio', { name: wrong.label.vi, exact: true }).check();
    await page.getByText(`Chưa đúng. Đáp án đúng: ${right.label.vi}.`).waitFor();

    for (const question of QUIZ) {
      const option = question.options.find((o) => o.id === question.correctOptionId)!;
      await page
        .getByRole('group', { name: new RegExp(question.question.vi.replace(/[?()]/g, '\\$&')) })
        .getByRole('radio', { name: option.label.vi, exact: true })
        .check();
    }
    await score.filter({ hasText: `Kết quả: đúng ${QUIZ.length}/${QUIZ.length} câu.` }).waitFor();
    expect(await page.getByText('Đúng rồi.').count()).toBe(QUIZ.length);
    await expectAccessible(page, 'quiz');

    // Nothing was kept: no storage written, and a reload starts the check afresh.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    await page.reload();
    await heading1(page, 'Kiểm tra nhanh').waitFor();
    await score.filter({ hasText: `Đã trả lời 0/${QUIZ.length} câu.` }).waitFor();
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
  });
});

describe('the procedure catalogue, offline', () => {
  it('searches the way people type on phones and filters by office', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thủ tục' }).click();
    await heading1(page, 'Thủ tục hành chính').waitFor();
    const search = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
    const count = page.getByTestId('result-count');
    await count.filter({ hasText: `Tìm thấy ${BUNDLED_CATALOG.procedures.length} thủ tục.` }).waitFor();

    // No diacritics: the first result is the procedure meant, and the query is kept in the URL.
    await search.fill('dang ky tam tru');
    await expect.poll(() => resultNames(page).first().textContent()).toBe('Đăng ký tạm trú');
    expect(new URL(page.url()).searchParams.get('q')).toBe('dang ky tam tru');

    await search.fill('chung thuc');
    const certifications = BUNDLED_CATALOG.procedures.filter((p) => p.name.vi.startsWith('Chứng thực'));
    await count.filter({ hasText: `Tìm thấy ${certifications.length} thủ tục.` }).waitFor();
    for (const name of await resultNames(page).allTextContents()) expect(name).toMatch(/^Chứng thực/);

    // Some keyboards send decomposed (NFD) Vietnamese.
    await search.fill('chứng thực bản sao'.normalize('NFD'));
    await expect.poll(() => resultNames(page).first().textContent()).toBe('Chứng thực bản sao từ bản chính');

    // Nothing found says so, politely; clearing brings everything back.
    await search.fill('xyzzy');
    await count.filter({ hasText: 'Không tìm thấy thủ tục nào.' }).waitFor();
    expect(await count.getAttribute('aria-live')).toBe('polite');
    await page.getByRole('button', { name: 'Xóa tìm kiếm và bộ lọc' }).click();
    await count.filter({ hasText: `Tìm thấy ${BUNDLED_CATALOG.procedures.length} thủ tục.` }).waitFor();
    expect(await search.inputValue()).toBe('');

    // Filter by who handles it.
    const police = BUNDLED_CATALOG.procedures.filter((p) => p.handledBy === 'cong-an-xa');
    await page.getByRole('radio', { name: 'Công an xã' }).check();
    await count.filter({ hasText: `Tìm thấy ${police.length} thủ tục.` }).waitFor();
    expect((await resultNames(page).allTextContents()).sort()).toEqual(police.map((p) => p.name.vi).sort());
    await expectAccessible(page, 'catalogue');

    await search.fill('tam tru');
    await page.getByRole('link', { name: 'Đăng ký tạm trú', exact: true }).click();
    await heading1(page, 'Đăng ký tạm trú').waitFor();
  });

  it('shows a procedure with its checklist, fees and trips, and starts its form', async () => {
    expect(new URL(page.url()).pathname).toBe('/thu-tuc/dang-ky-tam-tru');
    await page.getByText('1.004194', { exact: true }).waitFor();
    const facts = page.getByRole('definition');
    expect(await facts.filter({ hasText: 'Công an xã' }).count()).toBe(1);
    expect(await facts.filter({ hasText: '3 ngày làm việc' }).count()).toBe(1);
    expect(await page.getByTestId('fee-counter').textContent()).toBe(`15.000${NBSP}đ`);
    await page.getByText('15.000 đ', { exact: true }).waitFor();
    expect(await page.getByTestId('fee-online').textContent()).toBe(`7.000${NBSP}đ`);
    // Until 28/02/2027 the fee is waived for level-2 VNeID holders (Thông tư 117/2026/TT-BTC); a
    // browser clock past that date shows no waiver at all.
    if (Date.now() < Date.parse('2027-03-01T00:00:00+07:00')) {
      await page.getByTestId('fee-if').filter({ hasText: 'Nếu bạn có tài khoản định danh điện tử mức độ 2: Miễn phí' }).waitFor();
    }
    // Since the 2026 check, tạm trú is "một phần": one trip is left when done online.
    expect(await page.getByTestId('trips-counter').textContent()).toBe('2 lần');
    expect(await page.getByTestId('trips-online').textContent()).toBe('1 lần');
    await page.getByText('01/12/2026', { exact: true }).waitFor();
    await page.getByText('Luật Cư trú 68/2020/QH14', { exact: true }).waitFor();

    // Tick a document with the resident; the tick survives a reload of the tab only.
    const ct01 = page.getByRole('checkbox', { name: /Tờ khai thay đổi thông tin cư trú \(Mẫu CT01\)/ });
    await ct01.check();
    await page.getByTestId('checklist-status').filter({ hasText: 'Đã có 1/2 giấy tờ.' }).waitFor();
    await page.reload();
    await heading1(page, 'Đăng ký tạm trú').waitFor();
    expect(await page.getByRole('checkbox', { name: /Mẫu CT01/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'procedure');

    // The online category links into the explainer, at that category.
    await page.getByRole('link', { name: 'Một phần là gì?' }).click();
    await heading1(page, 'Dịch vụ công trực tuyến: các mức độ').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mot-phan');
    await page.goBack();
    await heading1(page, 'Đăng ký tạm trú').waitFor();

    // A procedure without a form in the app offers none; one done only at the counter says so.
    await page.goto(`${server.origin}/thu-tuc/2.000884`);
    await heading1(page, 'Chứng thực chữ ký').waitFor();
    expect(await page.getByRole('button', { name: 'Điền tờ khai' }).count()).toBe(0);
    expect(await page.getByTestId('fee-online').textContent()).toBe('Không làm trực tuyến được');
    await page.goBack();
    await heading1(page, 'Đăng ký tạm trú').waitFor();

    // "Điền tờ khai" starts a CT01 draft on the phone and opens it.
    await page.getByRole('button', { name: 'Điền tờ khai' }).click();
    await heading1(page, 'Đăng ký tạm trú (Tờ khai CT01)').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/to-khai\/[0-9a-f-]{36}$/);
    await page
      .getByLabel(/Họ, chữ đệm và tên/)
      .first()
      .waitFor();
    await expectAccessible(page, 'CT01 form');
  });

  it('speaks English too', async () => {
    await page.goto(`${server.origin}/thu-tuc/dang-ky-tam-tru`);
    await heading1(page, 'Đăng ký tạm trú').waitFor();
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
    await heading1(page, 'Temporary residence registration').waitFor();
    expect(await page.getByTestId('trips-online').textContent()).toBe('1 trip');
    await page.getByRole('heading', { level: 2, name: 'Papers to bring' }).waitFor();
    await expectAccessible(page, 'procedure (English)');
    await page.getByRole('button', { name: 'Switch to Vietnamese' }).click();
    await heading1(page, 'Đăng ký tạm trú').waitFor();
  });
});
