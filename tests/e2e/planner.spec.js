// Plan it: the visit planner, the calendar file, the cost estimate, the handout for
// the person who comes with the reader, the review dates, "What changed" and the
// notice beside a rule whose end date has passed. All of it stays on the device.
const fs = require('fs');
const { test, expect } = require('@playwright/test');
const ICAL = require('ical.js');
const { openGuide, shippedGuide, expectNoAxeViolations, watchConsole } = require('./helpers');

const guide = shippedGuide();
const nasal = guide.planner.schedules.find((s) => s.id === 'nasal');
const iv = guide.planner.schedules.find((s) => s.id === 'iv');
const own = guide.planner.schedules.find((s) => s.weekly_sessions === undefined || s.weekly_sessions.length === 0);

/** Opens the planner section and waits for its form. */
async function openPlanner(page) {
  await openGuide(page, '#plan-visits');
  await expect(page.locator('#plan-start')).toBeVisible();
}

/** Whether the page scrolls sideways. */
const scrollsSideways = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

for (const [device, width] of [['a phone', 390], ['a desktop', 1280]]) {
  test(`the nasal spray from a Monday gives 12 visits, on ${device}`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width, height: 900 });
    await openPlanner(page);
    await page.locator('#plan-start').fill('2026-12-07');
    await page.getByRole('radio', { name: nasal.label }).check();
    const rows = page.locator('.plan-list > li');
    await expect(rows).toHaveCount(12);
    await expect(rows.first()).toContainText('Monday 7 December 2026');
    await expect(rows.first()).toContainText('Week 1');
    await expect(rows.nth(1)).toContainText('Thursday 10 December 2026');
    await expect(rows.nth(8)).toContainText('Monday 4 January 2027');
    await expect(rows.last()).toContainText('Week 8');
    await expect(rows.first()).toContainText(nasal.plan_time.text);
    await expect(rows.first()).toContainText(guide.planner.ride.text);
    await expect(rows.first()).toContainText(nasal.driving.text);
    const totals = page.locator('.plan-totals');
    await expect(totals).toContainText('Visits12');
    await expect(totals).toContainText('Rides home12');
    await expect(totals).toContainText('about 30 hours');
    // The study course for IV ketamine, labelled as such, with its 24-hour rule.
    await page.getByRole('radio', { name: iv.label }).check();
    await expect(rows).toHaveCount(6);
    await expect(rows.first()).toContainText('24 hours');
    await expect(page.locator('.plan-choice', { hasText: iv.label }).locator('.citations')).toBeVisible();
    // The reader's own schedule: 3 a week for 2 weeks.
    await page.getByRole('radio', { name: own.label }).check();
    await page.getByLabel('Sessions a week').fill('3');
    await page.getByLabel('For how many weeks').fill('2');
    await expect(rows).toHaveCount(6);
    expect(await scrollsSideways(page)).toBe(false);
    expect(problems).toEqual([]);
  });
}

