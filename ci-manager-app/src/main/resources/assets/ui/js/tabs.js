// Link tabs (each tab is a URL) with the WAI-ARIA keyboard model: arrows, Home and End move and open.
import { h } from './dom.js';

export function tabList(label, tabs, activeId, testid = 'tabs') {
  const links = tabs.map((tab) => h('a', {
    role: 'tab',
    href: tab.href,
    id: `tab-${tab.id}`,
    class: 'tab',
    testid: `tab-${tab.id}`,
    'aria-controls': `panel-${tab.id}`,
  }, tab.label));
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tablist', testid }, links);
  list.addEventListener('keydown', (event) => {
    const index = links.indexOf(document.activeElement);
    if (index === -1) return;
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: links.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = links[(target + links.length) % links.length];
    next.focus();
    next.click();
  });
  list.select = (id) => links.forEach((link, i) => {
    const selected = tabs[i].id === id;
    link.setAttribute('aria-selected', String(selected));
    link.tabIndex = selected ? 0 : -1;
  });
  list.select(activeId);
  return list;
}

export function tabPanel(id) {
  return h('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, class: 'tabpanel', testid: `panel-${id}`, tabindex: '-1' });
}
