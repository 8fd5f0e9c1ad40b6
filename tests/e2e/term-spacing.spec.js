// A glossary term right after an opening bracket or quote sits against it, as in the
// text: "(IV infusion)", never "( IV infusion)".
const { test, expect } = require('@playwright/test');
const { openGuide } = require('./helpers');

test('glossary terms next to punctuation keep the text\'s spacing', async ({ page }) => {
  await openGuide(page, '#routes');
  const gaps = await page.evaluate(() => {
    const found = [];
    for (const button of document.querySelectorAll('#routes-panel button.term')) {
      const before = button.previousSibling;
      if (!before || before.nodeType !== Node.TEXT_NODE || !/[(“]$/.test(before.textContent)) continue;
      const range = document.createRange();
      range.setStart(before, before.textContent.length - 1);
      range.setEnd(before, before.textContent.length);
      const bracket = range.getBoundingClientRect();
      const term = button.getClientRects()[0];
      found.push({ term: button.textContent, gap: Math.round((term.left - bracket.right) * 10) / 10, sameLine: Math.abs(term.top - bracket.top) < 4 });
    }
    return found;
  });
  expect(gaps.length).toBeGreaterThan(0);
  for (const { term, gap, sameLine } of gaps) {
    if (!sameLine) continue;
    expect(gap, `space before "${term}"`).toBeLessThan(2);
  }
});
