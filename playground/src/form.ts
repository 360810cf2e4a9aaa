// The contract form, generated from the vocabulary of `@sroi/core` (the contract's fields, each
// activity kind's fields and their documentation, sent by the worker) and from the ruleset (the activity kinds it
// values, grouped by route, and its enumerations). Nothing here knows a particular ruleset.
import type { FieldSpec } from '@sroi/core';
import { h, replace, uid } from './dom.js';
import { fieldDoc, t } from './i18n.js';
import { parseMoneyInput, parseNumberInput } from './money.js';
import type { FormShape, ViewDiagnostic } from './protocol.js';

export type ContractJson = Record<string, unknown> & { activiteiten?: Record<string, unknown>[] };

export interface FormHost {
  readonly contract: () => ContractJson;
  /** The form changed the contract (already in place in the object). */
  readonly changed: (rerender: boolean) => void;
}

/** The input for one field; `path` is the JSON path diagnostics use (`activiteiten[0].fte`). */
function fieldInput(
  target: Record<string, unknown>,
  name: string,
  spec: FieldSpec,
  path: string,
  shape: FormShape,
  host: FormHost,
): HTMLElement {
  const id = uid('f');
  const value = target[name];
  const set = (v: unknown, rerender = false) => {
    if (v === undefined || v === '') delete target[name];
    else target[name] = v;
    host.changed(rerender);
  };
  const type = spec.type;
  let input: HTMLElement;
  const common = { id, 'data-path': path, 'aria-describedby': `${id}-doc ${id}-err` };
  switch (type.kind) {
    case 'enum': {
      const values = shape.enumerations[type.enumeration] ?? [];
      const select = h(
        'select',
        { attrs: common, on: { change: () => set(select.value || undefined) } },
        h('option', { attrs: { value: '' } }, spec.presence === 'required' ? '—' : t('unknown')),
        values.map((v) => h('option', { attrs: { value: v } }, v)),
      );
      // A value the ruleset does not know stays visible (and the evaluator names the problem).
      if (typeof value === 'string' && !values.includes(value))
        select.append(h('option', { attrs: { value } }, value));
      select.value = typeof value === 'string' ? value : '';
      input = select;
      break;
    }
    case 'boolean': {
      if (spec.presence === 'default-false') {
        const box = h('input', {
          attrs: { ...common, type: 'checkbox' },
          on: { change: () => set(box.checked ? true : undefined) },
        });
        box.checked = value === true;
        input = box;
      } else {
        const select = h(
          'select',
          {
            attrs: common,
            on: { change: () => set(select.value === '' ? undefined : select.value === 'true') },
          },
          h('option', { attrs: { value: '' } }, t('unknown')),
          h('option', { attrs: { value: 'true' } }, t('yes')),
          h('option', { attrs: { value: 'false' } }, t('no')),
        );
        select.value = value === true ? 'true' : value === false ? 'false' : '';
        input = select;
      }
      break;
    }
    case 'date': {
      const el = h('input', {
        attrs: { ...common, type: 'date' },
        on: { change: () => set(el.value || undefined) },
      });
      el.value = typeof value === 'string' ? value : '';
      input = el;
      break;
    }
    default: {
      const numeric = type.kind !== 'text';
      const el = h('input', {
        attrs: {
          ...common,
          type: 'text',
          ...(numeric ? { inputmode: 'decimal', autocomplete: 'off' } : {}),
        },
        on: {
          input: () => {
            const raw = el.value;
            if (raw.trim() === '') return set(undefined);
            if (type.kind === 'money') return set(parseMoneyInput(raw));
            if (numeric) return set(parseNumberInput(raw));
            set(raw);
          },
        },
      });
      el.value = value === undefined || value === null ? '' : String(value);
      input = el;
    }
  }
  const label = h(
    'label',
    { attrs: { for: id } },
    h('span', { class: 'field-name' }, name),
    spec.presence === 'optional' ? h('span', { class: 'optional' }, ` (${t('optional')})`) : null,
  );
  const checkbox = type.kind === 'boolean' && spec.presence === 'default-false';
  return h(
    'div',
    { class: `field${checkbox ? ' field-check' : ''}`, attrs: { 'data-field': path } },
    checkbox ? [input, label] : [label, input],
    h('div', { class: 'field-doc', attrs: { id: `${id}-doc` } }, fieldDoc(spec)),
    h('div', { class: 'field-error', attrs: { id: `${id}-err`, role: 'status' } }),
  );
}

