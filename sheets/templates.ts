/** Every sheet template, in the order the ops workbook lays its tabs out. */
import { abTests } from './ab-tests.ts';
import { afterSales } from './after-sales.ts';
import { blank } from './blank.ts';
import { campaigns } from './campaigns.ts';
import { competitors } from './competitors.ts';
import { inventory } from './inventory.ts';
import { kpis } from './kpis.ts';
import { products } from './products.ts';
import { segments } from './segments.ts';
import { swot } from './swot.ts';
import type { SheetTemplate } from './template.ts';

/** The templates of the ops workbook, in tab order (KPIs first: it is what a manager opens). */
export const OPS_TEMPLATES: SheetTemplate[] = [kpis, products, inventory, campaigns, competitors, swot, abTests, segments, afterSales];

/** Every template the gallery offers, the blank one last. */
export const SHEET_TEMPLATES: SheetTemplate[] = [...OPS_TEMPLATES, blank];

/** The template of a kind, or undefined. */
export const templateOf = (kind: string): SheetTemplate | undefined => SHEET_TEMPLATES.find((t) => t.kind === kind);