test('the calendar file parses, with one event per session and the driving rule', async ({ page }) => {
  await openPlanner(page);
  await page.locator('#plan-start').fill('2026-12-07');
  await page.getByRole('radio', { name: nasal.label }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to my calendar (.ics file)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ketamine-visits.ics');
  const text = fs.readFileSync(await download.path(), 'utf8');
  // Lines end in CRLF and no line is longer than 75 octets.
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  // An independent parser reads it.
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(12);
  const uids = new Set(events.map((e) => e.uid));
  expect(uids.size).toBe(12);
  for (const event of events) {
    expect(event.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(event.startDate.isDate).toBe(true);
    expect(event.summary).toContain('Nasal spray session');
    expect(event.description).toContain(nasal.driving.text);
    expect(event.description).toContain(guide.planner.ride.text);
  }
  expect(events[0].startDate.toString()).toBe('2026-12-07');
  expect(events[11].startDate.toString()).toBe('2027-01-25');
  await expect(page.locator('.plan-actions [role=status]')).toContainText('12 visits');
});

test('bad input gets a clear message beside the field, and no broken list', async ({ page }) => {
  await openPlanner(page);
  const start = page.locator('#plan-start');
  // No date.
  await page.getByRole('button', { name: 'Show my visits' }).click();
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(start).toBeFocused();
  await expect(page.locator('#plan-start-error')).toHaveText('Please choose the date of your first session.');
  expect(await start.getAttribute('aria-describedby')).toContain('plan-start-error');
  await expect(page.locator('.plan-list')).toHaveCount(0);
  // Sessions a week and weeks out of range.
  await start.fill('2026-12-07');
  await page.getByRole('radio', { name: own.label }).check();
  const perWeek = page.getByLabel('Sessions a week');
  const weeks = page.getByLabel('For how many weeks');
  for (const [count, length, field, message] of [
    ['0', '4', perWeek, '#plan-per-week-error'],
    ['50', '4', perWeek, '#plan-per-week-error'],
    ['2', '60', weeks, '#plan-weeks-error'],
    ['2', '0', weeks, '#plan-weeks-error'],
  ]) {
    await perWeek.fill(count);
    await weeks.fill(length);
    await weeks.blur();
    await perWeek.focus();
    await perWeek.blur();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(message)).toContainText('whole number');
    await expect(page.locator('.plan-list')).toHaveCount(0);
  }
  await perWeek.fill('2');
  await weeks.fill('4');
  await expect(page.locator('.plan-list > li')).toHaveCount(8);
  await expect(perWeek).toHaveAttribute('aria-invalid', 'false');
  await expectNoAxeViolations(page);
});

test('a stored date that is not a real date is named, not shown as a list', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('ketamine-guide.planner', JSON.stringify({ version: 1, start: '2026-02-30', schedule: 'nasal' }));
    }
  });
  await openPlanner(page);
  await expect(page.locator('#plan-start-error')).toContainText('That is not a date we can use.');
  await expect(page.locator('.plan-list')).toHaveCount(0);
});

test('the cost estimate works in dollars and never shows NaN', async ({ page }) => {
  await openPlanner(page);
  await page.locator('#plan-start').fill('2026-12-07');
  await page.getByRole('radio', { name: nasal.label }).check();
  const estimate = page.locator('.cost-estimate');
  await expect(estimate.getByRole('heading', { name: guide.planner.cost_heading })).toBeVisible();
  await expect(estimate.locator('a[href="#cost"]')).toBeVisible();
  await expect(estimate.locator('a[href="#questions"]')).toBeVisible();
  const price = page.getByLabel('Price per session from your clinic, in dollars');
  await price.fill('850');
  await page.getByLabel('Extra costs per session, if any, in dollars').fill('$50');
  await expect(page.locator('#cost-first-weeks')).toHaveText('$10,800');
  await expect(page.locator('#cost-later')).toHaveText('$1,800 to $3,600');
  await page.getByLabel('Share your insurance pays, in percent, if known').fill('20');
  await expect(page.locator('#cost-first-weeks')).toHaveText('$10,800 (you pay $8,640)');
  for (const [typed, message] of [
    ['-5', 'cannot be less than zero'],
    ['lots', 'using numbers only'],
    ['9999999', 'more than $100,000'],
  ]) {
    await price.fill(typed);
    await expect(price).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#cost-price-error')).toContainText(message);
    await expect(page.locator('#cost-first-weeks')).toHaveCount(0);
  }
  await page.getByRole('radio', { name: iv.label }).check();
  await price.fill('1,200.50');
  await expect(page.locator('#cost-later')).toContainText('ask your clinic');
  expect(await page.locator('body').innerText()).not.toMatch(/NaN|undefined|Infinity/);
});

