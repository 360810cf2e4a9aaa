// Accessible tabs (WAI-ARIA tab pattern): arrow keys move between tabs, each tab controls a panel.
import { h, uid } from './dom.js';

export interface Tabs {
  readonly element: HTMLElement;
  readonly panels: readonly HTMLElement[];
  select(index: number): void;
  setLabels(labels: readonly string[]): void;
  selected(): number;
}

export function tabs(
  name: string,
  labels: readonly string[],
  onSelect: (index: number) => void = () => {},
): Tabs {
  const ids = labels.map(() => uid(name));
  const buttons = labels.map((label, i) =>
    h(
      'button',
      {
        class: 'tab',
        attrs: {
          type: 'button',
          role: 'tab',
          id: `${ids[i]}-tab`,
          'aria-controls': `${ids[i]}-panel`,
          'data-tab': `${name}-${i}`,
        },
        on: { click: () => select(i) },
      },
      label,
    ),
  );
  const panels = labels.map((_, i) =>
    h('div', {
      class: 'tab-panel',
      attrs: { role: 'tabpanel', id: `${ids[i]}-panel`, 'aria-labelledby': `${ids[i]}-tab` },
    }),
  );
  const list = h('div', { class: 'tablist', attrs: { role: 'tablist' } }, buttons);
  list.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next =
      e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : -2;
    if (next === -2) return;
    e.preventDefault();
    const j = (next + buttons.length) % buttons.length;
    select(j);
    buttons[j]!.focus();
  });
  let current = 0;
  function select(index: number) {
    current = index;
    buttons.forEach((b, i) => {
      b.setAttribute('aria-selected', String(i === index));
      b.tabIndex = i === index ? 0 : -1;
      panels[i]!.hidden = i !== index;
    });
    onSelect(index);
  }
  select(0);
  return {
    element: h('div', { class: 'tabs' }, list, panels),
    panels,
    select,
    setLabels: (ls) => ls.forEach((l, i) => (buttons[i]!.textContent = l)),
    selected: () => current,
  };
}
