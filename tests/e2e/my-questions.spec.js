// "My questions and summary": the reader's list, checklist, print, copy and erase,
// all kept in this browser only.
const { test, expect } = require('@playwright/test');
const { shippedGuide, openGuide, watchConsole, expectNoAxeViolations } = require('./helpers');

const guide = shippedGuide();
const questionsSection = guide.sections.find((s) => s.kind === 'questions');
const general = questionsSection.questions;
const checklist = questionsSection.checklist;
const route = guide.comparison.routes[0];
const OWN = 'Can my partner come with me to every session?';

/** Opens the guide and the questions section. */
async function openQuestions(page) {
  await openGuide(page);
  await page.locator('#questions-button').click();
  await expect(page.locator('#questions-panel')).toBeVisible();
}

const myList = (page) => page.locator('.myq-list .myq-item-text');

/** Every key this guide stored in localStorage. */
const storedKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ketamine-guide.')));

test('a reader builds, edits, reorders and removes their list, and it survives a reload', async ({ page }) => {
  const problems = watchConsole(page);
  await openQuestions(page);
  await expect(page.locator('.myq-summary')).toContainText('Your list is empty');

  // Suggested questions: a general one and one about a route.
  await page.getByRole('button', { name: `Add to my list: ${general[0]}` }).click();
  await page.getByRole('button', { name: `Add to my list: ${general[1]}` }).click();
  await page.locator(`#myq-group-route-${route.id} > summary`).click();
  await page.getByRole('button', { name: `Add to my list: ${route.questions[0]}` }).click();
  await expect(page.getByRole('button', { name: `Remove from my list: ${general[0]}` })).toHaveText('Remove');

  // The reader's own question; a blank one is refused with a message.
  await page.getByLabel('Write your own question').fill('   ');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('#myq-own-message')).toHaveText('Please type a question first.');
  await page.getByLabel('Write your own question').fill(`  ${OWN}  `);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(myList(page)).toHaveText([general[0], general[1], route.questions[0], OWN]);
  await expect(page.getByLabel('Write your own question')).toHaveValue('');

  // Edit in place.
  await page.getByRole('button', { name: `Edit: ${OWN}` }).click();
  const field = page.getByLabel('Change the wording');
  await expect(field).toBeFocused();
  await field.fill('Can my partner come with me?');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(myList(page).nth(3)).toHaveText('Can my partner come with me?');
  await expect(page.getByRole('button', { name: 'Edit: Can my partner come with me?' })).toBeFocused();

  // Reorder: move the last one to the top; focus stays on the control.
  const up = page.getByRole('button', { name: 'Move up: Can my partner come with me?' });
  await up.click();
  await expect(up).toBeFocused();
  await up.click();
  await up.click();
  await expect(myList(page)).toHaveText(['Can my partner come with me?', general[0], general[1], route.questions[0]]);
  await expect(up).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: `Move down: ${general[0]}` }).click();
  await expect(myList(page)).toHaveText(['Can my partner come with me?', general[1], general[0], route.questions[0]]);

  // Remove, from the list and with the suggestion's toggle.
  await page.getByRole('button', { name: `Remove: ${general[1]}` }).click();
  await page.getByRole('button', { name: `Remove from my list: ${route.questions[0]}` }).click();
  await expect(myList(page)).toHaveText(['Can my partner come with me?', general[0]]);
  await expect(page.locator('.myq-summary [role=status]').first()).toContainText('Your list has 2 questions.');

  // A checklist tick is kept too.
  await page.getByLabel(checklist[0]).check();

  // Nothing the reader entered is ever in the URL.
  expect(decodeURIComponent(page.url())).not.toContain('partner');
  expect(page.url()).not.toContain('?');

  await page.reload();
  await expect(page.locator('#questions-panel')).toBeVisible();
  await expect(myList(page)).toHaveText(['Can my partner come with me?', general[0]]);
  await expect(page.getByLabel(checklist[0])).toBeChecked();
  await expect(page.getByLabel(checklist[1])).not.toBeChecked();
  expect(decodeURIComponent(page.url())).not.toContain('partner');
  expect(problems).toEqual([]);
});

test('corrupt or old stored data is ignored and the page still works', async ({ page }) => {
  const problems = watchConsole(page);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('ketamine-guide.my-questions', '{"version":1,"questions":');
    localStorage.setItem('ketamine-guide.checklist', '[[[garbage');
    localStorage.setItem('ketamine-guide.comparison.choices', '{"version":99,"priorities":["cost"]}');
  });
  await openQuestions(page);
  await expect(page.locator('.myq-summary')).toContainText('Your list is empty');
  await expect(page.locator('.myq-checklist input:checked')).toHaveCount(0);
  await expect(page.locator('.myq-summary')).toContainText('None chosen yet');
  await page.getByRole('button', { name: `Add to my list: ${general[2]}` }).click();
  await expect(myList(page)).toHaveText([general[2]]);
  await page.reload();
  await expect(myList(page)).toHaveText([general[2]]);

  // An old version of the list is ignored too.
  await page.evaluate(() =>
    localStorage.setItem('ketamine-guide.my-questions', '{"version":0,"questions":["Old?"]}'),
  );
  await page.reload();
  await expect(page.locator('.myq-summary')).toContainText('Your list is empty');
  expect(problems).toEqual([]);
});