test('the handout prints on exactly one page at Letter and at A4', async ({ page }) => {
  await openGuide(page, '#person-with-you');
  const sheet = page.locator('#companion-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(guide.companion.normal[0].text);
  await expect(sheet).toContainText(guide.emergency.action);
  await expect(sheet).toContainText('988');
  await expect(sheet).toContainText(guide.companion.driving[1].text);
  await page.getByLabel('The clinic’s phone number').fill('555 0100');
  await page.getByLabel('The next session').fill('Thursday 10 December, 9 am');
  await expect(sheet.locator('.companion-address')).toContainText(new URL(page.url()).pathname);
  await page.evaluate(() => {
    window.print = () => {};
  });
  for (const format of ['Letter', 'A4']) {
    // Each print ends with "afterprint", which takes the mark off again.
    await page.getByRole('button', { name: 'Print this page' }).click();
    await expect(page.locator('html')).toHaveClass(/companion-printing/);
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    expect(pages, `${format} pages`).toBe(1);
  }
  await page.getByRole('button', { name: 'Print this page' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#plan-start')).toBeHidden();
  await expect(sheet.locator('.companion-title')).toBeVisible();
});

/** "2026-12-02" as the guide writes it: "2 December 2026". */
function humanDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[month - 1]} ${year}`;
}

test('the header shows the review dates and links to what changed', async ({ page }) => {
  await openGuide(page);
  const reviewed = page.locator('.reviewed');
  await expect(reviewed).toContainText(`Last reviewed ${humanDate(guide.meta.last_reviewed)}`);
  await expect(reviewed).toContainText(`Next review due ${humanDate(guide.meta.next_review)}`);
  await reviewed.getByRole('link', { name: 'What changed' }).click();
  await expect(page.locator('#what-changed')).toBeFocused();
  const entries = page.locator('.change-list > li');
  await expect(entries).toHaveCount(guide.changes.length);
  await expect(entries.first()).toContainText(humanDate(guide.changes[0].date));
  await expect(entries.first()).toContainText('Why:');
  await expectNoAxeViolations(page);
});

test('a rule past its end date says so, with a fixed clock', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-01-15T10:00:00'));
  await openGuide(page, '#safety-regulation');
  await page.locator('#safety-regulation-panel details.more > summary').click();
  const paragraph = page.locator('p', { hasText: 'The latest extension runs until' });
  await expect(paragraph.locator('.rule-notice')).toHaveText(
    'This rule was due to change on 31 December 2026. Check the current rule.',
  );
  // The About summary names the same rule, so it says so there too.
  await page.goto('./#about');
  await expect(page.locator('#about-panel .summary .rule-notice')).toBeVisible();
});

test('before the end date there is no notice', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-15T10:00:00'));
  await openGuide(page, '#safety-regulation');
  await page.locator('#safety-regulation-panel details.more > summary').click();
  await expect(page.locator('p', { hasText: 'The latest extension runs until' })).toBeVisible();
  await expect(page.locator('.rule-notice')).toHaveCount(0);
});

test('entries stay on the device, survive a reload, and "Erase everything" removes them', async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openPlanner(page);
  await page.locator('#plan-start').fill('2026-12-07');
  await page.getByRole('radio', { name: iv.label }).check();
  await page.getByLabel('Price per session from your clinic, in dollars').fill('500');
  await page.goto('./#person-with-you');
  await page.getByLabel('The clinic’s phone number').fill('555 0100');
  await page.reload();
  await expect(page.getByLabel('The clinic’s phone number')).toHaveValue('555 0100');
  await page.goto('./#plan-visits');
  await expect(page.locator('#plan-start')).toHaveValue('2026-12-07');
  await expect(page.getByRole('radio', { name: iv.label })).toBeChecked();
  await expect(page.getByLabel('Price per session from your clinic, in dollars')).toHaveValue('500');
  await expect(page.locator('.plan-list > li')).toHaveCount(6);
  // Nothing left the device, and nothing went into a URL.
  const sent = requests.filter((url) => !url.startsWith(origin) || url.includes('555') || url.includes('2026-12-07') || new URL(url).search !== '');
  expect(sent).toEqual([]);
  expect(page.url()).not.toContain('?');
  // Erase everything.
  await page.goto('./#questions');
  await page.getByRole('button', { name: 'Erase everything I entered' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ketamine-guide.planner') || k.startsWith('ketamine-guide.companion')));
  expect(stored).toEqual([]);
  await page.goto('./#plan-visits');
  await expect(page.locator('#plan-start')).toHaveValue('');
  await expect(page.locator('.plan-list')).toHaveCount(0);
  await page.goto('./#person-with-you');
  await expect(page.getByLabel('The clinic’s phone number')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('The clinic’s phone number')).toHaveValue('');
});

for (const scheme of ['light', 'dark']) {
  test(`the planner, cost estimate and handout are axe-clean (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openPlanner(page);
    await page.locator('#plan-start').fill('2026-12-07');
    await page.getByLabel('Price per session from your clinic, in dollars').fill('abc');
    await expect(page.locator('.plan-list > li')).toHaveCount(12);
    await page.goto('./#person-with-you');
    await expect(page.locator('#companion-sheet')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
