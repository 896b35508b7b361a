/**
 * Completion under the formula bar (loaded when a formula is first typed): after "[" the columns
 * of the sheet (or of the sheet named before it), otherwise functions with their one-line doc and
 * sheets. Tab accepts the highlighted entry; the arrows move; Escape hides the list.
 */
import { createMemo, createSignal, For, Show, type Accessor, type JSX } from 'solid-js';
import { useApp } from '../app-context.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { isViewSheet } from '../../schema/types.ts';

interface Suggestion {
  label: string;
  detail: string;
  kind: 'column' | 'function' | 'sheet';
  /** Replaces text[from, to). */
  insert: string;
  from: number;
  to: number;
}

const MAX = 8;
const IDENT = /[\p{L}_][\p{L}\p{N}_.]*$/u;

/** A sheet name as formulas write it: quoted when it is not a plain word. */
const sheetRef = (name: string): string => (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

const FormulaAssist = (props: {
  text: Accessor<string>;
  caret: Accessor<number>;
  sheetId: string;
  keys: (h: (e: KeyboardEvent) => boolean) => void;
  accept: (text: string, caret: number) => void;
}): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const [at, setAt] = createSignal(0);
  const [hiddenFor, setHiddenFor] = createSignal<string | null>(null);

  const suggestions = createMemo((): Suggestion[] => {
    const text = props.text();
    const caret = props.caret();
    const before = text.slice(0, caret);
    const open = before.lastIndexOf('[');
    if (open >= 0 && !before.slice(open).includes(']')) {
      const prefix = before.slice(open + 1).toLowerCase();
      const sheetName = /(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_]*))$/u.exec(before.slice(0, open));
      const named = sheetName ? app.wb.sheetByName((sheetName[1] ?? sheetName[2] ?? '').replace(/''/g, "'")) : undefined;
      const sheetId = named?.id ?? props.sheetId;
      const close = text[caret] === ']' ? caret + 1 : caret;
      if (!app.wb.hasSheet(sheetId)) return [];
      return app.wb
        .columns(sheetId)
        .map((c) => ({ c, name: app.label(c) }))
        .filter(({ name }) => name.toLowerCase().includes(prefix))
        .slice(0, MAX)
        .map(({ c, name }) => ({
          label: `[${name}]`,
          detail: t(c.formula !== undefined ? 'type.formula' : `type.${c.type}`),
          kind: 'column' as const,
          insert: `[${name}]`,
          from: open,
          to: close,
        }));
    }
    const m = IDENT.exec(before);
    if (!m) return [];
    const prefix = m[0].toLowerCase();
    const from = caret - m[0].length;
    const locale = app.i18n.locale();
    const fns = app.calc
      .functions()
      .filter((f) => f.name.toLowerCase().startsWith(prefix))
      .map((f) => ({ label: f.signature, detail: f.doc[locale] ?? f.doc.en, kind: 'function' as const, insert: `${f.name}(`, from, to: caret }));
    // A view sheet's rows are not read by formulas: it is not offered.
    const sheets = app.wb
      .sheets()
      .filter((s) => !isViewSheet(s))
      .map((s) => app.label(s))
      .filter((n) => n.toLowerCase().startsWith(prefix))
      .map((n) => ({ label: n, detail: t('fbar.sheets'), kind: 'sheet' as const, insert: `${sheetRef(n)}[`, from, to: caret }));
    return [...fns, ...sheets].slice(0, MAX);
  });

  const visible = () => suggestions().length > 0 && hiddenFor() !== props.text();
  const pick = (s: Suggestion | undefined) => {
    if (!s) return;
    const text = props.text();
    props.accept(text.slice(0, s.from) + s.insert + text.slice(s.to), s.from + s.insert.length);
    setAt(0);
  };

  props.keys((e) => {
    if (!visible()) return false;
    const n = suggestions().length;
    if (e.key === 'ArrowDown') setAt((i) => (i + 1) % n);
    else if (e.key === 'ArrowUp') setAt((i) => (i - 1 + n) % n);
    else if (e.key === 'Tab') pick(suggestions()[Math.min(at(), n - 1)]);
    else if (e.key === 'Escape') setHiddenFor(props.text());
    else return false;
    return true;
  });

  return (
    <Show when={visible()}>
      <ul class="wb-assist" role="listbox" data-testid="formula-assist" onMouseDown={(e) => e.preventDefault()}>
        <For each={suggestions()}>
          {(s, i) => (
            <li role="option" aria-selected={i() === at()} classList={{ 'wb-pick-on': i() === at() }} onClick={() => pick(s)}>
              <span class={`wb-assist-label wb-assist-${s.kind}`}>{s.label}</span>
              <span class="wb-assist-detail">{s.detail}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
};

export default FormulaAssist;
