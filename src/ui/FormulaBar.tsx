/**
 * The formula bar: the active cell's value or formula. Editing a formula checks it as it is typed
 * (the message, and the faulty range underlined) with completion of columns, sheets and functions;
 * Enter saves only a formula that checks. A formula column's bar edits the column formula.
 */
import { createEffect, createMemo, createSignal, lazy, on, Show, Suspense, type JSX } from 'solid-js';
import { isCellFormula, isViewSheet, type Column } from '../schema/types.ts';
import { useApp } from './app-context.ts';
import type { FormulaCheck } from '../app/calc-service.ts';
import { plainText } from '../schema/format-value.ts';
import type { GridController } from './grid/grid-controller.ts';

const FormulaAssist = lazy(() => import('./dialogs/FormulaAssist.tsx'));

/** A column formula, a cell, or a view sheet's formula (its rows are the table it gives; `col` holds it). */
type Target = { kind: 'column' | 'view'; g: GridController; col: Column } | { kind: 'cell'; g: GridController; col: Column; rowId: string; rowIndex: number };

/** The formula bar under the header. */
export const FormulaBar = (): JSX.Element => {
  const app = useApp();
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const [caret, setCaret] = createSignal(0);
  const [result, setResult] = createSignal<FormulaCheck | { ok: false; message: string; from: number; to: number } | null>(null);
  let input: HTMLInputElement | undefined;
  let assistKeys: ((e: KeyboardEvent) => boolean) | undefined;

  const target = createMemo((): Target | null => {
    app.structure();
    const g = app.grid();
    if (!g) return null;
    const sheet = app.wb.sheet(g.sheetId);
    if (sheet && isViewSheet(sheet)) return { kind: 'view', g, col: { id: '', name: '', type: 'text', options: {}, formula: sheet.formula ?? '' } };
    // Re-sorting or filtering changes which row is at the active position.
    g.selection();
    g.rowsVersion();
    const fc = g.formulaColumn();
    const fcol = fc ? app.wb.column(g.sheetId, fc) : undefined;
    if (fcol) return { kind: 'column', g, col: fcol };
    const active = g.activeCell();
    if (!active) return null;
    if (active.col.formula !== undefined) return { kind: 'column', g, col: active.col };
    return { kind: 'cell', g, col: active.col, rowId: active.rowId, rowIndex: active.rowIndex };
  });
  const key = () => {
    const tg = target();
    return tg ? `${tg.g.sheetId} ${tg.kind} ${tg.col.id} ${tg.kind === 'cell' ? tg.rowId : ''}` : '';
  };

  const shown = (): string => {
    app.cells();
    const tg = target();
    if (!tg) return '';
    const { sheetId } = tg.g;
    if (tg.kind !== 'cell') return tg.col.formula ? app.calc.display(tg.col.formula, sheetId, app.i18n.locale()) : '';
    const stored = app.wb.hasRow(sheetId, tg.rowId) ? app.wb.cell(sheetId, tg.rowId, tg.col.id) : null;
    if (isCellFormula(stored)) return app.calc.display(stored.f, sheetId, app.i18n.locale());
    return plainText(app.calc.value(sheetId, tg.rowId, tg.col.id), tg.col.type);
  };

  /** Starts editing `text`; from a focus (a click in the bar) the caret stays where the person put it. */
  const begin = (text: string, fromFocus = false) => {
    setDraft(text);
    setEditing(true);
    setResult(null);
    if (fromFocus) return setCaret(input?.selectionStart ?? text.length);
    if (!input) return;
    input.value = text;
    input.focus();
    input.setSelectionRange(text.length, text.length);
    setCaret(text.length);
  };
  const stop = (refocus: boolean) => {
    const g = target()?.g;
    setEditing(false);
    setResult(null);
    if (input) input.value = shown();
    g?.setFormulaColumn(null);
    if (refocus) g?.refocus();
  };

  // A column picked from its menu ("Set formula…") starts editing here.
  createEffect(on(() => app.grid()?.formulaColumn(), (fc) => fc && begin(shown() || '=')));
  // Another cell selected: whatever was being typed here is dropped.
  createEffect(on(key, () => editing() && !app.grid()?.formulaColumn() && stop(false), { defer: true }));

  const check = (text: string) => {
    const tg = target();
    if (!tg || !text.trimStart().startsWith('=')) return setResult(null);
    const { sheetId } = tg.g;
    setResult(
      app.calc.check(
        text,
        tg.kind === 'cell'
          ? { kind: 'cell', sheetId, rowId: tg.rowId, colId: tg.col.id }
          : tg.kind === 'view'
            ? { kind: 'view' }
            : { kind: 'column', sheetId, colId: tg.col.id },
      ),
    );
  };

  const commit = async () => {
    const tg = target();
    if (!tg) return;
    const { afterTaken, readCellInput } = await import('./grid/cell-input.ts');
    const { sheetId } = tg.g;
    const text = draft();
    try {
      if (tg.kind === 'cell') {
        const r = readCellInput(app, tg.g.references, sheetId, tg.col, tg.rowId, text);
        if (!r.ok) return setResult({ ok: false, message: r.message, from: 0, to: text.length });
        app.wb.setCell(sheetId, tg.rowId, tg.col.id, r.value);
        afterTaken(app, { sheetId, rowId: tg.rowId, colId: tg.col.id }, r);
      } else if (tg.kind === 'view') {
        const r = (await import('../app/view-commands.ts')).typeViewFormula({ wb: app.wb, calc: app.calc }, sheetId, text);
        if (!r.ok) return setResult(r);
      } else {
        const { setColumnFormulaText } = await import('../app/edit-commands.ts');
        const r = setColumnFormulaText({ wb: app.wb, calc: app.calc }, sheetId, tg.col.id, text);
        if (!r.ok) return setResult(r);
      }
      stop(true);
    } catch (err) {
      setResult({ ok: false, message: err instanceof Error ? err.message : String(err), from: 0, to: 0 });
    }
  };

  const problem = () => {
    const r = result();
    return r && !r.ok ? r : null;
  };
  const label = () => {
    const tg = target();
    if (!tg) return '';
    if (tg.kind === 'view') return app.t('fbar.view');
    return tg.kind !== 'cell' ? `ƒ ${app.label(tg.col)}` : `${app.label(tg.col)} · ${tg.rowIndex + 1}`;
  };
  const hint = () => {
    const tg = target();
    if (!tg) return app.t('fbar.none');
    if (tg.kind === 'view') return app.t('fbar.viewHint');
    if (tg.kind === 'column') return app.t('fbar.columnFormula', app.label(tg.col));
    return editing() ? app.t('fbar.commitHint') : '';
  };
  const segments = () => {
    const p = problem();
    const text = draft();
    if (!p || p.to <= p.from) return null;
    return [text.slice(0, p.from), text.slice(p.from, p.to), text.slice(p.to)] as const;
  };

  return (
    <div class="wb-fbar" classList={{ 'wb-fbar-editing': editing(), 'wb-fbar-column': !!target() && target()?.kind !== 'cell' }}>
      <span class="wb-fbar-ref" title={hint()} data-testid="fbar-ref">
        {label()}
      </span>
      <span class="wb-fbar-fx" aria-hidden="true">
        fx
      </span>
      <div class="wb-fbar-field">
        <Show when={editing() && segments()}>
          {(seg) => (
            <div class="wb-fbar-mirror" aria-hidden="true" style={{ transform: `translateX(${-(input?.scrollLeft ?? 0)}px)` }}>
              <span>{seg()[0]}</span>
              <span class="wb-squiggle">{seg()[1]}</span>
              <span>{seg()[2]}</span>
            </div>
          )}
        </Show>
        <input
          ref={input}
          class="wb-fbar-input"
          value={editing() ? draft() : shown()}
          placeholder={hint()}
          aria-label={app.t('fbar.label')}
          aria-invalid={problem() ? 'true' : undefined}
          data-testid="formula-bar"
          disabled={!target()}
          readOnly={app.readOnly}
          onFocus={() => !editing() && !app.readOnly && begin(shown(), true)}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setCaret(e.currentTarget.selectionStart ?? 0);
            check(e.currentTarget.value);
          }}
          onKeyUp={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onClick={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onKeyDown={(e) => {
            if (assistKeys?.(e)) return e.preventDefault();
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              stop(true);
            }
          }}
          onBlur={(e) => {
            if (!(e.relatedTarget as HTMLElement | null)?.closest('.wb-fbar') && draft() === shown()) stop(false);
          }}
        />
        <Show when={editing() && draft().trimStart().startsWith('=')}>
          <Suspense>
            <FormulaAssist
              text={draft}
              caret={caret}
              sheetId={target()?.g.sheetId ?? ''}
              keys={(h) => (assistKeys = h)}
              accept={(text, at) => {
                setDraft(text);
                setCaret(at);
                check(text);
                if (!input) return;
                input.value = text;
                input.setSelectionRange(at, at);
                input.focus();
              }}
            />
          </Suspense>
        </Show>
      </div>
      <Show when={editing() && problem()}>
        <div class="wb-fbar-problem" role="alert" data-testid="formula-problem">
          {problem()?.message}
        </div>
      </Show>
    </div>
  );
};