test.describe('copy', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('"Copy as text" copies the whole summary as plain text', async ({ page }) => {
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'ketamine-guide.comparison.choices',
        JSON.stringify({ version: 1, priorities: ['cost', 'needles'] }),
      );
    });
    await openQuestions(page);
    await page.getByRole('button', { name: `Add to my list: ${general[0]}` }).click();
    await page.getByLabel('Write your own question').fill(OWN);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel(checklist[4]).check();
    await page.getByRole('button', { name: 'Copy as text' }).click();
    await expect(page.locator('.myq-summary [role=status]').last()).toContainText('copied');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const label = (id) => guide.comparison.concerns.find((c) => c.id === id).label;
    const priorities = guide.comparison.concerns
      .filter((c) => ['cost', 'needles'].includes(c.id))
      .map((c) => `- ${c.label}`);
    expect(label('cost')).toBeTruthy();
    const expected = [
      `My summary: ${guide.meta.title}`,
      '',
      'What matters most to me',
      ...priorities,
      '',
      'Where I am leaning',
      '- Not chosen yet',
      '',
      'How sure I feel (SURE test)',
      '- Not answered yet',
      '',
      'My questions',
      `1. ${general[0]}`,
      `2. ${OWN}`,
      '',
      'Things to tell the care team',
      ...checklist.map((item, i) => `${i === 4 ? '[x]' : '[ ]'} ${item}`),
      '',
    ].join('\n');
    expect(text).toBe(expected);
  });
});

test('without the Clipboard API the text is shown selected, ready to copy', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await openQuestions(page);
  await page.getByRole('button', { name: `Add to my list: ${general[0]}` }).click();
  await page.getByRole('button', { name: 'Copy as text' }).click();
  const field = page.getByLabel('Your summary as text');
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(new RegExp(`1\\. ${general[0].replace(/[?()]/g, '\\$&')}`));
  await expect(page.locator('.myq-summary [role=status]').last()).not.toBeEmpty();
});

test('"Print my summary" prints only the summary', async ({ page }) => {
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await openQuestions(page);
  await page.getByRole('button', { name: `Add to my list: ${general[0]}` }).click();
  await page.getByRole('button', { name: 'Print my summary' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await expect(page.locator('html')).toHaveClass(/myq-printing/);

  await page.emulateMedia({ media: 'print' });
  const summary = page.locator('.myq-summary');
  await expect(summary).toBeVisible();
  await expect(summary.locator('.myq-item-text')).toHaveText([general[0]]);
  await expect(summary.getByRole('heading', { name: 'Things to tell the care team' })).toBeVisible();
  // Controls, the rest of the section and every other section are not printed.
  await expect(summary.getByRole('button', { name: `Move up: ${general[0]}` })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print my summary' })).toBeHidden();
  await expect(page.locator('.myq-group').first()).toBeHidden();
  await expect(page.locator('#questions-button')).toBeHidden();
  await expect(page.locator(`#${guide.sections[0].id}`)).toBeHidden();
  await expect(page.locator('.crisis-bar')).toBeHidden();
  await expect(page.locator('.myq-erase')).toBeHidden();

  // After printing, the page prints whole again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('html')).not.toHaveClass(/myq-printing/);
  await expect(page.locator(`#${guide.sections[0].id}`)).toBeVisible();
});

test('when storage is full or blocked the list still works, with one quiet notice', async ({ page }) => {
  const problems = watchConsole(page);
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('ketamine-guide.my-questions') || String(key).startsWith('ketamine-guide.checklist')) {
        throw new DOMException('full', 'QuotaExceededError');
      }
      return real.call(this, key, value);
    };
  });
  await openQuestions(page);
  await page.getByRole('button', { name: `Add to my list: ${general[0]}` }).click();
  await page.getByRole('button', { name: `Add to my list: ${general[1]}` }).click();
  await page.getByLabel(checklist[0]).check();
  await expect(myList(page)).toHaveText([general[0], general[1]]);
  const notice = page.locator('.myq-save-problem .notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('cannot be saved on this device');
  expect(problems).toEqual([]);
});

test('erase asks first, then removes everything entered', async ({ page }) => {
  test.setTimeout(60_000);
  await openQuestions(page);
  await page.getByRole('button', { name: `Add to my list: ${general[0]}` }).click();
  await page.getByLabel(checklist[2]).check();
  await page.evaluate(() =>
    localStorage.setItem('ketamine-guide.comparison.choices', JSON.stringify({ version: 1, priorities: ['cost'] })),
  );
  expect((await storedKeys(page)).length).toBeGreaterThanOrEqual(3);

  const erase = page.getByRole('button', { name: 'Erase everything I entered' });
  await erase.click();
  const confirm = page.getByRole('group', { name: /This removes your questions/ });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(erase).toBeFocused();
  await expect(myList(page)).toHaveText([general[0]]);

  await erase.click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(page.locator('.myq-erase [role=status]')).toHaveText(
    'Everything you entered has been erased from this device.',
  );
  expect(await storedKeys(page)).toEqual([]);
  await expect(myList(page)).toHaveCount(0);
  await expect(page.locator('.myq-summary')).toContainText('Your list is empty');
  await expect(page.getByLabel(checklist[2])).not.toBeChecked();
  await expect(page.getByRole('button', { name: `Add to my list: ${general[0]}` })).toBeVisible();

  await page.reload();
  await page.locator('#questions-button').click();
  await expect(page.locator('.myq-summary')).toContainText('Your list is empty');
});

for (const scheme of ['light', 'dark']) {
  test(`the questions section is axe-clean with a list and while editing (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openQuestions(page);
    await page.getByRole('button', { name: `Add to my list: ${general[0]}` }).click();
    await page.getByRole('button', { name: `Add to my list: ${general[1]}` }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click(); // blank: shows the message
    await expect(page.locator('#myq-own-message')).not.toBeEmpty();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: `Edit: ${general[1]}` }).click();
    await expectNoAxeViolations(page);
  });
}

test('no horizontal scrolling at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await openQuestions(page);
  await page.getByRole('button', { name: `Add to my list: ${general[0]}` }).click();
  await page.getByRole('button', { name: `Edit: ${general[0]}` }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
