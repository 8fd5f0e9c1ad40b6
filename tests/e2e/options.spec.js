// The whole decision: the decision box in "Start here", "Ketamine and the other
// options" (the comparison's table semantics and phone layouts), the icon arrays, and
// the help to deliberate reaching "My summary", surviving reload and being erased.
const { test, expect } = require('@playwright/test');
const {
  shippedGuide,
  openGuide,
  waitForApp,
  watchConsole,
  expectNoAxeViolations,
  expectUniqueIds,
  expectTermOpensByKeyboard,
} = require('./helpers');

const guide = shippedGuide();
const options = guide.options_comparison;
const deliberation = guide.deliberation;

async function openSection(page, id) {
  const toggle = page.locator(`#${id}-button`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
  const panel = page.locator(`#${id}-panel`);
  await expect(panel).toBeVisible();
  return panel;
}

async function openOptions(page) {
  await openGuide(page);
  const panel = await openSection(page, 'options');
  await expect(panel.locator('.comparison')).toBeVisible();
  return panel;
}

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

/** Opens every "More detail" in a panel, where the icon arrays are. */
async function openDetail(panel) {
  const more = panel.locator('details.more > summary', { hasText: 'More detail' });
  for (let i = 0; i < (await more.count()); i += 1) {
    await more.nth(i).click();
  }
}

/** How many people an icon array's picture draws filled, half filled and outlined (null
 * when a block is painted with a figure the picture does not hold). */
function people(svg) {
  return svg.evaluate((picture) => {
    const drawn = { full: 0, half: 0, empty: 0 };
    for (const block of picture.querySelectorAll(':scope > rect')) {
      // Each block is painted with a figure drawn in the same picture.
      const pattern = block.getAttribute('fill').match(/^url\(#(.+)\)$/);
      const painter = pattern && picture.querySelector(`pattern[id="${pattern[1]}"] > use`);
      if (!painter || !picture.querySelector(painter.getAttribute('href'))) return null;
      const kind = painter.classList.contains('ia-full') ? 'full' : 'empty';
      drawn[kind] += (block.width.baseVal.value / 10) * (block.height.baseVal.value / 12);
    }
    drawn.half = picture.querySelectorAll(':scope > g > use.ia-full[href$="-h"]').length;
    return drawn;
  });
}

test.describe('the whole decision', () => {
  test.describe.configure({ timeout: 90_000 });

  test('"Start here" states the decision in a box', async ({ page }) => {
    await openGuide(page);
    const panel = await openSection(page, 'start-here');
    const box = panel.getByRole('group', { name: 'The decision you face' });
    await expect(box).toBeVisible();
    await expect(box.locator('li')).toHaveCount(4);
    await expect(box).toContainText('together with your clinician');
    await expect(box).toContainText('there is time to decide');
  });

  test('the options table has a caption, column and row headers, a caution and cited cells', async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = await openOptions(page);
    await expect(panel.getByRole('note').filter({ hasText: 'not directly comparable' })).toBeVisible();
    // Seven options need more room than a 1280 px screen's main column, so the guide
    // starts "By question"; a reader who wants the table asks for it.
    const layout = panel.getByRole('group', { name: 'Show the comparison as' });
    await expect(layout.getByRole('radio', { name: 'By question' })).toBeChecked();
    await layout.getByRole('radio', { name: 'Table' }).check();
    const table = panel.getByRole('table', { name: options.caption });
    await expect(table).toBeVisible();
    await expect(table.locator('thead th[scope="col"]')).toHaveCount(options.routes.length + 1);
    for (const option of options.routes) {
      await expect(table.getByRole('columnheader', { name: option.name })).toBeVisible();
    }
    await expect(table.locator('tbody th[scope="row"]')).toHaveCount(options.rows.length);
    const cells = table.locator('tbody td');
    await expect(cells).toHaveCount(options.rows.length * options.routes.length);
    expect(await cells.evaluateAll((tds) => tds.every((td) => td.querySelector('a.cite')))).toBe(true);
    expect(await cells.evaluateAll((tds) => tds.every((td) => td.querySelector('.cmp-certainty')))).toBe(true);
    // No route timelines here; the route comparison keeps its own.
    await expect(panel.locator('.cmp-timeline')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('glossary terms in the answers open by keyboard in every layout, and no id repeats', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = await openOptions(page);
    const views = panel.getByRole('group', { name: 'Show the comparison as' });
    for (const [layout, answers] of [
      ['By question', '.cmp-by-question .cmp-answers'],
      ['By option', '.cmp-by-route .cmp-card'],
      ['Table', 'table.cmp-table td'],
    ]) {
      await views.getByRole('radio', { name: layout }).check();
      await expectTermOpensByKeyboard(page, panel.locator(`${answers} button.term`).first());
      await expectUniqueIds(page);
    }
  });

  test('"Fast relief" moves the matching questions to the top and marks them', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = await openOptions(page);
    await panel.getByRole('group', { name: 'What matters most to you' }).getByRole('checkbox', { name: 'Fast relief' }).check();
    // Seven options start "By question" at this width: the first card is the reader's.
    const first = panel.locator('.cmp-by-question .cmp-card').first();
    await expect(first).toHaveAttribute('data-row', 'how-fast');
    await expect(first.locator('.cmp-marker')).toContainText('Matters to you: Fast relief');
  });

  for (const width of [320, 390]) {
    test(`at ${width} px: "by question" and "by option", no sideways scroll`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      const panel = await openOptions(page);
      const views = panel.getByRole('group', { name: 'Show the comparison as' });
      await expect(views.getByRole('radio', { name: 'By question' })).toBeChecked();
      await expect(panel.locator('.cmp-by-question .cmp-card')).toHaveCount(options.rows.length);
      await expect(panel.locator('.cmp-by-question .cmp-card').first().locator('dt')).toHaveCount(options.routes.length);
      await noSidewaysScroll(page);
      await views.getByRole('radio', { name: 'By option' }).check();
      const focus = panel.getByRole('group', { name: 'Option to read' });
      await focus.getByRole('radio', { name: 'ECT', exact: true }).check();
      await expect(panel.locator('.cmp-by-route .cmp-route-name')).toHaveText(options.routes.find((o) => o.id === 'ect').name);
      await expect(panel.locator('.cmp-by-route .cmp-card')).toHaveCount(options.rows.length);
      await noSidewaysScroll(page);

      // The icon arrays reflow too.
      await openDetail(panel);
      await expect(panel.locator('figure.ia').first()).toBeVisible();
      await noSidewaysScroll(page);
    });
  }

  test('icon arrays are images named by their numbers, with 100 people each', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openGuide(page);
    const panel = await openSection(page, 'effectiveness');
    await openDetail(panel);
    const transform = panel.locator('#ia-transform2-remission');
    await expect(transform).toBeVisible();
    const pictures = transform.getByRole('img');
    await expect(pictures).toHaveCount(2);
    await expect(pictures.first()).toHaveAccessibleName(/52\.5 in 100 were in remission; 47\.5 in 100 were not/);
    await expect(pictures.nth(1)).toHaveAccessibleName(/31 in 100 were in remission; 69 in 100 were not/);
    // 52 filled, one drawn half filled, 47 outlined: 100 people, drawn as blocks of
    // alike figures (each a rectangle of 10 by 12 units per person).
    expect(await people(transform.locator('svg').first())).toEqual({ full: 52, half: 1, empty: 47 });
    await expect(transform).toContainText('A half-filled figure is half a person.');

    // ELEKT-D and KetECT side by side.
    const both = panel.locator('#ia-ketamine-ect');
    await expect(both.getByRole('img')).toHaveCount(4);
    await expect(both.getByRole('img').first()).toHaveAccessibleName(/ELEKT-D, IV ketamine: 55 in 100 responded; 45 in 100 did not/);
    await expect(both.getByRole('img').nth(3)).toHaveAccessibleName(/KetECT, ECT: 63 in 100 were in remission; 37 in 100 were not/);
    for (const svg of await both.locator('svg').all()) {
      const drawn = await people(svg);
      expect(drawn, 'every block is painted with a figure of its picture').not.toBeNull();
      expect(drawn.full + drawn.half + drawn.empty).toBe(100);
    }
  });

  test('icon arrays print', async ({ page }) => {
    await page.setViewportSize({ width: 794, height: 1123 });
    await openGuide(page);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(page.locator('#ia-blood-pressure-older svg').first()).toBeVisible();
    await expect(page.locator('#ia-dissociation svg').first()).toBeVisible();
  });

  test('leaning and SURE reach "My summary", survive reload and are erased', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const panel = await openOptions(page);
    const leaning = panel.getByRole('group', { name: deliberation.leaning_legend });
    await expect(leaning.getByRole('radio')).toHaveCount(deliberation.leanings.length);
    await leaning.getByRole('radio', { name: 'IV ketamine' }).check();
    const answers = ['Yes', 'No', 'Yes', 'Yes'];
    for (const [i, item] of deliberation.sure.entries()) {
      await panel.getByRole('group', { name: item.question }).getByRole('radio', { name: answers[i] }).check();
    }
    const result = panel.locator('.delib-result');
    await expect(result).toContainText('SURE: 3 of 4');
    await expect(result).toContainText(deliberation.sure[1].next_step);
    await expect(result.getByRole('link', { name: deliberation.sure[1].link.label })).toHaveAttribute('href', '#options');

    const summary = page.locator('.myq-summary');
    const questions = await openSection(page, 'questions');
    await expect(questions.locator('.myq-summary')).toContainText('IV ketamine');
    await expect(summary).toContainText('SURE: 3 of 4');
    await expect(summary).toContainText(`Not yet: ${deliberation.sure[1].question}`);

    // A new visit keeps all of it.
    await page.reload();
    await waitForApp(page);
    const again = await openSection(page, 'options');
    await expect(again.getByRole('group', { name: deliberation.leaning_legend }).getByRole('radio', { name: 'IV ketamine' })).toBeChecked();
    await expect(again.getByRole('group', { name: deliberation.sure[1].question }).getByRole('radio', { name: 'No' })).toBeChecked();
    await openSection(page, 'questions');
    await expect(summary).toContainText('SURE: 3 of 4');

    // Print shows it.
    await page.emulateMedia({ media: 'print' });
    await expect(summary.getByText('SURE: 3 of 4')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    // Erase removes it, on screen and on the device.
    await page.getByRole('button', { name: 'Erase everything I entered' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await expect(summary).toContainText('Not answered yet');
    expect(await page.evaluate(() => localStorage.getItem('ketamine-guide.deliberation'))).toBeNull();
    await expect(again.getByRole('group', { name: deliberation.leaning_legend }).getByRole('radio', { name: 'IV ketamine' })).not.toBeChecked();
  });

  test.describe('copy', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
    test('the copied summary has the leaning, the SURE score and the priorities', async ({ page }) => {
      await page.addInitScript(() => {
        localStorage.setItem('ketamine-guide.deliberation', JSON.stringify({
          version: 1, leaning: 'not-sure', sure: { sure: false, understand: true, risks: true, encouragement: true },
        }));
        localStorage.setItem('ketamine-guide.options.choices', JSON.stringify({ version: 1, priorities: ['lasting-benefit'] }));
      });
      await openGuide(page);
      await openSection(page, 'questions');
      await page.getByRole('button', { name: 'Copy as text' }).click();
      await expect(page.locator('.myq-summary [role=status]').last()).toContainText('copied');
      const text = await page.evaluate(() => navigator.clipboard.readText());
      expect(text).toContain('What matters most to me\n- Lasting benefit\n');
      expect(text).toContain('Where I am leaning\n- Not sure yet\n');
      expect(text).toContain('- SURE: 3 of 4\n- Not yet: Do you feel SURE about the best choice for you?\n');
    });
  });

  for (const scheme of ['light', 'dark']) {
    test(`axe-core is clean in ${scheme}, with the options, the SURE result and icon arrays open`, async ({ page }) => {
      test.setTimeout(150_000);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const panel = await openOptions(page);
      await openDetail(panel);
      await panel.getByRole('group', { name: deliberation.sure[0].question }).getByRole('radio', { name: 'No' }).check();
      await panel.getByRole('group', { name: 'What matters most to you' }).getByRole('checkbox', { name: 'Lasting benefit' }).check();
      const start = await openSection(page, 'start-here');
      await expect(start.locator('.decision')).toBeVisible();
      const effects = await openSection(page, 'side-effects');
      await openDetail(effects);
      await expectNoAxeViolations(page);
    });
  }
});