/** Renders the form for `host.contract()` into `root`. */
export function renderForm(root: HTMLElement, shape: FormShape | undefined, host: FormHost): void {
  const contract = host.contract();
  if (!shape) {
    replace(root, h('p', { class: 'muted' }, t('rulesetHasErrors')));
    return;
  }
  const general = h(
    'fieldset',
    { class: 'contract-fields' },
    h('legend', {}, t('contractFields')),
    Object.entries(shape.contractFields).map(([name, spec]) =>
      fieldInput(contract, name, spec, name, shape, host),
    ),
  );
  const list = (contract.activiteiten ??= []);
  const activities = h(
    'ol',
    { class: 'activities' },
    list.map((activity, index) => {
      const kind = typeof activity.soort === 'string' ? activity.soort : '?';
      const route = shape.kinds.find((k) => k.kind === kind);
      const fields = shape.activityFields[kind] ?? {};
      return h(
        'li',
        { class: 'activity', attrs: { 'data-field': `activiteiten[${index}]` } },
        h(
          'div',
          { class: 'activity-head' },
          h(
            'h4',
            {},
            `${index + 1}. ${kind}`,
            route ? h('span', { class: 'muted' }, ` — ${route.label}`) : null,
          ),
          h(
            'button',
            {
              class: 'small',
              attrs: {
                type: 'button',
                'aria-label': `${t('remove')}: ${t('activity')} ${index + 1} (${kind})`,
              },
              on: {
                click: () => {
                  list.splice(index, 1);
                  host.changed(true);
                },
              },
            },
            t('remove'),
          ),
        ),
        h('div', {
          class: 'field-error',
          attrs: { 'data-error-for': `activiteiten[${index}]`, role: 'status' },
        }),
        Object.entries(fields).map(([name, spec]) =>
          fieldInput(activity, name, spec, `activiteiten[${index}].${name}`, shape, host),
        ),
      );
    }),
  );
  const routes = [...new Set(shape.kinds.map((k) => k.label))];
  const adders = h(
    'div',
    { class: 'adders', attrs: { role: 'group', 'aria-label': t('addActivity') } },
    routes.map((label) =>
      h(
        'div',
        { class: 'adder-route' },
        h('span', { class: 'muted' }, `${label}: `),
        shape.kinds
          .filter((k) => k.label === label)
          .map((k) =>
            h(
              'button',
              {
                class: 'small',
                attrs: { type: 'button', 'data-add': k.kind },
                on: {
                  click: () => {
                    list.push({ soort: k.kind });
                    host.changed(true);
                  },
                },
              },
              `+ ${k.kind}`,
            ),
          ),
      ),
    ),
  );
  replace(
    root,
    general,
    h('fieldset', { class: 'activities-box' }, h('legend', {}, t('activities')), activities, adders),
  );
}

/** Shows each contract diagnostic beside the field its JSON path names. */
export function showFormErrors(root: HTMLElement, diagnostics: readonly ViewDiagnostic[]): void {
  for (const el of root.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const d of diagnostics) {
    const path = d.path ?? '';
    const field = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
    const box =
      field?.querySelector<HTMLElement>(':scope > .field-error') ??
      root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]`);
    if (!box) continue;
    box.textContent = [box.textContent, `${d.message} (${d.code})`].filter(Boolean).join(' ');
    field?.querySelector('input,select')?.setAttribute('aria-invalid', 'true');
  }
}
